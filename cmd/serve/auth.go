package serve

import (
	"bufio"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Auth is the --auth-file credentials: bearer tokens and basic-auth user:password pairs, kept
// as SHA-256 digests and compared in constant time.
type Auth struct {
	tokens [][32]byte
	basic  [][32]byte // sha256("user:password")
}

// ParseAuth reads an auth file: one credential a line, "#" comments. A line "bearer TOKEN" (or
// a bare TOKEN without ':') is a bearer token; "basic USER:PASSWORD" (or "USER:PASSWORD") a
// basic-auth pair.
func ParseAuth(r io.Reader) (*Auth, error) {
	a := &Auth{}
	sc := bufio.NewScanner(io.LimitReader(r, 1<<20))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, rest, _ := strings.Cut(line, " ")
		switch strings.ToLower(kind) {
		case "bearer":
			line = strings.TrimSpace(rest)
			if line == "" {
				return nil, fmt.Errorf("line %d: bearer without a token", n)
			}
			a.tokens = append(a.tokens, sha256.Sum256([]byte(line)))
			continue
		case "basic":
			line = strings.TrimSpace(rest)
		}
		if u, p, ok := strings.Cut(line, ":"); ok {
			if u == "" || p == "" {
				return nil, fmt.Errorf("line %d: basic credential needs USER:PASSWORD", n)
			}
			a.basic = append(a.basic, sha256.Sum256([]byte(line)))
			continue
		}
		if len(line) < 16 {
			return nil, fmt.Errorf("line %d: a bearer token shorter than 16 characters is too easy to guess", n)
		}
		a.tokens = append(a.tokens, sha256.Sum256([]byte(line)))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(a.tokens)+len(a.basic) == 0 {
		return nil, fmt.Errorf("no credential in the file")
	}
	return a, nil
}

func (a *Auth) ok(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, cred, _ := strings.Cut(h, " ")
	var list [][32]byte
	var sum [32]byte
	switch strings.ToLower(scheme) {
	case "bearer":
		sum, list = sha256.Sum256([]byte(strings.TrimSpace(cred))), a.tokens
	case "basic":
		u, p, ok := r.BasicAuth()
		if !ok {
			return false
		}
		sum, list = sha256.Sum256([]byte(u+":"+p)), a.basic
	default:
		return false
	}
	match := 0
	for _, d := range list {
		match |= subtle.ConstantTimeCompare(sum[:], d[:])
	}
	return match == 1
}

// clientLimiter is a token bucket per client address, bounded: when it holds too many
// clients, idle ones are dropped (a full bucket again is what an idle client would have).
type clientLimiter struct {
	mu      sync.Mutex
	perMin  float64
	burst   int
	clients map[string]*clientBucket
	now     func() time.Time
}

type clientBucket struct {
	lim  *rate.Limiter
	seen time.Time
}

const maxClients = 10000

func newClientLimiter(perMin float64, burst int) *clientLimiter {
	return &clientLimiter{perMin: perMin, burst: burst, clients: map[string]*clientBucket{}, now: time.Now}
}

// allow takes a token for key, or says how long until one is free.
func (l *clientLimiter) allow(key string) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.clients[key]
	if b == nil {
		if len(l.clients) >= maxClients {
			idle := time.Duration(float64(l.burst)/l.perMin*float64(time.Minute)) + time.Minute
			for k, c := range l.clients {
				if now.Sub(c.seen) > idle {
					delete(l.clients, k)
				}
			}
			if len(l.clients) >= maxClients {
				return time.Minute, false // every slot busy: refuse rather than grow
			}
		}
		b = &clientBucket{lim: rate.NewLimiter(rate.Limit(l.perMin/60), l.burst)}
		l.clients[key] = b
	}
	b.seen = now
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d, false
	}
	return 0, true
}

// csrfKey signs the form's CSRF token: the page sets a random cookie and puts HMAC(key,
// cookie) in a hidden field; a POST must carry both and they must agree. Another site can make
// the browser send the cookie but can neither read nor set it, so it cannot forge the field.
type csrfKey struct{ key []byte }

const csrfCookie = "mailcheck_csrf"

func newCSRFKey() (*csrfKey, error) {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	return &csrfKey{k}, nil
}

func (c *csrfKey) sign(v string) string {
	m := hmac.New(sha256.New, c.key)
	m.Write([]byte(v))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// token returns the hidden-field value for this client, setting the cookie when needed.
func (c *csrfKey) token(w http.ResponseWriter, r *http.Request) string {
	v := ""
	if ck, err := r.Cookie(csrfCookie); err == nil && len(ck.Value) == 43 {
		v = ck.Value
	} else {
		b := make([]byte, 32)
		rand.Read(b)
		v = base64.RawURLEncoding.EncodeToString(b)
		http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: v, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	}
	return c.sign(v)
}

func (c *csrfKey) valid(r *http.Request, field string) bool {
	ck, err := r.Cookie(csrfCookie)
	if err != nil || ck.Value == "" || field == "" {
		return false
	}
	return hmac.Equal([]byte(c.sign(ck.Value)), []byte(field))
}
