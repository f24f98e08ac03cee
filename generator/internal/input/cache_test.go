package input

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/synth"
)

// openCounter is a folder on disk that counts how often each file is
// opened; Stat and ReadDir go to the folder's own, which open no file.
type openCounter struct {
	fsys  fs.FS
	mu    sync.Mutex
	opens map[string]int
}

func (o *openCounter) Open(name string) (fs.File, error) {
	o.mu.Lock()
	o.opens[name]++
	o.mu.Unlock()
	return o.fsys.Open(name)
}

func (o *openCounter) Stat(name string) (fs.FileInfo, error) { return fs.Stat(o.fsys, name) }

func (o *openCounter) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(o.fsys, name) }

// reset returns the counts so far and starts again from zero.
func (o *openCounter) reset() map[string]int {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := o.opens
	o.opens = map[string]int{}
	return n
}

// noteText is the text of the first note on the article slug, or "".
func noteText(b *briefing.Briefing, slug string) string {
	for _, a := range b.Articles {
		if a.Slug == slug && len(a.Notes) > 0 {
			return a.Notes[0].Body.Text
		}
	}
	return ""
}

// TestCacheTrustsSettledStamps checks when a Cache reads an article or
// notes file again and when it takes the file system's word that the file
// is unchanged: it must see every change of bytes (also one that keeps the
// size and puts the modification time back), and read a file that has not
// changed only while it might yet change unseen.
func TestCacheTrustsSettledStamps(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("the stamps are read on Linux and macOS only; elsewhere every file is read (TestCompilerMatchesCompile)")
	}
	t.Run("DirFS", func(t *testing.T) {
		testCacheStamps(t, func(dir string) fs.FS { return os.DirFS(dir) })
	})
	t.Run("Root", func(t *testing.T) { // as the generator opens a briefing
		testCacheStamps(t, func(dir string) fs.FS {
			r, err := os.OpenRoot(dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close() })
			return r.FS()
		})
	})
}

func testCacheStamps(t *testing.T, open func(dir string) fs.FS) {
	dir := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 3, Notes: 3, Sources: 10, Claims: 4, Seed: 5})), dir)
	const notes = "annotations/article-00002.yaml"
	const article = "content/articles/article-00003.md"
	fsys := &openCounter{fsys: open(dir), opens: map[string]int{}}
	c := NewCache()
	clock := time.Now()
	c.now = func() time.Time { return clock }
	read := func(step string) *briefing.Briefing {
		t.Helper()
		var errs diag.List
		b := ReadCached(fsys, &errs, c)
		if err := errs.Err(); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return b
	}
	// opened checks which of the articles' and notes files the last
	// reading opened.
	opened := func(step string, want ...string) {
		t.Helper()
		got := fsys.reset()
		for _, name := range []string{notes, article, "annotations/article-00001.yaml", "content/articles/article-00001.md"} {
			w := 0
			for _, n := range want {
				if n == name {
					w = 1
				}
			}
			if got[name] != w {
				t.Errorf("%s: %s opened %d times, want %d", step, name, got[name], w)
			}
		}
		// The shared files are read every time.
		if got["annotations/claims.yaml"] != 1 || got["annotations/sources.yaml"] != 1 {
			t.Errorf("%s: claims and sources opened %d and %d times, want once each", step,
				got["annotations/claims.yaml"], got["annotations/sources.yaml"])
		}
	}
	all := []string{notes, article, "annotations/article-00001.yaml", "content/articles/article-00001.md"}

	b := read("first reading")
	opened("first reading", all...)
	const id = "article-00002"
	text := noteText(b, id)
	if len(text) < 8 {
		t.Fatalf("the first note of %s reads %q", id, text)
	}

	// Just written: a file might change again within the file system's
	// clock tick, so its stamp does not stand for it yet.
	read("files just written")
	opened("files just written", all...)

	// Read an hour later, the same bytes: the stamps now stand for them
	// (the file system's clock says they were last changed well before).
	clock = clock.Add(time.Hour)
	read("an hour later")
	opened("an hour later", all...)
	read("settled, unchanged")
	opened("settled, unchanged")

	// The same bytes, touched: read again, the same version.
	v := c.Version(notes)
	later := time.Now().Add(-time.Minute)
	if err := os.Chtimes(filepath.Join(dir, notes), later, later); err != nil {
		t.Fatal(err)
	}
	read("touched")
	opened("touched", notes)
	if c.Version(notes) != v {
		t.Errorf("touched: version %d, want %d: the bytes did not change", c.Version(notes), v)
	}
	read("touched, read again")
	opened("touched, read again")

	// Bytes changed, size and modification time put back (cp -p, tar, a
	// coarse clock): the change time gives it away.
	p := filepath.Join(dir, filepath.FromSlash(notes))
	old, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte(text[:8]))
	if i < 0 {
		t.Fatalf("the note's text %q is not in %s", text[:8], notes)
	}
	edited := bytes.Clone(data)
	copy(edited[i:], "EDITED!!")
	oldStamp, _ := stampOf(old)
	for tries := 0; ; tries++ { // until the change time moves on
		if err := os.WriteFile(p, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old.ModTime(), old.ModTime()); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := stampOf(fi)
		if st.ctime != oldStamp.ctime {
			if st.size != oldStamp.size || st.mtime != oldStamp.mtime {
				t.Fatalf("the edit changed size or modification time: %+v, was %+v", st, oldStamp)
			}
			break
		}
		if tries == 100 {
			t.Fatal("the file's change time did not move in 100 writes")
		}
		time.Sleep(10 * time.Millisecond)
	}
	b = read("edited, same size and time")
	opened("edited, same size and time", notes)
	if got := noteText(b, id); got[:8] != "EDITED!!" {
		t.Errorf("edited: note %s reads %q, want the edit", id, got)
	}
	if c.Version(notes) == v {
		t.Errorf("edited: version unchanged (%d)", v)
	}

	// Replaced by another file (a new inode), as editors save.
	if err := os.WriteFile(p+".tmp", data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(p+".tmp", p); err != nil {
		t.Fatal(err)
	}
	b = read("replaced")
	opened("replaced", notes)
	if got := noteText(b, id); got != text {
		t.Errorf("replaced: note %s reads %q, want %q", id, got, text)
	}

	// Removed: the reading finds it gone.
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(article))); err != nil {
		t.Fatal(err)
	}
	var errs diag.List
	b = ReadCached(fsys, &errs, c)
	if len(b.Articles) != 2 {
		t.Errorf("removed: %d articles, want 2", len(b.Articles))
	}
	if c.Version(article) != 0 {
		t.Errorf("removed: %s still has a version", article)
	}
}
