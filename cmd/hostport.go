package cmd

import (
	"fmt"
	"net"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
)

// splitHostPort parses HOST, HOST:PORT, [V6] or [V6]:PORT; defPort applies when none is given.
func splitHostPort(s string, defPort int) (string, int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", 0, fmt.Errorf("empty host")
	}
	host, portStr := s, ""
	switch {
	case strings.HasPrefix(s, "["):
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return "", 0, fmt.Errorf("%q: missing ']'", s)
		}
		host = s[1:end]
		rest := s[end+1:]
		if rest != "" {
			if !strings.HasPrefix(rest, ":") {
				return "", 0, fmt.Errorf("%q: unexpected text after ']'", s)
			}
			portStr = rest[1:]
		}
	case strings.Count(s, ":") == 1:
		host, portStr, _ = strings.Cut(s, ":")
	case strings.Count(s, ":") > 1:
		if net.ParseIP(s) == nil {
			return "", 0, fmt.Errorf("%q: put an IPv6 address in brackets, e.g. [::1]:587", s)
		}
	}
	if ascii, err := idna.Lookup.ToASCII(host); err == nil && ascii != host && net.ParseIP(host) == nil {
		host = ascii // 邮件.例子.测试 → xn--…: DNS and certificates use the ASCII form
	}
	if err := validHost(host); err != nil {
		return "", 0, err
	}
	port := defPort
	if portStr != "" || strings.HasSuffix(s, ":") {
		p, err := strconv.Atoi(portStr)
		if err != nil {
			return "", 0, fmt.Errorf("port %q is not a number", portStr)
		}
		port = p
	}
	if port == 0 && portStr == "" && defPort == 0 {
		return host, 0, nil // the caller picks the protocol's default
	}
	if port < 1 || port > 65535 {
		return "", 0, fmt.Errorf("port %d out of range (1-65535)", port)
	}
	return host, port, nil
}

// validHost accepts an IP address or a DNS name of letters, digits, hyphens and dots.
func validHost(h string) error {
	if h == "" {
		return fmt.Errorf("empty host")
	}
	if net.ParseIP(h) != nil {
		return nil
	}
	if len(h) > 253 {
		return fmt.Errorf("host name longer than 253 characters")
	}
	for _, label := range strings.Split(strings.TrimSuffix(h, "."), ".") {
		if label == "" {
			return fmt.Errorf("host %q has an empty label (two dots in a row?)", h)
		}
		if len(label) > 63 {
			return fmt.Errorf("host %q has a label longer than 63 characters", h)
		}
		if strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
			return fmt.Errorf("host %q: a label cannot start or end with '-'", h)
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return fmt.Errorf("host %q contains %q; use the server's name, e.g. smtp.example.com", h, r)
			}
		}
	}
	return nil
}
