#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-native.sh - the README's "On a real MIPS32 host" commands, run as
# root inside the Debian mipsel system from the copy of the repository
# beside this script (make check-debian-native).  Each command is timed
# and is one TAP result in out/debian-native-steps.tap; make check's own
# TAP files are copied to out/debian-native-*.tap.
cd "$(dirname "$0")" || exit 1
out=$PWD/out
tap=$out/debian-native-steps.tap
mkdir -p "$out"
: > "$tap"
n=0
rc=0
step() {
	name=$1
	shift
	n=$((n + 1))
	echo "== $n. $name"
	t0=$(date +%s)
	if "$@"; then r="ok $n"; else r="not ok $n"; rc=1; fi
	echo "$r $name ($(( $(date +%s) - t0 )) s)" | tee -a "$tap"
}

# The compiler cache check.sh hands over (see check-packages.sh): for the
# module through Debian's kernel headers, for the rest through ccache's
# gcc in front of the PATH.
if [ -f ccache.tar ]; then
	export CCACHE_DIR=/var/cache/mvc-ccache DEBIAN_KERNEL_USE_CCACHE=1
	export PATH="/usr/lib/ccache:$PATH"
	mkdir -p "$CCACHE_DIR" && tar -C "$CCACHE_DIR" -xf ccache.tar &&
		ccache -z > /dev/null
fi
cd mipsvcpu || exit 1
# The README's commands, in its order.
step "tools/mipshost/bootstrap.sh" tools/mipshost/bootstrap.sh
step "make" make
step "sudo insmod module/mipsvcpu.ko" sudo insmod module/mipsvcpu.ko
step "sudo chgrp kvm /dev/mipsvcpu" sudo chgrp kvm /dev/mipsvcpu
step "tools/vcpuctl/vcpuctl version" tools/vcpuctl/vcpuctl version
step "sudo rmmod mipsvcpu" sudo rmmod mipsvcpu
step "make check" make check
for f in build/logs/*.tap; do
	[ -f "$f" ] && cp "$f" "$out/debian-native-$(basename "$f")"
done
for f in build/logs/*.verdict; do
	[ -f "$f" ] && cp "$f" "$out/"
done
if [ -n "${CCACHE_DIR:-}" ]; then
	ccache -s
	ccache -c > /dev/null
	tar -C "$CCACHE_DIR" -cf "$out/ccache.tar" .
fi
echo "1..$n" >> "$tap"
exit $rc
