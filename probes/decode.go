package probes

// decodeText is replaced by the knowledge base's DecodeText (GBK aware) once it lands.
// todo: remove when match.go provides DecodeText.
func decodeText(b []byte) string { return string(b) }
