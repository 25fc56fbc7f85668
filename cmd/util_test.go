package cmd

import (
	"testing"

	"os"
	"slices"
	"strconv"

	"github.com/mailcheck/mailcheck/testservers"
)

func itoa(i int) string                  { return strconv.Itoa(i) }
func writeFile(p string, b []byte) error { return os.WriteFile(p, b, 0o600) }
func contains(s []string, v string) bool { return slices.Contains(s, v) }

// testCA makes a test CA and writes its certificate where --ca-file can read it.
func testCA(t testing.TB) (*testservers.CA, string) {
	t.Helper()
	ca, err := testservers.NewCA()
	if err != nil {
		t.Fatal(err)
	}
	file := t.TempDir() + "/ca.pem"
	if err := writeFile(file, ca.PEM()); err != nil {
		t.Fatal(err)
	}
	return ca, file
}
