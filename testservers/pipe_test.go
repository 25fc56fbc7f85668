package testservers

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"syscall"
	"testing"
	"testing/synctest"
	"time"
)

// TestPipe: the in-memory connection buffers both ways, ends in EOF or ECONNRESET as TCP does,
// and its deadlines run on the fake clock of a bubble.
func TestPipe(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := Pipe()
		defer a.Close()
		defer b.Close()

		// Both ends write before either reads: net.Pipe would deadlock here.
		if _, err := a.Write([]byte("220 hello\r\n")); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Write([]byte("\x16\x03\x01 client hello")); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 64)
		if n, err := b.Read(buf); err != nil || string(buf[:n]) != "220 hello\r\n" {
			t.Errorf("b.Read = %q, %v", buf[:n], err)
		}
		if n, err := a.Read(buf); err != nil || string(buf[:n]) != "\x16\x03\x01 client hello" {
			t.Errorf("a.Read = %q, %v", buf[:n], err)
		}

		// A read deadline ends a blocked read after exactly its time.
		start := time.Now()
		a.SetReadDeadline(start.Add(3 * time.Second))
		_, err := a.Read(buf)
		if !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Errorf("read past the deadline: %v, want os.ErrDeadlineExceeded", err)
		}
		var ne net.Error
		if !errors.As(err, &ne) || !ne.Timeout() {
			t.Errorf("deadline error %v is not a net.Error timeout", err)
		}
		if d := time.Since(start); d != 3*time.Second {
			t.Errorf("deadline fired after %v of fake time, want 3s", d)
		}

		// A deadline moved into the past wakes a blocked read at once (context cancel).
		a.SetReadDeadline(time.Time{})
		go func() {
			time.Sleep(time.Second)
			a.SetReadDeadline(time.Unix(1, 0))
		}()
		start = time.Now()
		if _, err := a.Read(buf); !errors.Is(err, os.ErrDeadlineExceeded) || time.Since(start) != time.Second {
			t.Errorf("read woken by a past deadline after %v: %v", time.Since(start), err)
		}
		a.SetReadDeadline(time.Time{})

		// A full buffer blocks the writer until the reader takes bytes; the write deadline ends it.
		b.SetWriteDeadline(time.Now().Add(time.Second))
		n, err := b.Write(make([]byte, pipeBuffer+10))
		if n != pipeBuffer || !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Errorf("write into a full pipe = %d, %v; want %d, deadline exceeded", n, err, pipeBuffer)
		}
		b.SetWriteDeadline(time.Time{})
		go b.Write(make([]byte, 10))
		if got, err := io.ReadFull(a, make([]byte, pipeBuffer+10)); err != nil || got != pipeBuffer+10 {
			t.Errorf("read %d bytes, %v; want %d", got, err, pipeBuffer+10)
		}

		// Close: the peer reads what was sent, then EOF; its writes fail; our reads fail.
		b.Write([]byte("bye"))
		b.Close()
		if got, err := io.ReadAll(a); string(got) != "bye" || err != nil {
			t.Errorf("ReadAll after the peer closed = %q, %v; want \"bye\", EOF", got, err)
		}
		if _, err := a.Write([]byte("x")); !errors.Is(err, syscall.EPIPE) {
			t.Errorf("write to a closed peer: %v, want EPIPE", err)
		}
		if _, err := b.Read(buf); !errors.Is(err, net.ErrClosed) {
			t.Errorf("read after Close: %v, want net.ErrClosed", err)
		}
	})
}

// TestPipeReset: a reset arrives after the bytes sent before it, as ECONNRESET.
func TestPipeReset(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := Pipe()
		defer a.Close()
		b.Write([]byte("220 half"))
		b.(*memConn).resetOnClose()
		b.Close()
		got, err := io.ReadAll(a)
		if string(got) != "220 half" || !errors.Is(err, syscall.ECONNRESET) {
			t.Errorf("ReadAll = %q, %v; want the half reply, then ECONNRESET", got, err)
		}
	})
}

// TestPipeCloseWakes: Close ends a read and a write that are blocked on this end.
func TestPipeCloseWakes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := Pipe()
		defer b.Close()
		errs := make(chan error, 2)
		go func() { _, err := a.Read(make([]byte, 1)); errs <- err }()
		go func() { _, err := a.Write(make([]byte, pipeBuffer+1)); errs <- err }()
		synctest.Wait()
		a.Close()
		for range 2 {
			if err := <-errs; !errors.Is(err, net.ErrClosed) {
				t.Errorf("blocked call after Close: %v, want net.ErrClosed", err)
			}
		}
	})
}

// TestDialContext: a Server is a dialer over Pipe; after Close it refuses like a closed port.
func TestDialContext(t *testing.T) {
	ca := testCA(t)
	synctest.Test(t, func(t *testing.T) {
		s := newT(t, Config{Proto: "smtp"}, ca)
		c := dialPipe(t, s)
		want(t, "greeting", c.line(), greet)
		want(t, "QUIT", c.cmd("QUIT"), "221 2.0.0 Bye")
		c.expectEOF()
		s.Close()
		if _, err := s.DialContext(context.Background(), "tcp", "127.0.0.1:25"); !errors.Is(err, syscall.ECONNREFUSED) {
			t.Errorf("dial after Close: %v, want ECONNREFUSED", err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := newT(t, Config{Proto: "smtp"}, ca).DialContext(ctx, "tcp", "127.0.0.1:25"); !errors.Is(err, context.Canceled) {
			t.Errorf("dial with a canceled context: %v, want context.Canceled", err)
		}
		if s.Conns() != 1 {
			t.Errorf("Conns() = %d, want 1 (the refused dial is not a connection)", s.Conns())
		}
	})
}
