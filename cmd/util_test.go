package cmd

import (
	"os"
	"slices"
	"strconv"
)

func itoa(i int) string                  { return strconv.Itoa(i) }
func writeFile(p string, b []byte) error { return os.WriteFile(p, b, 0o600) }
func contains(s []string, v string) bool { return slices.Contains(s, v) }
