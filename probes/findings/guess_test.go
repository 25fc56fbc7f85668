package findings

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var updateModel = flag.Bool("update", false, "rewrite wordmodel.json from the corpus")

// modelDoc heads wordmodel.json.
var modelDoc = []string{
	"Derived data: the word model (guess.go), rebuilt from the labelled corpus and batches in probes/findings/*_test.go.",
	"Do not edit: `go test ./probes/findings -run TestWordModelFresh -update` rewrites it; TestWordModelFresh fails when it is stale.",
	"texts: how many texts each class (finding code, or benign) was built from; tokens: in how many of them each word occurs.",
}

// trainingSet is every labelled text and benign line the model learns from, leaving out the
// batch named skip ("" for none).
func trainingSet(skip string) (texts, classes []string) {
	add := func(cs []corpusCase) {
		for _, c := range cs {
			if c.want == ExplainNoMatch {
				continue
			}
			texts = append(texts, c.text)
			classes = append(classes, string(c.want))
		}
	}
	addBenign := func(ls []string) {
		for _, l := range ls {
			texts = append(texts, l)
			classes = append(classes, benignClass)
		}
	}
	add(corpus)
	addBenign(benignCorpus)
	for _, b := range unseenBatches {
		if b.name != skip {
			add(b.texts)
			addBenign(b.benign)
		}
	}
	return texts, classes
}

func encodeModel(m *wordModel) []byte {
	m.Doc = modelDoc
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// TestWordModelFresh: the embedded model is the one the corpus gives today.
func TestWordModelFresh(t *testing.T) {
	want := encodeModel(buildWordModel(trainingSet("")))
	if *updateModel {
		if err := os.WriteFile("wordmodel.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(want, wordModelJSON) {
		t.Fatal("wordmodel.json is stale: run go test ./probes/findings -run TestWordModelFresh -update")
	}
}

// TestGuessHeldOut scores the model the honest way: for each batch, a model built without it
// reads its texts and its success lines. It must name the right cause for a good share of
// texts it never saw and read (almost) no success line as a failure. The share is of every
// text, also those the signatures hold: the model is asked only when none does.
func TestGuessHeldOut(t *testing.T) {
	right, total, alarms, lines := 0, 0, 0, 0
	for _, b := range unseenBatches {
		m := buildWordModel(trainingSet(b.name))
		r := 0
		for _, c := range b.texts {
			if g, ok := m.guess(c.text); ok && g.Code == c.want {
				r++
			}
		}
		for _, l := range b.benign {
			if g, ok := m.guess(l); ok {
				alarms++
				t.Logf("batch %s: success line read as %s: %q", b.name, g.Code, l)
			}
		}
		t.Logf("batch %s: %d/%d right by words alone", b.name, r, len(b.texts))
		right += r
		total += len(b.texts)
		lines += len(b.benign)
	}
	t.Logf("held out, by words alone: %d/%d right (%.1f %%); %d of %d success lines read as a failure",
		right, total, 100*float64(right)/float64(total), alarms, lines)
	if 100*right < 40*total {
		t.Errorf("the word model names %d/%d held-out texts, want at least 40 %%", right, total)
	}
	if 100*alarms > 3*lines {
		t.Errorf("the word model reads %d/%d held-out success lines as failures, want at most 3 %%", alarms, lines)
	}
}

// TestGuess: the gate and what a guess carries.
func TestGuess(t *testing.T) {
	for _, tt := range []struct {
		text string
		ok   bool
		line string
	}{
		{"Connection is now encrypted", false, ""},
		{"odoo.addons.fetchmail: Fetched 0 email(s); 0 succeeded, 0 failed.", false, ""},
		{"set socket read timeout 10000", false, ""},
		{"[AB12-4CD5-432-7FF5] client has disconnected", false, ""},
		{"550 something odd happened", false, ""}, // one known word: no lead over other causes
		{"connecting to imap.example.org\nIMAP sync aborted: the server says the password was not accepted for this user", true, "IMAP sync aborted: the server says the password was not accepted for this user"},
	} {
		g, ok := Guess(tt.text)
		if ok != tt.ok {
			t.Errorf("Guess(%q) = %+v, %v; want ok %v", tt.text, g, ok, tt.ok)
			continue
		}
		if ok && (g.Evidence != tt.line || g.Rule != "word-model" || g.Code == ExplainNoMatch) {
			t.Errorf("Guess(%q) = %+v, want evidence %q from the word model", tt.text, g, tt.line)
		}
	}
}

// TestGuessAgreesWithSignatures: on the knowledge base the model mostly names what the
// signatures name — a sanity floor that fails when words and labels come apart (a tokeniser or
// training bug), not a score.
func TestGuessAgreesWithSignatures(t *testing.T) {
	agree, n := 0, 0
	for _, c := range allCorpus() {
		if failureLine(c.text) == "" {
			continue
		}
		n++
		if g, ok := Guess(c.text); ok && g.Code == c.want {
			agree++
		}
	}
	if 100*agree < 80*n {
		t.Errorf("the word model names %d/%d corpus texts it was built from, want at least 80 %%", agree, n)
	}
	for _, l := range allBenign() {
		if g, ok := Guess(l); ok {
			t.Errorf("success line %q guessed as %s", l, g.Code)
		}
	}
}

// BenchmarkGuess: the fallback on a whole pasted log (the one BenchmarkMatchText reads).
func BenchmarkGuess(b *testing.B) {
	getWordModel()
	b.SetBytes(int64(len(benchLog)))
	b.ReportAllocs()
	for b.Loop() {
		Guess(benchLog)
	}
}
