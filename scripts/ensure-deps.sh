#!/bin/sh
# Installs the system packages dltutor builds against, only when they are missing:
# the ncursesw headers (terminal interface) and the SQLite headers (progress storage).
# Safe to run repeatedly; prints nothing when everything is present.
set -e
missing=""
[ -f /usr/include/ncursesw/curses.h ] || missing="$missing libncursesw5-dev"
[ -f /usr/include/sqlite3.h ] || missing="$missing libsqlite3-dev"
command -v tmux >/dev/null 2>&1 || true   # tmux is only for manual checks, not required
[ -z "$missing" ] && exit 0
echo "dltutor: installing missing system packages:$missing"
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "dltutor: need root (or sudo) to install:$missing" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $missing
