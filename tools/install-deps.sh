#!/bin/sh
# Installs what building and testing lsock from a git checkout needs.
#
#   Debian/Ubuntu (used here): apt-get, package names below
#   Alpine:  apk add autoconf automake autoconf-archive libtool pkgconf \
#                    check-dev hyperfine iproute2 net-tools build-base groff
#                    (busybox's time lacks -f: add GNU time)
#   Fedora:  dnf install autoconf automake autoconf-archive libtool \
#                    pkgconf-pkg-config check-devel hyperfine iproute \
#                    net-tools gcc make groff-base
#
# iproute2 (ss) and net-tools (netstat) are the reference tools the golden
# and live tests compare lsock with. Runs itself through sudo when not root.
set -eu

PACKAGES="autoconf automake autoconf-archive libtool pkg-config check \
hyperfine iproute2 net-tools gcc make groff-base util-linux strace time"

if [ "$(id -u)" -ne 0 ]; then
	exec sudo "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
echo "install-deps: installed $PACKAGES"
