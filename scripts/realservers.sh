#!/usr/bin/env bash
# realservers.sh — real Postfix and Dovecot on loopback for mailcheck's integration tests (#10).
#
# Usage (as root, on a throwaway Debian machine or container; no systemd needed):
#   bash scripts/realservers.sh [ENV_FILE]          # default ENV_FILE: /tmp/mailcheck-realservers.env
#   bash scripts/realservers.sh --stop              # stop the servers again
#   MAILCHECK_REALSERVERS=ENV_FILE go test ./integration/ -count=1 -v
#
# Four configurations, all on loopback only, sharing one certificate, user and mailbox:
#
#   "good"   127.0.0.1   Postfix 25 + 587 (STARTTLS offered, AUTH only after STARTTLS,
#                        smtpd_tls_security_level=may), 465 (implicit TLS);
#                        Dovecot POP3 110 (STLS) + 995, IMAP 143 (STARTTLS) + 993;
#                        plaintext POP3/IMAP login allowed (disable_plaintext_auth=no).
#   "strict" 127.0.0.2   the same ports, but Postfix smtpd_tls_security_level=encrypt
#                        ("530 5.7.0 Must issue a STARTTLS command first" before TLS) and
#                        Dovecot ssl=required + disable_plaintext_auth=yes (IMAP LOGINDISABLED,
#                        POP3 "-ERR [AUTH] Plaintext authentication disallowed ...").
#   "snakeoil" 127.0.0.3 the good Dovecot again, presenting an untouched self-signed certificate
#                        for another name (CN mx1.snakeoil.example, no SAN) on every port.
#   "oauth"  127.0.0.4   an OAuth2-only server: Postfix 587 (STARTTLS, AUTH after TLS) + 465;
#                        Dovecot POP3 110 (STLS) + 995, IMAP 143 (STARTTLS) + 993, ssl=yes,
#                        auth_mechanisms = xoauth2 oauthbearer and nothing else (no PLAIN/LOGIN:
#                        IMAP LOGINDISABLED even over TLS). The oauth2 passdb validates HS256 JWTs
#                        locally (introspection_mode=local) with a key made fresh on every run,
#                        written under $ETC/oauth2-keys/ and exported as MAILCHECK_RS_OAUTH_KEY
#                        (base64); no introspection or tokeninfo URL, so no network at all. A
#                        token must carry {"alg":"HS256","typ":"JWT"} and the claims sub, email
#                        (= the login name), exp (in the future) and iss = MAILCHECK_RS_OAUTH_ISSUER.
#                        Postfix on 127.0.0.4 authenticates through this instance's SASL socket,
#                        so it advertises AUTH XOAUTH2 OAUTHBEARER.
#
# 127.0.0.2-4 need no configuration: Linux routes all of 127.0.0.0/8 to lo. It is also what makes
# the strict Dovecot strict: Dovecot treats a client whose address equals the server's (127.0.0.1
# to 127.0.0.1) as "secured" and lets it log in without TLS; a client of 127.0.0.2 comes from
# 127.0.0.1, so it is not. Each configuration has its own Dovecot instance (so the failed-login
# penalty of one never slows the other), and Postfix's strict and oauth services authenticate
# through the strict and oauth Dovecots' SASL sockets. The oauth Dovecot has no auth penalty at
# all (see section 5). Test user: alice@mail.test, 3 messages in a Maildir with Sent, Drafts,
# Trash and Junk folders (special-use marked).
#
# Mail delivery and mailbox health (#18), on the good configuration:
#   - Postfix delivers mail for @mail.test to the good Dovecot over LMTP on a unix socket
#     (virtual_mailbox_domains + virtual_transport = lmtp:unix:...); nothing else is delivered.
#   - bob@mail.test is the round-trip account (--send-test): 2 messages, Sent/Drafts/Trash/Junk.
#     Tests send to it, and must leave it as it was.
#   - carol@mail.test is nearly full: Dovecot's quota plugin (imap_quota, count backend) with a
#     100 KiB STORAGE limit for carol (10 MiB for everyone else) and one ~86 KiB message, so
#     GETQUOTAROOT says 86 %+; carol has INBOX and Sent only (Drafts, Trash, Junk missing).
#   - Postfix smtpd_sender_login_maps (each address owned by its own login) with
#     reject_sender_login_mismatch on good 587/465: a logged-in client sending as another
#     address gets "553 5.7.1 <addr>: Sender address rejected: not owned by user ...".
#
# Network safety: every listener is bound to 127.0.0.1, .2, .3 or .4; Postfix has no smtp/relay
# client service at all, default/relay/local transports are error:, relayhost is empty, and
# the only delivery is LMTP over a unix socket to our own Dovecot (checked below). Postfix and
# Dovecot run as separate instances (own config, queue, state, run and log directories), so the
# system's own /etc/postfix and /etc/dovecot are never edited; they only must not hold the ports.
# The OAuth2 passdb has no URL to call: tokens are checked against a key file on this machine.
set -euo pipefail

ENV_FILE=/tmp/mailcheck-realservers.env
ACTION=start
case "${1:-}" in
  --stop) ACTION=stop ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
  "") ;;
  *) ENV_FILE=$1 ;;
esac

GOOD=127.0.0.1
STRICT=127.0.0.2
SNAKEOIL=127.0.0.3 # the good Dovecot's IMAPS/POP3S with an untouched self-signed "snakeoil" cert
OAUTH=127.0.0.4    # OAuth2-only Dovecot (XOAUTH2, OAUTHBEARER) and Postfix submission
OAUTH_ISSUER=mailcheck-realservers
DOMAIN=mail.test
MAILUSER=alice@${DOMAIN}
PASSWORD=${MAILCHECK_RS_PASSWORD:-mailcheck-Real-Servers-1}
MESSAGES=3
SENDUSER=bob@${DOMAIN}      # the round-trip account
SEND_MESSAGES=2
QUOTAUSER=carol@${DOMAIN}   # the nearly full account
QUOTA_KIB=100
FOREIGN_SENDER=boss@${DOMAIN} # owned by nobody: Postfix refuses it as a sender (553)
PORTS=(25 587 465 110 995 143 993)
OAUTH_PORTS=(587 465 110 995 143 993) # no port 25 on the oauth address

ETC=/etc/mailcheck-realservers
PF=$ETC/postfix                           # Postfix config_directory of our instance
STATE=/var/lib/mailcheck-realservers
SPOOL=/var/spool/mailcheck-postfix        # Postfix queue_directory of our instance
RUN=/run/mailcheck-realservers
LOGDIR=/var/log/mailcheck-realservers
VMAIL=mailcheck-vmail                     # system user owning the mailbox
TLSDIR=$ETC/tls
MAILHOME=$STATE/mail/alice
OAUTH_KEYS=$ETC/oauth2-keys               # Dovecot's local_validation_key_dict (fs:posix) prefix

START=$(date +%s.%N)
say() { printf 'realservers: %s\n' "$*"; }

LOGS_OURS= # set once this run's logs replace the previous run's
show_logs() {
  [ -n "$LOGS_OURS" ] || return 0
  local f
  for f in "$LOGDIR"/dovecot-good.start "$LOGDIR"/dovecot-strict.start "$LOGDIR"/dovecot-oauth.start \
    "$LOGDIR"/postfix.log "$LOGDIR"/dovecot-good.log "$LOGDIR"/dovecot-strict.log "$LOGDIR"/dovecot-oauth.log; do
    if [ -s "$f" ]; then
      echo "----- last lines of $f -----" >&2
      tail -n 40 "$f" >&2
    fi
  done
}
die() {
  trap - ERR
  echo "realservers: ERROR: $*" >&2
  show_logs
  exit 1
}
trap 'die "command failed (line $LINENO): $BASH_COMMAND"' ERR

[ "$(id -u)" = 0 ] || die "must run as root (it installs packages and binds ports below 1024)"
[ "$(uname -s)" = Linux ] || die "Linux only (uses 127.0.0.2 on lo without configuration)"
case "$PASSWORD" in
  "" | *[!A-Za-z0-9._+=@%-]*) die "MAILCHECK_RS_PASSWORD: use letters, digits and . _ + = @ % - only" ;;
esac

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

stop_servers() {
  # Dovecot takes about two seconds to stop: stop Postfix and the Dovecot masters concurrently.
  if [ -f "$PF/main.cf" ] && command -v postfix >/dev/null 2>&1 &&
    postfix -c "$PF" status >/dev/null 2>&1; then
    postfix -c "$PF" stop </dev/null >/dev/null 2>&1 &
  fi
  local which
  for which in good strict oauth; do
    if [ -f "$ETC/dovecot-$which.conf" ] && [ -f "$RUN/dovecot-$which/master.pid" ]; then
      dovecot -c "$ETC/dovecot-$which.conf" stop </dev/null >/dev/null 2>&1 &
    fi
  done
  wait
  # The masters may close their listeners a moment after the stop commands return.
  local h p
  for _ in $(seq 50); do
    local busy=0
    for h in $GOOD $STRICT; do for p in "${PORTS[@]}"; do port_open "$h" "$p" && busy=1; done; done
    for p in "${OAUTH_PORTS[@]}"; do port_open "$OAUTH" "$p" && busy=1; done
    [ $busy = 0 ] && return 0
    sleep 0.1
  done
}

if [ "$ACTION" = stop ]; then
  stop_servers
  say "stopped"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# 1. Packages. policy-rc.d keeps the packages' own daemons from starting (they would listen on
#    every interface); debconf "No configuration" keeps postinst from writing /etc/postfix.
pkgs=(postfix dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd openssl)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  made_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  debconf-set-selections <<EOF
postfix postfix/main_mailer_type select No configuration
postfix postfix/mailname string $DOMAIN
EOF
  apt-get update -qq </dev/null >/dev/null || die "apt-get update failed"
  apt_log=$(mktemp)
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    [ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
    die "apt-get install ${missing[*]} failed"
  fi
  [ -n "$made_policy" ] && rm -f /usr/sbin/policy-rc.d
  rm -f "$apt_log"
fi
DOVECOT_VERSION=$(dovecot --version | cut -d' ' -f1)
POSTFIX_VERSION=$(postconf -d -h mail_version)
case "$DOVECOT_VERSION" in
  2.3.*) ;;
  *) die "Dovecot $DOVECOT_VERSION: this script writes Dovecot 2.3 configuration (Debian 12); 2.4 renamed most settings" ;;
esac

# ---------------------------------------------------------------------------------------------
# 2. Stop a previous run, and make sure nothing else holds the ports (e.g. a system Postfix).
stop_servers
for h in $GOOD $STRICT; do
  for p in "${PORTS[@]}"; do
    if port_open "$h" "$p"; then
      (ss -ltnp 2>/dev/null | grep -E "[:.]$p\b" >&2) || true
      die "$h:$p is already in use by another program (a system postfix/dovecot?); stop it first"
    fi
  done
done
for p in "${OAUTH_PORTS[@]}"; do
  if port_open "$OAUTH" "$p"; then
    (ss -ltnp 2>/dev/null | grep -E "[:.]$p\b" >&2) || true
    die "$OAUTH:$p is already in use by another program; stop it first"
  fi
done

mkdir -p "$ETC" "$PF" "$TLSDIR" "$STATE" "$SPOOL" "$RUN" "$LOGDIR"
rm -f "$LOGDIR"/*.log "$LOGDIR"/*.start
LOGS_OURS=1

# ---------------------------------------------------------------------------------------------
# 3. CA and server certificate (kept across runs while valid, so a mail client pointed at the
#    servers keeps trusting them). SANs: localhost, mail.test, 127.0.0.1, 127.0.0.2, 127.0.0.4, ::1.
#    A server certificate from before the oauth address is reissued by the same CA.
ca_ok() {
  [ -s "$TLSDIR/ca.pem" ] && [ -s "$TLSDIR/ca.key" ] &&
    openssl x509 -in "$TLSDIR/ca.pem" -noout -checkend 2592000 >/dev/null 2>&1
}
cert_ok() {
  [ -s "$TLSDIR/ca.pem" ] && [ -s "$TLSDIR/server.pem" ] && [ -s "$TLSDIR/server.key" ] &&
    openssl verify -CAfile "$TLSDIR/ca.pem" "$TLSDIR/server.pem" >/dev/null 2>&1 &&
    openssl x509 -in "$TLSDIR/server.pem" -noout -checkend 86400 >/dev/null 2>&1 &&
    openssl x509 -in "$TLSDIR/server.pem" -noout -ext subjectAltName 2>/dev/null | grep -q "IP Address:127.0.0.2" &&
    openssl x509 -in "$TLSDIR/server.pem" -noout -ext subjectAltName 2>/dev/null | grep -q "IP Address:$OAUTH"
}
if ! cert_ok; then
  (
    cd "$TLSDIR"
    rm -f server.pem server.key server.csr ca.srl
    if ! ca_ok; then
      say "generating CA"
      rm -f ca.pem ca.key
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
        -subj "/O=mailcheck realservers/CN=mailcheck realservers test CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout ca.key -out ca.pem 2>/dev/null
    fi
    say "generating server certificate"
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
      -subj "/O=mailcheck realservers/CN=$DOMAIN" -keyout server.key -out server.csr 2>/dev/null
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=serverAuth" \
      "subjectAltName=DNS:localhost,DNS:$DOMAIN,IP:127.0.0.1,IP:127.0.0.2,IP:$OAUTH,IP:::1" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 825 \
      -extfile server.ext -out server.pem 2>/dev/null
    rm -f server.csr server.ext ca.srl
    chmod 600 ca.key server.key
    chmod 644 ca.pem server.pem
  )
  cert_ok || die "certificate generation failed"
fi
# The snakeoil certificate a fresh Debian install serves: self-signed, issued for another name
# (CN only, no SAN). Dovecot presents it on $SNAKEOIL, so a probe sees untrusted + wrong name.
if ! [ -s "$TLSDIR/snakeoil.pem" ] || ! openssl x509 -in "$TLSDIR/snakeoil.pem" -noout -checkend 86400 >/dev/null 2>&1; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=mx1.snakeoil.example" -keyout "$TLSDIR/snakeoil.key" -out "$TLSDIR/snakeoil.pem" 2>/dev/null ||
    die "snakeoil certificate generation failed"
  chmod 600 "$TLSDIR/snakeoil.key"
  chmod 644 "$TLSDIR/snakeoil.pem"
fi

# ---------------------------------------------------------------------------------------------
# 4. The user and the mailbox: a Dovecot passwd-file user owned by a system user, and a Maildir
#    with $MESSAGES messages written directly (rewritten on every run, so the count is exact).
id "$VMAIL" >/dev/null 2>&1 || useradd --system --user-group --no-create-home --home-dir "$STATE/mail" \
  --shell /usr/sbin/nologin "$VMAIL"
VUID=$(id -u "$VMAIL")
VGID=$(id -g "$VMAIL")
# make_maildir HOME COUNT SUBJECT-PREFIX BODY-BYTES FOLDER...: a Maildir with COUNT messages in
# INBOX (each with BODY-BYTES of filler, 0 for none) and the given empty folders.
make_maildir() {
  local home=$1 count=$2 prefix=$3 filler=$4 f i
  shift 4
  rm -rf "$home"
  mkdir -p "$home/Maildir/cur" "$home/Maildir/new" "$home/Maildir/tmp"
  for f in "$@"; do
    mkdir -p "$home/Maildir/.$f/cur" "$home/Maildir/.$f/new" "$home/Maildir/.$f/tmp"
  done
  local pad=
  if [ "$filler" -gt 0 ]; then
    pad=$(head -c $((filler * 76 / 78)) /dev/zero | tr '\0' 'x' | fold -w 76) # lines of 76 + CRLF
  fi
  for i in $(seq 1 "$count"); do
    msg="From: Mail Check <postmaster@$DOMAIN>
To: <$(basename "$home")@$DOMAIN>
Subject: $prefix $i
Date: $(date -R -d "@$((now - 3600 * (count - i)))")
Message-ID: <$prefix-$i@$DOMAIN>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Test message $i of $count, written by mailcheck's scripts/realservers.sh.
$pad
"
    msg=${msg//$'\n'/$'\r\n'}
    printf '%s' "$msg" >"$home/Maildir/new/$((now + i)).M${i}P$$.$DOMAIN,S=${#msg}"
  done
  chmod 700 "$home" "$home/Maildir"
}
# The standard folders a mail client saves into (Maildir++ .Name), marked \Sent, \Drafts, ...
# by Dovecot (RFC 6154 special-use), as a real account has them.
FOLDERS=(Sent Drafts Trash Junk)
now=$(date +%s)
make_maildir "$MAILHOME" "$MESSAGES" "realservers test message" 0 "${FOLDERS[@]}"
make_maildir "$STATE/mail/bob" "$SEND_MESSAGES" "realservers round-trip account message" 0 "${FOLDERS[@]}"
# ~86 KiB of a 100 KiB quota, and only the Sent folder.
make_maildir "$STATE/mail/carol" 1 "realservers nearly full" $((QUOTA_KIB * 1024 * 86 / 100)) Sent
chown -R "$VUID:$VGID" "$STATE/mail"

{
  printf '%s:{PLAIN}%s:%s:%s::%s::\n' "$MAILUSER" "$PASSWORD" "$VUID" "$VGID" "$MAILHOME"
  printf '%s:{PLAIN}%s:%s:%s::%s::\n' "$SENDUSER" "$PASSWORD" "$VUID" "$VGID" "$STATE/mail/bob"
  # passwd-file extra fields: carol's own quota (the plugin's default is 10 MiB).
  printf '%s:{PLAIN}%s:%s:%s::%s::userdb_quota_rule=*:storage=%sK\n' "$QUOTAUSER" "$PASSWORD" "$VUID" "$VGID" "$STATE/mail/carol" "$QUOTA_KIB"
} >"$ETC/users"
chown root:dovecot "$ETC/users"
chmod 640 "$ETC/users"

# ---------------------------------------------------------------------------------------------
# 5. Dovecot: one instance per configuration.
DH=
[ -s /usr/share/dovecot/dh.pem ] && DH="ssl_dh = </usr/share/dovecot/dh.pem"
# The password passdb of the good and strict instances; the oauth instance replaces it.
PASSDB_PASSWORD="passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $ETC/users
}"
write_dovecot() { # which address ssl disable_plaintext_auth [extra-address-with-snakeoil-cert]
  # $MECHS and $PASSDB (defaults: plain login, the password passdb) choose how users log in;
  # $EXTRA is appended to the configuration.
  local which=$1 addr=$2 ssl=$3 dpa=$4 oil=${5:-}
  local mechs=${MECHS:-plain login} passdb=${PASSDB:-$PASSDB_PASSWORD} extra=${EXTRA:-}
  local listen=$addr snakeoil=
  if [ -n "$oil" ]; then
    listen="$addr, $oil"
    snakeoil="local $oil {
  ssl_cert = <$TLSDIR/snakeoil.pem
  ssl_key = <$TLSDIR/snakeoil.key
}"
  fi
  local special_use= f
  for f in "${FOLDERS[@]}"; do
    special_use+="  mailbox $f {
    special_use = \\$f
  }
"
  done
  special_use=${special_use%$'\n'}
  mkdir -p "$STATE/dovecot-$which"
  cat >"$ETC/dovecot-$which.conf" <<EOF
# Generated by mailcheck scripts/realservers.sh: the "$which" configuration on $addr.
instance_name = mailcheck-$which
base_dir = $RUN/dovecot-$which
state_dir = $STATE/dovecot-$which
listen = $listen
protocols = ${PROTOCOLS:-imap pop3}
hostname = $DOMAIN
login_greeting = Dovecot ready (mailcheck $which).
log_path = $LOGDIR/dovecot-$which.log
auth_verbose = yes

ssl = $ssl
ssl_cert = <$TLSDIR/server.pem
ssl_key = <$TLSDIR/server.key
ssl_min_protocol = TLSv1.2
$DH
$snakeoil
disable_plaintext_auth = $dpa
auth_mechanisms = $mechs

first_valid_uid = $VUID
last_valid_uid = $VUID
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
$special_use
}
pop3_uidl_format = %08Xu%08Xv
$passdb
userdb {
  driver = passwd-file
  args = username_format=%u $ETC/users
}

service imap-login {
  inet_listener imap {
    port = 143
  }
  inet_listener imaps {
    port = 993
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 110
  }
  inet_listener pop3s {
    port = 995
    ssl = yes
  }
}
# Postfix's SASL: smtpd asks this socket to check AUTH (PLAIN/LOGIN, or XOAUTH2/OAUTHBEARER).
service auth {
  unix_listener auth-postfix {
    mode = 0660
    user = postfix
    group = postfix
  }
}
$extra
EOF
  dovecot -c "$ETC/dovecot-$which.conf" -n >/dev/null 2>"$STATE/dovecot-$which.check" ||
    { cat "$STATE/dovecot-$which.check" >&2; die "dovecot-$which.conf does not parse"; }
}
# The good instance also takes Postfix's deliveries (LMTP on a unix socket only Postfix may
# use) and keeps quota: the count backend reads usage from Dovecot's own indexes, so the
# Maildirs written above need no maildirsize file.
PROTOCOLS="imap pop3 lmtp" EXTRA="mail_plugins = \$mail_plugins quota
protocol imap {
  mail_plugins = \$mail_plugins imap_quota
}
plugin {
  quota = count:User quota
  quota_rule = *:storage=10M
  quota_vsizes = yes
}
service lmtp {
  unix_listener lmtp-postfix {
    mode = 0600
    user = postfix
    group = postfix
  }
}" write_dovecot good "$GOOD" yes no "$SNAKEOIL"
write_dovecot strict "$STRICT" required yes

# The oauth instance: bearer tokens only, validated locally. Dovecot 2.3 looks the HS256 key up
# in the dict at <azp or "default">/<alg uppercased>/<kid or "default">, a file under the
# fs:posix prefix holding the key in base64 (no newline). A fresh key on every run: tokens of
# an earlier run stop working, and the key is exported in the env file for the tests to sign.
OAUTH_KEY=$(openssl rand 32 | base64 -w0)
rm -rf "$OAUTH_KEYS"
install -d -o root -g dovecot -m 750 "$OAUTH_KEYS" "$OAUTH_KEYS/default" "$OAUTH_KEYS/default/HS256"
printf '%s' "$OAUTH_KEY" >"$OAUTH_KEYS/default/HS256/default"
chown root:dovecot "$OAUTH_KEYS/default/HS256/default"
chmod 640 "$OAUTH_KEYS/default/HS256/default"
# No introspection_url/tokeninfo_url: with introspection_mode=local Dovecot never calls out.
cat >"$ETC/dovecot-oauth2.conf.ext" <<EOF
# Generated by mailcheck scripts/realservers.sh: local JWT validation, no network.
introspection_mode = local
local_validation_key_dict = fs:posix:prefix=$OAUTH_KEYS/
username_attribute = email
issuers = $OAUTH_ISSUER
EOF
chown root:dovecot "$ETC/dovecot-oauth2.conf.ext"
chmod 640 "$ETC/dovecot-oauth2.conf.ext"
if grep -Eiq '(_url|_uri)[[:space:]]*=' "$ETC/dovecot-oauth2.conf.ext"; then
  die "dovecot-oauth2.conf.ext names a URL; the oauth instance must validate tokens locally"
fi
# The oauth2 passdb authenticates (the token's email must be the login name); the userdb is the
# same passwd-file as elsewhere and gives the mailbox's home and uid.
# No auth penalty here (the 2s failure delay stays): the tests send bad tokens on purpose, and
# Postfix waits only 10s for Dovecot's answer; with the penalty (up to 15s) a refused token
# over SMTP becomes "454 4.7.0 Temporary authentication failure: Connection lost to
# authentication server" instead of the 535 a client normally sees.
MECHS="xoauth2 oauthbearer" PASSDB="passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $ETC/dovecot-oauth2.conf.ext
}" EXTRA="service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}" write_dovecot oauth "$OAUTH" yes yes

# ---------------------------------------------------------------------------------------------
# 6. Postfix: an instance of its own (config $PF, queue $SPOOL), started with postfix -c.
install -d -o postfix -g postfix -m 700 "$STATE/postfix-data"
# compatibility_level 3.6 where Postfix knows it (>= 3.6), else 2: no legacy-default warnings.
compat=2
case "$POSTFIX_VERSION" in 3.[6-9]*|3.[1-9][0-9]*|[4-9].*) compat=3.6 ;; esac
cat >"$PF/main.cf" <<EOF
# Generated by mailcheck scripts/realservers.sh. Loopback only; nothing leaves this machine.
compatibility_level = $compat
queue_directory = $SPOOL
data_directory = $STATE/postfix-data
maillog_file = $LOGDIR/postfix.log
myhostname = $DOMAIN
mydomain = $DOMAIN
myorigin = $DOMAIN
mydestination = localhost
# $DOMAIN's mail goes to the good Dovecot over LMTP on a unix socket: the only delivery there is.
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_maps = texthash:$PF/vmailbox
virtual_transport = lmtp:unix:$RUN/dovecot-good/lmtp-postfix
# Each address is owned by its own login (good 587/465 reject a mismatch: 553).
smtpd_sender_login_maps = texthash:$PF/senders
# Only 127.0.0.1 by default; master.cf binds each service to 127.0.0.1, .2 or .4 explicitly
# (listing 127.0.0.2 here fails: "no local interface found for 127.0.0.2").
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks =
relayhost =
# No outbound delivery of any kind: there is no smtp/relay/lmtp/local service in master.cf,
# and every transport is error:.
default_transport = error:outbound delivery disabled (mailcheck test server)
relay_transport = error:outbound delivery disabled (mailcheck test server)
local_transport = error:local delivery disabled (mailcheck test server)
alias_maps =
alias_database =
biff = no
append_dot_mydomain = no
readme_directory = no
smtp_dns_support_level = disabled
smtpd_banner = \$myhostname ESMTP Postfix (mailcheck realservers)
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions = reject_unauth_destination

smtpd_tls_cert_file = $TLSDIR/server.pem
smtpd_tls_key_file = $TLSDIR/server.key
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_tls_loglevel = 1
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $RUN/dovecot-good/auth-postfix
EOF
if postconf -d smtpd_peername_lookup >/dev/null 2>&1; then
  echo "smtpd_peername_lookup = no" >>"$PF/main.cf" # no reverse DNS of clients (Postfix >= 3.8)
fi

for u in "$MAILUSER" "$SENDUSER" "$QUOTAUSER"; do echo "$u ok"; done >"$PF/vmailbox"
for u in "$MAILUSER" "$SENDUSER" "$QUOTAUSER"; do echo "$u $u"; done >"$PF/senders"
senders="-o smtpd_sender_restrictions=reject_sender_login_mismatch"
strict="-o smtpd_tls_security_level=encrypt -o smtpd_sasl_path=$RUN/dovecot-strict/auth-postfix"
oauth="-o smtpd_sasl_path=$RUN/dovecot-oauth/auth-postfix" # AUTH XOAUTH2/OAUTHBEARER, after TLS
cat >"$PF/master.cf" <<EOF
# Generated by mailcheck scripts/realservers.sh.
# service          type  private unpriv chroot wakeup maxproc command + args
$GOOD:25       inet  n       -      n      -      -       smtpd -o syslog_name=postfix-mc/good-25
$GOOD:587      inet  n       -      n      -      -       smtpd -o syslog_name=postfix-mc/good-587 $senders
$GOOD:465      inet  n       -      n      -      -       smtpd -o syslog_name=postfix-mc/good-465 -o smtpd_tls_wrappermode=yes $senders
$STRICT:25     inet  n       -      n      -      -       smtpd -o syslog_name=postfix-mc/strict-25 $strict
$STRICT:587    inet  n       -      n      -      -       smtpd -o syslog_name=postfix-mc/strict-587 $strict
$STRICT:465    inet  n       -      n      -      -       smtpd -o syslog_name=postfix-mc/strict-465 -o smtpd_tls_wrappermode=yes $strict
$OAUTH:587      inet  n       -      n      -      -       smtpd -o syslog_name=postfix-mc/oauth-587 $oauth
$OAUTH:465      inet  n       -      n      -      -       smtpd -o syslog_name=postfix-mc/oauth-465 -o smtpd_tls_wrappermode=yes $oauth
pickup             unix  n       -      n      60     1       pickup
cleanup            unix  n       -      n      -      0       cleanup
qmgr               unix  n       -      n      300    1       qmgr
tlsmgr             unix  -       -      n      1000?  1       tlsmgr
rewrite            unix  -       -      n      -      -       trivial-rewrite
bounce             unix  -       -      n      -      0       bounce
defer              unix  -       -      n      -      0       bounce
trace              unix  -       -      n      -      0       bounce
verify             unix  -       -      n      -      1       verify
flush              unix  n       -      n      1000?  0       flush
proxymap           unix  -       -      n      -      -       proxymap
proxywrite         unix  -       -      n      -      1       proxymap
showq              unix  n       -      n      -      -       showq
error              unix  -       -      n      -      -       error
retry              unix  -       -      n      -      -       error
discard            unix  -       -      n      -      -       discard
anvil              unix  -       -      n      -      1       anvil
scache             unix  -       -      n      -      1       scache
postlog            unix-dgram n  -      n      -      1       postlogd
lmtp               unix  -       -      n      -      -       lmtp
EOF

# The loopback-only and no-relay promises, checked rather than trusted.
for kv in "relayhost=" "mynetworks=" "inet_interfaces=loopback-only" "inet_protocols=ipv4"; do
  k=${kv%%=*} want=${kv#*=}
  got=$(postconf -c "$PF" -h "$k")
  [ "$got" = "$want" ] || die "postfix $k is '$got', want '$want'"
done
# The one delivery client is lmtp, and it may only reach our Dovecot's unix socket.
[ "$(postconf -c "$PF" -h virtual_transport)" = "lmtp:unix:$RUN/dovecot-good/lmtp-postfix" ] ||
  die "postfix virtual_transport is not the good Dovecot's LMTP socket"
for k in transport_maps sender_dependent_default_transport_maps sender_dependent_relayhost_maps lmtp_fallback_relay; do
  [ -z "$(postconf -c "$PF" -h "$k")" ] || die "postfix $k must be empty"
done
for k in default_transport relay_transport local_transport; do
  case "$(postconf -c "$PF" -h "$k")" in error:*) ;; *) die "postfix $k must be error:" ;; esac
done
if grep -Eq '^(smtp|relay|local|virtual)[[:space:]]' "$PF/master.cf" ||
  grep -E '^[^# ]+[[:space:]]+inet' "$PF/master.cf" | grep -Ev "^($GOOD|$STRICT|$OAUTH):" >/dev/null; then
  die "master.cf has an outbound service or a non-loopback listener"
fi

# The postfix command logs its fatal errors to syslog only, or to stderr when that is a tty:
# on failure, rerun it under script(1) so the reason is shown.
postfix_diag() { script -qec "postfix -c $PF $1" /dev/null >&2 || true; }
postfix -c "$PF" check || { postfix_diag check; die "postfix check failed"; }

# ---------------------------------------------------------------------------------------------
# 7. Start everything and wait until all 22 listeners answer.
# The daemons must not inherit our stdout/stderr: a caller piping this script (| tee, | tail)
# would otherwise wait for them forever. Their startup errors go to a file shown on failure.
# The oauth instance has no penalty listener (mode 0 creates none); a socket file left from a
# run before that refuses connections, and Dovecot's auth retries it for 5s before it is ready.
rm -f "$RUN/dovecot-oauth/anvil-auth-penalty"
for which in good strict oauth; do
  dovecot -c "$ETC/dovecot-$which.conf" </dev/null >"$LOGDIR/dovecot-$which.start" 2>&1 ||
    { cat "$LOGDIR/dovecot-$which.start" >&2; die "dovecot ($which) did not start"; }
done
# Mail queued by an earlier run would land in bob's mailbox now: drop it.
postsuper -c "$PF" -d ALL >/dev/null 2>&1 || true
postfix -c "$PF" start </dev/null >/dev/null 2>&1 || { postfix_diag start; die "postfix did not start"; }

deadline=$(($(date +%s) + 20))
for h in $GOOD $STRICT; do
  for p in "${PORTS[@]}"; do
    until port_open "$h" "$p"; do
      [ "$(date +%s)" -lt "$deadline" ] || die "nothing listens on $h:$p after 20s"
      sleep 0.1
    done
  done
done
for hp in "$SNAKEOIL 993" "$SNAKEOIL 995" "${OAUTH_PORTS[@]/#/$OAUTH }"; do
  read -r h p <<<"$hp"
  until port_open "$h" "$p"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "nothing listens on $h:$p after 20s"
    sleep 0.1
  done
done
# Postfix's SASL sockets are made by Dovecot; a missing one makes AUTH silently absent.
for which in good strict oauth; do
  [ -S "$RUN/dovecot-$which/auth-postfix" ] || die "no Dovecot SASL socket $RUN/dovecot-$which/auth-postfix"
done
[ -S "$RUN/dovecot-good/lmtp-postfix" ] || die "no Dovecot LMTP socket $RUN/dovecot-good/lmtp-postfix"
# A plaintext banner where one belongs: the servers really speak.
for hp in "$GOOD|25|220 " "$GOOD|587|220 " "$STRICT|587|220 " "$OAUTH|587|220 " "$GOOD|110|+OK" "$STRICT|143|* OK" \
  "$OAUTH|110|+OK" "$OAUTH|143|* OK"; do
  IFS='|' read -r h p want <<<"$hp"
  # Dovecot greets once its auth process is ready, which may take a moment after the start.
  until banner=$(timeout 5 bash -c "exec 3<>/dev/tcp/$h/$p; head -n1 <&3" 2>/dev/null || true)
    [[ $banner == "$want"* ]]; do
    [ "$(date +%s)" -lt "$deadline" ] || die "$h:$p answered '${banner%$'\r'}' instead of a '$want' greeting"
    sleep 0.2
  done
done

# ---------------------------------------------------------------------------------------------
# 8. What the tests need.
tmp=$(mktemp "$ENV_FILE.XXXXXX")
cat >"$tmp" <<EOF
# Written by mailcheck scripts/realservers.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ).
# Postfix $POSTFIX_VERSION, Dovecot $DOVECOT_VERSION.
MAILCHECK_RS_GOOD_HOST=$GOOD
MAILCHECK_RS_STRICT_HOST=$STRICT
MAILCHECK_RS_SNAKEOIL_HOST=$SNAKEOIL
MAILCHECK_RS_OAUTH_HOST=$OAUTH
MAILCHECK_RS_SMTP_PORT=25
MAILCHECK_RS_SUBMISSION_PORT=587
MAILCHECK_RS_SUBMISSIONS_PORT=465
MAILCHECK_RS_POP3_PORT=110
MAILCHECK_RS_POP3S_PORT=995
MAILCHECK_RS_IMAP_PORT=143
MAILCHECK_RS_IMAPS_PORT=993
MAILCHECK_RS_DOMAIN=$DOMAIN
MAILCHECK_RS_CA_FILE=$TLSDIR/ca.pem
MAILCHECK_RS_USER=$MAILUSER
MAILCHECK_RS_PASSWORD=$PASSWORD
MAILCHECK_RS_MESSAGES=$MESSAGES
MAILCHECK_RS_LOG_DIR=$LOGDIR
# #18: the round-trip account (Postfix delivers to Dovecot by LMTP), the nearly full account
# (quota plugin, ~86 % of QUOTA_KIB; only INBOX and Sent), and a sender Postfix refuses (553).
MAILCHECK_RS_SENDTEST_USER=$SENDUSER
MAILCHECK_RS_SENDTEST_MESSAGES=$SEND_MESSAGES
MAILCHECK_RS_QUOTA_USER=$QUOTAUSER
MAILCHECK_RS_QUOTA_KIB=$QUOTA_KIB
MAILCHECK_RS_FOREIGN_SENDER=$FOREIGN_SENDER
# HS256 key (base64) of the oauth instance, new on every run; tokens: iss, sub, email, exp.
MAILCHECK_RS_OAUTH_KEY=$OAUTH_KEY
MAILCHECK_RS_OAUTH_ISSUER=$OAUTH_ISSUER
EOF
chmod 644 "$tmp"
mv -f "$tmp" "$ENV_FILE"

elapsed=$(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $START}")
say "Postfix $POSTFIX_VERSION and Dovecot $DOVECOT_VERSION up in ${elapsed}s"
say "  good:   $GOOD   smtp 25/587 (STARTTLS, AUTH after TLS) 465 (TLS); pop3 110/995; imap 143/993"
say "  strict: $STRICT   the same ports; TLS required before AUTH/MAIL and before POP3/IMAP login"
say "  snakeoil: $SNAKEOIL imaps 993, pop3s 995 with a self-signed certificate for mx1.snakeoil.example"
say "  oauth:  $OAUTH   smtp 587/465, pop3 110/995, imap 143/993; XOAUTH2/OAUTHBEARER only (HS256, iss $OAUTH_ISSUER)"
say "  user $MAILUSER ($MESSAGES messages), CA $TLSDIR/ca.pem, logs $LOGDIR/"
say "  delivery: Postfix -> Dovecot LMTP for @$DOMAIN; round-trip user $SENDUSER; $QUOTAUSER nearly full (${QUOTA_KIB} KiB quota)"
say "  env file: $ENV_FILE"
