package testservers

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// pythonClient is a stdlib-only Python client: an independent, widely used implementation that
// must complete whole sessions against our servers. It prints "ok <mode>" on success.
const pythonClient = `
import imaplib, os, poplib, smtplib, ssl, sys

mode, port = sys.argv[1], int(sys.argv[2])
host = "127.0.0.1"
user, pw = os.environ["MC_USER"], os.environ["MC_PASS"]
ctx = ssl.create_default_context(cafile=os.environ["MC_CAFILE"])

def check(cond, what):
    if not cond:
        sys.exit("check failed: " + what)

if mode == "smtp-starttls":
    # local_hostname avoids a reverse DNS lookup of this machine.
    s = smtplib.SMTP(host, port, local_hostname="client.test", timeout=5)
    s.ehlo()
    check(s.has_extn("starttls"), "STARTTLS offered")
    check(not s.has_extn("auth"), "no AUTH before TLS")
    s.starttls(context=ctx)
    s.ehlo()
    check(s.has_extn("auth"), "AUTH after TLS")
    s.login(user, pw)
    refused = s.sendmail(user, ["rcpt@example.com"], "Subject: hi\r\n\r\n.dot line\r\nend\r\n")
    check(refused == {}, "sendmail accepted")
    s.quit()
elif mode == "smtp-ssl":
    s = smtplib.SMTP_SSL(host, port, local_hostname="client.test", context=ctx, timeout=5)
    s.ehlo()
    try:
        s.login(user, "wrong-pass")
        sys.exit("wrong password accepted")
    except smtplib.SMTPAuthenticationError as e:
        check(e.smtp_code == 535, "535 for a wrong password")
    s.esmtp_features["auth"] = "LOGIN"  # force AUTH LOGIN this time
    s.login(user, pw)
    s.noop()
    s.quit()
elif mode == "pop3-ssl":
    p = poplib.POP3_SSL(host, port, context=ctx, timeout=5)
    check("USER" in p.capa(), "CAPA lists USER")
    p.user(user)
    p.pass_(pw)
    count, size = p.stat()
    check(count == 2 and size > 0, "STAT")
    resp, listing, _ = p.list()
    check(len(listing) == 2, "LIST")
    resp, uids, _ = p.uidl()
    check(len(uids) == 2 and uids[0] != uids[1], "UIDL")
    check(p.uidl(1).startswith(b"+OK 1 "), "UIDL 1")
    resp, lines, octets = p.retr(2)
    check(b".leading dot line" in lines, "dot-stuffing undone")
    resp, lines, _ = p.top(1, 0)
    check(lines[-1] == b"", "TOP 1 0 ends with the blank line")
    p.quit()
elif mode == "pop3-stls":
    p = poplib.POP3(host, port, timeout=5)
    check("STLS" in p.capa(), "CAPA lists STLS")
    p.stls(context=ctx)
    p.user(user)
    p.pass_(pw)
    check(p.stat()[0] == 2, "STAT")
    p.retr(1)
    p.quit()
elif mode == "imap-ssl":
    m = imaplib.IMAP4_SSL(host, port, ssl_context=ctx, timeout=5)
    check("AUTH=PLAIN" in m.capabilities, "AUTH=PLAIN listed")
    try:
        m.login(user, "wrong-pass")
        sys.exit("wrong password accepted")
    except imaplib.IMAP4.error as e:
        check("AUTHENTICATIONFAILED" in str(e), "AUTHENTICATIONFAILED for a wrong password")
    m.login(user, pw)
    typ, data = m.select("INBOX", readonly=True)
    check(typ == "OK" and data == [b"2"], "EXAMINE INBOX: 2 messages")
    check(m.response("READ-ONLY")[1] != [None], "EXAMINE is READ-ONLY")
    typ, data = m.fetch("2", "(RFC822.SIZE BODY[])")
    check(typ == "OK" and b"RFC822.SIZE" in data[0][0], "FETCH RFC822.SIZE")
    check(b".leading dot line\r\n" in data[0][1], "FETCH BODY[] is the message as stored")
    typ, data = m.fetch("2", "(FLAGS)")
    check(b"\\Seen" not in data[0], "EXAMINE does not set \\Seen")
    typ, data = m.list()
    check(typ == "OK" and data[0].endswith(b"INBOX"), "LIST")
    m.close()
    m.logout()
elif mode == "imap-starttls":
    m = imaplib.IMAP4(host, port, timeout=5)
    check("STARTTLS" in m.capabilities and "LOGINDISABLED" in m.capabilities, "STARTTLS and LOGINDISABLED before TLS")
    m.starttls(ssl_context=ctx)
    check("LOGINDISABLED" not in m.capabilities and "AUTH=PLAIN" in m.capabilities, "capabilities refreshed after TLS")
    m.login(user, pw)
    typ, data = m.select("INBOX")
    check(typ == "OK" and data == [b"2"], "SELECT INBOX")
    typ, data = m.fetch("1", "(RFC822)")
    check(typ == "OK" and data[0][1].startswith(b"From: Alice"), "FETCH RFC822")
    typ, data = m.uid("FETCH", "1:*", "(FLAGS)")
    check(typ == "OK" and b"\\Seen" in data[0] and b"\\Seen" not in data[1], "FETCH set \\Seen on message 1 only")
    m.logout()
elif mode == "imap-authenticate":
    m = imaplib.IMAP4_SSL(host, port, ssl_context=ctx, timeout=5)
    m.authenticate("PLAIN", lambda _: ("\0%s\0%s" % (user, pw)).encode())
    typ, data = m.select("INBOX", readonly=True)
    check(typ == "OK", "EXAMINE after AUTHENTICATE")
    m.logout()
else:
    sys.exit("unknown mode " + mode)
print("ok " + mode)
`

func findPython() string {
	if p, err := exec.LookPath("python3"); err == nil {
		return p
	}
	if _, err := os.Stat("/root/.pyenv/shims/python3"); err == nil {
		return "/root/.pyenv/shims/python3"
	}
	return ""
}

func TestPythonClients(t *testing.T) {
	py := findPython()
	if py == "" {
		t.Skip("python3 not found")
	}
	ca := testCA(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "client.py")
	cafile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(script, []byte(pythonClient), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cafile, ca.PEM(), 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		mode   string
		cfg    Config
		minCmd int // commands the server must have seen
	}{
		{"smtp-starttls", Config{Proto: "smtp", Faults: Faults{RequireTLSForAuth: true}}, 9},
		{"smtp-ssl", Config{Proto: "smtp", Faults: Faults{ImplicitTLS: true}}, 6},
		{"pop3-ssl", Config{Proto: "pop3", Faults: Faults{ImplicitTLS: true}}, 10},
		{"pop3-stls", Config{Proto: "pop3", Faults: Faults{RequireTLSForAuth: true}}, 7},
		{"imap-ssl", Config{Proto: "imap", Faults: Faults{ImplicitTLS: true}}, 8},
		{"imap-starttls", Config{Proto: "imap", Faults: Faults{RequireTLSForAuth: true}}, 7},
		{"imap-authenticate", Config{Proto: "imap", Faults: Faults{ImplicitTLS: true}}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			t.Parallel()
			s := StartT(t, tt.cfg, ca)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, py, script, tt.mode, strconv.Itoa(s.Port))
			cmd.Env = append(os.Environ(), "MC_USER="+DefaultUser, "MC_PASS="+DefaultPassword, "MC_CAFILE="+cafile)
			out, err := cmd.CombinedOutput()
			if err != nil || strings.TrimSpace(string(out)) != "ok "+tt.mode {
				t.Fatalf("python %s: %v\n%s", tt.mode, err, out)
			}
			if got := s.Commands(); got < tt.minCmd {
				t.Errorf("Commands() = %d, want >= %d", got, tt.minCmd)
			}
		})
	}
}
