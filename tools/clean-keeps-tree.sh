#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# clean-keeps-tree.sh KDIR [COMMIT] - make clean in a fresh clone of
# COMMIT (default HEAD) must delete no tracked file.  kbuild's clean of an
# external module deletes every *.dtb, *.[aios] and more under the folder
# it is given; when that was the top of the tree it took the fuzzers'
# committed DTBs with it (make check-lint runs this).
set -eu
kdir=${1:?usage: clean-keeps-tree.sh KDIR [COMMIT]}
commit=${2:-HEAD}
top=$(cd "$(dirname "$0")/.." && pwd)
if ! git -C "$top" rev-parse --verify -q "$commit" > /dev/null; then
	echo "not a git checkout: nothing to compare with"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q --shared --no-checkout "$top" "$tmp/tree"
git -C "$tmp/tree" checkout -q --detach "$commit"
if ! make -C "$tmp/tree" clean KDIR="$kdir" CACHE="$top/.cache" \
		> "$tmp/clean.log" 2>&1; then
	cat "$tmp/clean.log"
	exit 1
fi
left=$(git -C "$tmp/tree" status --porcelain)
if [ -n "$left" ]; then
	echo "make clean changed the tree of $commit:"
	echo "$left"
	exit 1
fi
echo "make clean left every tracked file of $commit in place"
