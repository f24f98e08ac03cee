package site

import (
	"io/fs"
	"time"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/input"
	"github.com/briefing/annotated/generator/internal/parallel"
	"github.com/briefing/annotated/generator/internal/render"
	"github.com/briefing/annotated/generator/internal/stage"
)

// Check is what "check" does: it loads and validates the briefing in
// fsys, anchors and renders every article and renders the briefing's own
// Markdown (stage.CheckShared), as Stream does, but makes no page. It
// reports the problems Stream reports, in the same order, with the same
// counts of articles, notes, claims and sources: staging finds no problem
// of its own beyond the briefing's Markdown, and making the pages is half
// of a compile's work. Each article's rendering is dropped once its notes
// are counted, and, as in Stream, its text and notes once it is rendered:
// the Result's Briefing has neither any more. The Result holds the
// briefing, its counts and times; its Render time is the articles', its
// Stage time the briefing's Markdown.
func Check(fsys fs.FS) (*Result, error) {
	var errs diag.List
	t0 := time.Now()
	b := input.Read(fsys, &errs)
	t1 := time.Now()
	r := render.New(b)
	r.ReadOthers(fsys)
	artErrs := make([]diag.List, len(b.Articles))
	notes := make([]int, len(b.Articles))
	parallel.For(len(b.Articles), func(i int) {
		a := b.Articles[i]
		ra := r.Article(a, &artErrs[i])
		r.CheckLinks(ra.Links, &artErrs[i])
		notes[i] = len(ra.Notes)
		// Checked: the article's text and notes are needed no more,
		// and are most of what the loaded briefing holds (as in Stream).
		a.Body, a.Notes = briefing.Markdown{}, nil
	})
	r.CheckWaiting()
	res := &Result{Briefing: b, Undated: Undated(b), EmptyNotes: EmptyNotes(b, fsys), Counts: stage.Counts{Articles: len(b.Articles), Claims: len(b.Claims), Sources: len(b.Sources)}}
	for i := range artErrs {
		errs.Append(&artErrs[i])
		res.Counts.Notes += notes[i]
	}
	t2 := time.Now()
	stage.CheckShared(b, r, &errs)
	res.Times = Times{Load: t1.Sub(t0), Render: t2.Sub(t1), Stage: time.Since(t2)}
	res.Undefined, res.DefinitionsAt = r.Undefined(), r.DefinitionsAt()
	return res, errs.Err()
}
