package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// maxCAFile bounds --ca-file: a bundle of every public root is about 200 KiB of PEM, and
// `--ca-file /dev/zero` must not grow memory.
const maxCAFile = 4 << 20

// errTooLarge: a local input file is over its cap.
var errTooLarge = errors.New("file too large")

// readLocalFile reads a file the user named (--ca-file, --providers), at most limit bytes,
// and gives up when ctx is done (Ctrl-C, SIGTERM), also while a FIFO or device blocks.
func readLocalFile(ctx context.Context, path string, limit int64) ([]byte, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		// Opening a FIFO blocks until a writer comes, so the open too happens here.
		f, err := os.Open(path)
		if err != nil {
			done <- result{nil, err}
			return
		}
		defer f.Close()
		stop := context.AfterFunc(ctx, func() { f.Close() }) // ends a read blocked on a pipe
		defer stop()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > limit {
			done <- result{nil, fmt.Errorf("%w: %d bytes, more than %s", errTooLarge, st.Size(), sizeText(limit))}
			return
		}
		b, err := readLimited(ctx, f, limit)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return r.b, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// readLimited reads r to its end, at most limit bytes (errTooLarge past them), stopping
// between reads when ctx is done.
func readLimited(ctx context.Context, r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(ctxReader{ctx, r}, limit+1))
	if err == nil && int64(len(b)) > limit {
		b, err = nil, fmt.Errorf("%w: more than %s", errTooLarge, sizeText(limit))
	}
	return b, err
}

// readStdin is readLimited on standard input, given up when ctx is done even while a read
// blocks (a pipe that sends nothing); the blocked read is left behind, the process ends.
func readStdin(ctx context.Context, r io.Reader, limit int64) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := readLimited(ctx, r, limit)
		done <- result{b, err}
	}()
	select {
	case res := <-done:
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return res.b, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ctxReader stops a read loop when ctx is done: /dev/zero never blocks, so only a check
// between reads notices a signal.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// localFileErr is the exit-2 error for a local input flag; an interrupt stays an interrupt.
func localFileErr(flag, path string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return usagef("%s %s: %v", flag, path, err)
}
