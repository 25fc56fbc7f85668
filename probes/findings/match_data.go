package findings

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
)

// The matcher's rules are data: signatures.json lists them in precedence order, in tiers, each
// rule naming its code, anchors and conditions (the file's "doc" says what each field means).
// Codes must be in the catalogue; TestSignatureData checks that and that every tier is used.

//go:embed signatures.json
var signaturesJSON []byte

type ruleJSON struct {
	ID      string     `json:"id"`
	Code    Code       `json:"code"`
	Side    string     `json:"side"`
	Any     []string   `json:"any"`
	Enh     []string   `json:"enh"`
	All     []string   `json:"all"`
	Not     []string   `json:"not"`
	Groups  [][]string `json:"groups"`
	Re      string     `json:"re"`
	Within  int        `json:"within"`
	Close   []string   `json:"close"`
	Generic bool       `json:"generic"`
}

type sigFile struct {
	Doc   []string `json:"doc"`
	Tiers []struct {
		Tier  string     `json:"tier"`
		Doc   []string   `json:"doc"`
		Rules []ruleJSON `json:"rules"`
	} `json:"tiers"`
}

// signatures returns the table, most specific first, from signatures.json. Literals are lower
// case; input is normalised (match_norm.go) before matching.
func signatures() []*sig {
	sigs, err := parseSignatures(signaturesJSON)
	if err != nil {
		panic("findings: signatures.json: " + err.Error())
	}
	return sigs
}

func parseSignatures(data []byte) ([]*sig, error) {
	var f sigFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	var out []*sig
	seen := map[string]bool{}
	for _, t := range f.Tiers {
		for _, r := range t.Rules {
			if r.ID == "" || seen[r.ID] {
				return nil, fmt.Errorf("rule id %q empty or repeated", r.ID)
			}
			seen[r.ID] = true
			s := &sig{id: r.ID, code: r.Code, any: r.Any, enh: r.Enh, all: r.All, not: r.Not,
				within: r.Within, close: r.Close, generic: r.Generic, family: t.Tier == "F"}
			switch r.Side {
			case "client":
				s.client = true
			case "server":
			default:
				return nil, fmt.Errorf("rule %s: side %q is neither server nor client", r.ID, r.Side)
			}
			if len(r.Groups) > 0 {
				if len(s.any) > 0 {
					return nil, fmt.Errorf("rule %s: a family's anchors are its first group", r.ID)
				}
				s.any, s.groups = r.Groups[0], r.Groups[1:]
			}
			if r.Re != "" {
				re, err := regexp.Compile(r.Re)
				if err != nil {
					return nil, fmt.Errorf("rule %s: %v", r.ID, err)
				}
				s.re = re
			}
			out = append(out, s)
		}
	}
	return out, nil
}
