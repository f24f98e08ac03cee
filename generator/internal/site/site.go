// Package site compiles a briefing folder into a Hugo project: it loads and
// validates the input, anchors and renders every article, and stages the
// result. It reads through an fs.FS and writes nothing, so "check" and the
// tests run it without touching the disk; the command line writes the
// project, runs Hugo and publishes.
//
// Articles are loaded and rendered in parallel, on every core; the results,
// and the problems reported, are combined in the briefing's order, so that
// the output is the same from run to run.
package site

import (
	"io/fs"
	"sync/atomic"

	"time"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/input"
	"github.com/briefing/annotated/generator/internal/parallel"
	"github.com/briefing/annotated/generator/internal/render"
	"github.com/briefing/annotated/generator/internal/stage"
)

// Result is a compiled briefing.
type Result struct {
	Briefing *briefing.Briefing
	Articles map[string]*render.Article // by slug
	Files    stage.Files                // from Compile and Stream (which holds none)
	Pieces   stage.PieceFiles           // from a Compiler, instead of Files
	Counts   stage.Counts
	Times    Times
	// Undefined are the verdicts the notes and claims give that the
	// methodology, which defines others, does not (render.Undefined);
	// from Compile, Stream and Check.
	Undefined []briefing.Verdict
	// DefinitionsAt is where the methodology's last definition of a
	// verdict is (render.DefinitionsAt), for the warning about Undefined.
	DefinitionsAt diag.Pos
	// Undated are where the articles with neither a published date nor a
	// date note start (Undated), for a warning; from Compile, Stream and
	// Check, and kept when a build lets the Briefing go.
	Undated []diag.Pos
	// EmptyNotes are the notes files without a byte in them (EmptyNotes),
	// for a warning; from Compile, Stream, Check and a Compiler.
	EmptyNotes []diag.Pos
	// StoodIn are the titles a Compiler stood in for empty ones (its
	// Untitled, its UntitledArticle), one for each title: the briefing's
	// first, then the articles'. The live preview says which it shows.
	StoodIn []string
}

// Undated returns where each article of b with neither a published date
// nor a date note starts: its page will say that the outlet's page shows
// no date, which its editors may not have meant (new writes both
// commented out).
func Undated(b *briefing.Briefing) []diag.Pos {
	var out []diag.Pos
	for _, a := range b.Articles {
		// With a sort_date its editors have placed it, undated.
		if a.Published == nil && a.DateNote == "" && a.SortDate == nil {
			at := a.Pos
			if at.File == "" {
				at = diag.Pos{File: a.Path, Line: 1, Col: 1}
			}
			out = append(out, at)
		}
	}
	return out
}

// EmptyNotes returns the start of each notes file of b, read from fsys,
// that has not a byte in it: most often a save that failed, which
// publishes its article without notes, where notes: [] says it has none.
func EmptyNotes(b *briefing.Briefing, fsys fs.FS) []diag.Pos {
	var out []diag.Pos
	for _, a := range b.Articles {
		if a.NotesPath == "" || len(a.Notes) > 0 {
			continue
		}
		if info, err := fs.Stat(fsys, a.NotesPath); err == nil && info.Size() == 0 {
			out = append(out, diag.Pos{File: a.NotesPath, Line: 1, Col: 1})
		}
	}
	return out
}

// Times is how long each stage of Compile took. Stream stages the articles
// while it renders them: its Render is until the last is rendered, its
// Stage what staging took after that.
type Times struct {
	Load, Render, Stage time.Duration
}

// Compile loads, validates, anchors, renders and stages the briefing in
// fsys. It returns an error listing every problem (a *diag.ListError) when
// the input has any; the Result is then not fit to publish.
func Compile(fsys fs.FS, opt stage.Options) (*Result, error) {
	var errs diag.List
	t0 := time.Now()
	b := input.Read(fsys, &errs)
	t1 := time.Now()
	r := newRenderer(b, fsys, &opt)
	res := &Result{Briefing: b, Articles: make(map[string]*render.Article, len(b.Articles)), Undated: Undated(b), EmptyNotes: EmptyNotes(b, fsys)}
	rendered := make([]*render.Article, len(b.Articles))
	artErrs := make([]diag.List, len(b.Articles))
	parallel.For(len(b.Articles), func(i int) {
		rendered[i] = r.Article(b.Articles[i], &artErrs[i])
		r.CheckLinks(rendered[i].Links, &artErrs[i])
	})
	r.CheckWaiting()
	for i, a := range b.Articles {
		errs.Append(&artErrs[i])
		res.Articles[a.Slug] = rendered[i]
	}
	t2 := time.Now()
	res.Files, res.Counts = stage.Project(b, r, res.Articles, opt, &errs)
	res.Times = Times{Load: t1.Sub(t0), Render: t2.Sub(t1), Stage: time.Since(t2)}
	res.Undefined, res.DefinitionsAt = r.Undefined(), r.DefinitionsAt()
	return res, errs.Err()
}

// newRenderer is render.New, its markers named in the theme's words ("Note
// 3") for assistive technology, and links to the offline zip refused when
// the build makes none, and a quote not in its article looked for in the
// others, read again from fsys (render.ReadOthers). Options without the
// theme's strings are given the bundled theme's, read once for the
// renderer and the staging.
func newRenderer(b *briefing.Briefing, fsys fs.FS, opt *stage.Options) *render.Renderer {
	r := render.New(b)
	r.ReadOthers(fsys)
	if opt.NoZip {
		r.NoZip()
	}
	if opt.Text == nil {
		opt.Text, _ = stage.LoadText(nil) // staging reports the bundled theme's error
	}
	if t := opt.Text; t != nil {
		r.NameMarkers(func(n int) string { return t.N("note_label", n) })
	}
	return r
}

// batchSize is how many articles Stream renders and stages at a time.
var batchSize = stage.BatchSize

// Stream is Compile for a build: it loads and validates the whole
// briefing, then renders and stages its articles a batch at a time, in the
// briefing's order, handing every file to sink as it is made (a
// stage.Writer) and dropping each batch's rendered articles once staged,
// so that the memory it needs does not grow with the rendered site.
// Staging a batch, one article after another into the sink's files, goes
// on while the next batch renders: with the files in memory or on a disk,
// writing is much of a build's compile, and would otherwise leave all
// cores but one idle. The files are Compile's, byte for byte, and the
// problems reported the same. The Result holds neither files nor rendered
// articles, and its Briefing's articles have neither their text nor their
// notes any more.
func Stream(fsys fs.FS, opt stage.Options, sink stage.Sink) (*Result, error) {
	var errs diag.List
	t0 := time.Now()
	b := input.Read(fsys, &errs)
	t1 := time.Now()
	r := newRenderer(b, fsys, &opt)
	w, err := stage.NewWriter(b, r, opt, sink)
	if err != nil {
		return nil, err
	}
	at := make(map[*briefing.Article]int, len(b.Articles)) // in b.Articles
	for i, a := range b.Articles {
		at[a] = i
	}
	// Problems are reported in the order of b.Articles, as Compile does.
	artErrs := make([]diag.List, len(b.Articles))
	order := w.Order()

	// The batches rendered go to one goroutine that stages them in order;
	// one waits while another is staged. After a write error the rest are
	// only dropped.
	type batch struct {
		arts  []*briefing.Article
		ras   []*render.Article
		parts []*stage.Parts
	}
	rendered := make(chan batch, 1)
	staged := make(chan error, 1)
	var failed atomic.Bool
	go func() {
		var err error
		for bt := range rendered {
			if err == nil {
				if err = w.Write(bt.ras, bt.parts); err != nil {
					failed.Store(true)
				}
			}
			// Staged: the article's text and notes are needed no
			// more, and are most of what the loaded briefing holds.
			for _, a := range bt.arts {
				a.Body, a.Notes = briefing.Markdown{}, nil
			}
		}
		staged <- err
	}()
	for start := 0; start < len(order) && !failed.Load(); start += batchSize {
		bt := batch{arts: order[start:min(start+batchSize, len(order))]}
		bt.ras = make([]*render.Article, len(bt.arts))
		bt.parts = make([]*stage.Parts, len(bt.arts))
		parallel.For(len(bt.arts), func(i int) {
			bt.ras[i] = r.Article(bt.arts[i], &artErrs[at[bt.arts[i]]])
			r.CheckLinks(bt.ras[i].Links, &artErrs[at[bt.arts[i]]])
			bt.parts[i] = w.Part(start+i, bt.ras[i])
		})
		rendered <- bt
	}
	close(rendered)
	t2 := time.Now()
	if err := <-staged; err != nil {
		return nil, err
	}
	r.CheckWaiting() // before the overview's problems are read, in Close
	for i := range artErrs {
		errs.Append(&artErrs[i])
	}
	res := &Result{Briefing: b, Undefined: r.Undefined(), DefinitionsAt: r.DefinitionsAt(), Undated: Undated(b), EmptyNotes: EmptyNotes(b, fsys)}
	if res.Counts, err = w.Close(&errs); err != nil {
		return nil, err
	}
	res.Times = Times{Load: t1.Sub(t0), Render: t2.Sub(t1), Stage: time.Since(t2)}
	return res, errs.Err()
}
