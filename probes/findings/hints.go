package findings

import (
	"regexp"
	"strings"
)

// Hints are the provider facts the matcher needs to guess, from pasted text, which provider it
// is about. They are data from providers.json (providers.DB.Hints), never tables here.
type Hints struct {
	// Domains maps a domain (matched as a suffix on label boundaries, longest first) to a
	// provider key: address domains, server hosts, MX hosts.
	Domains map[string]string
	// Brands are labels that name a provider under any country suffix (hotmail.co.uk, gmx.at).
	Brands map[string]string
	// Wording are phrases only one provider's servers use, checked when no name is in the text.
	Wording []Phrase
	// LabelPrefixes name a provider by the first label of a host under a shared suffix
	// (NetEase's 126mx01.mxmail.netease.com).
	LabelPrefixes []LabelPrefix
}

// Phrase is wording only one provider uses.
type Phrase struct {
	Phrase, Key string
}

// LabelPrefix maps hosts ending in Suffix whose first label starts with Prefix to Key.
type LabelPrefix struct {
	Suffix, Prefix, Key string
}

var domainRE = regexp.MustCompile(`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+`)

// Provider returns a provider key guessed from text (an e-mail address domain like @qq.com, a
// host like smtp.163.com, or a service URL like service.mail.qq.com), or "". Addresses win over
// host names; the first recognised one of each kind is used. A nil Hints knows no provider.
func (h *Hints) Provider(text string) string {
	if h == nil {
		return ""
	}
	if len(text) > maxMatchInput {
		text = text[:maxMatchInput]
	}
	lower := strings.ToLower(text)
	host := ""
	for _, loc := range domainRE.FindAllStringIndex(lower, 4096) {
		p := h.providerOf(lower[loc[0]:loc[1]])
		if p == "" {
			continue
		}
		if loc[0] > 0 && lower[loc[0]-1] == '@' {
			return p
		}
		if host == "" {
			host = p
		}
	}
	if host != "" {
		return host
	}
	// No name in the text: some providers' own wording gives them away.
	for _, w := range h.Wording {
		if strings.Contains(lower, w.Phrase) {
			return w.Key
		}
	}
	return ""
}

// providerOf maps one domain name to a provider key, or "".
func (h *Hints) providerOf(d string) string {
	labels := strings.Split(d, ".")
	for _, lp := range h.LabelPrefixes {
		if strings.HasSuffix(d, lp.Suffix) && strings.HasPrefix(labels[0], lp.Prefix) {
			return lp.Key
		}
	}
	for i := range labels {
		if p, ok := h.Domains[strings.Join(labels[i:], ".")]; ok {
			return p
		}
	}
	// Brand under a country suffix: the brand label followed only by short labels (co.uk, de).
	for i := 0; i+1 < len(labels); i++ {
		p, ok := h.Brands[labels[i]]
		if !ok {
			continue
		}
		rest := labels[i+1:]
		short := len(rest) <= 2
		for _, l := range rest {
			if len(l) > 3 || l == "" {
				short = false
			}
		}
		if short {
			return p
		}
	}
	return ""
}
