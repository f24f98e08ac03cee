package site

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/stage"
	"github.com/briefing/annotated/generator/internal/synth"
)

// brokenEverywhere is a synthetic briefing with problems in every kind of
// Markdown a compile renders, and more than a run lists: notes whose
// quotes are nowhere, a note, an article, the overview, a timeline entry,
// a claim and the methodology with raw HTML, and an article that does not
// load.
func brokenEverywhere(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 30, Notes: 12, Sources: 30, Claims: 8, Seed: 5}))
	edit := func(name, old, new string, n int) {
		t.Helper()
		f := fsys[name]
		if f == nil || !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s has no %q to break", name, old)
		}
		f.Data = bytes.Replace(f.Data, []byte(old), []byte(new), n)
	}
	for i := 1; i <= 30; i++ {
		// 12 notes an article lose their passage: 360 problems, more
		// than diag.MaxErrors, so that which are listed counts too.
		edit(fmt.Sprintf("annotations/article-%05d.yaml", i), "quote: \"", "quote: \"nowhere to be found ", -1)
	}
	edit("annotations/article-00002.yaml", "note: |\n      ", "note: |\n      <b>bold</b> ", 1)
	edit("content/articles/article-00003.md", "\n\n", "\n\n<div>raw</div>\n\n", 1)
	edit("content/_index.md", "\n---\n", "\n---\n<script>alert(1)</script>\n\n", 1)
	edit("content/_index.md", "text: \"", "text: \"<i>x</i> ", 1)
	edit("annotations/claims.yaml", "note: |\n      ", "note: |\n      <span>x</span> ", 1)
	edit("content/methodology.md", "\n---\n", "\n---\n<p>raw</p>\n\n", 1)
	fsys["content/articles/bad slug.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\n---\n")}
	return fsys
}

// TestCheckReportsAsStream: Check reports what Stream reports, problem
// for problem in the same order with the same count of those not listed,
// and the same counts, for briefings that compile and for one broken in
// every kind of Markdown, listed whole and cut at diag.MaxErrors.
func TestCheckReportsAsStream(t *testing.T) {
	cases := streamCases(t)
	cases["broken everywhere"] = brokenEverywhere(t)
	few := brokenEverywhere(t)
	for name := range few {
		if strings.HasPrefix(name, "annotations/article-") && name != "annotations/article-00002.yaml" {
			delete(few, name) // only the other problems, every one listed
		}
	}
	cases["broken, each problem listed"] = few
	for name, fsys := range cases {
		want, wantErr := Stream(fsys, stage.Options{}, stage.Discard{})
		got, gotErr := Check(fsys)
		if errString(gotErr) != errString(wantErr) {
			t.Errorf("%s: Check reports\n%s\nStream reports\n%s", name, errString(gotErr), errString(wantErr))
		}
		if got.Counts.Articles != want.Counts.Articles || got.Counts.Notes != want.Counts.Notes ||
			got.Counts.Claims != want.Counts.Claims || got.Counts.Sources != want.Counts.Sources {
			t.Errorf("%s: Check counts %+v, Stream %+v", name, got.Counts, want.Counts)
		}
		if wantErr == nil && got.Counts.Notes == 0 {
			t.Errorf("%s: no notes counted", name)
		}
	}

	// The broken briefing is broken in each place, and said to be.
	_, err := Check(few)
	le, ok := err.(*diag.ListError)
	if !ok {
		t.Fatalf("the broken briefing checks with %v", err)
	}
	for _, where := range []string{"annotations/article-00002.yaml", "content/articles/article-00003.md", "content/_index.md", "annotations/claims.yaml", "content/methodology.md", "content/articles/bad slug.md"} {
		found := false
		for _, e := range le.Errs {
			found = found || filepath.ToSlash(e.Pos.File) == where
		}
		if !found {
			t.Errorf("no problem reported in %s:\n%s", where, err)
		}
	}
	_, err = Check(cases["broken everywhere"])
	if le, ok := err.(*diag.ListError); !ok || le.Dropped == 0 {
		t.Errorf("the briefing with 360 lost quotes lists every problem: %v", err)
	}
}
