package probes

// catalogue maps every code to its explanation and fix in both languages.
// todo: filled by the knowledge-base work (issue 4).
var catalogue = map[Code]Entry{}
