package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// TestBatchLongLine: a line over 64 KiB becomes an error record of its own and the lines after
// it are still checked (it used to stop the whole batch: "bufio.Scanner: token too long").
func TestBatchLongLine(t *testing.T) {
	srv, caFile := startScenario(t, "healthy-smtps")
	ep := "smtps://127.0.0.1:" + itoa(srv.Port)
	for _, tc := range []struct {
		name, long string
	}{
		{"just-over", strings.Repeat("a", maxBatchLine+1)},
		{"1MiB-crlf", strings.Repeat("x@", 1<<19) + "\r"},
		{"no-newline-at-end", ""}, // the long line is the last, without a newline
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := ep + "\n" + tc.long + "\nnot a target\n" + ep + "\n"
			if tc.long == "" {
				in = ep + "\n" + strings.Repeat("b", 3*maxBatchLine)
			}
			code, out, errs := run(t, in, nil, "batch", "-", "--ca-file", caFile, "--quiet")
			if code != ExitFindings && code != ExitOK {
				t.Fatalf("exit %d\n%s", code, errs)
			}
			byLine := map[int]map[string]any{}
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				var rec map[string]any
				if err := json.Unmarshal([]byte(l), &rec); err != nil {
					t.Fatalf("not JSON: %v: %.200s", err, l)
				}
				byLine[int(rec["line"].(float64))] = rec
			}
			if r := byLine[1]; r == nil || r["report"] == nil {
				t.Errorf("line 1 (endpoint) not probed: %v", r)
			}
			long := byLine[2]
			if long == nil || !strings.Contains(long["error"].(string), "longer than 64 KiB") {
				t.Fatalf("no error record for the long line: %v", long)
			}
			n := len(strings.TrimSuffix(tc.long, "\r")) // the CR of a CRLF line is its terminator
			if tc.long == "" {
				n = 3 * maxBatchLine
			}
			if want := fmt.Sprintf("line of %d bytes,", n); !strings.Contains(long["error"].(string), want) {
				t.Errorf("error %q, want %q", long["error"], want)
			}
			if in := long["input"].(string); len(in) > 200 {
				t.Errorf("the record echoes %d bytes of the long line", len(in))
			}
			if tc.long == "" {
				return
			}
			if r := byLine[3]; r == nil || r["error"] == nil {
				t.Errorf("line 3 (bad) has no error record: %v", r)
			}
			if r := byLine[4]; r == nil || r["report"] == nil {
				t.Errorf("line 4 (endpoint after the long line) not probed: %v", r)
			}
		})
	}
}

// repeatReader is an endless line: n bytes of 'z', no newline until the end.
type repeatReader struct{ n int64 }

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := int(min(int64(len(p)), r.n))
	for i := range k {
		p[i] = 'z'
	}
	r.n -= int64(k)
	return k, nil
}

// TestBatchLineMemory: reading a 256 MiB line allocates a bounded amount (the line is
// skipped, not kept); measured in bytes allocated, not time.
func TestBatchLineMemory(t *testing.T) {
	const size = 256 << 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	lines := make(chan batchInput)
	go readBatchLines(context.Background(), io.MultiReader(&repeatReader{n: size}, strings.NewReader("\nsmtps://x\n")), lines)
	var got []batchInput
	for bi := range lines {
		got = append(got, bi)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("reading a %d MiB line allocated %d KiB", size>>20, alloc>>10)
	}
	if len(got) != 2 || got[0].long != size || got[1].line != "smtps://x" || got[1].n != 2 {
		t.Errorf("lines = %+v", got)
	}
}

// TestBatchInputCanceled: a batch whose input never ends stops when the run is interrupted.
func TestBatchInputCanceled(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	io_, _, _ := TestIO("", nil)
	io_.In = pr
	done := make(chan int)
	go func() { done <- Run(ctx, []string{"batch", "-", "--quiet"}, io_) }()
	pw.Write([]byte("# a comment\n"))
	cancel()
	if code := <-done; code != ExitInterrupted {
		t.Errorf("exit %d, want %d", code, ExitInterrupted)
	}
}

// TestReadBatchLines: line numbers, terminators and the 64 KiB boundary.
func TestReadBatchLines(t *testing.T) {
	exact := strings.Repeat("e", maxBatchLine)
	for _, tc := range []struct {
		name, in string
		want     []batchInput
	}{
		{"lf", "a\nb\n", []batchInput{{n: 1, line: "a"}, {n: 2, line: "b"}}},
		{"crlf", "a\r\nb\r\n", []batchInput{{n: 1, line: "a"}, {n: 2, line: "b"}}},
		{"no final newline", "a\nb", []batchInput{{n: 1, line: "a"}, {n: 2, line: "b"}}},
		{"empty lines", "\n\r\n\n", []batchInput{{n: 1}, {n: 2}, {n: 3}}},
		{"exactly 64 KiB", exact + "\r\nx\n", []batchInput{{n: 1, line: exact}, {n: 2, line: "x"}}},
		{"64 KiB + 1", exact + "f\nx\n", []batchInput{{n: 1, line: strings.Repeat("e", 80), long: maxBatchLine + 1}, {n: 2, line: "x"}}},
		{"empty input", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := make(chan batchInput)
			go readBatchLines(context.Background(), strings.NewReader(tc.in), lines)
			var got []batchInput
			for bi := range lines {
				got = append(got, bi)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %.300v\nwant %.300v", got, tc.want)
			}
		})
	}
}
