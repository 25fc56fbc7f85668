package testservers

import (
	"fmt"
	"hash/crc32"
	"slices"
	"strings"
	"sync"
	"time"
)

// Store is one account's mail, shared by the servers given it in Config.Store: a message the
// SMTP server accepts for the account is delivered into it (INBOX, or as the delivery faults
// say), and the POP3 and IMAP servers serve it. Its folders carry RFC 6154 special uses and an
// optional RFC 9208 STORAGE quota. Times come from time.Now, so inside a testing/synctest
// bubble a slow delivery takes fake time only. It backs the package's own engines rather than
// go-imap/v2 and go-smtp backends, for the reasons the engines give (fixed reply texts, faults
// that must see plaintext): the engines only gained the commands a mail client and the round
// trip use (SEARCH HEADER, STORE, EXPUNGE, UID EXPUNGE, GETQUOTAROOT, LIST RETURN).
type Store struct {
	mu      sync.Mutex
	cfg     StoreConfig
	folders []*folder
	seq     int // delivery counter: queue ids, POP3 unique-ids
}

// StoreConfig describes a Store.
type StoreConfig struct {
	// Address is the account's address: SMTP delivers what is sent to it. "" = DefaultUser.
	Address string
	// Messages is INBOX at the start; nil means DefaultMessages.
	Messages []string
	// Folders are the folders besides INBOX, with their special uses. nil means
	// DefaultFolders; an empty non-nil list means none (the missing-folders fault).
	Folders []Folder
	// QuotaKiB is the STORAGE limit in KiB (RFC 9208 5.1); 0 = no quota (QUOTA not offered).
	QuotaKiB int64
	// QuotaUsedKiB is storage counted as used besides the messages (a mailbox nearly full).
	QuotaUsedKiB int64
	Delivery     DeliveryFaults
}

// DeliveryFaults are what can go wrong between the SMTP server's 250 and the mailbox.
type DeliveryFaults struct {
	Never  bool          // accepted (250, queue id) but never delivered
	Folder string        // delivered into this folder instead of INBOX (say "Junk")
	Delay  time.Duration // the message becomes visible this long after the 250
}

// Folder is a folder besides INBOX and its RFC 6154 special use (`\Sent`, or "" for none).
type Folder struct{ Name, Use string }

// DefaultFolders are a real account's standard folders and their special uses.
func DefaultFolders() []Folder {
	return []Folder{{"Sent", `\Sent`}, {"Drafts", `\Drafts`}, {"Trash", `\Trash`}, {"Junk", `\Junk`}}
}

type folder struct {
	name, use string
	next      int // next IMAP UID
	msgs      []*stored
}

// stored is one message in a folder.
type stored struct {
	uid     int    // IMAP UID in its folder (RFC 9051 2.3.1.1)
	popUID  string // POP3 unique-id (RFC 1939 7)
	text    string // CRLF line ends, ends with CRLF
	visible time.Time
	deleted bool // \Deleted
}

// NewStore makes a store; see StoreConfig for the defaults.
func NewStore(cfg StoreConfig) *Store {
	if cfg.Address == "" {
		cfg.Address = DefaultUser
	}
	if cfg.Messages == nil {
		cfg.Messages = DefaultMessages()
	}
	if cfg.Folders == nil {
		cfg.Folders = DefaultFolders()
	}
	st := &Store{cfg: cfg}
	st.folders = []*folder{{name: "INBOX", next: 1}}
	for _, f := range cfg.Folders {
		st.folders = append(st.folders, &folder{name: f.Name, use: f.Use, next: 1})
	}
	for i, t := range cfg.Messages {
		t = crlf(t)
		st.folders[0].add(t, fmt.Sprintf("uid%04d-%08x", i+1, crc32.ChecksumIEEE([]byte(t))), time.Time{})
	}
	return st
}

func crlf(t string) string {
	t = strings.ReplaceAll(strings.ReplaceAll(t, "\r\n", "\n"), "\n", "\r\n")
	if !strings.HasSuffix(t, "\r\n") {
		t += "\r\n"
	}
	return t
}

func (f *folder) add(text, popUID string, visible time.Time) {
	f.msgs = append(f.msgs, &stored{uid: f.next, popUID: popUID, text: text, visible: visible})
	f.next++
}

// find is the folder of that name (INBOX in any case, RFC 9051 5.1), or nil. st.mu held.
func (st *Store) find(name string) *folder {
	for _, f := range st.folders {
		if f.name == name || (f.name == "INBOX" && strings.EqualFold(name, "INBOX")) {
			return f
		}
	}
	return nil
}

// has reports whether the folder exists.
func (st *Store) has(name string) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.find(name) != nil
}

// Address is the account's address.
func (st *Store) Address() string { return st.cfg.Address }

// Deliver is what the SMTP server does with an accepted message for the account: it returns
// the queue id and files the message as the delivery faults say. ok is false when the message
// does not fit the quota (then nothing is stored: this also bounds a lab server's memory).
func (st *Store) Deliver(from, helo, text string) (qid string, ok bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if lim := st.cfg.QuotaKiB; lim > 0 && st.usedKiB()+int64(len(text)+1023)/1024 > lim {
		return "", false
	}
	st.seq++
	now := time.Now()
	qid = fmt.Sprintf("4ZTEST%04X", st.seq)
	d := st.cfg.Delivery
	if d.Never {
		return qid, true
	}
	f := st.find("INBOX")
	if d.Folder != "" {
		if g := st.find(d.Folder); g != nil {
			f = g
		}
	}
	// What a receiving MTA prepends (RFC 5321 4.4, RFC 8601): nothing was checked, and the
	// header says so rather than inventing a pass.
	hdr := "Return-Path: <" + from + ">\r\n" +
		"Authentication-Results: mail.test; spf=none smtp.mailfrom=" + from + "; dkim=none; dmarc=none\r\n" +
		"Received: from " + helo + " by mail.test with ESMTPSA id " + qid + " for <" + st.cfg.Address + ">; " + now.Format(time.RFC1123Z) + "\r\n"
	f.add(hdr+crlf(text), fmt.Sprintf("dlv%06d", st.seq), now.Add(d.Delay))
	return qid, true
}

// Folders lists the folder names, INBOX first.
func (st *Store) Folders() []string {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []string
	for _, f := range st.folders {
		out = append(out, f.name)
	}
	return out
}

// Messages returns the texts of a folder's visible messages, in order (for tests).
func (st *Store) Messages(folder string) []string {
	var out []string
	for _, m := range st.snapshot(folder) {
		out = append(out, m.text)
	}
	return out
}

// Count is the number of messages in all folders, delivered or still on their way.
func (st *Store) Count() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	n := 0
	for _, f := range st.folders {
		n += len(f.msgs)
	}
	return n
}

// snapshot is a folder's visible messages now (nil for an unknown folder).
func (st *Store) snapshot(name string) []message {
	st.mu.Lock()
	defer st.mu.Unlock()
	f := st.find(name)
	if f == nil {
		return nil
	}
	now := time.Now()
	var out []message
	for _, m := range f.msgs {
		if !m.visible.After(now) {
			out = append(out, message{uid: m.popUID, imapUID: m.uid, text: m.text, deleted: m.deleted})
		}
	}
	return out
}

// setDeleted sets or clears \Deleted on the messages with those UIDs.
func (st *Store) setDeleted(name string, uids []int, on bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if f := st.find(name); f != nil {
		for _, m := range f.msgs {
			if slices.Contains(uids, m.uid) {
				m.deleted = on
			}
		}
	}
}

// expunge removes the folder's \Deleted messages (only those among uids, when uids is not nil)
// and returns their UIDs.
func (st *Store) expunge(name string, uids []int) []int {
	st.mu.Lock()
	defer st.mu.Unlock()
	f := st.find(name)
	if f == nil {
		return nil
	}
	var gone []int
	kept := f.msgs[:0]
	for _, m := range f.msgs {
		if m.deleted && (uids == nil || slices.Contains(uids, m.uid)) {
			gone = append(gone, m.uid)
			continue
		}
		kept = append(kept, m)
	}
	f.msgs = kept
	return gone
}

// remove deletes INBOX messages by POP3 unique-id (POP3's UPDATE state, RFC 1939 6).
func (st *Store) remove(popUIDs map[string]bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	f := st.find("INBOX")
	kept := f.msgs[:0]
	for _, m := range f.msgs {
		if !popUIDs[m.popUID] {
			kept = append(kept, m)
		}
	}
	f.msgs = kept
}

// quota is the STORAGE usage and limit in KiB; limit 0 means no quota.
func (st *Store) quota() (used, limit int64) {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.usedKiB(), st.cfg.QuotaKiB
}

// usedKiB is the storage in use, QuotaUsedKiB included; st.mu held.
func (st *Store) usedKiB() int64 {
	var b int64
	for _, f := range st.folders {
		for _, m := range f.msgs {
			b += int64(len(m.text))
		}
	}
	return st.cfg.QuotaUsedKiB + (b+1023)/1024
}

// list is the folders with their special uses, INBOX first.
func (st *Store) list() [][2]string {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out [][2]string
	for _, f := range st.folders {
		out = append(out, [2]string{f.name, f.use})
	}
	return out
}
