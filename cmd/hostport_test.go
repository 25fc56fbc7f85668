package cmd

import (
	"strings"
	"testing"
)

// TestHostPortIDN: IDN server names are converted, not refused.
func TestHostPortIDN(t *testing.T) {
	host, port, err := splitHostPort("邮件.例子.测试:993", 0)
	if err != nil || !strings.HasPrefix(host, "xn--") || port != 993 {
		t.Errorf("splitHostPort = %q, %d, %v; want the punycode form", host, port, err)
	}
}
