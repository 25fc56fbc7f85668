package testservers

import (
	"context"
	"io"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// pipeBuffer is how many bytes one direction of a Pipe holds before a Write blocks, about what
// a loopback socket buffers.
const pipeBuffer = 256 << 10

// Pipe returns the two ends of an in-memory, full-duplex connection for tests that must not
// depend on the speed of the machine. Unlike net.Pipe each direction buffers (256 KiB), so both
// ends may write at once, as over TCP: a client that sends a TLS ClientHello to a server that
// sends its greeting does not deadlock. Deadlines, Close and EOF behave as on a TCP socket.
//
// Blocked reads and writes wait on channels and timers only, so inside a testing/synctest
// bubble they are durably blocked and deadlines run on the bubble's fake clock.
func Pipe() (client, server net.Conn) {
	ab, ba := newHalf(), newHalf()
	c := &memConn{rx: ba, tx: ab, local: memAddr("client"), remote: memAddr("server")}
	s := &memConn{rx: ab, tx: ba, local: memAddr("server"), remote: memAddr("client")}
	for _, m := range []*memConn{c, s} {
		m.done = make(chan struct{})
		m.rd.cancel = make(chan struct{})
		m.wd.cancel = make(chan struct{})
	}
	return c, s
}

// DialContext connects to s over a Pipe, whatever addr says, and serves the other end in a new
// goroutine. With it a *Server is the dialer a client under test is given (probes.Options.Dialer),
// and inside a testing/synctest bubble a whole session runs on the fake clock. After Close it
// refuses connections (ECONNREFUSED), like a closed listener.
func (s *Server) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, &net.OpError{Op: "dial", Net: network, Addr: memAddr(addr), Err: err}
	}
	c, sc := Pipe()
	c.(*memConn).remote = memAddr(addr)
	if !s.track(sc) {
		return nil, &net.OpError{Op: "dial", Net: network, Addr: memAddr(addr), Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	}
	go s.serveTracked(sc)
	return c, nil
}

type memAddr string

func (memAddr) Network() string  { return "pipe" }
func (a memAddr) String() string { return string(a) }

// half is one direction of a Pipe.
type half struct {
	mu       sync.Mutex
	buf      []byte
	eof      bool // the writer closed: reads return EOF once buf is drained
	reset    bool // the writer reset the connection: reads fail with ECONNRESET once buf is drained
	gone     bool // the reader closed: writes fail with EPIPE
	readable chan struct{}
	writable chan struct{}
}

func newHalf() *half {
	return &half{readable: make(chan struct{}, 1), writable: make(chan struct{}, 1)}
}

func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// memConn is one end of a Pipe.
type memConn struct {
	rx, tx        *half
	local, remote memAddr

	rmu, wmu sync.Mutex // one Read and one Write at a time, as on a socket
	once     sync.Once
	done     chan struct{} // closed by Close
	abortive atomic.Bool   // Close sends a reset instead of EOF
	rd, wd   deadline
}

func (c *memConn) opErr(op string, err error) error {
	return &net.OpError{Op: op, Net: "pipe", Source: c.local, Addr: c.remote, Err: err}
}

func (c *memConn) Read(b []byte) (int, error) {
	c.rmu.Lock()
	defer c.rmu.Unlock()
	for {
		select {
		case <-c.done:
			return 0, c.opErr("read", net.ErrClosed)
		case <-c.rd.wait():
			return 0, c.opErr("read", os.ErrDeadlineExceeded)
		default:
		}
		h := c.rx
		h.mu.Lock()
		switch {
		case len(h.buf) > 0:
			n := copy(b, h.buf)
			h.buf = h.buf[n:]
			if len(h.buf) == 0 {
				h.buf = nil
			} else {
				signal(h.readable) // more for the next Read
			}
			h.mu.Unlock()
			signal(h.writable)
			return n, nil
		case len(b) == 0:
			h.mu.Unlock()
			return 0, nil
		case h.reset:
			h.mu.Unlock()
			return 0, c.opErr("read", os.NewSyscallError("read", syscall.ECONNRESET))
		case h.eof:
			h.mu.Unlock()
			return 0, io.EOF
		}
		h.mu.Unlock()
		select {
		case <-h.readable:
		case <-c.done:
		case <-c.rd.wait():
		}
	}
}

func (c *memConn) Write(b []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	n := 0
	for {
		select {
		case <-c.done:
			return n, c.opErr("write", net.ErrClosed)
		case <-c.wd.wait():
			return n, c.opErr("write", os.ErrDeadlineExceeded)
		default:
		}
		if n == len(b) {
			return n, nil
		}
		h := c.tx
		h.mu.Lock()
		if h.gone {
			h.mu.Unlock()
			return n, c.opErr("write", os.NewSyscallError("write", syscall.EPIPE))
		}
		if room := pipeBuffer - len(h.buf); room > 0 {
			k := min(room, len(b)-n)
			h.buf = append(h.buf, b[n:n+k]...)
			n += k
			h.mu.Unlock()
			signal(h.readable)
			continue
		}
		h.mu.Unlock()
		select {
		case <-h.writable:
		case <-c.done:
		case <-c.wd.wait():
		}
	}
}

// Close ends both directions: the peer reads what was sent, then EOF (or ECONNRESET after
// resetOnClose), and its writes fail; this end's blocked calls return net.ErrClosed.
func (c *memConn) Close() error {
	first := false
	c.once.Do(func() {
		first = true
		close(c.done)
		c.rx.mu.Lock()
		c.rx.gone, c.rx.buf = true, nil
		c.rx.mu.Unlock()
		signal(c.rx.writable)
		c.tx.mu.Lock()
		if c.abortive.Load() {
			c.tx.reset = true
		} else {
			c.tx.eof = true
		}
		c.tx.mu.Unlock()
		signal(c.tx.readable)
		c.rd.stop()
		c.wd.stop()
	})
	if !first {
		return c.opErr("close", net.ErrClosed)
	}
	return nil
}

// resetOnClose makes Close reset the connection, as SO_LINGER 0 does on TCP.
func (c *memConn) resetOnClose() { c.abortive.Store(true) }

func (c *memConn) LocalAddr() net.Addr  { return c.local }
func (c *memConn) RemoteAddr() net.Addr { return c.remote }

func (c *memConn) SetDeadline(t time.Time) error {
	c.rd.set(t)
	c.wd.set(t)
	return nil
}

func (c *memConn) SetReadDeadline(t time.Time) error  { c.rd.set(t); return nil }
func (c *memConn) SetWriteDeadline(t time.Time) error { c.wd.set(t); return nil }

// deadline is a channel that is closed when the deadline passes (net.Pipe's design): a timer,
// so the fake clock of a synctest bubble drives it.
type deadline struct {
	mu     sync.Mutex
	timer  *time.Timer
	cancel chan struct{}
}

func (d *deadline) set(t time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil && !d.timer.Stop() {
		<-d.cancel // the timer fired: wait until its func closed cancel
	}
	d.timer = nil
	closed := isClosed(d.cancel)
	if closed {
		d.cancel = make(chan struct{})
	}
	if t.IsZero() {
		return
	}
	if dur := time.Until(t); dur > 0 {
		cancel := d.cancel
		d.timer = time.AfterFunc(dur, func() { close(cancel) })
		return
	}
	close(d.cancel)
}

func (d *deadline) wait() chan struct{} {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cancel
}

// stop drops a pending timer, so a closed connection leaves none behind in a bubble.
func (d *deadline) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil && d.timer.Stop() {
		d.timer = nil
	}
}

func isClosed(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}
