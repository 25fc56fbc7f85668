package probes

import (
	"encoding/json"
	"os"
	"strings"
)

// Code is a stable public finding name (FINDINGS.md): once shipped, it keeps its meaning.
type Code string

// Text is a message in both languages the product speaks.
type Text struct {
	EN string `json:"en"`
	ZH string `json:"zh"`
}

// In returns the text in lang ("zh" or anything else for English), falling back to English.
func (t Text) In(lang string) string {
	if lang == "zh" && t.ZH != "" {
		return t.ZH
	}
	return t.EN
}

// Entry is one catalogue record: what a code means and how to fix it.
type Entry struct {
	Code     Code
	Severity Severity
	Title    Text
	Explain  Text
	Fix      Text
	// Ref is an RFC section or a provider help page.
	Ref string
	// ProviderFix holds fixes specific to a provider key ("qq", "163", "gmail", "microsoft", …).
	ProviderFix map[string]Text
}

// Finding is a conclusion with its cause and fix, copied from the catalogue.
type Finding struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	Title    Text     `json:"-"`
	Explain  Text     `json:"-"`
	Fix      Text     `json:"-"`
	Ref      string   `json:"ref,omitempty"`
	// Evidence is the reply or error that led to the finding, secrets redacted.
	Evidence string `json:"evidence"`
	// Provider is the provider whose specific fix was chosen, if any.
	Provider string `json:"provider,omitempty"`
	// lang selects the language of title/explanation/fix in JSON.
	lang string
}

// MarshalJSON writes title, explanation and fix as strings in the report's language.
func (f Finding) MarshalJSON() ([]byte, error) {
	type plain Finding
	return json.Marshal(struct {
		plain
		Title       string `json:"title"`
		Explanation string `json:"explanation"`
		Fix         string `json:"fix"`
	}{plain(f), f.Title.In(f.lang), f.Explain.In(f.lang), f.Fix.In(f.lang)})
}

// Lookup returns the catalogue entry for code.
func Lookup(code Code) (Entry, bool) {
	e, ok := catalogue[code]
	return e, ok
}

// Codes returns every catalogue code, sorted.
func Codes() []Code {
	out := make([]Code, 0, len(catalogue))
	for c := range catalogue {
		out = append(out, c)
	}
	sortCodes(out)
	return out
}

func sortCodes(c []Code) {
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j] < c[j-1]; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
}

// NewFinding builds a finding for code from the catalogue, choosing the provider-specific fix
// when one exists. An unknown code still yields a finding (error severity) so nothing is lost.
func NewFinding(code Code, evidence, provider string) Finding {
	e, ok := catalogue[code]
	if !ok {
		e = Entry{Code: code, Severity: SevError, Title: Text{EN: string(code), ZH: string(code)}}
	}
	f := Finding{Code: code, Severity: e.Severity, Title: e.Title, Explain: e.Explain, Fix: e.Fix,
		Ref: e.Ref, Evidence: evidence}
	for _, key := range []string{provider, providerFamily[provider]} {
		if t, ok := e.ProviderFix[key]; ok && key != "" {
			f.Fix, f.Provider = t, key
			break
		}
	}
	return f
}

// providerFamily maps provider entries that share another's login rules to the key whose
// specific fixes apply to them too (a 188.com or VIP 163 user gets NetEase's 授权码 steps).
var providerFamily = map[string]string{
	"188": "163", "vip163": "163", "netease": "163", "sina-vip": "sina", "sina-qiye": "sina",
	"gmx-com": "gmx", "zoho-eu": "zoho", "aliyun-qiye": "aliyun",
}

// SetLang sets the language every finding of the report is written in.
func (r *Report) SetLang(lang string) {
	r.Lang = lang
	set := func(fs []Finding) {
		for i := range fs {
			fs[i].lang = lang
		}
	}
	set(r.Findings)
	for i := range r.Discovery {
		set(r.Discovery[i].Findings)
	}
	var setResult func(*Result)
	setResult = func(res *Result) {
		for j := range res.Steps {
			set(res.Steps[j].Findings)
		}
		if res.Alt != nil {
			setResult(res.Alt)
		}
	}
	for i := range r.Results {
		setResult(&r.Results[i])
	}
}

// DefaultLang picks "zh" when LC_ALL, LC_MESSAGES or LANG (first set wins) names Chinese.
func DefaultLang() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

// Catalogue returns every catalogue entry, sorted by code.
func Catalogue() []Entry {
	out := make([]Entry, 0, len(catalogue))
	for _, c := range Codes() {
		out = append(out, catalogue[c])
	}
	return out
}
