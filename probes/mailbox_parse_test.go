package probes

import (
	"testing"
)

func TestMailboxParsers(t *testing.T) {
	q := parseQuota(`QUOTA "" (STORAGE 870 1000 MESSAGE 10 100)`)
	if len(q) != 2 || q[0].Resource != "STORAGE" || q[0].Usage != 870 || q[1].Limit != 100 || q[0].Percent() != 87 {
		t.Errorf("parseQuota = %+v", q)
	}
	if q := parseQuota(`QUOTA "User quota" (STORAGE 1 x)`); len(q) != 0 {
		t.Errorf("malformed quota parsed: %+v", q)
	}
	for _, c := range []struct {
		text, name string
		attr       string
	}{
		{`LIST (\HasNoChildren \Sent) "/" "Sent Items"`, "Sent Items", `\Sent`},
		{`LIST (\HasNoChildren) "." INBOX.Junk`, "INBOX.Junk", ""},
		{`LIST () "/" "&XfJT0ZAB-"`, "已发送", ""},
		{`LIST (\Noselect) NIL "[Gmail]"`, "[Gmail]", ""},
		{`LIST () "/" "a \"quoted\" name"`, `a "quoted" name`, ""},
	} {
		attrs, name, ok := parseList(c.text)
		if !ok || name != c.name || (c.attr != "" && !containsFold(attrs, c.attr)) {
			t.Errorf("parseList(%q) = %v %q %v", c.text, attrs, name, ok)
		}
	}
	if !nameIs("INBOX.Junk", specialUses[3].names) || !nameIs("[Gmail]/Sent Mail", specialUses[0].names) || nameIs("Sentinel", specialUses[0].names) {
		t.Error("nameIs")
	}
	if got := decodeMUTF7("Entw&APw-rfe &- x"); got != "Entwürfe & x" {
		t.Errorf("decodeMUTF7 = %q", got)
	}
	h := hops([]string{
		"from b by mx2.example.test; Thu, 03 Dec 2026 12:00:05 +0000",
		"from a by mx1.example.test; Thu, 03 Dec 2026 12:00:01 +0000",
	})
	if len(h) != 2 || h[0].By != "mx1.example.test" || h[1].DelayMS != 4000 {
		t.Errorf("hops = %+v", h)
	}
	for text, want := range map[string]string{"2.0.0 Ok: queued as 4Z3xKq0Yc3z": "4Z3xKq0Yc3z", "OK id=1vAbc-000123-Xy": "1vAbc-000123-Xy", "2.0.0 Ok <abc@x>": "abc@x"} {
		if got := queueID(text); got != want {
			t.Errorf("queueID(%q) = %q, want %q", text, got, want)
		}
	}
}

// FuzzMailboxParsers: quota, LIST and Received lines come from the server.
func FuzzMailboxParsers(f *testing.F) {
	f.Add(`QUOTA "" (STORAGE 1 2)`, `LIST (\Sent) "/" "&XfJT0ZAB-"`, "by x; Thu, 03 Dec 2026 12:00:05 +0000")
	f.Add(`QUOTA`, `LIST (`, ";")
	f.Add(`QUOTA "" ()`, "3 000000046b1212ec", "Message-ID: <a@b>\r\nReceived: by x; bad\r\n")
	f.Fuzz(func(t *testing.T, quota, list, received string) {
		parseQuota(quota)
		parseList(list)
		decodeMUTF7(list)
		hops([]string{received, received})
		queueID(received)
		messageID(received) // a POP3 TOP header
		if num, uid, ok := parseUIDL(list); ok && (num == "" || uid == "" || len(uid) > 70) {
			t.Errorf("parseUIDL(%q) = %q %q", list, num, uid)
		}
	})
}
