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
	f.Add(`QUOTA "" (STORAGE 9223372036854775807 1)`, "&2D3YPdg92D0-&AAAAAAAAAAAA-", "")
	f.Add(`QUOTA "" ()`, "3 000000046b1212ec", "Message-ID: <a@b>\r\nReceived: by x; bad\r\n")
	f.Fuzz(func(t *testing.T, quota, list, received string) {
		for _, q := range parseQuota(quota) {
			if q.Usage < 0 || q.Limit < 0 || q.Percent() < 0 {
				t.Fatalf("parseQuota(%q) = %+v", quota, q)
			}
		}
		parseList(list)
		// A base64 decoder of server text: 4 base64 characters are 3 bytes of UTF-16, at most
		// 4.5 bytes of UTF-8 (U+FFFD for a lone surrogate); never more than twice the input.
		if out := decodeMUTF7(list); len(out) > 2*len(list) {
			t.Fatalf("decodeMUTF7 grew %d bytes into %d", len(list), len(out))
		}
		hops([]string{received, received})
		queueID(received)
		messageID(received) // a POP3 TOP header
		if num, uid, ok := parseUIDL(list); ok && (num == "" || uid == "" || len(uid) > 70) {
			t.Errorf("parseUIDL(%q) = %q %q", list, num, uid)
		}
	})
}
