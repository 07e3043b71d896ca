#!/bin/sh
# Sets up a class server: the class account, the sshd Match block (sshd_config.snippet), the SSH
# front end's own database login (`dltutor class frontend`: it records answers for students on the
# roster and cannot change grades, settings or roles; its connection string is readable by the
# class account only, and the instructor's is never stored here), and authorized_keys from the
# roster (`dltutor class authorized-keys`). Run as root; run again after roster changes.
# The new sshd_config is checked with `sshd -t` before it replaces the old one, which is kept as
# sshd_config.dltutor-backup.
# Usage: setup-class-server.sh postgres://teacher:password@127.0.0.1:5432/class [class-user] [sshd_config]
set -eu
db=$1
user=${2:-dltutor-class}
config=${3:-/etc/ssh/sshd_config}
dltutor=$(command -v dltutor || echo /usr/local/bin/dltutor)
here=$(cd "$(dirname "$0")" && pwd)
snippet="$here/sshd_config.snippet"
[ -f "$snippet" ] || snippet=/usr/local/share/dltutor/sshd_config.snippet
etc=${DLTUTOR_ETC:-/etc/dltutor}

command -v sshd >/dev/null 2>&1 || { apt-get update && apt-get install -y openssh-server; }
id "$user" >/dev/null 2>&1 || useradd --system --create-home --shell /bin/sh "$user"
mkdir -p "$etc"
DLTUTOR_CLASS_DB=$db "$dltutor" class init
umask 077
DLTUTOR_CLASS_DB=$db "$dltutor" class frontend > "$etc/class-db.new"
chown root:"$user" "$etc/class-db.new" 2>/dev/null || true
chmod 640 "$etc/class-db.new"
mv "$etc/class-db.new" "$etc/class-db"
umask 022
keys=$etc/authorized_keys
DLTUTOR_CLASS_DB=$db "$dltutor" class authorized-keys > "$keys.new"
mv "$keys.new" "$keys"
chmod 644 "$keys"

if ! grep -q "^Match User $user\$" "$config"; then
    filled=$(mktemp)
    new=$(mktemp)
    trap 'rm -f "$filled" "$new"' EXIT
    sed -e "s|@CLASS_USER@|$user|" -e "s|@CLASS_DB_FILE@|$etc/class-db|" -e "s|@DLTUTOR@|$dltutor|" \
        -e "s|@AUTHORIZED_KEYS@|$keys|" "$snippet" > "$filled"
    # The snippet's global lines go first (after a Match block they would belong to it), its
    # Match block last (a Match block runs to the end of the file).
    {
        sed -n '/^Match /q;/^[A-Za-z]/p' "$filled"
        cat "$config"
        echo
        sed -n '/^Match /,$p' "$filled"
    } > "$new"
    if ! sshd -t -f "$new"; then
        echo "sshd -t refused the new configuration; $config is unchanged." >&2
        exit 1
    fi
    cp -p "$config" "$config.dltutor-backup"
    cat "$new" > "$config"
fi
sshd -t -f "$config"
if [ "$config" = /etc/ssh/sshd_config ]; then
    (systemctl reload ssh 2>/dev/null || service ssh reload 2>/dev/null) || echo "reload sshd yourself (e.g. systemctl reload ssh)"
fi
echo "Class server ready: students run  ssh -t $user@$(hostname -f 2>/dev/null || hostname)"
