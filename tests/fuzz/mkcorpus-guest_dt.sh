#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# mkcorpus-guest_dt.sh - rebuild the seed corpus of the guest DTB fuzzer.
#
# Writes tests/fuzz/corpus/guest_dt/{ok,bad}-*.dtb from the DTS below with
# dtc.  ok-* must parse and bad-* must be rejected (the host unit test
# checks both).  The blobs are committed; run this only to change them.
set -eu
cd "$(dirname "$0")/../.."
out=tests/fuzz/corpus/guest_dt
mkdir -p "$out"

vcpu='vcpu0 { device_type = "vcpu"; model = "MIPS,24Kc"; start_pc = <0x3fc00000>; };'
ram='mem0 { manifest_type = "real"; address_type = "memory"; device_type = "ram"; guest_physical_addr = <0x0>; physical_size = <0x1000000>; };'
rom='rom0 { manifest_type = "real"; address_type = "memory"; device_type = "rom"; guest_physical_addr = <0x1fc00000>; physical_size = <0x400000>; image = "firmware.bin"; };'
uart='uart0 { manifest_type = "virtual"; address_type = "memory"; device_type = "serial"; compatible = "ns16550a"; guest_physical_addr = <0x180003f8>; physical_size = <0x8>; interrupts = <2>; };'
power='power { manifest_type = "virtual"; address_type = "memory"; device_type = "power"; compatible = "mipsvcpu,power"; guest_physical_addr = <0x1f000500>; physical_size = <0x8>; };'
testdev='t { manifest_type = "virtual"; address_type = "memory"; device_type = "testdev"; guest_physical_addr = <0x1f200000>; physical_size = <0x20>; };'

guest() { # $1 = body of guest0
	printf '/dts-v1/;\n/ { guest0 { device_type = "guest"; model = "fuzz"; %s }; };\n' "$1"
}

mk() { # $1 = file name, stdin = DTS
	dtc -q -I dts -O dtb -o "$out/$1" -
}

dtc -q -I dts -O dtb -o "$out/ok-demo.dtb" examples/demo/guest.dts
guest "vcpus { $vcpu }; aspace { $ram $rom }; " | mk ok-minimal.dtb
guest "vcpus { $vcpu vcpu1 { device_type = \"vcpu\"; model = \"MIPS,24Kc\"; start_pc = <0x3fc00000>; tlb_size = <64>; }; }; aspace { $ram $rom $uart $power $testdev hi { manifest_type = \"real\"; address_type = \"memory\"; device_type = \"ram\"; guest_physical_addr = <0x1f800000>; physical_size = <0x100000>; read_only; image = \"os.bin\"; image_offset = <0x1000>; }; };" | mk ok-extensions.dtb
printf '/dts-v1/;\n/ { model = "host"; guests { guest0 { device_type = "guest"; model = "x"; vcpus { %s }; aspace { %s %s }; }; }; };\n' "$vcpu" "$rom" "$ram" | mk ok-under-guests.dtb
printf '/dts-v1/;\n/ { model = "virt"; device_type = "guest"; vcpus { %s }; aspace { rom { manifest_type = "real"; address_type = "memory"; device_type = "alloced_rom"; guest_physical_addr = <0x1fc00000>; physical_size = <0x1000>; }; ram { manifest_type = "real"; address_type = "memory"; device_type = "alloced_ram"; guest_physical_addr = <0>; physical_size = <0x1000>; }; }; };\n' "$vcpu" | mk ok-xvisor-root.dtb
guest "vcpus { $vcpu }; aspace { $ram big { manifest_type = \"real\"; address_type = \"memory\"; device_type = \"ram\"; guest_physical_addr = <0x800000>; physical_size = <0x1000000>; }; $rom };" | mk bad-overlap.dtb
guest "vcpus { $vcpu }; aspace { $rom $uart };" | mk bad-no-ram.dtb
guest "vcpus { vcpu0 { device_type = \"vcpu\"; model = \"MIPS,24Kc\"; start_pc = <0xbfc00000>; }; }; aspace { $ram $rom };" | mk bad-start-pc.dtb
guest "vcpus { $vcpu }; aspace { $ram $rom u { manifest_type = \"virtual\"; address_type = \"memory\"; device_type = [73 65 72 69 61 6c]; guest_physical_addr = <0x1f000000>; physical_size = <0x8>; }; };" | mk bad-string.dtb
printf '/dts-v1/;\n/ { g0 { device_type = "guest"; model = "a"; }; g1 { device_type = "guest"; model = "b"; }; };\n' | mk bad-two-guests.dtb
guest "vcpus { }; aspace { $ram $rom };" | mk bad-no-vcpu.dtb
guest "user_window = <0x40000000 0x70000000>; vcpus { $vcpu }; aspace { $ram $rom };" | mk ok-user-window.dtb
guest "user_window = <0x40000000 0x80001000>; vcpus { $vcpu }; aspace { $ram $rom };" | mk bad-user-window.dtb
ls -l "$out"
