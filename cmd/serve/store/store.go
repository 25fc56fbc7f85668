// Package store is mailcheck serve's history: every report, already redacted by the engine,
// in an embedded SQLite database (modernc.org/sqlite, pure Go, so the binary stays static).
// It never sees a password or token: the engine redacts transcripts and evidence as it records
// them, and the request's credentials are not part of a report.
package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/mailcheck/mailcheck/probes"
	"github.com/mailcheck/mailcheck/probes/findings"
)

// Store is an open history database.
type Store struct {
	db   *sql.DB
	path string
	keep Keep
}

// Keep is the retention: reports older than MaxAge or beyond the newest MaxCount are deleted
// after every save (zero: no limit of that kind).
type Keep struct {
	MaxAge   time.Duration
	MaxCount int
}

// Meta is what the list shows of a report and filters on.
type Meta struct {
	ID      string        `json:"id"`
	Created time.Time     `json:"created"`
	Command string        `json:"command"`
	Input   string        `json:"input"`
	Kind    string        `json:"kind,omitempty"`
	Address string        `json:"address,omitempty"`
	Domain  string        `json:"domain,omitempty"`
	Status  probes.Status `json:"status"`
	Codes   []string      `json:"codes,omitempty"`
}

// Filter selects reports; empty fields match everything.
type Filter struct {
	Address, Domain, Code string
	Limit                 int // default 50, at most 500
}

// ErrNotFound is an unknown report id.
var ErrNotFound = errors.New("no such report")

const schema = `
CREATE TABLE IF NOT EXISTS mailcheck_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
	id      TEXT PRIMARY KEY,
	created INTEGER NOT NULL,
	command TEXT NOT NULL,
	input   TEXT NOT NULL,
	kind    TEXT NOT NULL,
	address TEXT NOT NULL,
	domain  TEXT NOT NULL,
	status  TEXT NOT NULL,
	report  BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_created ON reports(created, id);
CREATE INDEX IF NOT EXISTS reports_address ON reports(address);
CREATE INDEX IF NOT EXISTS reports_domain ON reports(domain);
CREATE TABLE IF NOT EXISTS report_codes (
	id   TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	code TEXT NOT NULL,
	PRIMARY KEY (id, code)
);
CREATE INDEX IF NOT EXISTS report_codes_code ON report_codes(code);
INSERT OR IGNORE INTO mailcheck_meta(key, value) VALUES ('schema', 'mailcheck-history/1');
`

// Open opens (creating it if missing) the database at path; "" is an in-memory database that
// lasts as long as the Store. A file that is not a mailcheck history database, or is damaged,
// is a clear error, never silently replaced.
func Open(path string, keep Keep) (*Store, error) {
	dsn := "file::memory:"
	if path != "" {
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("history database %s: is a directory", path)
		}
		// Reports name addresses and servers: the file is the owner's only.
		if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
			f.Close()
		}
		dsn = "file:" + path
	}
	dsn += "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_txlock=immediate"
	if path != "" {
		// WAL with synchronous=NORMAL: a commit is one write, no fsync; a power cut may lose the
		// last reports but never corrupts the file.
		dsn += "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("history database %s: %w", name(path), err)
	}
	// One connection: writes are serialised here rather than failing with SQLITE_BUSY, and the
	// in-memory database is one database, not one per connection.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, keep: keep}
	if err := s.init(); err != nil {
		db.Close()
		return nil, fmt.Errorf("history database %s: %w (not a mailcheck history database, or damaged; move it away or give another --db)", name(path), err)
	}
	return s, nil
}

func name(path string) string {
	if path == "" {
		return "(in memory)"
	}
	return path
}

func (s *Store) init() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var res string
	if err := s.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	// A database of someone else's (tables but no marker) is refused rather than written into.
	var tables, marker int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type='table'").Scan(&tables); err != nil {
		return err
	}
	if tables > 0 {
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='mailcheck_meta'").Scan(&marker); err != nil {
			return err
		}
		if marker == 0 {
			return errors.New("the file holds other tables")
		}
	}
	if _, err := s.db.ExecContext(ctx, schema); err != nil {
		return err
	}
	var v string
	if err := s.db.QueryRowContext(ctx, "SELECT value FROM mailcheck_meta WHERE key='schema'").Scan(&v); err != nil {
		return err
	}
	if v != "mailcheck-history/1" {
		return fmt.Errorf("unknown schema %q", v)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Save stores rep and returns its permalink id (128 random bits: unguessable, so a link
// pasted into a ticket shows that report and no other).
func (s *Store) Save(ctx context.Context, rep *probes.Report, m Meta) (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	id := hex.EncodeToString(b[:])
	var blob bytes.Buffer
	if err := gob.NewEncoder(&blob).Encode(rep); err != nil {
		return "", fmt.Errorf("encoding the report: %w", err)
	}
	addr := strings.ToLower(strings.TrimSpace(m.Address))
	domain := ""
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		domain = addr[i+1:]
	} else if rep.Command == string(probes.CmdProbe) || rep.Command == string(probes.CmdConform) {
		domain = endpointDomain(rep)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO reports(id, created, command, input, kind, address, domain, status, report)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, rep.Started.UTC().UnixNano(), rep.Command, rep.Input, m.Kind, addr, domain,
		string(rep.Status), blob.Bytes()); err != nil {
		return "", err
	}
	for _, c := range codes(rep) {
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO report_codes(id, code) VALUES (?, ?)", id, c); err != nil {
			return "", err
		}
	}
	if err := s.prune(ctx, tx, time.Now()); err != nil {
		return "", err
	}
	if err := tx.Commit(); err != nil {
		return "", err
	}
	return id, nil
}

// endpointDomain is the host of a one-endpoint report, for the domain filter.
func endpointDomain(rep *probes.Report) string {
	if len(rep.Results) == 0 {
		return ""
	}
	return strings.ToLower(rep.Results[0].Endpoint.Host)
}

func codes(rep *probes.Report) []string {
	seen := map[findings.Code]bool{}
	var out []string
	for _, f := range rep.AllFindings() {
		if !seen[f.Code] {
			seen[f.Code] = true
			out = append(out, string(f.Code))
		}
	}
	return out
}

// Prune applies the retention now; Save does it after every report.
func (s *Store) Prune(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.prune(ctx, tx, time.Now()); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) prune(ctx context.Context, tx *sql.Tx, now time.Time) error {
	if s.keep.MaxAge > 0 {
		if _, err := tx.ExecContext(ctx, "DELETE FROM reports WHERE created < ?", now.Add(-s.keep.MaxAge).UTC().UnixNano()); err != nil {
			return fmt.Errorf("retention: %w", err)
		}
	}
	if s.keep.MaxCount > 0 {
		// The newest MaxCount stay: find the first one beyond them on the created index, and
		// delete it and everything older (ties on created are broken by id, as List orders).
		var created int64
		var id string
		err := tx.QueryRowContext(ctx, "SELECT created, id FROM reports ORDER BY created DESC, id DESC LIMIT 1 OFFSET ?",
			s.keep.MaxCount).Scan(&created, &id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("retention: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM reports WHERE created < ? OR (created = ? AND id <= ?)", created, created, id); err != nil {
			return fmt.Errorf("retention: %w", err)
		}
	}
	return nil
}

// Get returns the report with id.
func (s *Store) Get(ctx context.Context, id string) (*probes.Report, Meta, error) {
	if len(id) != 32 || strings.Trim(id, "0123456789abcdef") != "" {
		return nil, Meta{}, ErrNotFound
	}
	var blob []byte
	m, err := s.scanMeta(s.db.QueryRowContext(ctx, `SELECT id, created, command, input, kind, address, domain, status, report
		FROM reports WHERE id = ?`, id), &blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Meta{}, ErrNotFound
	}
	if err != nil {
		return nil, Meta{}, err
	}
	var rep probes.Report
	if err := gob.NewDecoder(bytes.NewReader(blob)).Decode(&rep); err != nil {
		return nil, Meta{}, fmt.Errorf("report %s: %w", id, err)
	}
	m.Codes = codes(&rep)
	return &rep, m, nil
}

type scanner interface{ Scan(dest ...any) error }

func (s *Store) scanMeta(row scanner, blob *[]byte) (Meta, error) {
	var m Meta
	var created int64
	var status string
	dest := []any{&m.ID, &created, &m.Command, &m.Input, &m.Kind, &m.Address, &m.Domain, &status}
	if blob != nil {
		dest = append(dest, blob)
	}
	if err := row.Scan(dest...); err != nil {
		return m, err
	}
	m.Created, m.Status = time.Unix(0, created).UTC(), probes.Status(status)
	return m, nil
}

// List returns the newest reports matching f.
func (s *Store) List(ctx context.Context, f Filter) ([]Meta, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, 500)
	q := "SELECT r.id, r.created, r.command, r.input, r.kind, r.address, r.domain, r.status FROM reports r"
	var args []any
	if f.Code != "" {
		// From the code's index: a rare code is found without walking the whole history.
		q += " JOIN report_codes c ON c.id = r.id AND c.code = ?"
		args = append(args, strings.TrimSpace(f.Code))
	}
	q += " WHERE 1=1"
	if f.Address != "" {
		q += " AND r.address = ?"
		args = append(args, strings.ToLower(strings.TrimSpace(f.Address)))
	}
	if f.Domain != "" {
		q += " AND r.domain = ?"
		args = append(args, strings.ToLower(strings.TrimSpace(f.Domain)))
	}
	q += " ORDER BY r.created DESC, r.id DESC LIMIT ?"
	args = append(args, f.Limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Meta
	index := map[string]int{}
	for rows.Next() {
		m, err := s.scanMeta(rows, nil)
		if err != nil {
			return nil, err
		}
		index[m.ID] = len(out)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if len(out) == 0 {
		return nil, nil
	}
	// The codes of the listed reports, in one query.
	cq := "SELECT id, code FROM report_codes WHERE id IN (?" + strings.Repeat(",?", len(out)-1) + ") ORDER BY code"
	ids := make([]any, len(out))
	for i, m := range out {
		ids[i] = m.ID
	}
	crow, err := s.db.QueryContext(ctx, cq, ids...)
	if err != nil {
		return nil, err
	}
	defer crow.Close()
	for crow.Next() {
		var id, c string
		if err := crow.Scan(&id, &c); err != nil {
			return nil, err
		}
		out[index[id]].Codes = append(out[index[id]].Codes, c)
	}
	return out, crow.Err()
}

// Count is the number of stored reports.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM reports").Scan(&n)
	return n, err
}
