package findings

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// echoCharsets are the legacy charsets a mail server's replies come in: GBK/GB18030 (QQ,
// NetEase; what DecodeText reads), Big5, Shift_JIS, EUC-KR and Windows-1252.
var echoCharsets = []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5,
	japanese.ShiftJIS, korean.EUCKR, charmap.Windows1252}

// CharsetForms are s's bytes in each legacy charset that can encode it and changes it, as a
// server in that charset would echo it, so a secret can be recognised in such an echo.
func CharsetForms(s string) []string {
	var out []string
	for _, e := range echoCharsets {
		b, err := e.NewEncoder().String(s)
		if err == nil && b != s {
			out = append(out, b)
		}
	}
	return out
}
