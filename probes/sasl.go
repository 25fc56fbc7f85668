package probes

import "encoding/base64"

// saslPlain builds the RFC 4616 PLAIN response: authzid NUL authcid NUL passwd (authzid empty).
func saslPlain(user string, pass []byte) string {
	b := make([]byte, 0, len(user)+len(pass)+2)
	b = append(b, 0)
	b = append(b, user...)
	b = append(b, 0)
	b = append(b, pass...)
	s := base64.StdEncoding.EncodeToString(b)
	clear(b)
	return s
}

// secretForms lists every way the password could appear on the wire, for redaction.
func secretForms(user string, pass []byte) []string {
	if len(pass) == 0 {
		return nil
	}
	p := string(pass)
	return []string{
		saslPlain(user, pass),
		base64.StdEncoding.EncodeToString(pass),
		base64.RawStdEncoding.EncodeToString(pass),
		p,
	}
}
