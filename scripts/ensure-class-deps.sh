#!/bin/sh
# Installs what the classroom tests and `make bench-class` run against, only when missing:
# PostgreSQL (server binaries under /usr/lib/postgresql) and OpenSSH's sshd. The tests start
# their own servers in scratch folders on loopback ports; nothing is started here.
set -e
missing=""
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$missing postgresql"
[ -x /usr/sbin/sshd ] || missing="$missing openssh-server"
command -v ssh >/dev/null 2>&1 || missing="$missing openssh-client"
[ -z "$missing" ] && exit 0
echo "dltutor: installing for the class tests:$missing"
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
# The packaged services are left as Debian sets them up: the tests never use them.
