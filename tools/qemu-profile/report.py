#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""report.py - insn_profile.so's counts by function.

  report.py --log RUN_LOG [--guest-map System.map] [--per N] [--top K]
            [--annotate FUNCTION --object FILE.ko] [--vector-object entry.o]
            PROFILE

PROFILE is what the plugin wrote ("ADDRESS COUNT" lines).  RUN_LOG is the
MIPS host's console log of the same run: bench.sh printed the host
kernel's and the module's text symbols between KALLSYMS-BEGIN and
KALLSYMS-END.  --guest-map names the Linux guest's System.map, for
addresses inside its kernel text.  --per divides every count (by the
number of operations the window held).  --annotate prints FUNCTION's
disassembly from FILE.ko (objdump) with each instruction's count; its
load address comes from the same symbols.  --vector-object names
module/entry.o: the vector pages' counts are then shown by its labels
(an address's offset in its 16 KiB page is its offset in the block).

An address is a host kernel or module function when it falls inside the
kernel's text or a module's symbols; other host lowmem addresses are the
VCPUs' vector pages (entry.S is copied into a page per VCPU) or the
host's exception vectors below the kernel; everything below 0x80000000 is
user mode: the guest (firmware, kernel, user) or host user space (mvc_bench,
vcpuctl), told apart by the guest map where one is given.
"""
import argparse
import bisect
import collections
import os
import re
import subprocess
import sys


def read_kallsyms(path):
    syms = []
    inside = False
    with open(path, errors='replace') as f:
        for line in f:
            line = line.strip().replace('\r', '')
            if line == 'KALLSYMS-BEGIN':
                inside = True
                continue
            if line == 'KALLSYMS-END':
                break
            if not inside:
                continue
            parts = line.split()
            if len(parts) < 3 or len(parts[0]) != 8:
                continue        # a console line that landed in between
            try:
                addr = int(parts[0], 16)
            except ValueError:
                continue
            name = parts[2]
            if len(parts) > 3:
                name += ' ' + parts[3]
            syms.append((addr, name))
    syms.sort()
    return syms


def read_map(path):
    syms = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[1] in 'tTwW':
                syms.append((int(parts[0], 16), parts[2]))
    syms.sort()
    return syms


def read_labels(obj):
    nm = os.environ.get('NM', 'mipsel-linux-gnu-nm')
    out = subprocess.run([nm, '-n', obj], capture_output=True, text=True,
                         check=True).stdout
    labels = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            labels.append((int(parts[0], 16), parts[2]))
    labels.sort()
    return labels


VECTOR_PAGE = 0x4000     # MVC_PAGE_SIZE: each VCPU's block is so aligned


def vector_label(labels, addr):
    i = bisect.bisect_right([a for a, _ in labels], addr % VECTOR_PAGE) - 1
    return '[vector] ' + (labels[i][1] if i >= 0 else '?')


class Table:
    def __init__(self, syms, lo, hi, prefix=''):
        self.addrs = [a for a, _ in syms]
        self.names = [prefix + n for _, n in syms]
        self.lo, self.hi = lo, hi

    def lookup(self, addr):
        if not self.addrs or not self.lo <= addr < self.hi:
            return None
        i = bisect.bisect_right(self.addrs, addr) - 1
        return self.names[i] if i >= 0 else None


def annotate(obj, fn, loaded, counts, per):
    objdump = os.environ.get('OBJDUMP', 'mipsel-linux-gnu-objdump')
    dis = subprocess.run([objdump, '-d', '--no-show-raw-insn', obj],
                         capture_output=True, text=True, check=True).stdout
    base = None
    for line in dis.splitlines():
        m = re.match(r'^([0-9a-f]+) <(.+)>:$', line)
        if m:
            if base is not None:
                break
            if m.group(2) == fn:
                base = loaded - int(m.group(1), 16)
            continue
        if base is None:
            continue
        m = re.match(r'^\s*([0-9a-f]+):\t(.*)$', line)
        if m:
            n = counts.get(base + int(m.group(1), 16), 0)
            print(f'{n / per:10.2f}  {m.group(1)}: {m.group(2)}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--log', required=True)
    ap.add_argument('--guest-map')
    ap.add_argument('--per', type=float, default=1.0)
    ap.add_argument('--top', type=int, default=40)
    ap.add_argument('--annotate')
    ap.add_argument('--object')
    ap.add_argument('--vector-object')
    ap.add_argument('profile')
    a = ap.parse_args()

    ksyms = read_kallsyms(a.log)
    kernel = [(ad, n) for ad, n in ksyms if not n.endswith(']')]
    modules = [(ad, n) for ad, n in ksyms if n.endswith(']')]
    etext = max((ad for ad, n in kernel if n == '_etext'), default=None)
    stext = min((ad for ad, n in kernel if n in ('_stext', '_text')),
                default=None)
    if etext is None and kernel:
        etext = kernel[-1][0] + 4096
    if stext is None and kernel:
        stext = kernel[0][0]
    ktab = Table(kernel, stext or 0, etext or 0)
    # Module text lies in KSEG2 here; a symbol covers up to the next one.
    mtab = Table(modules, modules[0][0] if modules else 0,
                 modules[-1][0] + 65536 if modules else 0)
    gtab = None
    if a.guest_map and not os.path.exists(a.guest_map):
        print(f'report.py: no {a.guest_map}: the guest kernel is not named',
              file=sys.stderr)
    elif a.guest_map:
        g = read_map(a.guest_map)
        gt = [ad for ad, n in g if n in ('_text', '_stext')]
        ge = [ad for ad, n in g if n == '_etext']
        if g and gt and ge:
            gtab = Table(g, min(gt), max(ge), 'guest: ')

    vtab = read_labels(a.vector_object) if a.vector_object else None
    counts = {}
    by_fn = collections.Counter()
    by_region = collections.Counter()
    windows = None
    total = 0
    with open(a.profile) as f:
        for line in f:
            if line.startswith('# windows'):
                windows = int(line.split()[2])
                continue
            ad, n = line.split()
            ad, n = int(ad, 16), int(n)
            total += n
            counts[ad] = n
            if ad >= 0x80000000:
                name = ktab.lookup(ad) or mtab.lookup(ad)
                if name and name.endswith(']'):
                    region = 'host module'
                elif name:
                    region = 'host kernel'
                elif stext and ad < stext:
                    name = region = '[host exception vectors]'
                else:
                    region = '[vector page]'
                    name = vector_label(vtab, ad) if vtab else region
            else:
                name = gtab.lookup(ad) if gtab else None
                if name:
                    region = 'guest kernel'
                elif 0x3fc00000 <= ad < 0x40000000:
                    name = region = '[guest firmware]'
                else:
                    name = region = '[user mode: guest or host]'
            by_fn[name] += n
            by_region[region] += n

    per = a.per
    if a.annotate:
        loaded = [ad for ad, n in ksyms if n.split()[0] == a.annotate]
        if not loaded or not a.object:
            print(f'report.py: no {a.annotate} in the log, or no --object',
                  file=sys.stderr)
            return 1
        annotate(a.object, a.annotate, loaded[0], counts, per)
        return 0
    print(f'# windows {windows}, {total} instructions, per {per:g}: '
          f'{total / per:.1f}')
    for region, n in by_region.most_common():
        print(f'{n / per:14.1f} {100.0 * n / total:5.1f}%  {region}')
    print()
    for name, n in by_fn.most_common(a.top):
        print(f'{n / per:14.1f} {100.0 * n / total:5.1f}%  {name}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
