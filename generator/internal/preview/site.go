// Package preview is the live preview's side of the site: the built site
// held in memory (Site), how a new version of it is made after an edit
// (Builder: a one-shot Hugo build of the detached project, or, when only
// page bodies and detached files changed, no Hugo run at all), and the
// HTTP server that serves it and tells open pages to reload (Server).
//
// # How a version is made
//
// The generator stages the Hugo project with every page body detached
// (stage.Detach): Hugo lays out pages whose body is stage.BodyMark, and the
// preview keeps, for each page, what Hugo wrote before the mark (its head)
// and after it (its tail). A page is then served as head, body, tail, and
// a detached file (the search index, the exports) as it is: the bytes that
// `build` writes when it splices the bodies into Hugo's pages. Bodies and
// detached files are held as the pieces the compile staged them in
// (stage.PieceFiles), so a file that gathers every article is served from
// the articles' kept parts, and a new version after an edit copies none of
// the parts that did not change.
//
// Hugo's output depends only on the project it reads. So when, after an
// edit, the detached project (front matter, marks, configuration, theme:
// everything but the bodies and the detached files) is byte for byte the
// one Hugo last built, the kept heads and tails still hold, and the new
// version is made of them and the new bodies without running Hugo (a
// page's ClaimReview JSON-LD is part of its body). One more kind of value
// changes with nearly every edit of a note and is printed by the theme as
// it is: the names of detached files, which carry a hash of their contents
// (the search index's). They are staged as holes, marks of their own
// that are filled in as bodies are (see Builder.punch). So the usual edit, of a
// note or of an article's text, costs no Hugo run. Anything else (front
// matter, an article added or removed, the theme, the configuration) gets
// a one-shot Hugo build, as does every edit of a briefing whose theme does
// not print .Content as it is (stage.CanDetach). A theme that prints a
// body mark other than once, or a hole otherwise than as it is, is found
// out on its first build, which is then made again without holes, or
// without detaching, as `build` would.
//
// # Reloading
//
// Every HTML page the Server sends carries one more element, added on the
// way out and never written to the built files: a script from the preview
// itself (/_briefing/reload.js) that listens on an EventSource
// (/_briefing/events), shared by the open pages through a shared worker
// (/_briefing/worker.js), and reloads the page when a newer version is
// published. The page's version is in the script's address, so a version
// published while the page was loading still reloads it.
package preview

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefing/annotated/generator/internal/stage"
)

// Site is one version of the built site, in memory. It is never changed
// once made, so the Server may hand it out to any number of requests while
// the next version is made.
type Site struct {
	base  map[string][]byte       // what Hugo wrote, but for the files in pages
	pages map[string]stage.Pieces // files made of a layout: Hugo's parts, a body's pieces, holes' values
	files map[string]stage.Pieces // detached files, written over anything else

	dirsOnce sync.Once
	dirs     map[string][]fs.DirEntry // made when first asked for
}

// newSite returns the Site of the three layers, in the order splice
// writes them: Hugo's output, the pages with their bodies, then the
// detached files over everything.
func newSite(base map[string][]byte, pages, files map[string]stage.Pieces) *Site {
	return &Site{base: base, pages: pages, files: files}
}

// parts returns the contents of the file name (a slash-separated path in
// the site, without a leading slash) as the pieces that make it.
func (s *Site) parts(name string) ([][]byte, bool) {
	if data, ok := s.files[name]; ok {
		return data, true
	}
	if parts, ok := s.pages[name]; ok {
		return parts, true
	}
	if data, ok := s.base[name]; ok {
		return [][]byte{data}, true
	}
	return nil, false
}

// ReadFile returns a copy of the file name's contents.
func (s *Site) ReadFile(name string) ([]byte, error) {
	parts, ok := s.parts(name)
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return bytes.Join(parts, nil), nil
}

// Paths returns the path of every file in the site, sorted.
func (s *Site) Paths() []string {
	seen := make(map[string]bool, len(s.base)+len(s.pages)+len(s.files))
	for p := range s.base {
		seen[p] = true
	}
	for p := range s.pages {
		seen[p] = true
	}
	for p := range s.files {
		seen[p] = true
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// FS returns the site as a file system (for the offline zip, which is
// made from it when it is asked for).
func (s *Site) FS() fs.ReadDirFS { return siteFS{s} }

type siteFS struct{ s *Site }

func (f siteFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if parts, ok := f.s.parts(name); ok {
		size := 0
		readers := make([]io.Reader, len(parts))
		for i, p := range parts {
			size += len(p)
			readers[i] = bytes.NewReader(p)
		}
		return &file{Reader: io.MultiReader(readers...), info: info{name: path.Base(name), size: int64(size)}}, nil
	}
	if _, ok := f.s.dirIndex()[name]; ok {
		return &file{Reader: strings.NewReader(""), info: info{name: path.Base(name), dir: true}}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (f siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, ok := f.s.dirIndex()[name]
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	return slices.Clone(entries), nil
}

// dirIndex lists every folder's entries, sorted by name.
func (s *Site) dirIndex() map[string][]fs.DirEntry {
	s.dirsOnce.Do(s.indexDirs)
	return s.dirs
}

func (s *Site) indexDirs() {
	dirs := map[string][]fs.DirEntry{".": nil}
	for _, p := range s.Paths() {
		parts, _ := s.parts(p)
		size := 0
		for _, b := range parts {
			size += len(b)
		}
		dir, entry := path.Dir(p), fs.DirEntry(fs.FileInfoToDirEntry(info{name: path.Base(p), size: int64(size)}))
		for {
			_, known := dirs[dir]
			dirs[dir] = append(dirs[dir], entry)
			if known || dir == "." {
				break
			}
			entry = fs.FileInfoToDirEntry(info{name: path.Base(dir), dir: true})
			dir = path.Dir(dir)
		}
	}
	for _, list := range dirs {
		slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	s.dirs = dirs
}

type file struct {
	io.Reader
	info info
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Close() error               { return nil }
func (f *file) ReadDir(int) ([]fs.DirEntry, error) {
	return nil, errors.New("preview: use fs.ReadDir on the site")
}

type info struct {
	name string
	size int64
	dir  bool
}

func (i info) Name() string { return i.name }
func (i info) Size() int64  { return i.size }
func (i info) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return i.dir }
func (i info) Sys() any           { return nil }
