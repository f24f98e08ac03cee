package preview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefing/annotated/generator/internal/hugo"
	"github.com/briefing/annotated/generator/internal/parallel"
	"github.com/briefing/annotated/generator/internal/stage"
)

// BuildFunc runs Hugo once on the project in src, writing the site to dest
// (hugo.Build, in the preview).
type BuildFunc func(ctx context.Context, src, dest string) error

// Builder makes each new version of the previewed site from the whole Hugo
// project the generator staged (the staged files and the theme). It keeps
// the project Hugo last laid out and the layout of each page (what Hugo
// wrote around its body and its holes, see punch), so that an edit that
// changed only bodies, detached files and holes costs no Hugo run (see the
// package comment).
//
// A Builder is not safe for concurrent use.
type Builder struct {
	project *hugo.Stage // the project Hugo reads, rewritten file by file
	out     string      // where Hugo writes, emptied after each build
	build   BuildFunc

	// What Hugo last laid out (nil when it built a whole project), the
	// layouts of the files it wrote with a body or a hole in them, and the
	// rest of what it wrote.
	laidOut map[string][]byte
	layouts map[string][]segment
	base    map[string][]byte

	holeIDs   map[string]int // hole names to their numbers, for the session
	seed      maphash.Seed
	noHoles   uint64 // the theme's sum when it did not print a hole as it is
	noDetach  uint64 // the theme's sum when it did not print a body mark once
	forceHugo bool

	last *made // the last site made from a laid-out project, nil when none
}

// made is a site made from a laid-out project, and what filled it.
type made struct {
	site          *Site
	bodies, files map[string]stage.Pieces
	values        map[string][]byte
}

// NewBuilder returns a Builder that stages the project in dir/project and
// has build write the site to dir/out. dir must be empty or not exist.
func NewBuilder(dir string, build BuildFunc) *Builder {
	return &Builder{
		project: hugo.NewStage(filepath.Join(dir, "project")),
		out:     filepath.Join(dir, "out"),
		build:   build,
		holeIDs: map[string]int{},
		seed:    maphash.MakeSeed(),
	}
}

// Refresh kinds, as Report.Kind says them.
const (
	Spliced  = "without Hugo"               // bodies and holes filled into the kept layouts
	Detached = "with Hugo"                  // a one-shot build of the detached project
	Whole    = "with Hugo, bodies included" // the theme does not print .Content as it is
)

// Report says how a version was made.
type Report struct {
	Kind  string
	Pages int // files made of a kept layout
	// Unchanged is set when the site is the one made last time, byte for
	// byte (a save that changed nothing, or a second look at the same
	// edit): the Site returned is that one.
	Unchanged bool
	Hugo      time.Duration // Hugo's build (the sum of them, when it ran twice)
	Total     time.Duration
}

// Refresh returns the site built from files (slash-separated paths in the
// Hugo project to contents, as the pieces they were staged in: a
// stage.PieceFiles). Neither files nor its pieces may change afterwards:
// the Site serves the pieces of the bodies and detached files as they are.
// On an error nothing is kept of the attempt: the next Refresh compares
// with the last project Hugo laid out.
func (b *Builder) Refresh(ctx context.Context, files map[string]stage.Pieces) (*Site, Report, error) {
	start := time.Now()
	s, r, err := b.refresh(ctx, files)
	r.Total = time.Since(start)
	return s, r, err
}

func (b *Builder) refresh(ctx context.Context, files map[string]stage.Pieces) (*Site, Report, error) {
	themeFiles := themeOf(files)
	theme := b.themeSum(themeFiles)
	var r Report
	if theme != b.noDetach && stage.CanDetach(themeFiles) {
		skeleton, d := stage.Detach(files)
		project, values := skeleton, map[string][]byte(nil)
		holes := theme != b.noHoles
		if holes {
			project, values = b.punch(skeleton, d)
		}
		if !b.forceHugo && b.laidOut != nil && sameFiles(project, b.laidOut) {
			if l := b.last; l != nil && samePieces(d.Bodies, l.bodies) && samePieces(d.Files, l.files) && sameFiles(values, l.values) {
				return l.site, Report{Kind: Spliced, Pages: len(b.layouts), Unchanged: true}, nil
			}
			if s, ok := b.fill(d, values); ok {
				return s, Report{Kind: Spliced, Pages: len(b.layouts)}, nil
			}
		}
		if holes {
			s, took, err := b.buildDetached(ctx, project, d, values)
			r.Hugo += took
			if s != nil {
				return s, Report{Kind: Detached, Pages: len(b.layouts), Hugo: r.Hugo}, nil
			}
			// The theme printed a hole otherwise than as it is, or a body
			// mark not once, or failed: again without holes, which tells.
			b.noHoles = theme
			if err != nil && ctx.Err() != nil {
				return nil, r, err
			}
		}
		s, took, err := b.buildDetached(ctx, skeleton, d, nil)
		r.Hugo += took
		if err != nil {
			return nil, r, err
		}
		if s != nil {
			return s, Report{Kind: Detached, Pages: len(b.layouts), Hugo: r.Hugo}, nil
		}
		b.noDetach = theme
	}
	out, took, err := b.run(ctx, stage.PieceFiles(files).Flat())
	r.Hugo += took
	if err != nil {
		return nil, r, err
	}
	b.laidOut, b.layouts, b.base, b.last = nil, nil, nil, nil
	return newSite(out, nil, nil), Report{Kind: Whole, Hugo: r.Hugo}, nil
}

// ForceHugo has every later Refresh run Hugo, as if each edit changed the
// laid-out project: what a refresh without Hugo is compared with.
func (b *Builder) ForceHugo() { b.forceHugo = true }

// Holes. Besides the bodies (which hold a page's ClaimReview JSON-LD), a
// detached project holds values that change with nearly every edit of a
// note and that the theme prints as they are: the names of detached files,
// which carry a hash of their contents (the search index's, in the search
// page's front matter). Each is staged as a mark of its own, holeMark(n),
// and put in place of the mark afterwards, as a body is. The marks are letters and digits, which no
// escaping changes; a theme that prints one otherwise than as it is (in
// capitals, say) is caught by a look for holeWord in any case (see
// layout), and its projects are laid out without holes.
const holeWord = "brfhole"

var anyHole = regexp.MustCompile(`(?i)` + holeWord)

func holeMark(n int) string { return holeWord + strconv.Itoa(n) + "x" }

// punch returns the skeleton with its holes punched, and the value of each
// hole by its mark. A hole keeps its number for the session, named after
// the file it is in (and, for a file's name, its place there), so that the
// project with holes stays the same while only their values change.
func (b *Builder) punch(skeleton map[string][]byte, d *stage.Detached) (map[string][]byte, map[string][]byte) {
	project := maps.Clone(skeleton)
	values := map[string][]byte{}
	mark := func(name string, value []byte) string {
		id, ok := b.holeIDs[name]
		if !ok {
			id = len(b.holeIDs)
			b.holeIDs[name] = id
		}
		m := holeMark(id)
		values[m] = value
		return m
	}
	names := slices.Collect(maps.Keys(d.Files))
	for name, data := range skeleton {
		if !strings.HasPrefix(name, "content/") {
			continue
		}
		n := 0
		punched := replaceNames(data, names, func(m []byte) []byte {
			n++
			return []byte(mark(name+"#"+strconv.Itoa(n), m))
		})
		if n > 0 {
			project[name] = punched
		}
	}
	return project, values
}

// replaceNames returns data with each occurrence of one of names (the
// longest, where several start at the same byte) replaced by what repl
// returns for it; data itself when there is none.
func replaceNames(data []byte, names []string, repl func([]byte) []byte) []byte {
	var out []byte
	rest := data
	for {
		at, n := -1, 0
		for _, name := range names {
			if i := bytes.Index(rest, []byte(name)); i >= 0 && (at < 0 || i < at || i == at && len(name) > n) {
				at, n = i, len(name)
			}
		}
		if at < 0 {
			break
		}
		out = append(out, rest[:at]...)
		out = append(out, repl(rest[at:at+n])...)
		rest = rest[at+n:]
	}
	if out == nil {
		return data
	}
	return append(out, rest...)
}

// segment is a piece of a laid-out file: bytes Hugo wrote, the page's body
// or a hole.
type segment struct {
	lit  []byte
	body bool
	hole string
}

// layout splits data, a file Hugo wrote, at its body mark (when it is one
// of the detached pages) and its holes. It reports false when data holds
// a page's body mark other than once, or anything like a hole that is not
// one of values.
func layout(data []byte, page bool, values map[string][]byte) ([]segment, bool) {
	var segs []segment
	bodies := 0
	rest := data
	for {
		at, n, seg := -1, 0, segment{}
		if page {
			if i := bytes.Index(rest, []byte(stage.BodyMark)); i >= 0 {
				at, n, seg = i, len(stage.BodyMark), segment{body: true}
			}
		}
		if values != nil {
			if i := bytes.Index(rest, []byte(holeWord)); i >= 0 && (at < 0 || i < at) {
				j := i + len(holeWord)
				for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
					j++
				}
				if j == len(rest) || rest[j] != 'x' {
					return nil, false
				}
				m := string(rest[i : j+1])
				if _, ok := values[m]; !ok {
					return nil, false
				}
				at, n, seg = i, j+1-i, segment{hole: m}
			}
		}
		if at < 0 {
			break
		}
		if at > 0 {
			segs = append(segs, segment{lit: rest[:at]})
		}
		segs = append(segs, seg)
		bodies += btoi(seg.body)
		rest = rest[at+n:]
	}
	if page && bodies != 1 {
		return nil, false
	}
	if len(rest) > 0 {
		segs = append(segs, segment{lit: rest})
	}
	return segs, true
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// buildDetached runs Hugo on project, the skeleton of d with its holes
// (values, nil for none) punched, and keeps the layout of each file Hugo
// wrote with a body or a hole in it. It returns a nil Site, keeping
// nothing, when a page lacks its body mark or has it twice, or a hole was
// not printed as it is.
func (b *Builder) buildDetached(ctx context.Context, project map[string][]byte, d *stage.Detached, values map[string][]byte) (*Site, time.Duration, error) {
	out, took, err := b.run(ctx, project)
	if err != nil {
		return nil, took, err
	}
	for name := range d.Bodies {
		if _, ok := out[name]; !ok {
			return nil, took, fmt.Errorf("a page Hugo built: %s: %w", name, fs.ErrNotExist)
		}
	}
	names := slices.Sorted(maps.Keys(out))
	segs := make([][]segment, len(names))
	oks := make([]bool, len(names))
	parallel.For(len(names), func(i int) {
		data := out[names[i]]
		_, page := d.Bodies[names[i]]
		if !page && (values == nil || !bytes.Contains(data, []byte(holeWord))) {
			oks[i] = values == nil || !anyHole.Match(data)
			return
		}
		segs[i], oks[i] = layout(data, page, values)
		if oks[i] && values != nil {
			// Every hole-like word must be a hole.
			holes := 0
			for _, s := range segs[i] {
				holes += btoi(s.hole != "")
			}
			oks[i] = len(anyHole.FindAllIndex(data, -1)) == holes
		}
	})
	layouts := map[string][]segment{}
	for i, name := range names {
		if !oks[i] {
			return nil, took, nil
		}
		if segs[i] != nil {
			layouts[name] = segs[i]
			delete(out, name)
		}
	}
	b.laidOut, b.layouts, b.base = project, layouts, out
	s, _ := b.fill(d, values)
	return s, took, nil
}

// fill makes the site of the kept layouts with d's bodies and the holes'
// values, and remembers it as the last made. It reports false when a hole
// has no value.
func (b *Builder) fill(d *stage.Detached, values map[string][]byte) (*Site, bool) {
	pages := make(map[string]stage.Pieces, len(b.layouts))
	for name, segs := range b.layouts {
		parts := make(stage.Pieces, 0, len(segs)+len(d.Bodies[name]))
		for _, s := range segs {
			switch {
			case s.body:
				parts = append(parts, d.Bodies[name]...)
			case s.hole != "":
				v, ok := values[s.hole]
				if !ok {
					return nil, false
				}
				parts = append(parts, v)
			default:
				parts = append(parts, s.lit)
			}
		}
		pages[name] = parts
	}
	s := newSite(b.base, pages, d.Files)
	b.last = &made{site: s, bodies: d.Bodies, files: d.Files, values: values}
	return s, true
}

// run stages project, has Hugo build it into an empty b.out and returns
// every file Hugo wrote, by slash-separated path, and how long Hugo took.
// b.out is emptied again before it returns.
func (b *Builder) run(ctx context.Context, project map[string][]byte) (map[string][]byte, time.Duration, error) {
	if _, err := b.project.Write(project); err != nil {
		return nil, 0, err
	}
	if err := os.RemoveAll(b.out); err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(b.out)
	start := time.Now()
	if err := b.build(ctx, b.project.Dir, b.out); err != nil {
		return nil, time.Since(start), err
	}
	took := time.Since(start)
	out, err := readTree(b.out)
	return out, took, err
}

// readTree reads every regular file under dir, on every core.
func readTree(dir string) (map[string][]byte, error) {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			names = append(names, filepath.ToSlash(rel))
		} else if !d.IsDir() {
			return fmt.Errorf("hugo wrote %s, not a regular file", p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	data := make([][]byte, len(names))
	errs := make([]error, len(names))
	parallel.For(len(names), func(i int) {
		data[i], errs[i] = os.ReadFile(filepath.Join(dir, filepath.FromSlash(names[i])))
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(names))
	for i, name := range names {
		out[name] = data[i]
	}
	return out, nil
}

// sameFiles reports whether a and b hold the same paths with the same
// contents.
func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, data := range a {
		other, ok := b[name]
		if !ok || !bytes.Equal(data, other) {
			return false
		}
	}
	return true
}

// samePieces is sameFiles for files in pieces.
func samePieces(a, b map[string]stage.Pieces) bool { return maps.EqualFunc(a, b, stage.Pieces.Equal) }

// themeOf returns the theme's files among files (those under themes/).
func themeOf(files map[string]stage.Pieces) map[string][]byte {
	theme := map[string][]byte{}
	for name, p := range files {
		if strings.HasPrefix(name, "themes/") {
			theme[name] = p.Join()
		}
	}
	return theme
}

// themeSum sums the theme's files, so that a theme found not to print
// marks as they are is not tried with them again until it changes. It is
// never 0.
func (b *Builder) themeSum(theme map[string][]byte) uint64 {
	names := slices.Sorted(maps.Keys(theme))
	var h maphash.Hash
	h.SetSeed(b.seed)
	for _, name := range names {
		h.WriteString(name)
		h.WriteByte(0)
		h.Write(theme[name])
		h.WriteByte(0)
	}
	return h.Sum64() | 1
}
