package input

import (
	"crypto/sha256"
	"io/fs"
	"time"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// Cache keeps what reading a briefing found in each file, by the file's
// exact bytes (their SHA-256: the decoded result holds the text already, and
// at 10,000 articles a second copy was 220 MB), for the next reading of the
// same briefing (the live preview
// reads it again on every save). An article or notes file whose bytes did
// not change is not decoded again: its result and problems are taken from
// the cache. Every other file is decoded every time, and every check
// between files is made every time, so a reading through a Cache reports
// the same problems, in the same order, as one without.
//
// An article or notes file is not even read again when the file system
// vouches for it: its size, modification and change times, inode and
// device are the ones it had when last read, and both times were more than
// settle before that reading began. The change time cannot be set back by
// a program (as the modification time can, by cp -p or tar), and a file
// written within settle of a reading might be written again within the
// same tick of a coarse file system clock, so it is read until it has
// settled (as git treats "racy" entries and go test its cached inputs).
// Where the file system does not give those figures (fstest.MapFS, or a
// system other than Linux and macOS), every file is read.
//
// A Cache also gives each file read a version: a number that stays the same
// as long as the file's bytes do. A Cache is for one briefing and one
// reading at a time.
type Cache struct {
	serial uint64
	files  map[string]*cached // by path
	now    func() time.Time   // the clock; time.Now but in tests
}

// settle is how long before a reading a file must have last changed for
// its stamp to stand for its bytes at the next reading.
const settle = 2 * time.Second

// stamp is what the file system says of a file that changes when its
// bytes do (see stampOf).
type stamp struct {
	size         int64
	mtime, ctime int64 // Unix nanoseconds
	ino, dev     uint64
}

// cached is one file as last read.
type cached struct {
	sum     [sha256.Size]byte // of its bytes, which the decoded result holds already
	version uint64
	stamp   stamp     // as stat gave it before data was read
	settled bool      // stamp stands for the bytes: see Cache
	decoded bool      // an article or notes file whose result is kept
	errs    diag.List // what decoding it reported
	article *briefing.Article
	slug    string
	notes   []*briefing.Note
	ok      bool
	left    briefing.Omitted // the notes left out
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{files: map[string]*cached{}, now: time.Now} }

// Version returns the version of the file at path as of the last reading,
// or 0 when that reading did not read it (missing, or unreadable).
func (c *Cache) Version(path string) uint64 {
	if f := c.files[path]; f != nil {
		return f.version
	}
	return 0
}

// ReadCached is Read through c.
func ReadCached(fsys fs.FS, errs *diag.List, c *Cache) *briefing.Briefing {
	return loadWith(fsys, errs, c)
}

// taskList is what the tasks of one reading learnt, by task.
type taskList []task

// task is what one of the reading's tasks learnt for the cache.
type task struct {
	reads   map[string][]byte // every file read, as read
	entry   *cached           // the decoded article or notes file, when new
	path    string
	stamp   stamp // path's, taken before it was read
	settled bool  // stamp stands for path's bytes (see Cache)
	vouched bool  // a hit on stamp alone: path was not read
}

// pre reads the file of an article or notes task before it is decoded. It
// returns the cached result when the file's bytes are the ones last
// decoded (or its stamp says so, see Cache), or sets up l so that decoding
// uses exactly these bytes and t records them. ok is false when the file
// cannot be read: the task then runs as without a cache, and reports why.
// ent is p's entry in its folder's listing (its Info is the stamp's stat),
// and began a time before that listing.
func (c *Cache) pre(l *loader, t *task, p string, ent fs.DirEntry, began time.Time) (hit *cached, ok bool) {
	// The stamp is taken before the bytes are read, so that a write
	// between the two leaves a stamp older than the bytes, never newer.
	f := c.files[p]
	if fi, err := ent.Info(); err == nil {
		if st, ok := stampOf(fi); ok {
			if f != nil && f.decoded && f.settled && f.stamp == st {
				t.path, t.vouched = p, true
				return f, true
			}
			t.stamp = st
			t.settled = began.Sub(time.Unix(0, max(st.mtime, st.ctime))) > settle
		}
	}
	data, err := readFile(l.fsys, p)
	if err != nil {
		return nil, false
	}
	t.path = p
	if f != nil && f.decoded && f.sum == sha256.Sum256(data) {
		return f, true
	}
	l.pin = map[string][]byte{p: data}
	t.reads = map[string][]byte{}
	l.reads = t.reads
	t.entry = &cached{decoded: true}
	return nil, true
}

// update records the files of one reading, in task order, and forgets
// those it did not read.
func (c *Cache) update(tasks taskList) {
	seen := make(map[string]bool, len(tasks))
	keep := func(p string, data []byte, entry *cached) *cached {
		seen[p] = true
		f := c.files[p]
		sum := sha256.Sum256(data)
		if f == nil || f.sum != sum {
			c.serial++
			f = &cached{sum: sum, version: c.serial}
			c.files[p] = f
		}
		if entry != nil {
			v := f.version
			*f = *entry
			f.sum, f.version = sum, v
		}
		return f
	}
	for _, t := range tasks {
		if t.path != "" && t.reads == nil { // a hit
			seen[t.path] = true
			if f := c.files[t.path]; !t.vouched {
				f.stamp, f.settled = t.stamp, t.settled // read again: as of now
			}
			continue
		}
		for p, data := range t.reads {
			if p == t.path {
				f := keep(p, data, t.entry)
				f.stamp, f.settled = t.stamp, t.settled
			} else {
				keep(p, data, nil)
			}
		}
	}
	for p := range c.files {
		if !seen[p] {
			delete(c.files, p)
		}
	}
}

// entry returns the cache entry task i is to fill, or nil.
func (ts taskList) entry(i int) *cached {
	if ts == nil {
		return nil
	}
	return ts[i].entry
}
