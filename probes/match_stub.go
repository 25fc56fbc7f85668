package probes

// MatchReply is provided by the knowledge base (match.go); this stub keeps the engine building
// until it lands. todo: delete when match.go exists.
func MatchReply(proto Proto, phase string, lines []string) (Code, bool) { return "", false }
