package providers

import (
	"testing"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// TestAltEndpointsMarked: alternatives say so in their source, and AltNotes explains them in
// both languages.
func TestAltEndpointsMarked(t *testing.T) {
	ex, _ := Builtin().Lookup("exmail")
	alts := ex.AltEndpoints()
	if len(alts) == 0 {
		t.Fatal("exmail has no alternative endpoints")
	}
	for _, e := range alts {
		if e.Source != "builtin:exmail" || !e.Alt {
			t.Errorf("%s: source %q, alt %v; want builtin:exmail, alternative", e.Host, e.Source, e.Alt)
		}
	}
	notes := ex.AltNotes()
	want := findings.Text{EN: "Alternative servers hwimap.exmail.qq.com:993, hwsmtp.exmail.qq.com:465: overseas node.",
		ZH: "备用服务器 hwimap.exmail.qq.com:993、hwsmtp.exmail.qq.com:465：海外节点。"}
	if len(notes) != 1 || notes[0] != want {
		t.Errorf("exmail AltNotes = %+v, want %+v", notes, want)
	}
	if qq, _ := Builtin().Lookup("qq"); len(qq.AltNotes()) != 0 {
		t.Errorf("qq has no alternatives, but AltNotes = %+v", qq.AltNotes())
	}
}
