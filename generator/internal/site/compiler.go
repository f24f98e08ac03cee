package site

import (
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/input"
	"github.com/briefing/annotated/generator/internal/parallel"
	"github.com/briefing/annotated/generator/internal/render"
	"github.com/briefing/annotated/generator/internal/stage"
)

// Compiler compiles the same briefing again and again (the live preview
// does on every save), doing again only the work of the articles that
// changed. It keeps, for each article, the decoded article and notes files
// (by their bytes), the rendered article and its stage.Parts (its page and
// its part of the handout, the all-notes page, the search index and the
// exports). A change to what every article shows of the briefing (its
// title: see shownIndex), to the theme's strings or to the options
// discards all of it; a change to the claims or the sources (refFiles)
// discards that of the articles whose notes name a claim or source that
// changed as an article shows it (refChanges); the overview, the timeline
// and the methodology show in no article, but for which verdicts the
// methodology defines, which its notes link to (a change to that discards
// all, as the title's does: sameDefinitions). An article that only moved in
// the order (another added, removed or dated before it) keeps its Parts,
// Reweighed. The pages made of every article
// (home, notes, claims, sources, quotes, search, handout, exports) are made
// again each time, those with parts by putting the kept parts together: as
// stage.PieceFiles, so that putting them together copies none of them. The
// result (its Pieces, joined, being Compile's Files), and the problems
// reported, are those of Compile, byte for byte.
//
// A Compiler is for one briefing, and one Compile at a time.
type Compiler struct {
	// Untitled, when not "", is the title a briefing whose title is empty
	// is compiled with: the live preview shows a briefing whose only
	// problems are new's placeholders (diag.ErrPlaceholder), the empty
	// title among them, which the loader still reports.
	Untitled string
	// UntitledArticle, when not "", is the title an article whose title
	// is empty is compiled with, as Untitled is the briefing's: new writes
	// it empty when not given --title, and the loader still reports it,
	// as new's placeholder.
	UntitledArticle string

	in     *input.Cache
	index  *briefing.Index // the last Compile's shownIndex
	shared []uint64        // versions of sharedFiles
	opt    stage.Options   // without Memo
	arts   map[string]*artEntry
	// The last Compile's renderer, claims and sources, which the Parts
	// kept were made with (for diffRefs).
	r       *render.Renderer
	claims  []*briefing.Claim
	sources []*briefing.Source
	mu      sync.Mutex // guards the page fields of arts, and dirty, during staging

	// The pages made at the end of every article's summary (stage.Pages),
	// kept with what they were made of: the articles, each by its path,
	// the version of its file and its notes file's path, in the briefing's
	// order. Within a Compile, dirty says they are to be made again: the
	// articles are not those, or one made anew has another summary than
	// before (or has none to compare with).
	pages   *stage.Pages
	pagesOf []artKey
	dirty   bool
	built   int // articles whose Parts the last Compile made anew
}

// artKey is an article of the briefing as the pages made at the end see
// it, but for its notes: what its Parts' summary holds of those is
// compared when they are made anew.
type artKey struct {
	slug, path, notesPath string
	version               uint64
}

// artEntry is what a Compiler keeps of one article.
type artEntry struct {
	path, notesPath string
	version, notes  uint64 // of the article's file and of its notes file
	ra              *render.Article
	errs            diag.List // what rendering reported
	weight          int       // 0 until staged
	parts           *stage.Parts
	prev            *stage.Parts // the last Compile's, until these are made anew
}

// NewCompiler returns a Compiler that has compiled nothing yet.
func NewCompiler() *Compiler {
	return &Compiler{in: input.NewCache(), arts: map[string]*artEntry{}}
}

// Compile is the package's Compile, with what did not change since the
// Compiler's last Compile taken from it.
func (c *Compiler) Compile(fsys fs.FS, opt stage.Options) (*Result, error) {
	var errs diag.List
	t0 := time.Now()
	b := input.ReadCached(fsys, &errs, c.in)
	var stoodIn []string
	if c.Untitled != "" && strings.TrimSpace(b.Index.Title) == "" {
		b.Index.Title = c.Untitled
		stoodIn = append(stoodIn, c.Untitled)
	}
	if c.UntitledArticle != "" {
		for i, a := range b.Articles {
			if strings.TrimSpace(a.Title) == "" {
				// A copy: the input cache keeps a, as read.
				stood := *a
				stood.Title = c.UntitledArticle
				b.Articles[i] = &stood
				stoodIn = append(stoodIn, c.UntitledArticle)
			}
		}
	}
	t1 := time.Now()

	index, shared := shownIndex(b.Index), c.versions(sharedFiles)
	r := newRenderer(b, fsys, &opt)
	var changed refChanges
	switch {
	case !c.same(index, opt) || !sameDefinitions(c.r, r):
		c.arts, c.pages = map[string]*artEntry{}, nil
	case !slices.Equal(shared, c.shared):
		c.pages = nil
		if n := len(refFiles); !slices.Equal(shared[:n], c.shared[:n]) {
			changed = diffRefs(c.r, r, c.claims, c.sources, b)
		}
	}
	c.index, c.shared, c.opt = index, shared, opt
	c.opt.Memo = nil
	c.r, c.claims, c.sources = r, b.Claims, b.Sources

	res := &Result{Briefing: b, Articles: make(map[string]*render.Article, len(b.Articles)), Undated: Undated(b), EmptyNotes: EmptyNotes(b, fsys), StoodIn: stoodIn}
	entries := make([]*artEntry, len(b.Articles))
	for i, a := range b.Articles {
		e := &artEntry{path: a.Path, notesPath: a.NotesPath, version: c.in.Version(a.Path)}
		if a.NotesPath != "" {
			e.notes = c.in.Version(a.NotesPath)
		}
		if old := c.arts[a.Slug]; old != nil && e.version != 0 && old.version == e.version &&
			old.notes == e.notes && old.path == e.path && old.notesPath == e.notesPath && !changed.touch(a) &&
			(old.ra == nil || !old.ra.Lost) {
			e = old
		} else if old != nil {
			e.prev = old.parts
		}
		entries[i] = e
	}
	keys := make([]artKey, len(b.Articles))
	for i, a := range b.Articles {
		keys[i] = artKey{slug: a.Slug, path: a.Path, notesPath: a.NotesPath, version: entries[i].version}
	}
	c.dirty = !slices.Equal(keys, c.pagesOf)
	c.pagesOf = keys
	parallel.For(len(entries), func(i int) {
		if e := entries[i]; e.ra == nil {
			e.ra = r.Article(b.Articles[i], &e.errs)
		} else {
			r.AddHeadings(b.Articles[i].Slug, e.ra.Headings)
			r.UseVerdicts(b.Articles[i])
		}
	})
	arts := make(map[string]*artEntry, len(entries))
	for i, a := range b.Articles {
		// Checked every time: what the links point to is in other files.
		errs.Append(&entries[i].errs)
		r.CheckLinks(entries[i].ra.Links, &errs)
		res.Articles[a.Slug] = entries[i].ra
		if entries[i].version != 0 {
			arts[a.Slug] = entries[i]
		}
	}
	r.CheckWaiting() // none: every article's headings are known
	c.arts = arts
	t2 := time.Now()
	opt.Memo = memo{c}
	c.built = 0
	res.Pieces, res.Counts = stage.ProjectPieces(b, r, res.Articles, opt, &errs)
	res.Times = Times{Load: t1.Sub(t0), Render: t2.Sub(t1), Stage: time.Since(t2)}
	res.Undefined, res.DefinitionsAt = r.Undefined(), r.DefinitionsAt()
	return res, errs.Err()
}

// versions returns the versions of the files at paths as the last reading
// read them.
func (c *Compiler) versions(paths []string) []uint64 {
	v := make([]uint64, len(paths))
	for i, p := range paths {
		v[i] = c.in.Version(p)
	}
	return v
}

// same reports whether what articles show of the briefing's index and the
// options are those of the last Compile.
func (c *Compiler) same(index *briefing.Index, opt stage.Options) bool {
	return c.index != nil && reflect.DeepEqual(index, c.index) &&
		opt.BaseURL == c.opt.BaseURL && opt.PDF == c.opt.PDF && opt.Text.Equal(c.opt.Text)
}

// shownIndex is what an article's rendering and parts may show of the
// briefing's index, content/_index.md: all of it but the overview and the
// timeline, which show only on the pages made of every article (the home
// page, the handout's cover, the exports' heads), and where it is written.
// (In fact an article shows only the title, in its JSON-LD, as the author
// of its reviews.) Of content/methodology.md an article shows only which
// verdicts it defines (sameDefinitions).
func shownIndex(ix briefing.Index) *briefing.Index {
	ix.Pos, ix.Body, ix.Timeline = diag.Pos{}, briefing.Markdown{}, nil
	return &ix
}

// sameDefinitions reports whether the methodology defines the same
// verdicts for r as for old, the renderer the kept parts were made with
// (nil before the first Compile): a note's verdict links to its
// definition when there is one (render.VerdictHref).
func sameDefinitions(old, r *render.Renderer) bool {
	if old == nil {
		return false
	}
	for _, v := range briefing.Verdicts {
		if old.VerdictHref(v, "") != r.VerdictHref(v, "") {
			return false
		}
	}
	return true
}

// memo keeps each article's stage.Parts in its artEntry.
type memo struct{ c *Compiler }

func (m memo) Article(a *briefing.Article, weight int, build func() *stage.Parts) *stage.Parts {
	m.c.mu.Lock()
	e := m.c.arts[a.Slug]
	var kept *stage.Parts
	if e != nil {
		kept = e.parts
	}
	if e != nil && e.weight == weight {
		m.c.mu.Unlock()
		return kept
	}
	m.c.mu.Unlock()
	var parts *stage.Parts
	if kept != nil {
		// The article is as it was, at another place in the order: an
		// article was added, removed or dated before it.
		parts = kept.Reweighed(a, weight)
	} else {
		parts = build()
	}
	m.c.mu.Lock()
	if kept == nil {
		m.c.built++
	}
	if e == nil || kept != nil || !stage.SameSummary(e.prev, parts) {
		m.c.dirty = true
	}
	if e != nil {
		e.weight, e.parts, e.prev = weight, parts, nil
	}
	m.c.mu.Unlock()
	return parts
}

// Pages keeps the pages made at the end for the next Compile, and takes
// them from the last when it can (see stage.PagesMemo).
func (m memo) Pages(build func() *stage.Pages) *stage.Pages {
	c := m.c
	if c.pages == nil || c.dirty {
		c.pages = build()
	}
	return c.pages
}
