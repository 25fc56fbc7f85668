package probes

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/mailcheck/mailcheck/probes/findings"
)

// MaxLine bounds one protocol line (RFC 5321 4.5.3.1.5 allows 512 for replies; 8 KiB leaves room
// for long CAPABILITY lines, as go-smtp's lineLimitReader does).
const MaxLine = 8 << 10

var (
	ErrLineTooLong    = errors.New("line too long")   // the peer sent more than MaxLine bytes without a newline
	ErrMalformedReply = errors.New("malformed reply") // the reply does not follow the protocol's syntax
)

// lineReader reads CRLF (or bare LF) terminated lines, never buffering more than MaxLine of one.
type lineReader struct {
	br *bufio.Reader
	// bareLF records that a line ended in LF without CR (a conformance deviation).
	bareLF bool
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 4096)}
}

// readLine returns one line without its terminator. On a line longer than MaxLine it returns
// ErrLineTooLong with the first MaxLine bytes, and discards nothing more (the caller gives up).
func (l *lineReader) readLine() ([]byte, error) {
	var buf []byte
	for {
		frag, err := l.br.ReadSlice('\n')
		if len(buf)+len(frag) > MaxLine {
			n := MaxLine - len(buf)
			if n > len(frag) {
				n = len(frag)
			}
			return append(buf, frag[:n]...), ErrLineTooLong
		}
		buf = append(buf, frag...)
		if err == nil {
			break
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(buf) > 0 {
			return buf, io.ErrUnexpectedEOF
		}
		return buf, err
	}
	buf = buf[:len(buf)-1]
	if n := len(buf); n > 0 && buf[n-1] == '\r' {
		buf = buf[:n-1]
	} else {
		l.bareLF = true
	}
	return buf, nil
}

// buffered reports bytes read from the peer but not yet consumed.
func (l *lineReader) buffered() int { return l.br.Buffered() }

// printable makes server bytes safe to show: valid text is decoded (GBK too), control
// characters and invalid bytes are escaped so a hostile reply cannot drive a terminal.
func safeText(b []byte) string {
	s := findings.DecodeText(b)
	if isClean(s) {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			sb.WriteString(`\ufffd`)
		case r == '\t':
			sb.WriteRune(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			sb.WriteString(`\x`)
			const hex = "0123456789abcdef"
			sb.WriteByte(hex[r>>4&0xf])
			sb.WriteByte(hex[r&0xf])
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

func isClean(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// Transcript caps: what one step and one endpoint keep of the exchange. Lines past them are
// counted, not kept, and a note says how much was cut.
const (
	MaxStepLines     = 1000
	MaxStepBytes     = 256 << 10
	MaxEndpointLines = 4000
	MaxEndpointBytes = 1 << 20
)
