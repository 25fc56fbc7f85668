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
