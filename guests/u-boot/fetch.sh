#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# fetch.sh - download Debian 12's U-Boot source package with
# `apt-get source u-boot` and unpack it into the ignored cache folder
# ($MIPSVCPU_CACHE, default <repo>/.cache/u-boot/src).
#
# apt runs with its own source list (guests/u-boot/sources.list, deb-src
# lines only) and its own lists/cache directories under .cache/u-boot/apt,
# so the system's apt configuration and package lists are left alone.
# Also installs (as root, with apt) the host tools U-Boot's build needs.
#
# Idempotent: prints the unpacked tree's path; a second run downloads
# nothing.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${MIPSVCPU_CACHE:-$top/.cache}
dir=$cache/u-boot
host_pkgs="bison flex bc dpkg-dev patch python3 libssl-dev"

log() { echo "uboot-fetch: $*" >&2; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_host_packages() {
	local missing="" p
	for p in $host_pkgs; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	log "installing:$missing"
	as_root apt-get update -qq
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $missing >&2
}

install_host_packages

if [ -f "$dir/src.stamp" ] && [ -d "$(cat "$dir/src.stamp")" ]; then
	cat "$dir/src.stamp"
	exit 0
fi

apt_opts=(-o "Dir::Etc::SourceList=$top/guests/u-boot/sources.list"
	-o "Dir::Etc::SourceParts=-"
	-o "Dir::State::Lists=$dir/apt/lists"
	-o "Dir::Cache=$dir/apt/cache"
	-o "APT::Sandbox::User=root")
rm -rf "$dir/src" "$dir/apt"
mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial" "$dir/src"
log "apt-get update (deb-src only, private lists)"
apt-get "${apt_opts[@]}" update -qq >&2
log "apt-get source u-boot"
(cd "$dir/src" && apt-get "${apt_opts[@]}" source -qq u-boot >&2)
tree=$(find "$dir/src" -mindepth 1 -maxdepth 1 -type d -name 'u-boot-*' | head -n1)
[ -n "$tree" ] && [ -f "$tree/Makefile" ] || { log "no unpacked tree in $dir/src"; exit 1; }
echo "$tree" > "$dir/src.stamp"
log "unpacked $tree"
echo "$tree"
