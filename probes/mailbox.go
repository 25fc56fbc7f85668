package probes

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// Quota is one quota resource (RFC 9208 5): usage and limit in the resource's unit (KiB for
// STORAGE, a count for MESSAGE).
type Quota struct {
	Root     string `json:"root"`
	Resource string `json:"resource"`
	Usage    int64  `json:"usage"`
	Limit    int64  `json:"limit"`
}

// Percent is the share of the limit in use.
func (q Quota) Percent() float64 {
	if q.Limit <= 0 {
		return 0
	}
	return 100 * float64(q.Usage) / float64(q.Limit)
}

// Limits are what the server lets a client do, from its capabilities.
type Limits struct {
	// MaxMessageBytes is SMTP SIZE (RFC 1870) or IMAP APPENDLIMIT (RFC 7889); 0 = not said.
	MaxMessageBytes int64 `json:"max_message_bytes,omitempty"`
	IDLE            bool  `json:"idle,omitempty"`    // push (RFC 2177)
	UIDPLUS         bool  `json:"uidplus,omitempty"` // UID EXPUNGE of one message (RFC 4315)
	MOVE            bool  `json:"move,omitempty"`    // RFC 6851
}

// The quota thresholds: a warning from 80 %, an error from 95 % (the next message may bounce).
const (
	quotaWarn  = 80.0
	quotaError = 95.0
)

// specialUses are the folders a client needs, with the RFC 6154 attribute and the names people
// and servers give them when no attribute says so (compared case-insensitively, last path
// segment). Mail software's names, not any one provider's.
var specialUses = []struct {
	use   string
	names []string
}{
	{`\Sent`, []string{"sent", "sent items", "sent messages", "sent mail", "sent-mail", "outbox sent", "已发送", "已发送邮件", "gesendet", "gesendete objekte", "envoyés", "enviados", "inviata", "posta inviata"}},
	{`\Drafts`, []string{"drafts", "draft", "草稿箱", "草稿", "entwürfe", "brouillons", "borradores", "bozze"}},
	{`\Trash`, []string{"trash", "deleted items", "deleted messages", "deleted", "bin", "已删除", "已删除邮件", "papierkorb", "gelöschte elemente", "corbeille", "papelera", "cestino"}},
	{`\Junk`, []string{"junk", "spam", "junk e-mail", "junk email", "bulk mail", "垃圾邮件", "垃圾箱", "广告邮件", "spamverdacht", "indésirables", "correo no deseado", "posta indesiderata"}},
}

// imapHealth looks at what a logged-in user lives with, read-only: quota, the special-use
// folders, and the limits the capabilities state.
func (s *Session) imapHealth(caps []string) {
	if len(s.imapAuthCaps) > 0 {
		caps = s.imapAuthCaps // RFC 9051 7.1: capabilities may grow after login (Dovecot adds QUOTA)
	}
	if capsHave(caps, "QUOTA") || capsPrefix(caps, "QUOTA=") {
		s.Step(StepQuota, func() error { return s.imapQuota() })
	}
	s.Step(StepFolders, func() error { return s.imapFolders(capsHave(caps, "SPECIAL-USE")) })
	l := &Limits{IDLE: capsHave(caps, "IDLE"), UIDPLUS: capsHave(caps, "UIDPLUS"), MOVE: capsHave(caps, "MOVE")}
	for _, c := range caps {
		if v, ok := strings.CutPrefix(c, "APPENDLIMIT="); ok {
			l.MaxMessageBytes, _ = strconv.ParseInt(v, 10, 64)
		}
	}
	s.res.Limits = l
}

// imapQuota reads GETQUOTAROOT INBOX (RFC 9208 4.1): warning at 80 %, error at 95 %.
func (s *Session) imapQuota() error {
	u, _, err := s.imapCmd("GETQUOTAROOT INBOX", "GETQUOTAROOT INBOX")
	if err != nil {
		return err
	}
	var qs []Quota
	for _, r := range u {
		qs = append(qs, parseQuota(r.Text)...)
	}
	if s.res.Mailbox == nil {
		s.res.Mailbox = &Mailbox{}
	}
	s.res.Mailbox.Quota = qs
	if len(qs) == 0 {
		s.Detail("%s", findings.SayNoQuota.Format())
		return nil
	}
	var parts []string
	worst := qs[0]
	for _, q := range qs {
		parts = append(parts, quotaText(q))
		if q.Percent() > worst.Percent() {
			worst = q
		}
	}
	s.Detail("%s", strings.Join(parts, "; "))
	switch p := worst.Percent(); {
	case p >= quotaError:
		s.Find(findings.IMAPOverQuota, quotaText(worst))
	case p >= quotaWarn:
		s.Find(findings.IMAPQuotaNear, quotaText(worst))
	}
	return nil
}

// parseQuota reads `QUOTA root (RESOURCE usage limit ...)`; anything else yields nothing.
func parseQuota(text string) []Quota {
	f := strings.Fields(text)
	if len(f) < 2 || !strings.EqualFold(f[0], "QUOTA") {
		return nil
	}
	rest := strings.TrimSpace(strings.TrimPrefix(text, f[0]))
	root, rest, ok := imapAString(rest)
	if !ok {
		return nil
	}
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, "(") || !strings.HasSuffix(rest, ")") {
		return nil
	}
	items := strings.Fields(rest[1 : len(rest)-1])
	var out []Quota
	for i := 0; i+2 < len(items); i += 3 {
		use, e1 := strconv.ParseInt(items[i+1], 10, 64)
		lim, e2 := strconv.ParseInt(items[i+2], 10, 64)
		if e1 != nil || e2 != nil || use < 0 || lim < 0 {
			return out
		}
		out = append(out, Quota{Root: root, Resource: strings.ToUpper(items[i]), Usage: use, Limit: lim})
	}
	return out
}

func quotaText(q Quota) string {
	if q.Resource == "STORAGE" {
		return fmt.Sprintf("storage %s of %s (%.0f %%)", kib(q.Usage), kib(q.Limit), q.Percent())
	}
	return fmt.Sprintf("%s %d of %d (%.0f %%)", strings.ToLower(q.Resource), q.Usage, q.Limit, q.Percent())
}

// kib is a KiB count as people read it.
func kib(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d KiB", n)
}

// imapFolders lists the folders and checks that Sent, Drafts, Trash and Junk exist, by RFC 6154
// attribute when the server marks them, else by name.
func (s *Session) imapFolders(specialUse bool) error {
	found, n, err := s.imapSpecial(specialUse)
	if err != nil {
		return err
	}
	if s.res.Mailbox == nil {
		s.res.Mailbox = &Mailbox{}
	}
	mb := s.res.Mailbox
	mb.Folders = found
	var missing []string
	for _, su := range specialUses {
		if key := strings.TrimPrefix(su.use, `\`); found[key] == "" {
			missing = append(missing, key)
		}
	}
	mb.MissingFolders = missing
	s.Detail("%s", findings.SayFolders.Format(n, mb.Folders["Sent"], mb.Folders["Drafts"], mb.Folders["Trash"], mb.Folders["Junk"]))
	if len(missing) > 0 {
		why := ""
		if slices.Contains(missing, "Sent") {
			why = ": the client's \"save a copy of sent mail\" will fail"
		}
		s.Find(findings.IMAPFolderMissing, fmt.Sprintf("no %s folder among %d%s", strings.Join(missing, ", "), n, why))
	}
	return nil
}

// imapSpecial lists the folders and maps each special use (Sent, Drafts, Trash, Junk) to the
// first folder that has its RFC 6154 attribute or a usual name; n is the number of folders.
func (s *Session) imapSpecial(specialUse bool) (found map[string]string, n int, err error) {
	cmd := `LIST "" "*"`
	if specialUse {
		cmd = `LIST "" "*" RETURN (SPECIAL-USE)`
	}
	u, _, err := s.imapCmd(cmd, cmd)
	if err != nil {
		return nil, 0, err
	}
	found = map[string]string{}
	for _, r := range u {
		attrs, name, ok := parseList(r.Text)
		if !ok {
			continue
		}
		n++
		for _, su := range specialUses {
			key := strings.TrimPrefix(su.use, `\`)
			if _, done := found[key]; !done && (containsFold(attrs, su.use) || nameIs(name, su.names)) {
				found[key] = name
			}
		}
	}
	return found, n, nil
}

// parseList reads `LIST (attrs) delim name` (RFC 9051 7.3.1); the name is decoded from
// modified UTF-7 (RFC 3501 5.1.3), as servers send non-ASCII names.
func parseList(text string) (attrs []string, name string, ok bool) {
	rest, found := cutWord(text, "LIST")
	if !found {
		return nil, "", false
	}
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, "(") {
		return nil, "", false
	}
	end := strings.IndexByte(rest, ')')
	if end < 0 {
		return nil, "", false
	}
	attrs = strings.Fields(rest[1:end])
	rest = strings.TrimSpace(rest[end+1:])
	delim, rest, ok := imapAString(rest) // "/" or NIL
	if !ok {
		return nil, "", false
	}
	name, rest, ok = imapAString(strings.TrimSpace(rest))
	if !ok {
		return nil, "", false
	}
	_, _ = delim, rest
	return attrs, decodeMUTF7(name), true
}

// nameIs compares the last path segment of a folder name with known names.
func nameIs(name string, names []string) bool {
	last := name
	if i := strings.LastIndexAny(last, "/."); i >= 0 && i < len(last)-1 {
		last = last[i+1:]
	}
	for _, n := range names {
		if strings.EqualFold(last, n) || strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}

// imapAString reads an IMAP astring: a quoted string or an atom (NIL included).
func imapAString(s string) (val, rest string, ok bool) {
	s = strings.TrimLeft(s, " ")
	if s == "" {
		return "", "", false
	}
	if s[0] != '"' {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return s, "", true
		}
		return s[:i], s[i:], true
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
		case '"':
			return b.String(), s[i+1:], true
		default:
			b.WriteByte(c)
		}
	}
	return "", "", false
}

func cutWord(text, word string) (string, bool) {
	f := strings.Fields(text)
	if len(f) == 0 || !strings.EqualFold(f[0], word) {
		return "", false
	}
	return strings.TrimPrefix(strings.TrimLeft(text, " "), f[0]), true
}

// decodeMUTF7 decodes IMAP's modified UTF-7 ("&XfJT0ZAB-" is 已发送); a malformed name is
// returned as is.
func decodeMUTF7(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '&' {
			b.WriteByte(s[i])
			continue
		}
		j := strings.IndexByte(s[i:], '-')
		if j < 0 {
			return s
		}
		enc := s[i+1 : i+j]
		i += j
		if enc == "" {
			b.WriteByte('&')
			continue
		}
		raw, err := base64.RawStdEncoding.DecodeString(strings.ReplaceAll(enc, ",", "/"))
		if err != nil || len(raw)%2 != 0 {
			return s
		}
		u := make([]uint16, len(raw)/2)
		for k := range u {
			u[k] = uint16(raw[2*k])<<8 | uint16(raw[2*k+1])
		}
		b.WriteString(string(utf16.Decode(u)))
	}
	return b.String()
}

func containsFold(l []string, s string) bool {
	for _, x := range l {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func capsPrefix(caps []string, prefix string) bool {
	for _, c := range caps {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

// smtpLimits records what the EHLO reply says of message size (RFC 1870 SIZE), with the size
// of attachments that fits after base64 (4/3) and headers.
func (s *Session) smtpLimits(ext map[string]string) {
	v, ok := ext["SIZE"]
	if !ok {
		return
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n <= 0 {
		return
	}
	s.res.Limits = &Limits{MaxMessageBytes: n}
	s.note("messages up to %s; attachments up to about %s after base64 encoding", mb(n), mb(n*3/4-16<<10))
}

// mb is a byte count in megabytes as mail clients state limits (1 MB = 10^6 bytes).
func mb(n int64) string {
	if n < 0 {
		n = 0
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
