// Package input reads a briefing folder into the typed model.
//
// # What it reads
//
// From an fs.FS rooted at the briefing folder:
//
//   - content/_index.md: the briefing's title, summary, timeline and overview
//   - content/methodology.md: optional
//   - content/articles/<slug>.md: one article a file, YAML front matter
//   - annotations/<slug>.yaml: the notes on that article
//   - annotations/claims.yaml: claims that recur across articles
//   - annotations/sources.yaml (CSL-YAML) or annotations/sources.json (CSL-JSON)
//
// # How strictly
//
// Decoding is strict: unknown fields, wrong types, missing required fields,
// bad ids, dates and addresses, HTML in plain-text fields, files that are not
// UTF-8 and unsafe file names are all errors, each reported at its position
// in the user's own file. References between files (a note's cites and
// claim, the timeline's cites, a notes file without its article) are checked
// once everything is read. Load reports every problem it finds, not just the
// first.
//
// Markdown-level problems (raw HTML, unsafe links) and anchoring are checked
// later, by the packages that parse the Markdown.
package input

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

type loader struct {
	fsys fs.FS
	errs *diag.List
}

// Load reads the briefing in fsys. It returns the briefing, as complete as
// the input allows, and an error listing every problem (a *diag.ListError),
// or nil.
func Load(fsys fs.FS) (*briefing.Briefing, error) {
	var errs diag.List
	b := load(fsys, &errs)
	return b, errs.Err()
}

// Read is Load for callers that collect problems from several stages in
// one list: it adds the loader's problems to errs.
func Read(fsys fs.FS, errs *diag.List) *briefing.Briefing {
	return load(fsys, errs)
}

func load(fsys fs.FS, errs *diag.List) *briefing.Briefing {
	l := &loader{fsys: fsys, errs: errs}
	b := &briefing.Briefing{}
	b.Index = l.index()
	b.Methodology = l.page("content/methodology.md")

	articleFiles, _ := listDir(fsys, "content/articles", errs)
	for _, name := range articleFiles {
		if !strings.HasSuffix(name, ".md") {
			if strings.HasSuffix(strings.ToLower(name), ".md") || strings.HasSuffix(name, ".markdown") {
				errs.Add(diag.Pos{File: path.Join("content/articles", name), Line: 1, Col: 1},
					"article files end in .md (lower case): rename it")
			}
			continue
		}
		if a := l.article(name); a != nil {
			b.Articles = append(b.Articles, a)
		}
	}
	if len(b.Articles) == 0 && !hasArticleFiles(articleFiles) {
		errs.Add(diag.Pos{File: "content/articles", Line: 1, Col: 1},
			"the briefing has no articles: add one as content/articles/<slug>.md")
	}
	sort.Slice(b.Articles, func(i, j int) bool { return b.Articles[i].Slug < b.Articles[j].Slug })

	annotationFiles, annotationsOK := listDir(fsys, "annotations", errs)
	for _, name := range annotationFiles {
		switch {
		case name == "claims.yaml", name == "sources.yaml", name == "sources.json":
			continue
		case strings.HasSuffix(name, ".yml"):
			errs.Add(diag.Pos{File: path.Join("annotations", name), Line: 1, Col: 1},
				"notes files end in .yaml: rename it to %s", strings.TrimSuffix(name, ".yml")+".yaml")
			continue
		case !strings.HasSuffix(name, ".yaml"):
			continue
		}
		slug, notes, ok := l.notes(name)
		if slug == "" {
			continue
		}
		a := b.ArticleBySlug(slug)
		if a == nil {
			if exists(fsys, path.Join("content/articles", slug+".md")) {
				continue // the article itself has errors, already reported
			}
			errs.AddErr(diag.Pos{File: path.Join("annotations", name), Line: 1, Col: 1}, diag.ErrUnknownID,
				"there is no article content/articles/%s.md for these notes: name the file after an article's slug%s",
				slug, closestSlug(slug, b))
			continue
		}
		a.NotesPath = path.Join("annotations", name)
		if ok {
			a.Notes = notes
		}
	}
	// References into a file that could not be read are not checked: each
	// would be reported as unknown, burying the one problem that matters.
	claimsOK, sourcesOK := false, false
	if annotationsOK {
		b.Claims, claimsOK = l.claims()
		b.Sources, b.SourcesFile, sourcesOK = l.sources()
	}
	checkRefs(b, errs, claimsOK, sourcesOK)
	return b
}

func hasArticleFiles(names []string) bool {
	for _, n := range names {
		if strings.HasSuffix(n, ".md") {
			return true
		}
	}
	return false
}

func closestSlug(slug string, b *briefing.Briefing) string {
	var slugs []string
	for _, a := range b.Articles {
		slugs = append(slugs, a.Slug)
	}
	if s := suggest(slug, slugs); s != "" {
		return " (did you mean " + s + ".yaml?)"
	}
	return ""
}

// checkRefs checks every reference by id between files: to claims when
// claimsOK, to sources when sourcesOK.
func checkRefs(b *briefing.Briefing, errs *diag.List, claimsOK, sourcesOK bool) {
	sources := map[string]bool{}
	for _, s := range b.Sources {
		sources[s.ID] = true
	}
	claims := map[string]bool{}
	for _, c := range b.Claims {
		claims[c.ID] = true
	}
	cite := func(refs []briefing.Ref) {
		for _, r := range refs {
			if sources[r.ID] || !sourcesOK {
				continue
			}
			hint := "add it to annotations/sources.yaml"
			if b.SourcesFile != "" {
				hint = "add it to " + b.SourcesFile
			}
			if s := suggest(r.ID, sortedKeys(sources)); s != "" {
				hint = "did you mean " + s + "? Otherwise " + hint
			}
			errs.AddErr(r.Pos, diag.ErrUnknownID, "there is no source %q: %s", r.ID, hint)
		}
	}
	for _, e := range b.Index.Timeline {
		cite(e.Cites)
	}
	for _, c := range b.Claims {
		cite(c.Cites)
	}
	for _, a := range b.Articles {
		for _, n := range a.Notes {
			cite(n.Cites)
			if n.Claim.ID != "" && !claims[n.Claim.ID] && claimsOK {
				hint := "add it to annotations/claims.yaml"
				if s := suggest(n.Claim.ID, sortedKeys(claims)); s != "" {
					hint = "did you mean " + s + "? Otherwise " + hint
				}
				errs.AddErr(n.Claim.Pos, diag.ErrUnknownID, "there is no claim %q: %s", n.Claim.ID, hint)
			}
		}
	}
}
