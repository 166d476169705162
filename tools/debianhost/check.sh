#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check.sh [--native] LOGDIR - make check-debian: the Debian packages in
# the Debian mipsel system, judged into LOGDIR as TAP (*.tap) and
# verdicts (*.verdict) for tools/tap-summary.sh.
#
#   1. tools/debianhost/build-debs.sh: dpkg-buildpackage -a mipsel, lintian
#   2. tools/debianhost/mkimage.sh: the system image (cached)
#   3. tools/debianhost/run.sh boots it with a job disk holding the .debs
#      and check-packages.sh, which installs, loads, runs the demo as an
#      unprivileged user of the group kvm and the installed selftests,
#      removes and purges (one TAP line per step)
#
# --native runs the README's native path instead: a copy of the
# repository (with the bootstrap cache's kernel files, since the system
# has no network), then tools/mipshost/bootstrap.sh, make, insmod,
# vcpuctl version and make check inside the system (check-native.sh).
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
mode=packages
if [ "${1:-}" = --native ]; then
	mode=native
	shift
fi
logs=$(mkdir -p "${1:?usage: check.sh [--native] LOGDIR}" && cd "$1" && pwd)
build=${BUILD:-$top/build}
work=$build/debian
timeout=${DEBIAN_TIMEOUT:-3600}
t0=$(date +%s)

elapsed() { echo "$(( $(date +%s) - t0 )) s"; }

verdict() { # NAME ok|FAILED
	echo "debian $1 $2" > "$logs/debian-$1.verdict"
	echo "== debian $1: $2 ($(elapsed))"
}

rm -f "$logs"/debian-*.tap "$logs"/debian-*.verdict
mkdir -p "$work"

if ! img=$("$top/tools/debianhost/mkimage.sh"); then
	verdict image FAILED
	exit 1
fi
verdict image ok

job=$work/job-$mode
rm -rf "$job" "$job.out"
mkdir -p "$job"
if [ $mode = packages ]; then
	if "$top/tools/debianhost/build-debs.sh" "$work/debs" > "$logs/debian-build-debs.log" 2>&1; then
		verdict packages ok
	else
		tail -n 20 "$logs/debian-build-debs.log"
		verdict packages FAILED
		exit 1
	fi
	grep '^lintian: ' "$logs/debian-build-debs.log" | sort | uniq -c | sort -rn | head -n 20
	cp "$work"/debs/mipsvcpu-dkms_*.deb "$work"/debs/vcpuctl_*.deb \
		"$work"/debs/mipsvcpu-tests_*.deb "$job/"
	cp "$top/tools/debianhost/check-packages.sh" "$job/run.sh"
else
	mkdir -p "$job/mipsvcpu"
	(cd "$top" && git ls-files -z --cached --others --exclude-standard |
		tr '\0' '\n' | grep -v -E '^(\.cache|build)(/|$)' |
		while read -r f; do [ -e "$f" ] && echo "$f"; done |
		tar --no-recursion -cf - -T -) | tar -C "$job/mipsvcpu" -xf -
	mkdir -p "$job/mipsvcpu/.cache/linux-src"
	(cd "${MIPSVCPU_CACHE:-$top/.cache}/linux-src" && tar -cf - .) |
		tar -C "$job/mipsvcpu/.cache/linux-src" -xf -
	cp "$top/tools/debianhost/check-native.sh" "$job/run.sh"
fi
# The compiler cache of the last run of this mode, kept beside the image
# (an empty one the first time): gcc on the emulated CPU is most of the
# run, and the job compiles only what changed.  MIPSVCPU_DEBIAN_CCACHE=0
# compiles everything.
ccache_tar=$img/ccache-$mode.tar
if [ "${MIPSVCPU_DEBIAN_CCACHE:-1}" != 0 ]; then
	if [ -f "$ccache_tar" ]; then
		cp "$ccache_tar" "$job/ccache.tar"
	else
		tar -cf "$job/ccache.tar" -T /dev/null
	fi
fi

# Once (of some twenty boots) the system never reached the job: the
# initramfs's first mounts failed ("mount: No such file or directory")
# and it rebooted within five seconds, the same image booting fine
# before and after.  A boot that does not reach the job is retried once,
# and said so; a job that started and failed is not.
for try in 1 2; do
	"$top/tools/debianhost/run.sh" --timeout "$timeout" \
		--log "$logs/debian-$mode.console" "$img" "$job" > /dev/null
	rc=$?
	# A watchdog is not retried: another boot would double a hung run.
	[ "$rc" != 124 ] || break
	grep -a -q 'MVCJOB: start' "$logs/debian-$mode.console" && break
	cp "$logs/debian-$mode.console" "$logs/debian-$mode-boot$try.console"
	echo "== debian $mode: the system did not reach the job (boot $try," \
		"console in debian-$mode-boot$try.console)"
done
for f in "$job.out"/*.tap; do
	# shellcheck disable=SC2094 # $f is in the job's out/, not in $logs
	[ -f "$f" ] && tr -d '\r' < "$f" > "$logs/$(basename "$f")"
done
for f in "$job.out"/*.verdict; do
	[ -f "$f" ] && cp "$f" "$logs/debian-native-$(basename "$f")"
done
if [ -f "$job.out/ccache.tar" ]; then
	cp "$job.out/ccache.tar" "$ccache_tar.new" && mv "$ccache_tar.new" "$ccache_tar"
fi
grep -a -E '^(ok|not ok) [0-9]+ [^#]*\(' "$logs/debian-$mode.console" | tr -d '\r'
grep -a 'MVCJOB: result' "$logs/debian-$mode.console" | tr -d '\r'
if [ "$rc" = 0 ]; then verdict "$mode-run" ok; else verdict "$mode-run" FAILED; fi
exit "$rc"
