#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-packages.sh - the package route, run as root inside the Debian
# mipsel system (the job make check-debian hands to mvc-job as run.sh,
# beside the .debs).  Each step is one TAP result in
# out/debian-packages.tap; the installed selftests write their own TAP to
# out/debian-selftest-NAME.tap.
#
#   1. apt install ./*.deb: DKMS builds the module for the running kernel
#   2. dkms status says installed for $(uname -r)
#   3. modprobe mipsvcpu; udev makes /dev/mipsvcpu 0660 root:kvm
#   4. a user in the group kvm runs the demo guest to its exit 0
#   5. a user outside it is refused (vcpuctl exits 69)
#   6. the installed selftests (run_kselftest.sh) pass
#   7. apt remove: the module stays loaded (nothing unloaded), DKMS
#      forgets it, no file of the packages is left but the conffile
#   8. apt purge: the conffile goes too
# The steps below are functions that step() calls by name.
# shellcheck disable=SC2317
cd "$(dirname "$0")" || exit 1
out=$PWD/out
tap=$out/debian-packages.tap
mkdir -p "$out"
n=0
rc=0
: > "$tap"
export DEBIAN_FRONTEND=noninteractive

# step NAME COMMAND...: run COMMAND, time it, record ok/not ok.
step() {
	name=$1
	shift
	n=$((n + 1))
	echo "== $n. $name"
	t0=$(date +%s)
	if "$@"; then r="ok $n"; else r="not ok $n"; rc=1; fi
	echo "$r $name ($(( $(date +%s) - t0 )) s)" | tee -a "$tap"
}

# DKMS compiles the module with gcc on the emulated CPU: most of the
# run.  check.sh may hand over the compiler cache of the previous run
# (ccache.tar); Debian's kernel headers put ccache in front of gcc-12 when
# DEBIAN_KERNEL_USE_CCACHE is set, and a source or header that changed
# is compiled again.  The cache goes back out in out/ccache.tar.
install_debs() {
	if [ -f ccache.tar ]; then
		export CCACHE_DIR=/var/cache/mvc-ccache DEBIAN_KERNEL_USE_CCACHE=1
		mkdir -p "$CCACHE_DIR" && tar -C "$CCACHE_DIR" -xf ccache.tar &&
			ccache -z > /dev/null
	fi
	apt-get install -y --no-install-recommends ./mipsvcpu-dkms_*.deb \
		./vcpuctl_*.deb ./mipsvcpu-tests_*.deb
	r=$?
	if [ -n "${CCACHE_DIR:-}" ]; then
		ccache -s
		ccache -c > /dev/null
		tar -C "$CCACHE_DIR" -cf "$out/ccache.tar" .
		unset CCACHE_DIR DEBIAN_KERNEL_USE_CCACHE
	fi
	return "$r"
}

dkms_installed() {
	dkms status
	dkms status mipsvcpu > /tmp/dkms-status.txt &&
		grep -q "$(uname -r).*: installed" /tmp/dkms-status.txt &&
		modinfo -n mipsvcpu
}

load() {
	modprobe mipsvcpu && udevadm settle && dmesg | grep 'mipsvcpu: host' &&
		ls -l /dev/mipsvcpu &&
		[ "$(stat -c '%a %U %G' /dev/mipsvcpu)" = "660 root kvm" ]
}

demo_as_kvm_user() {
	id mvcuser > /dev/null 2>&1 || useradd -m -G kvm mvcuser
	runuser -l mvcuser -c 'id; ulimit -l; timeout 600 vcpuctl run /usr/share/mipsvcpu/examples/demo/guest.dtb < /dev/null'
	r=$?
	echo "vcpuctl exit status $r"
	[ "$r" = 0 ]
}

refused_outside_kvm() {
	id nokvm > /dev/null 2>&1 || useradd -m nokvm
	runuser -l nokvm -c 'vcpuctl version'
	r=$?
	echo "vcpuctl exit status $r"
	[ "$r" = 69 ]
}

selftests() {
	/usr/lib/mipsvcpu/selftests/run_kselftest.sh -o "$out/debian-selftest-"
}

remove() {
	dpkg -L mipsvcpu-dkms vcpuctl mipsvcpu-tests > /tmp/files.txt
	lsmod | awk 'NR > 1 { print $1 }' | sort > /tmp/mods-before.txt
	apt-get remove -y mipsvcpu-tests vcpuctl mipsvcpu-dkms || return 1
	lsmod | awk 'NR > 1 { print $1 }' | sort > /tmp/mods-after.txt
	echo "modules unloaded by the removal:"; comm -23 /tmp/mods-before.txt /tmp/mods-after.txt
	cmp -s /tmp/mods-before.txt /tmp/mods-after.txt || return 1
	echo "dkms status: $(dkms status mipsvcpu)"
	[ -z "$(dkms status mipsvcpu)" ] || return 1
	[ ! -e /var/lib/dkms/mipsvcpu ] || { echo "left: /var/lib/dkms/mipsvcpu"; return 1; }
	find /lib/modules -name 'mipsvcpu.ko*' | grep . && return 1
	left=$(while read -r f; do [ -f "$f" ] && echo "$f"; done < /tmp/files.txt)
	echo "files left: ${left:-none}"
	[ "$left" = /etc/security/limits.d/mipsvcpu.conf ] || [ -z "$left" ]
}

purge() {
	# Only a package that left a conffile is still known (state rc).
	rc_pkgs=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' mipsvcpu-dkms \
		vcpuctl mipsvcpu-tests 2> /dev/null | awk '$1 == "rc" { print $2 }')
	echo "left in state rc: ${rc_pkgs:-none}"
	# shellcheck disable=SC2086 # one word per package
	[ -z "$rc_pkgs" ] || apt-get purge -y $rc_pkgs || return 1
	left=$(while read -r f; do [ -e "$f" ] && [ ! -d "$f" ] && echo "$f"; done < /tmp/files.txt)
	echo "files left: ${left:-none}"
	dpkg -l | grep -E 'mipsvcpu|vcpuctl' && return 1
	[ -z "$left" ]
}

step "apt install ./*.deb builds the module with DKMS" install_debs
step "dkms status: installed for $(uname -r)" dkms_installed
step "modprobe mipsvcpu; /dev/mipsvcpu is 0660 root:kvm" load
step "a user in kvm runs the demo guest to exit 0" demo_as_kvm_user
step "a user outside kvm is refused (exit 69)" refused_outside_kvm
step "the installed selftests pass" selftests
step "apt remove: nothing unloaded, DKMS forgets it, no file left but the conffile" remove
step "apt purge: no file left" purge
echo "1..$n" >> "$tap"
exit $rc
