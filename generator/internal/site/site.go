// Package site compiles a briefing folder into a Hugo project: it loads and
// validates the input, anchors and renders every article, and stages the
// result. It reads through an fs.FS and writes nothing, so "check" and the
// tests run it without touching the disk; the command line writes the
// project, runs Hugo and publishes.
package site

import (
	"io/fs"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/input"
	"github.com/briefing/annotated/generator/internal/render"
	"github.com/briefing/annotated/generator/internal/stage"
)

// Result is a compiled briefing.
type Result struct {
	Briefing *briefing.Briefing
	Articles map[string]*render.Article // by slug
	Files    stage.Files
	Counts   stage.Counts
}

// Compile loads, validates, anchors, renders and stages the briefing in
// fsys. It returns an error listing every problem (a *diag.ListError) when
// the input has any; the Result is then not fit to publish.
func Compile(fsys fs.FS, opt stage.Options) (*Result, error) {
	var errs diag.List
	b := input.Read(fsys, &errs)
	r := render.New(b)
	res := &Result{Briefing: b, Articles: make(map[string]*render.Article, len(b.Articles))}
	for _, a := range b.Articles {
		res.Articles[a.Slug] = r.Article(a, &errs)
	}
	res.Files, res.Counts = stage.Project(b, r, res.Articles, opt, &errs)
	return res, errs.Err()
}
