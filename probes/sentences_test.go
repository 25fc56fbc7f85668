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

// TestStepStatusSentence: the other mode's step, as port.expects-starttls's evidence tells it,
// reads in Chinese whole: the status, our detail and the codes set apart (they stay ids).
func TestStepStatusSentence(t *testing.T) {
	valid := findings.SayCertValidUntil.Format("TLS 1.3", "2031-01-01")
	for _, tt := range []struct {
		name   string
		r      Result
		en, zh string
	}{
		{"ok with detail", Result{Steps: []Step{{Name: StepSTARTTLS, Status: OK, Detail: valid}}},
			"ok, TLS 1.3, certificate valid until 2031-01-01", "正常，TLS 1.3，证书有效期至 2031-01-01"},
		{"warn with a finding", Result{Steps: []Step{{Name: StepSTLS, Status: Warn, Detail: valid,
			Findings: []findings.Finding{{Code: findings.TLSCertExpired}}}}},
			"warn, TLS 1.3, certificate valid until 2031-01-01 (findings: tls.cert-expired)",
			"警告，TLS 1.3，证书有效期至 2031-01-01（发现：tls.cert-expired）"},
		{"fail, codes only", Result{Steps: []Step{{Name: StepSTARTTLS, Status: Fail,
			Findings: []findings.Finding{{Code: findings.TLSCertExpired}}}}},
			"fail, tls.cert-expired", "失败，tls.cert-expired"},
		{"skip", Result{Steps: []Step{{Name: StepSTARTTLS, Status: Skip}}}, "skip", "跳过"},
		{"not reached", Result{Steps: []Step{{Name: StepGreeting, Status: OK}}}, "not reached", "未执行到"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := stepStatus(tt.r, StepSTARTTLS, StepSTLS)
			if got != tt.en {
				t.Fatalf("stepStatus = %q, want %q", got, tt.en)
			}
			ev := findings.SayExpectsSTARTTLS.Format(2525, got)
			want := fmt.Sprintf("端口 2525 先以明文通信；在该端口使用 STARTTLS：%s", tt.zh)
			if zh, _ := findings.Localize(ev, "zh"); zh != want {
				t.Errorf("zh %q, want %q", zh, want)
			}
		})
	}
}

// TestStepNamesInSentences: a step named inside one of our sentences is said by its Chinese
// name (the reports' step list's), and Go's error after "tls handshake:" stays verbatim.
func TestStepNamesInSentences(t *testing.T) {
	for _, tt := range []struct{ en, zh string }{
		{fmt.Errorf("%s: %w", StepGreeting, ErrRunDeadline).Error(), "欢迎信息：已到达整体检查时限（--deadline）"},
		{fmt.Errorf("%s: %w", StepSTARTTLS, ErrRunDeadline).Error(), "STARTTLS 升级：已到达整体检查时限（--deadline）"},
		{findings.SayNotRun.Format(findings.SayStepFailed.Format(StepConnect, "timeout")), "未运行：连接 步骤失败（timeout）"},
		{findings.SayNotRun.Format(fmt.Errorf("%s: %w", StepAuth, ErrRunDeadline).Error()), "未运行：登录：已到达整体检查时限（--deadline）"},
		{findings.SayTLSHandshake.Errorf(fmt.Errorf("tls: first record does not look like a TLS handshake")).Error(),
			"TLS 握手：tls: first record does not look like a TLS handshake"},
	} {
		if zh, ok := findings.Localize(tt.en, "zh"); !ok || zh != tt.zh {
			t.Errorf("%q: zh %q, want %q", tt.en, zh, tt.zh)
		}
		if en, _ := findings.Localize(tt.en, "en"); en != tt.en {
			t.Errorf("%q changed in English: %q", tt.en, en)
		}
	}
	// Only a step's name takes a step's place: an unknown one is not said as ours.
	if zh, ok := findings.Localize(findings.SayStepDeadline.Format("warp"), "zh"); ok {
		t.Errorf("unknown step said in Chinese: %q", zh)
	}
}
