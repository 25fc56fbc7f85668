package findings

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func addCorpusSeeds(f *testing.F, asBytes bool) {
	enc := simplifiedchinese.GBK.NewEncoder()
	add := func(s string) {
		if asBytes {
			f.Add([]byte(s))
		} else {
			f.Add(s)
		}
	}
	for _, c := range corpus {
		add(c.text)
	}
	for _, c := range replyCorpus {
		add(c.text)
	}
	for _, c := range gbkCases {
		raw, _ := enc.String(c.text)
		add(raw)
	}
	add(benchLog)
	add("\xff\xfe\x00\x81\x40 5.7.9 \x1b[0m")
	add("534-5.7.9\n534-5.7.9\n534 5.7.9")
}

// FuzzMatchText: any input, no panic; every result is a catalogue code with printable,
// bounded evidence; Guess, MatchReply, ReplyClass and ProviderHint survive the same input.
func FuzzMatchText(f *testing.F) {
	addCorpusSeeds(f, false)
	keys := map[string]bool{"": true}
	for _, k := range testHints.Domains {
		keys[k] = true
	}
	for _, k := range testHints.Brands {
		keys[k] = true
	}
	for _, w := range testHints.Wording {
		keys[w.Key] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		seen := map[Code]bool{}
		for _, m := range MatchText(s) {
			if _, ok := Lookup(m.Code); !ok {
				t.Fatalf("code %s not in catalogue", m.Code)
			}
			if seen[m.Code] {
				t.Fatalf("code %s reported twice", m.Code)
			}
			seen[m.Code] = true
			if m.Rule == "" || !utf8.ValidString(m.Evidence) || len(m.Evidence) > maxEvidence+8 {
				t.Fatalf("bad match %+v", m)
			}
		}
		if g, ok := Guess(s); ok {
			if _, known := Lookup(g.Code); !known || g.Code == ExplainNoMatch || !utf8.ValidString(g.Evidence) || len(g.Evidence) > maxEvidence+8 {
				t.Fatalf("bad guess %+v", g)
			}
		}
		if c, ok := MatchReply("smtp", "auth", []string{s}); ok {
			if _, ok := Lookup(c); !ok {
				t.Fatalf("MatchReply code %s not in catalogue", c)
			}
		}
		MatchReply("imap", "greeting", []string{s, s})
		MatchReply("pop3", "stls", []string{s})
		if !utf8.ValidString(ReplyClass(s)) {
			t.Fatal("ReplyClass returned invalid UTF-8")
		}
		if p := testHints.Provider(s); !keys[p] {
			t.Fatalf("ProviderHint returned unknown key %q", p)
		}
	})
}

// FuzzDecodeText: any bytes, no panic, valid UTF-8 out, bounded growth, UTF-8 without
// control characters passes through unchanged.
func FuzzDecodeText(f *testing.F) {
	addCorpusSeeds(f, true)
	f.Fuzz(func(t *testing.T, b []byte) {
		out := DecodeText(b)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", b)
		}
		n := min(len(b), maxMatchInput)
		if len(out) > 4*n {
			t.Fatalf("output %d bytes for %d input bytes", len(out), n)
		}
		if len(b) <= maxMatchInput && utf8.Valid(b) && !hasControl(b) && out != string(b) {
			t.Fatalf("valid UTF-8 changed: %q -> %q", b, out)
		}
	})
}
