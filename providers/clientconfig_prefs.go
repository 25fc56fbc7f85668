package providers

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Thunderbird's prefs.js: one user_pref("name", value); per line. Incoming servers are
// mail.server.serverN.*, outgoing ones mail.smtpserver.smtpN.*; accounts tie them together.
// Values follow Thunderbird's nsMsgSocketType (0 plain, 1 and 2 STARTTLS, 3 SSL) and
// nsMsgAuthMethod (1 none, 2 and 3 cleartext password, 4 encrypted password, 5 GSSAPI,
// 6 NTLM, 7 TLS certificate, 10 OAuth2).

var prefRE = regexp.MustCompile(`^\s*(?:user_)?pref\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*(.*?)\s*\)\s*;`)

// The keys of a server that matter to the connection; a near-miss of one is linted.
var (
	prefServerKeys = []string{"type", "hostname", "port", "socketType", "userName", "authMethod", "name",
		"realhostname", "realuserName", "password", "check_new_mail", "check_time", "login_at_startup",
		"directory", "directory-rel", "storeContractID", "spamActionTargetAccount", "timeout",
		"leave_on_server", "download_on_biff", "oauth2.scope", "oauth2.issuer", "is_gmail",
		"using_subscription", "max_cached_connections", "trash_folder_name", "empty_trash_on_exit"}
	prefSMTPKeys = []string{"hostname", "port", "try_ssl", "username", "authMethod", "description",
		"auth_method", "password", "oauth2.scope", "oauth2.issuer", "clientid", "clientidEnabled", "type"}
)

const maxPrefs = 50000

func parsePrefsJS(data []byte) (*ClientConfig, error) {
	prefs := map[string]any{}
	for _, line := range bytes.Split(data, []byte("\n")) {
		m := prefRE.FindSubmatch(line)
		if m == nil {
			continue
		}
		if len(prefs) >= maxPrefs {
			return nil, fmt.Errorf("prefs.js has more than %d preferences", maxPrefs)
		}
		name := string(m[1])
		raw := string(m[2])
		var v any
		switch {
		case raw == "true":
			v = true
		case raw == "false":
			v = false
		case strings.HasPrefix(raw, `"`):
			s, err := strconv.Unquote(raw)
			if err != nil {
				s = strings.Trim(raw, `"`)
			}
			v = s
		default:
			n, err := strconv.Atoi(raw)
			if err != nil {
				v = raw
			} else {
				v = n
			}
		}
		prefs[name] = v
	}
	if len(prefs) == 0 {
		return nil, ErrUnknownConfig
	}
	cc := &ClientConfig{Kind: KindPrefsJS}
	str := func(k string) string {
		switch v := prefs[k].(type) {
		case string:
			return strings.TrimSpace(v)
		case int:
			return strconv.Itoa(v)
		}
		return ""
	}
	num := func(k string, def int) int {
		switch v := prefs[k].(type) {
		case int:
			return v
		case string:
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				return n
			}
		}
		return def
	}
	// Group keys by server: mail.server.server1.hostname → server1 / hostname.
	servers := map[string][]string{}
	smtps := map[string][]string{}
	for k := range prefs {
		if rest, ok := strings.CutPrefix(k, "mail.server."); ok {
			if id, key, ok := strings.Cut(rest, "."); ok && id != "default" {
				servers[id] = append(servers[id], key)
			}
		} else if rest, ok := strings.CutPrefix(k, "mail.smtpserver."); ok {
			if id, key, ok := strings.Cut(rest, "."); ok && id != "default" {
				smtps[id] = append(smtps[id], key)
			}
		}
		if strings.HasSuffix(k, ".password") && str(k) != "" {
			cc.Passwords++
		}
	}
	// The accounts in use name their servers and identities; without the list, take all.
	used := map[string]bool{}
	usedSMTP := map[string]bool{}
	for _, a := range splitList(str("mail.accountmanager.accounts")) {
		used[str("mail.account."+a+".server")] = true
		for _, id := range splitList(str("mail.account." + a + ".identities")) {
			if cc.Address == "" {
				cc.Address = str("mail.identity." + id + ".useremail")
			}
			if s := str("mail.identity." + id + ".smtpServer"); s != "" {
				usedSMTP[s] = true
			}
		}
	}
	for _, s := range splitList(str("mail.smtpservers")) {
		usedSMTP[s] = true
	}
	for _, id := range sortedKeys(servers) {
		if len(used) > 0 && !used[id] {
			continue
		}
		p := "mail.server." + id + "."
		where := "mail.server." + id
		for _, k := range servers[id] {
			cc.unknownKey(where, k, prefServerKeys, false)
		}
		var proto probes.Proto
		switch str(p + "type") {
		case "imap":
			proto = probes.IMAP
		case "pop3":
			proto = probes.POP3
		default:
			continue // none (Local Folders), nntp, rss
		}
		sec := prefSecurity(cc, where+".socketType", num(p+"socketType", 0))
		host := str(p + "hostname")
		if h := str(p + "realhostname"); h != "" {
			host = h
		}
		// A missing port is normal in prefs.js: Thunderbird then uses the default.
		srv, ok := cc.configServer(where, proto, host, str(p+"port"), sec, false)
		if !ok {
			continue
		}
		srv.Username = str(p + "userName")
		if u := str(p + "realuserName"); u != "" {
			srv.Username = u
		}
		auth := num(p+"authMethod", 3)
		srv.Auth = strconv.Itoa(auth)
		srv.Password = auth == 2 || auth == 3 || auth == 4 || auth == 6
		cc.addServer(srv)
	}
	for _, id := range sortedKeys(smtps) {
		if len(usedSMTP) > 0 && !usedSMTP[id] {
			continue
		}
		p := "mail.smtpserver." + id + "."
		where := "mail.smtpserver." + id
		for _, k := range smtps[id] {
			cc.unknownKey(where, k, prefSMTPKeys, false)
		}
		if str(p+"hostname") == "" {
			continue
		}
		sec := prefSecurity(cc, where+".try_ssl", num(p+"try_ssl", 0))
		srv, ok := cc.configServer(where, probes.SMTP, str(p+"hostname"), str(p+"port"), sec, false)
		if !ok {
			continue
		}
		srv.Username = str(p + "username")
		auth := num(p+"authMethod", 3)
		srv.Auth = strconv.Itoa(auth)
		srv.Password = auth == 2 || auth == 3 || auth == 4 || auth == 6
		cc.addServer(srv)
	}
	if len(cc.Servers) == 0 && len(servers) == 0 && len(smtps) == 0 {
		return nil, errors.New("prefs.js has no mail.server or mail.smtpserver entries")
	}
	return cc, nil
}

func prefSecurity(cc *ClientConfig, where string, v int) probes.Security {
	switch v {
	case 0:
		return probes.Plain
	case 1, 2:
		return probes.STARTTLS
	case 3:
		return probes.ImplicitTLS
	}
	cc.add(findings.ConfigUnknownKey, "%s: %d is not 0 (none), 2 (STARTTLS) or 3 (SSL/TLS)", where, v)
	return probes.Plain
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
		sort.Strings(m[k])
	}
	sort.Strings(keys)
	return keys
}
