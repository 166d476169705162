#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The Linux guest's demo, run by /init inside the MIPS host in demo mode
# with mvc_demo=linux (make demo-linux): examples/linux/guest.dts boots
# Debian's Linux 6.1 for the guest map, and a few commands are typed at
# its shell, each once the guest has printed its previous prompt.
out=/tmp/linux-demo.out
prompts() {
	grep -o 'guest# ' "$out" 2>/dev/null | wc -l
}
: > "$out"
echo "== vcpuctl run /examples/linux/guest.dtb"
{
	n=1
	while IFS= read -r c; do
		until [ "$(prompts)" -ge "$n" ]; do sleep 1; done
		echo "$c"
		n=$((n + 1))
	done <<-'CMDS'
	uname -a
	cat /proc/cpuinfo
	free
	cat /proc/self/maps
	ls /bin | wc -l
	awk 'BEGIN { printf "pi = %.6f\n", atan2(0, -1) }'
	poweroff -f
	CMDS
} | {
	vcpuctl run --timeout 1500 /examples/linux/guest.dtb
	echo $? > /tmp/linux-demo.rc
} | tee "$out"
rc=$(cat /tmp/linux-demo.rc)
echo "== guest exit status $rc"
exit $rc
