package findings

import "golang.org/x/text/encoding/simplifiedchinese"

// EncodeGB18030 is s as a Chinese server running GBK/GB18030 would echo it (the inverse of
// what DecodeText accepts), so a secret can be recognised in such an echo; ok is false when s
// has no such encoding.
func EncodeGB18030(s string) (string, bool) {
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	return b, err == nil
}
