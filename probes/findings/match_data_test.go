package findings

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSignatureData: every rule of signatures.json names a catalogue code, has an anchor, and
// the tiers come in their documented precedence order.
func TestSignatureData(t *testing.T) {
	sigs, err := parseSignatures(signaturesJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sigs {
		if _, ok := Lookup(s.code); !ok {
			t.Errorf("rule %s: code %s is not in the catalogue", s.id, s.code)
		}
		if len(s.any) == 0 && len(s.enh) == 0 {
			t.Errorf("rule %s has no anchor", s.id)
		}
	}
	if _, err := parseSignatures([]byte(`{"tiers":[{"tier":"A","rules":[{"id":"x","code":"auth.failed","side":"nowhere","any":["a"]}]}]}`)); err == nil {
		t.Error("a rule with an unknown side was accepted")
	}
	if _, err := parseSignatures([]byte(`{"tiers":[{"tier":"A","rules":[{"id":"x","code":"auth.failed","side":"server","any":["a"],"bogus":1}]}]}`)); err == nil {
		t.Error("a rule with an unknown field was accepted")
	}
	var f sigFile
	var order []string
	if err := json.Unmarshal(signaturesJSON, &f); err != nil {
		t.Fatal(err)
	}
	for _, tr := range f.Tiers {
		order = append(order, tr.Tier)
	}
	if got := strings.Join(order, ""); got != "ABCDSFE" {
		t.Errorf("tier order %s, want ABCDSFE (named rules, structured features, keyword families, fallbacks)", got)
	}
}

// TestKeywordFamilies: a family of stems recognises wordings no named rule holds, and the named
// rules still win where they apply. The texts are rewordings made for this test (the real ones
// are in the corpus and the unseen batches).
func TestKeywordFamilies(t *testing.T) {
	for _, c := range []struct {
		text string
		want Code
		rule string
	}{
		{"imap: read from server timed out after 30s", ServerResponseTimeout, "fam-read-timeout"},
		{"error: cannot resolve smtp.example.net", DNSNXDomain, "fam-dns-unresolved"},
		{"451 4.3.0 Mail server temporarily unavailable", ServerBusy, "fam-server-temporary"},
		{"550 5.7.1 Your IP 192.0.2.7 is on our block list", SMTPIPBlocked, "fam-ip-blocked"},
		{"550 Message refused: looks like spam", SMTPSpamRejected, "fam-spam"},
		{"554 you have exceeded today's quota of outgoing mail", SMTPSendingLimit, "fam-sending-limit"},
		{"-ERR your account has been deactivated", AuthAccountLocked, "fam-account-locked"},
		{"SSLError: handshake alert received from peer", TLSHandshakeFailed, "fam-tls-alert"},
		{"* BYE Session invalidated - AccessTokenExpired", AuthOAuthTokenExpired, "oauth-expired-token"},
		{"邮件服务器繁忙，请稍后再试", ServerBusy, "fam-server-busy"},
		{"550 收件人邮箱不存在", SMTPRecipientUnknown, "recipient-unknown"},
	} {
		got := MatchText(c.text)
		if len(got) == 0 || got[0].Code != c.want || got[0].Rule != c.rule {
			t.Errorf("%q: got %v, want %s by %s", c.text, got, c.want, c.rule)
		}
	}
}

// TestEnhancedAnyClass: an "x.S.D" anchor holds for 4.S.D and 5.S.D alike.
func TestEnhancedAnyClass(t *testing.T) {
	m := newMatcher([]*sig{{id: "t", code: SMTPRecipientMailboxFull, enh: []string{"x.2.2"}}})
	sc := m.newScratch()
	for _, s := range []string{"452 4.2.2 over", "552 5.2.2 over"} {
		if m.best(s, true, sc) != 0 {
			t.Errorf("%q: x.2.2 did not hold", s)
		}
	}
	if m.best("550 5.2.1 disabled", true, sc) != -1 {
		t.Error("x.2.2 held for 5.2.1")
	}
}
