package providers

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// atext is RFC 5322 3.2.3's set of non-alphanumeric characters allowed in a dot-atom local part.
const atext = "!#$%&'*+-/=?^_`{|}~"

// ParseAddress splits an e-mail address and returns the domain in ASCII (punycode) form, so
// DNS lookups and provider matching see one spelling. It explains the common typos (missing or
// doubled @, spaces, a full-width ＠, a domain without a dot, misplaced dots and hyphens) in
// its error, and rejects labels that mix Latin, Greek and Cyrillic look-alike letters.
func ParseAddress(addr string) (local, asciiDomain string, err error) {
	a := strings.TrimSpace(addr)
	if a == "" {
		return "", "", errors.New("empty address")
	}
	if strings.ContainsRune(a, '＠') {
		return "", "", fmt.Errorf("address %q uses a full-width ＠: type the ASCII @", addr)
	}
	if strings.ContainsFunc(a, unicode.IsSpace) {
		return "", "", fmt.Errorf("address %q contains a space", addr)
	}
	switch n := strings.Count(a, "@"); {
	case n == 0:
		return "", "", fmt.Errorf("address %q has no @ (want user@domain)", addr)
	case n > 1:
		return "", "", fmt.Errorf("address %q has %d @ signs (want exactly one)", addr, n)
	}
	local, domain, _ := strings.Cut(a, "@")
	if local == "" {
		return "", "", fmt.Errorf("address %q has nothing before the @", addr)
	}
	if domain == "" {
		return "", "", fmt.Errorf("address %q has nothing after the @", addr)
	}
	if err := checkLocal(local); err != nil {
		return "", "", fmt.Errorf("address %q: %w", addr, err)
	}
	asciiDomain, err = ASCIIDomain(domain)
	if err != nil {
		return "", "", fmt.Errorf("address %q: %w", addr, err)
	}
	return local, asciiDomain, nil
}

// checkLocal accepts RFC 5322 dot-atoms plus UTF-8 letters (RFC 6531); quoted local parts are
// legal but so rare in real accounts that they are treated as a typo.
func checkLocal(local string) error {
	if !utf8.ValidString(local) {
		return errors.New("user part is not valid UTF-8")
	}
	if len(local) > 64 { // RFC 5321 4.5.3.1.1
		return fmt.Errorf("user part is %d bytes long (at most 64)", len(local))
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") {
		return fmt.Errorf("user part %q starts or ends with a dot", local)
	}
	if strings.Contains(local, "..") {
		return fmt.Errorf("user part %q has two dots in a row", local)
	}
	for _, r := range local {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || strings.ContainsRune(atext, r)):
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)):
		default:
			return fmt.Errorf("user part %q contains %q, which addresses cannot use", local, r)
		}
	}
	return nil
}

// ASCIIDomain converts a domain (Unicode or punycode) to its lower-case ASCII form using the
// IDNA2008 lookup profile (UTS 46 mapping), after checking the shape of every label.
func ASCIIDomain(domain string) (string, error) {
	d := strings.TrimSpace(domain)
	if strings.HasPrefix(d, "[") || isIPv4ish(d) {
		return "", fmt.Errorf("domain %q is an IP address literal; use the mail domain", domain)
	}
	// Shape first, on the typed form, so a typo gets a plain-words message rather than an
	// IDNA error. UTS 46 treats the ideographic full stops as dots; so do we.
	shape := strings.NewReplacer("。", ".", "．", ".", "｡", ".").Replace(d)
	for _, r := range shape {
		if r < 0x80 && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return "", fmt.Errorf("domain %q contains %q, which host names cannot use", domain, r)
		}
	}
	if strings.HasPrefix(shape, ".") || strings.HasSuffix(shape, ".") {
		return "", fmt.Errorf("domain %q starts or ends with a dot", domain)
	}
	if !strings.Contains(shape, ".") {
		return "", fmt.Errorf("domain %q has no dot (e.g. qq.com, gmail.com)", domain)
	}
	for _, l := range strings.Split(shape, ".") {
		switch {
		case l == "":
			return "", fmt.Errorf("domain %q has two dots in a row", domain)
		case strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-"):
			return "", fmt.Errorf("domain %q has a label starting or ending with a hyphen", domain)
		}
	}
	ascii, err := idna.Lookup.ToASCII(shape)
	if err != nil {
		return "", fmt.Errorf("domain %q is not a valid domain name: %s", domain, strings.TrimPrefix(err.Error(), "idna: "))
	}
	ascii = strings.ToLower(ascii)
	if len(ascii) > 253 {
		return "", fmt.Errorf("domain %q is longer than 253 characters", domain)
	}
	labels := strings.Split(ascii, ".")
	for _, l := range labels {
		if len(l) > 63 { // RFC 1035 2.3.4
			return "", fmt.Errorf("domain %q has a label longer than 63 characters", domain)
		}
		if l == "" || l[0] == '-' || l[len(l)-1] == '-' || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return "", fmt.Errorf("domain %q is not a valid host name (label %q)", domain, l)
		}
	}
	if tld := labels[len(labels)-1]; strings.Trim(tld, "0123456789") == "" {
		return "", fmt.Errorf("domain %q ends in a number; use the mail domain, not an IP address", domain)
	}
	if err := checkConfusable(ascii); err != nil {
		return "", fmt.Errorf("domain %q: %w", domain, err)
	}
	return ascii, nil
}

func isIPv4ish(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.") == ""
}

// checkConfusable rejects a label that mixes Latin, Greek and Cyrillic letters: "pаypal" with
// a Cyrillic а is a classic look-alike and never a real provider (UTS 39 "highly restrictive").
func checkConfusable(ascii string) error {
	uni, err := idna.Lookup.ToUnicode(ascii)
	if err != nil {
		return nil // ToASCII already accepted it; nothing more to say
	}
	for _, label := range strings.Split(uni, ".") {
		var scripts []string
		for _, r := range label {
			var s string
			switch {
			case unicode.Is(unicode.Latin, r):
				s = "Latin"
			case unicode.Is(unicode.Greek, r):
				s = "Greek"
			case unicode.Is(unicode.Cyrillic, r):
				s = "Cyrillic"
			default:
				continue
			}
			if !slices.Contains(scripts, s) {
				scripts = append(scripts, s)
			}
		}
		if len(scripts) > 1 {
			return fmt.Errorf("label %q mixes %s letters (look-alike characters?)", label, strings.Join(scripts, " and "))
		}
	}
	return nil
}
