#!/bin/sh
# Sets up a class server: the class account, the sshd Match block (sshd_config.snippet), the
# class database's connection string (readable by the class account only), and authorized_keys
# from the roster (`dltutor class authorized-keys`). Run as root; run again after roster changes.
# Usage: setup-class-server.sh postgres://teacher:password@127.0.0.1:5432/class [class-user]
set -eu
db=$1
user=${2:-dltutor-class}
dltutor=$(command -v dltutor || echo /usr/local/bin/dltutor)
here=$(cd "$(dirname "$0")" && pwd)
snippet="$here/sshd_config.snippet"
[ -f "$snippet" ] || snippet=/usr/local/share/dltutor/sshd_config.snippet

command -v sshd >/dev/null 2>&1 || { apt-get update && apt-get install -y openssh-server; }
id "$user" >/dev/null 2>&1 || useradd --system --create-home --shell /bin/sh "$user"
mkdir -p /etc/dltutor
printf '%s\n' "$db" > /etc/dltutor/class-db
chown root:"$user" /etc/dltutor/class-db
chmod 640 /etc/dltutor/class-db
keys=/etc/dltutor/authorized_keys
DLTUTOR_CLASS_DB=$db "$dltutor" class init
DLTUTOR_CLASS_DB=$db "$dltutor" class authorized-keys > "$keys.new"
mv "$keys.new" "$keys"
chmod 644 "$keys"
if ! grep -q "Match User $user" /etc/ssh/sshd_config; then
    sed -e "s|@CLASS_USER@|$user|" -e "s|@CLASS_DB_FILE@|/etc/dltutor/class-db|" -e "s|@DLTUTOR@|$dltutor|" \
        -e "s|@AUTHORIZED_KEYS@|$keys|" "$snippet" >> /etc/ssh/sshd_config
fi
sshd -t
(systemctl reload ssh 2>/dev/null || service ssh reload 2>/dev/null) || echo "reload sshd yourself (e.g. systemctl reload ssh)"
echo "Class server ready: students run  ssh -t $user@$(hostname -f 2>/dev/null || hostname)"
