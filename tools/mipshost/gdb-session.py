# SPDX-License-Identifier: GPL-2.0
#
# gdb-session.py - the gdb side of selftests/mipsvcpu/gdb_test.c, run by
# tools/mipshost/gdb-session.sh as "gdb-multiarch -batch -nx -x" on the
# build machine against "vcpuctl run --gdb /dev/ttyS1 --gdb-wait" in the
# MIPS host (QEMU's second serial port, a Unix socket here).
#
# SESSION=demo: the demo guest (the firmware in flash, the demo OS it
# loads into RAM, the user program both tasks run).  SESSION=uboot:
# Debian's U-Boot, by symbol before and after it relocates itself into
# RAM.  Every command and its output are printed (the transcripts in
# docs/debugging.md come from here) and each check is a TAP line.
# Environment: SESSION, GDB_SOCK, CPU, FW_ELF, OS_ELF, USER_ELF, UBOOT_ELF.
import os
import re

import gdb

env = os.environ
checks = 0


def run(cmd):
    print("(gdb) " + cmd, flush=True)
    out = gdb.execute(cmd, to_string=True)
    print(out, end="", flush=True)
    return out


def check(ok, what):
    global checks
    checks += 1
    print("%sok %d - gdb/%s: %s" % ("" if ok else "not ", checks, env["CPU"], what),
          flush=True)
    return ok


def detach(what):
    """detach, checked: no error, and gdb holds no process afterwards."""
    try:
        run("detach")
        ok = gdb.selected_inferior().pid == 0
    except gdb.error as e:
        print("detach: %s" % e, flush=True)
        ok = False
    check(ok, what)


def brk(spec):
    out = run("break " + spec)
    m = re.search(r"Breakpoint (\d+) at", out)
    return int(m.group(1)) if m else -1


def reg(name):
    return int(gdb.parse_and_eval("$" + name)) & 0xffffffff


def value(expr):
    return int(gdb.parse_and_eval(expr)) & 0xffffffff


def function():
    f = gdb.selected_frame()
    return f.name() or ""


def insn_at(pc):
    arch = gdb.selected_frame().architecture()
    return arch.disassemble(pc)[0]["asm"]


def uboot_session():
    elf = env["UBOOT_ELF"]
    run("file " + elf)
    run("target remote " + env["GDB_SOCK"])
    check(reg("pc") == 0x3fc00000, "U-Boot waits at its reset vector 0x3fc00000")
    brk("board_init_f")
    run("continue")
    check(function() == "board_init_f", "break board_init_f (U-Boot in flash)")
    run("backtrace")
    run("delete")
    # relocate_code(start_addr_sp, new_gd, relocaddr): its entry, a2.
    brk("*relocate_code")
    run("continue")
    reloc = reg("a2")
    check(function() == "relocate_code" and 0 < reloc < 0x20000000,
          "relocate_code: U-Boot moves to 0x%08x" % reloc)
    run("delete")
    # Past the copy, its relocations and flush_cache(): a line of
    # relocate_code itself.  (U-Boot copies the flash with every break
    # inserted in it: one in a function the copy runs would be the
    # guest's own there.)
    run("tbreak arch/mips/lib/reloc.c:148")
    run("continue")
    check(function() == "relocate_code", "tbreak reloc.c:148: the copy is done")
    offset = reloc - 0x3fc00000
    run("symbol-file -o %s0x%x %s" % ("-" if offset < 0 else "", abs(offset), elf))
    brk("board_init_r")
    run("continue")
    check(function() == "board_init_r" and reg("pc") >= reloc,
          "break board_init_r: the relocated copy, in RAM")
    run("backtrace 1")
    check(value("((gd_t *)$k0)->relocaddr") == reloc,
          "print gd->relocaddr through k0 (gd_t)")
    run("print/x *(gd_t *)$k0")
    run("delete")
    detach("detach: U-Boot runs on to its prompt")


run("set pagination off")
run("set confirm off")
run("set width 0")
run("set remotetimeout 60")
if env.get("SESSION") == "uboot":
    uboot_session()
    print("GDB-SESSION-COMPLETE", flush=True)
    print("1..%d" % checks, flush=True)
    gdb.execute("quit")
run("file " + env["FW_ELF"])
run("add-symbol-file " + env["OS_ELF"])
run("add-symbol-file " + env["USER_ELF"])
run("target remote " + env["GDB_SOCK"])
check(reg("pc") == 0x3fc00000, "the guest waits at its reset vector 0x3fc00000")
check(run("info threads").count("Thread") >= 1, "info threads lists the VCPU")

# A breakpoint by symbol in the firmware, in read-only flash.
check(brk("fw_main") > 0, "break fw_main (flash)")
out = run("continue")
check(function() == "fw_main", "continue stops in fw_main")
out = run("backtrace")
check(re.search(r"#0 .*fw_main", out) is not None, "backtrace shows fw_main")
out = run("info registers")
check(all(n in out for n in ("status", "badvaddr", "cause", "pc", "sp", "ra")),
      "info registers shows GPRs, status, badvaddr, cause, pc")
out = run("x/4i $pc")
check(out.count("0x3fc") >= 4 and "=>" in out, "x/4i $pc disassembles 4 instructions")

# stepi until a jal, then across it and its delay slot.
jal = None
for _ in range(200):
    asm = insn_at(reg("pc"))
    if asm.startswith("jal\t") or asm.startswith("jal "):
        jal = reg("pc")
        break
    run("stepi")
if check(jal is not None, "stepi reaches a jal in fw_main"):
    run("x/2i $pc")
    target = int(re.search(r"0x([0-9a-f]+)", insn_at(jal)).group(1), 16)
    run("stepi")
    check(reg("pc") == target, "stepi across jal 0x%08x and its delay slot lands at the target"
          % target)
    check(reg("ra") == jal + 8, "the jal linked ra = its address + 8")
    run("x/2i $pc")
    for _ in range(3):  # the callee's inlined frames first
        if function() == "fw_main":
            break
        run("finish")
    check(function() == "fw_main", "finish returns to fw_main")

# Let the firmware load the OS, then break in the OS and in a user task.
run("delete")
brk("jump_to_os")
run("continue")
check(function() == "jump_to_os", "break jump_to_os: the OS is loaded")
run("delete")
syscall = brk("do_syscall")
check(syscall > 0, "break do_syscall (the demo OS, in RAM)")
brk("os_finish")
run("continue")
check(function() == "do_syscall", "continue stops in do_syscall")
run("print *current_tf")
epc = value("current_tf->epc")
check(0x00400000 <= epc < 0x00404000,
      "read a variable: current_tf->epc 0x%08x is in the user program" % epc)
run("info symbol 0x%x" % (epc + 4))
out = run("monitor cp0 14")
check(("0x%08x" % epc) in out, "monitor cp0 14: EPC is the syscall's address")
run("delete %d" % syscall)
# The user task's address space: through the guest TLB, with its ASID.
run("monitor view user")
user = brk("*0x%x" % (epc + 4))
run("continue")
status = reg("status")
check(reg("pc") == epc + 4, "stopped at the user task's breakpoint 0x%08x" % (epc + 4))
check((status & 0x1e) == 0x10, "in guest user mode (Status 0x%08x)" % status)
out = run("x/2i $pc")
check(("0x%x" % (epc + 4)) in out, "x/2i reads user memory through the guest TLB")
run("monitor view auto")
run("delete %d" % user)

# A variable, set: the guest prints the new value.
run("continue")
check(function() == "os_finish", "continue stops in os_finish")
ticks = value("stats.ticks")
run("print stats")
check(ticks > 0, "read a variable: stats.ticks = %d" % ticks)
run("set var stats.ticks = 4242")
check(value("stats.ticks") == 4242, "set var stats.ticks = 4242")
run("delete")
detach("detach")
print("GDB-SESSION-COMPLETE", flush=True)
print("1..%d" % checks, flush=True)
