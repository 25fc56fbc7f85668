package probes

import (
	"fmt"
	"testing"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// TestDeadlineSentences: the deadline errors read exactly as the sentences a zh report
// recognises (findings.SayStepDeadline, SaySlotDeadline), so a change to one shows here.
func TestDeadlineSentences(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{fmt.Errorf("%s: %w", StepGreeting, ErrRunDeadline).Error(), findings.SayStepDeadline.Format(StepGreeting)},
		{fmt.Errorf("%w before this endpoint got a connection slot", ErrRunDeadline).Error(), findings.SaySlotDeadline.EN},
	} {
		if tt.got != tt.want {
			t.Errorf("error %q, sentence %q", tt.got, tt.want)
		}
		if zh, ok := findings.Localize(tt.got, "zh"); !ok || zh == tt.got {
			t.Errorf("%q not said in Chinese", tt.got)
		}
	}
}

// TestReplyErrorSentence: a server's refusal keeps its English shape ("smtp auth: 535 …") and
// reads in Chinese with the reply verbatim.
func TestReplyErrorSentence(t *testing.T) {
	for _, tt := range []struct {
		e      *ReplyError
		en, zh string
	}{
		{&ReplyError{Proto: SMTP, Command: "AUTH", Code: 535, Lines: []string{"535 5.7.8 Error: bad"}},
			"smtp auth: 535 5.7.8 Error: bad", "SMTP auth 命令的回复：535 5.7.8 Error: bad"},
		{&ReplyError{Proto: POP3, Lines: []string{"-ERR go away"}}, "pop3 greeting: -ERR go away", "POP3 欢迎信息：-ERR go away"},
		{&ReplyError{Proto: IMAP, Command: "LOGIN", Lines: []string{"a1 NO x", "y"}}, "imap login: a1 NO x / y", "IMAP login 命令的回复：a1 NO x / y"},
	} {
		if got := tt.e.Error(); got != tt.en {
			t.Errorf("Error() = %q, want %q", got, tt.en)
		}
		if got, _ := findings.Localize(tt.e.Error(), "zh"); got != tt.zh {
			t.Errorf("zh %q, want %q", got, tt.zh)
		}
	}
}
