package integration

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mailcheck/mailcheck/cmd"
)

// envVar names the env file written by scripts/realservers.sh.
const envVar = "MAILCHECK_REALSERVERS"

// pwVar is the variable the CLI reads the password from (--password-env); it lives only in
// the in-process environment handed to cmd.TestIO, never in argv or the real environment.
const pwVar = "MAILCHECK_RS_TEST_PASSWORD"

// servers is what scripts/realservers.sh wrote: where the configurations listen, the CA
// that signed their certificate, and the test account.
type servers struct {
	Good, Strict                         string // 127.0.0.1 and 127.0.0.2
	SnakeOil                             string // 127.0.0.3: self-signed cert for another name
	SMTP, Submission, Submissions        int    // 25, 587, 465
	POP3, POP3S, IMAP, IMAPS             int    // 110, 995, 143, 993
	Domain, CAFile, User, Password, Logs string
	Messages                             int

	// The OAuth2-only configuration (127.0.0.4): Dovecot XOAUTH2/OAUTHBEARER validating HS256
	// tokens with OAuthKey (base64 in the env file, new on every run of the script) and issuer
	// OAuthIssuer. Empty in an env file from before it; the oauth tests then ask for a rerun.
	OAuth, OAuthIssuer string
	OAuthKey           []byte

	// #18 (good configuration; empty in an env file from before): the round-trip account
	// and its message count, the nearly full account and its quota, and a sender nobody owns.
	SendUser, QuotaUser, ForeignSender string
	SendMessages, QuotaKiB             int
}

// load reads the env file named by $MAILCHECK_REALSERVERS, skipping the test when there is
// none: the real servers need root and a Debian machine, so plain `go test ./...` skips here.
func load(t *testing.T) *servers {
	t.Helper()
	path := os.Getenv(envVar)
	if path == "" {
		t.Skipf("%s is not set: these tests need real Postfix and Dovecot servers. Start them (as root, "+
			"on a throwaway Debian machine) with `bash scripts/realservers.sh /tmp/mailcheck-realservers.env`, "+
			"then run `%s=/tmp/mailcheck-realservers.env go test ./integration/ -count=1 -v`", envVar, envVar)
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s=%s does not exist: run `bash scripts/realservers.sh %s` first (as root)", envVar, path, path)
	}
	if err != nil {
		t.Fatalf("%s: %v", envVar, err)
	}
	defer f.Close()
	kv := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("%s: malformed line %q", path, line)
		}
		kv[k] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var missing []string
	str := func(k string) string {
		v, ok := kv["MAILCHECK_RS_"+k]
		if !ok || v == "" {
			missing = append(missing, "MAILCHECK_RS_"+k)
		}
		return v
	}
	num := func(k string) int {
		n, err := strconv.Atoi(str(k))
		if err != nil {
			missing = append(missing, "MAILCHECK_RS_"+k+" (a number)")
		}
		return n
	}
	s := &servers{
		Good: str("GOOD_HOST"), Strict: str("STRICT_HOST"), SnakeOil: str("SNAKEOIL_HOST"),
		SMTP: num("SMTP_PORT"), Submission: num("SUBMISSION_PORT"), Submissions: num("SUBMISSIONS_PORT"),
		POP3: num("POP3_PORT"), POP3S: num("POP3S_PORT"), IMAP: num("IMAP_PORT"), IMAPS: num("IMAPS_PORT"),
		Domain: str("DOMAIN"), CAFile: str("CA_FILE"), User: str("USER"), Password: str("PASSWORD"),
		Messages: num("MESSAGES"), Logs: kv["MAILCHECK_RS_LOG_DIR"],
	}
	if len(missing) > 0 {
		t.Fatalf("%s lacks %s: rerun scripts/realservers.sh", path, strings.Join(missing, ", "))
	}
	s.SendUser, s.QuotaUser, s.ForeignSender = kv["MAILCHECK_RS_SENDTEST_USER"], kv["MAILCHECK_RS_QUOTA_USER"], kv["MAILCHECK_RS_FOREIGN_SENDER"]
	s.SendMessages, _ = strconv.Atoi(kv["MAILCHECK_RS_SENDTEST_MESSAGES"])
	s.QuotaKiB, _ = strconv.Atoi(kv["MAILCHECK_RS_QUOTA_KIB"])
	// The oauth configuration is optional here, so an older env file still runs the other tests.
	s.OAuth, s.OAuthIssuer = kv["MAILCHECK_RS_OAUTH_HOST"], kv["MAILCHECK_RS_OAUTH_ISSUER"]
	if k := kv["MAILCHECK_RS_OAUTH_KEY"]; k != "" {
		key, err := base64.StdEncoding.DecodeString(k)
		if err != nil || len(key) < 16 {
			t.Fatalf("%s: MAILCHECK_RS_OAUTH_KEY is not the base64 of an HMAC key (%v): rerun scripts/realservers.sh", path, err)
		}
		s.OAuthKey = key
	}
	// Network safety: these tests only ever talk to loopback.
	for _, h := range []string{s.Good, s.Strict, s.SnakeOil, s.OAuth} {
		if h == "" { // only the optional oauth host can be empty here
			continue
		}
		if ip := net.ParseIP(h); ip == nil || !ip.IsLoopback() {
			t.Fatalf("%s: host %q is not a loopback address; refusing to probe it", path, h)
		}
	}
	if _, err := os.Stat(s.CAFile); err != nil {
		t.Fatalf("CA file: %v", err)
	}
	return s
}

// Report is the slice of the JSON report (schema mailcheck/v1) these tests read.
type Report struct {
	Schema    string    `json:"schema"`
	Command   string    `json:"command"`
	Status    string    `json:"status"`
	Discovery []Step    `json:"discovery"`
	Results   []Result  `json:"results"`
	Findings  []Finding `json:"findings"`
}

type Result struct {
	Endpoint struct {
		Proto    string `json:"proto"`
		Host     string `json:"host"`
		Port     int    `json:"port"`
		Security string `json:"security"`
		Source   string `json:"source"`
	} `json:"endpoint"`
	Status string `json:"status"`
	Addr   string `json:"addr"`
	TLS    *struct {
		Version     string `json:"version"`
		Verified    bool   `json:"verified"`
		VerifyError string `json:"verify_error"`
	} `json:"tls"`
	Mailbox *struct {
		Messages int `json:"messages"`
		Quota    []struct {
			Resource string `json:"resource"`
			Usage    int64  `json:"usage"`
			Limit    int64  `json:"limit"`
		} `json:"quota"`
		Folders        map[string]string `json:"special_folders"`
		MissingFolders []string          `json:"missing_folders"`
	} `json:"mailbox"`
	Delivery *struct {
		ID      string `json:"id"`
		QueueID string `json:"queue_id"`
		Folder  string `json:"folder"`
		Deleted bool   `json:"deleted"`
		Hops    []struct {
			By string `json:"by"`
		} `json:"hops"`
	} `json:"delivery"`
	Steps     []Step  `json:"steps"`
	WorksWith *Result `json:"works_with"`
}

type Step struct {
	Name       string    `json:"name"`
	Status     string    `json:"status"`
	Kind       string    `json:"kind"`
	Error      string    `json:"error"`
	Detail     string    `json:"detail"`
	Findings   []Finding `json:"findings"`
	Transcript []struct {
		Dir  string `json:"dir"`
		TLS  bool   `json:"tls"`
		Text string `json:"text"`
	} `json:"transcript"`
}

type Finding struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Title    string `json:"title"`
	Evidence string `json:"evidence"`
	Fix      string `json:"fix"`
}

// step returns the named step of r, or nil.
func (r *Result) step(name string) *Step {
	for i := range r.Steps {
		if r.Steps[i].Name == name {
			return &r.Steps[i]
		}
	}
	return nil
}

// finding returns the first finding with code in any step of r, and the step's name.
func (r *Result) finding(code string) (*Finding, string) {
	for i := range r.Steps {
		for j := range r.Steps[i].Findings {
			if r.Steps[i].Findings[j].Code == code {
				return &r.Steps[i].Findings[j], r.Steps[i].Name
			}
		}
	}
	return nil, ""
}

// codes lists every finding code of r with its severity, e.g. "tls.required/error".
func (r *Result) codes() []string {
	var out []string
	for _, s := range r.Steps {
		for _, f := range s.Findings {
			out = append(out, f.Code+"/"+f.Severity)
		}
	}
	return out
}

// clientLines returns what the client sent, as the transcript shows it.
func (r *Result) clientLines() []string {
	var out []string
	for _, s := range r.Steps {
		for _, l := range s.Transcript {
			if l.Dir == "client" {
				out = append(out, l.Text)
			}
		}
	}
	return out
}

// summary renders r compactly for failure messages: steps, details, findings, and the
// transcript of failed steps (what the real server actually said).
func (r *Result) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s:%d %s → %s\n", r.Endpoint.Proto, r.Endpoint.Host, r.Endpoint.Port, r.Endpoint.Security, r.Status)
	for _, s := range r.Steps {
		fmt.Fprintf(&b, "  %-15s %-4s %s", s.Name, s.Status, s.Detail)
		if s.Error != "" {
			fmt.Fprintf(&b, " [error: %s]", s.Error)
		}
		for _, f := range s.Findings {
			fmt.Fprintf(&b, " {%s %s: %s}", f.Severity, f.Code, f.Evidence)
		}
		b.WriteByte('\n')
		if s.Status == "fail" || s.Status == "warn" {
			for _, l := range s.Transcript {
				fmt.Fprintf(&b, "      %s: %s\n", l.Dir, l.Text)
			}
		}
	}
	if r.WorksWith != nil {
		b.WriteString("  works with: " + r.WorksWith.summary())
	}
	return b.String()
}

// run executes the CLI in-process, as `mailcheck ARGS...` with the test password in the
// in-process environment only, and returns the exit status and both outputs.
func run(t *testing.T, password string, args ...string) (int, string, string) {
	t.Helper()
	env := map[string]string{}
	if password != "" {
		env[pwVar] = password
	}
	io, out, errb := cmd.TestIO("", env)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	code := cmd.Run(ctx, args, io)
	return code, out.String(), errb.String()
}

// parse decodes a JSON report, failing t with the raw output when it is not one.
func parse(t *testing.T, out, errs string) Report {
	t.Helper()
	var r Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not a JSON report: %v\nstdout: %s\nstderr: %s", err, out, errs)
	}
	if r.Schema != "mailcheck/v1" {
		t.Errorf("schema = %q, want mailcheck/v1", r.Schema)
	}
	return r
}

// probe runs `mailcheck probe PROTO HOST:PORT --format json EXTRA...` and returns the exit
// status and the one result. password, when set, is passed with --password-env.
func (s *servers) probe(t *testing.T, proto, host string, port int, password string, extra ...string) (int, *Result, string) {
	t.Helper()
	args := []string{"probe", proto, net.JoinHostPort(host, strconv.Itoa(port)), "--format", "json"}
	if password != "" {
		args = append(args, "--user", s.User, "--password-env", pwVar)
	}
	args = append(args, extra...)
	code, out, errs := run(t, password, args...)
	r := parse(t, out, errs)
	if len(r.Results) != 1 {
		t.Fatalf("%d results, want 1\n%s", len(r.Results), out)
	}
	if password != "" {
		for _, secret := range []string{password, b64(password), b64("\x00" + s.User + "\x00" + password)} {
			if strings.Contains(out+errs, secret) {
				t.Errorf("the password (or its base64 form %q) appears in the output", secret)
			}
		}
	}
	return code, &r.Results[0], out
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// wantSteps checks that the named steps exist, in this order, each with status ok.
func wantSteps(t *testing.T, r *Result, names ...string) {
	t.Helper()
	last := -1
	for _, n := range names {
		i := slices.IndexFunc(r.Steps, func(s Step) bool { return s.Name == n })
		switch {
		case i < 0:
			t.Errorf("no %q step", n)
		case i < last:
			t.Errorf("step %q out of order", n)
		case r.Steps[i].Status != "ok":
			t.Errorf("step %q is %s, want ok", n, r.Steps[i].Status)
		}
		last = max(last, i)
	}
}
