package probes

import (
	"errors"
	"strings"
	"testing"
)

func TestParseSMTPReply(t *testing.T) {
	tests := []struct {
		name     string
		lines    []string
		code     int
		enhanced string
		wantErr  bool
	}{
		{"single", []string{"220 mx.test ESMTP ready"}, 220, "", false},
		{"code only", []string{"250"}, 250, "", false},
		{"multi", []string{"250-mx.test", "250-PIPELINING", "250 AUTH PLAIN LOGIN"}, 250, "", false},
		{"enhanced", []string{"530 5.7.0 Must issue a STARTTLS command first"}, 530, "5.7.0", false},
		{"gmail multi enhanced", []string{"534-5.7.9 Application-specific password required.", "534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor"}, 534, "5.7.9", false},
		{"enhanced class must match", []string{"250 5.7.0 odd"}, 250, "", false},
		{"mixed codes", []string{"250-a", "251 b"}, 0, "", true},
		{"continuation on last", []string{"250-a"}, 0, "", true},
		{"early end", []string{"250 a", "250 b"}, 0, "", true},
		{"no code", []string{"hello"}, 0, "", true},
		{"bad separator", []string{"250xhello"}, 0, "", true},
		{"code out of range", []string{"999 no"}, 0, "", true},
		{"tls record", []string{"\x16\x03\x01\x02"}, 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := parseSMTPReply(tt.lines)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseSMTPReply(%q) error = %v, want error %v", tt.lines, err, tt.wantErr)
			}
			if err != nil {
				if !errors.Is(err, ErrMalformedReply) {
					t.Errorf("error %v is not ErrMalformedReply", err)
				}
				return
			}
			if r.Code != tt.code || r.Enhanced != tt.enhanced {
				t.Errorf("parseSMTPReply(%q) = %d %q, want %d %q", tt.lines, r.Code, r.Enhanced, tt.code, tt.enhanced)
			}
		})
	}
}

func TestSMTPExtensions(t *testing.T) {
	ext := smtpExtensions([]string{"mx.test greets you", "SIZE 35882577", "8BITMIME", "STARTTLS",
		"AUTH LOGIN PLAIN XOAUTH2", "AUTH=LOGIN", "ENHANCEDSTATUSCODES", "PIPELINING", "SMTPUTF8"})
	for _, k := range []string{"SIZE", "8BITMIME", "STARTTLS", "AUTH", "ENHANCEDSTATUSCODES", "PIPELINING", "SMTPUTF8"} {
		if _, ok := ext[k]; !ok {
			t.Errorf("extension %s missing from %v", k, ext)
		}
	}
	if ext["SIZE"] != "35882577" {
		t.Errorf("SIZE = %q, want 35882577", ext["SIZE"])
	}
	if !strings.Contains(ext["AUTH"], "PLAIN") {
		t.Errorf("AUTH = %q, want PLAIN in it", ext["AUTH"])
	}
}

func TestParsePOP3Status(t *testing.T) {
	tests := []struct {
		line    string
		ok      bool
		code    string
		text    string
		wantErr bool
	}{
		{"+OK POP3 ready <1896.697170952@dbc.mtview.ca.us>", true, "", "POP3 ready <1896.697170952@dbc.mtview.ca.us>", false},
		{"+OK", true, "", "", false},
		{"-ERR [IN-USE] Mailbox is locked", false, "IN-USE", "Mailbox is locked", false},
		{"-ERR [SYS/TEMP] try later", false, "SYS/TEMP", "try later", false},
		{"-ERR [AUTH] Application-specific password required", false, "AUTH", "Application-specific password required", false},
		{"-ERR Login fail. A secure connection is requiered(such as ssl)", false, "", "Login fail. A secure connection is requiered(such as ssl)", false},
		{"+OKAY", false, "", "", true},
		{"* OK IMAP", false, "", "", true},
		{"", false, "", "", true},
	}
	for _, tt := range tests {
		st, err := parsePOP3Status(tt.line)
		if (err != nil) != tt.wantErr {
			t.Errorf("parsePOP3Status(%q) error = %v, want error %v", tt.line, err, tt.wantErr)
			continue
		}
		if err == nil && (st.OK != tt.ok || st.Code != tt.code || st.Text != tt.text) {
			t.Errorf("parsePOP3Status(%q) = %+v, want ok=%v code=%q text=%q", tt.line, st, tt.ok, tt.code, tt.text)
		}
	}
}

func TestParseIMAPLine(t *testing.T) {
	tests := []struct {
		line                    string
		tag, status, code, args string
		wantErr                 bool
	}{
		{"* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready", "*", "OK", "CAPABILITY", "IMAP4rev1 STARTTLS LOGINDISABLED", false},
		{"* PREAUTH welcome", "*", "PREAUTH", "", "", false},
		{"* BYE Too many connections", "*", "BYE", "", "", false},
		{"a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)", "a1", "NO", "AUTHENTICATIONFAILED", "", false},
		{"a2 OK [READ-ONLY] EXAMINE completed", "a2", "OK", "READ-ONLY", "", false},
		{"* OK [UIDVALIDITY 3857529045] UIDs valid", "*", "OK", "UIDVALIDITY", "3857529045", false},
		{"* 172 EXISTS", "*", "", "", "", false},
		{"+ ", "+", "", "", "", false},
		{"a3 NO SELECT Unsafe Login. Please contact kefu@188.com for help", "a3", "NO", "", "", false},
		{"a1", "", "", "", "", true},
		{"a1 HELLO", "", "", "", "", true},
		{"* OK [ALERT unterminated", "", "", "", "", true},
	}
	for _, tt := range tests {
		r, err := parseIMAPLine(tt.line)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseIMAPLine(%q) error = %v, want error %v", tt.line, err, tt.wantErr)
			continue
		}
		if err == nil && (r.Tag != tt.tag || r.Status != tt.status || r.Code != tt.code || r.Args != tt.args) {
			t.Errorf("parseIMAPLine(%q) = %+v, want %s %s [%s %s]", tt.line, r, tt.tag, tt.status, tt.code, tt.args)
		}
	}
}

func TestLineReaderBounds(t *testing.T) {
	long := strings.Repeat("x", MaxLine+10) + "\r\n"
	lr := newLineReader(strings.NewReader("220 ok\r\nbare\n" + long))
	if l, err := lr.readLine(); err != nil || string(l) != "220 ok" {
		t.Fatalf("readLine = %q, %v", l, err)
	}
	if l, err := lr.readLine(); err != nil || string(l) != "bare" || !lr.bareLF {
		t.Fatalf("readLine = %q, %v, bareLF %v", l, err, lr.bareLF)
	}
	if l, err := lr.readLine(); !errors.Is(err, ErrLineTooLong) || len(l) != MaxLine {
		t.Fatalf("long line: len %d, err %v; want %d, ErrLineTooLong", len(l), err, MaxLine)
	}
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"220 ok":       "220 ok",
		"a\x1b[31mred": `a\x1b[31mred`,
		"nul\x00byte":  `nul\x00byte`,
		"\xff\xfe":     `\xff\xfe`,
		"中文 ok":        "中文 ok",
	} {
		if got := safeText([]byte(in)); got != want {
			t.Errorf("safeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseSMTPReply(f *testing.F) {
	for _, s := range []string{"220 mx.test ESMTP", "250-a\n250 b", "530 5.7.0 Must issue a STARTTLS command first",
		"534-5.7.9 x\n534 5.7.9 y", "250-a\n251 b", "\x16\x03\x01", "999", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		r, err := parseSMTPReply(lines)
		if err == nil && (r.Code < 200 || r.Code > 599 || len(r.Lines) != len(lines)) {
			t.Fatalf("parseSMTPReply(%q) accepted %+v", s, r)
		}
		smtpExtensions(lines)
	})
}

func FuzzParsePOP3Status(f *testing.F) {
	for _, s := range []string{"+OK ready <1.2@x>", "-ERR [IN-USE] locked", "-ERR [", "-ERR []", "+OK", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := parsePOP3Status(s)
		if err == nil && st.OK != strings.HasPrefix(s, "+OK") {
			t.Fatalf("parsePOP3Status(%q) = %+v", s, st)
		}
	})
}

func FuzzParseIMAPLine(f *testing.F) {
	for _, s := range []string{"* OK [CAPABILITY IMAP4rev1] hi", "a1 NO [AUTHENTICATIONFAILED] x", "* 3 EXISTS",
		"+ ", "* OK [", "a1 OK {5}", "* BYE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := parseIMAPLine(s)
		if err == nil && r.Tag == "" {
			t.Fatalf("parseIMAPLine(%q) = %+v without tag", s, r)
		}
		literalLen(s)
	})
}
