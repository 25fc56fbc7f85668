package findings

import (
	_ "embed"
	"encoding/json"
	"math"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// The word model is the fallback for a text no signature holds: a naive Bayes classifier over
// the words of every labelled corpus text (the corpus and the batches in the tests) and of every
// success or non-mail line (class "benign"). Signatures stay first: they are precise and say
// why; the model only names the cause whose known texts a failure worded in a new way is
// closest to, and the finding says so. Scored leave-one-batch-out (TestGuessHeldOut), it turns
// part of the signatures' misses on unseen texts into right answers without new false alarms.
//
// wordmodel.json is derived data: TestWordModelFresh rebuilds it from the corpus and fails when
// the file is stale (`go test ./probes/findings -run TestWordModelFresh -update` rewrites it).

//go:embed wordmodel.json
var wordModelJSON []byte

// benignClass is the model's class for success and non-mail lines: a guess of it is no guess.
const benignClass = "benign"

// wordModel holds, per class, how many texts it was built from and in how many of them each
// word occurs.
type wordModel struct {
	Doc    []string                  `json:"doc"`
	Texts  map[string]int            `json:"texts"`
	Tokens map[string]map[string]int `json:"tokens"`

	vocab   map[string]bool // distinct words over all classes
	total   map[string]int  // word occurrences per class
	classes []string        // the classes, sorted: ties go the same way every run
}

var (
	modelOnce sync.Once
	model     *wordModel
)

func getWordModel() *wordModel {
	modelOnce.Do(func() {
		var m wordModel
		if err := json.Unmarshal(wordModelJSON, &m); err != nil {
			panic("findings: wordmodel.json: " + err.Error())
		}
		m.index()
		model = &m
	})
	return model
}

func (m *wordModel) index() {
	m.vocab = map[string]bool{}
	m.total = map[string]int{}
	m.classes = m.classes[:0]
	for c := range m.Texts {
		m.classes = append(m.classes, c)
	}
	sort.Strings(m.classes)
	for c, toks := range m.Tokens {
		for w, n := range toks {
			m.vocab[w] = true
			m.total[c] += n
		}
	}
}

// buildWordModel counts the words of labelled texts (class by text); benign lines join class
// "benign".
func buildWordModel(texts []string, classes []string) *wordModel {
	m := &wordModel{Texts: map[string]int{}, Tokens: map[string]map[string]int{}}
	for i, t := range texts {
		c := classes[i]
		m.Texts[c]++
		if m.Tokens[c] == nil {
			m.Tokens[c] = map[string]int{}
		}
		for w := range wordSet(t) {
			m.Tokens[c][w]++
		}
	}
	m.index()
	return m
}

// tokenRE is a word as the model counts it: a Latin word (error names split by the
// normaliser's identifier splitting come along), a reply code, an enhanced status code, or one
// Chinese character.
var tokenRE = regexp.MustCompile(`[a-z][a-z0-9_]+|[2-5][0-9]\.[0-9]{1,3}\.[0-9]{1,3}|[2-5][0-9][0-9]|\p{Han}`)

// wordSet is the set of words of text, each line prepared as the signatures see it.
func wordSet(text string) map[string]bool {
	set := map[string]bool{}
	forEachLogical(text, func(line string) {
		body, words := prepareParts(expandBase64JSON(unescapeHex(line)))
		for _, w := range tokenRE.FindAllString(strings.ToLower(body+" "+words), -1) {
			set[w] = true
		}
	})
	return set
}

// failureRE is what a line must carry before the model may read it as a failure: a failure
// word or a 4xx/5xx reply code. okRE undoes it for counts and settings ("0 failed", "timeout
// 10000"), success and openssl s_client's session summary ("Secure Renegotiation IS NOT supported",
// "No ALPN negotiated"). The model never reads a line that says neither.
var (
	failureRE = regexp.MustCompile(`(?i)\b(error|err|errno|fail(s|ed|ure)?|unable|cannot|can't|couldn't|could not|refused|denied|reject(s|ed)?|invalid|timed? ?out|timeout|exception|unexpected|not (accepted|allowed|found|permitted|supported|valid)|forbidden|unavailable|abort(ed)?|problem|wrong|incorrect|blocked|bounced?|deferred|undeliverable)\b|(^|[\s:'"(\[])[45][0-9][0-9]( |-[0-9 ])|错误|失败|无法|不能|拒绝|超时|异常`)
	okRE      = regexp.MustCompile(`(?i)\b0 (failed|errors?)\b|without error|no errors?\b|success|timeout[ =:]+[0-9]|licen[cs]ed? under|secure renegotiation is (not )?supported|no alpn negotiated`)
)

// failureLine is the first line of text that reads as a failure, "" when none does.
func failureLine(text string) string {
	var first string
	forEachLogical(text, func(line string) {
		if first == "" && failureRE.MatchString(line) && !okRE.MatchString(line) {
			first = line
		}
	})
	return first
}

// classify is the most likely class of the words, its lead (in log-likelihood) over the second
// and its lead over benign.
func (m *wordModel) classify(words map[string]bool) (string, float64, float64) {
	best, second, benign := math.Inf(-1), math.Inf(-1), math.Inf(-1)
	var bestClass string
	for _, c := range m.classes {
		s := math.Log(float64(m.Texts[c]))
		den := float64(m.total[c]) + wordSmoothing*float64(len(m.vocab))
		for w := range words {
			if !m.vocab[w] {
				continue
			}
			s += math.Log((float64(m.Tokens[c][w]) + wordSmoothing) / den)
		}
		if c == benignClass {
			benign = s
		}
		switch {
		case s > best:
			second, best, bestClass = best, s, c
		case s > second:
			second = s
		}
	}
	return bestClass, best - second, best - benign
}

// wordSmoothing is the count every word gets in every class, so a word never seen with a class
// lowers its odds without ruling it out.
const wordSmoothing = 0.1

// minLead is how much likelier (in log-likelihood) the named cause must be than the next: a
// text whose few known words fit several causes about equally is no reading.
const minLead = 1.0

// minLeadOverBenign is how much likelier it must be than a success line: the benign class gets a
// wider berth, since a false alarm costs more than a miss.
const minLeadOverBenign = 3.0

// Guess names the cause whose known texts text is worded closest to, for a text no signature
// holds: only when a line of it reads as a failure, and never "benign". Evidence is that line.
func Guess(text string) (Match, bool) {
	return getWordModel().guess(text)
}

func (m *wordModel) guess(text string) (Match, bool) {
	if len(text) > maxMatchInput {
		text = text[:maxMatchInput]
	}
	if !utf8.ValidString(text) {
		text = DecodeText([]byte(text))
	}
	line := failureLine(text)
	if line == "" {
		return Match{}, false
	}
	c, lead, overBenign := m.classify(wordSet(text))
	if lead < minLead || overBenign < minLeadOverBenign {
		return Match{}, false
	}
	if c == "" || c == benignClass || !knownCode(Code(c)) {
		return Match{}, false
	}
	return Match{Code: Code(c), Evidence: printable(line), Rule: "word-model"}, true
}

func knownCode(c Code) bool { _, ok := Lookup(c); return ok }
