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
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/parallel"
)

type loader struct {
	fsys  fs.FS
	errs  *diag.List
	pin   map[string][]byte // files already read, by path (see Cache)
	reads map[string][]byte // when not nil, every file read is recorded here
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
	return loadWith(fsys, errs, nil)
}

// loadWith reads the briefing, through c unless c is nil.
func loadWith(fsys fs.FS, errs *diag.List, c *Cache) *briefing.Briefing {
	b := &briefing.Briefing{}
	contentMisnamed, folderMisnamed := misnamedFolders(fsys, errs)
	if contentMisnamed {
		// The one problem: each file in it would be reported missing.
		return b
	}
	if !exists(fsys, "content") && !exists(fsys, "annotations") {
		// Most likely not the briefing folder at all: say that, rather
		// than that each of its files is missing.
		// Or one of its two folders, named for it.
		for _, f := range []struct{ file, folder string }{
			{"_index.md", "content"}, {"articles", "content"}, {"claims.yaml", "annotations"}, {"sources.yaml", "annotations"},
		} {
			if exists(fsys, f.file) {
				errs.Add(diag.Pos{File: f.file, Line: 1, Col: 1},
					"this is a briefing's %s/ folder, not the briefing folder, which holds content/ and annotations/: name the folder above this one with --root", f.folder)
				return b
			}
		}
		errs.Add(diag.Pos{File: "content", Line: 1, Col: 1},
			"the briefing folder has neither content/ nor annotations/: is this the briefing? Run in its folder, or name it with --root (to start a briefing here, run \"generator new\" with its first article's slug, --url and --outlet)")
		return b
	}

	// Every file is read and decoded on its own, in parallel; the results
	// and problems are then taken in the order a sequential reading would
	// give, so the output does not depend on scheduling.
	var (
		articleNames, notesNames []string
		listErrs, notesListErrs  diag.List
		began                    time.Time              // for c: before any file was listed
		ents                     map[string]fs.DirEntry // for c: the listed files, by path
	)
	if c != nil {
		began, ents = c.now(), map[string]fs.DirEntry{}
	}
	articlesMisnamed := checkContent(fsys, &listErrs)
	articleFiles, articlesOK := listDir(fsys, "content/articles", ".md", &listErrs, ents)
	// What is left out for a problem reported: what names it is not told
	// it does not exist (briefing.LeftOut).
	left := &b.LeftOut
	left.Articles.All = articlesMisnamed || !articlesOK
	renamed := map[string]bool{} // the names misnamed articles are told to have
	for _, name := range articleFiles {
		if !strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".md.md") {
			if target := misnamedArticle(name, articleFiles); target != "" {
				renamed[target] = true
				left.Articles.Add(strings.TrimSuffix(target, ".md"))
				what := "article files end in .md (lower case)"
				if strings.HasSuffix(name, ".md.md") {
					what = "the file's name ends in .md twice"
				}
				listErrs.Add(diag.Pos{File: path.Join("content/articles", name), Line: 1, Col: 1},
					"%s: %s", what, renameTo(articleFiles, target))
			}
			continue
		}
		articleNames = append(articleNames, name)
	}
	annotationFiles, annotationsOK := listDir(fsys, "annotations", ".yaml", &notesListErrs, ents)
	// A file named nearly like claims.yaml or the bibliography, when that
	// file is missing, is taken for it misnamed rather than read as notes.
	hasClaims, hasSources := false, false
	claimsMisnamed, sourcesMisnamed := false, false
	for _, name := range annotationFiles {
		hasClaims = hasClaims || name == "claims.yaml"
		hasSources = hasSources || name == "sources.yaml" || name == "sources.json"
	}
	for _, name := range annotationFiles {
		switch {
		case name == "claims.yaml", name == "sources.yaml", name == "sources.json":
			continue
		}
		if want := misnamed(name, hasClaims, hasSources, articleFiles); want != "" {
			what := "the claims are read from annotations/claims.yaml"
			if want == "claims.yaml" {
				claimsMisnamed = true
			} else {
				sourcesMisnamed = true
				what = "the bibliography is read from annotations/sources.yaml (CSL-YAML) or annotations/sources.json (CSL-JSON)"
			}
			notesListErrs.Add(diag.Pos{File: path.Join("annotations", name), Line: 1, Col: 1},
				"%s: rename this file to %s", what, want)
			continue
		}
		if target := misnamedNotes(name, annotationFiles); target != "" {
			what := "notes files end in .yaml"
			if n := strings.TrimSuffix(target, ".yaml"); n == "claims" || n == "sources" {
				what = "the briefing's YAML files end in .yaml"
			}
			if l := strings.ToLower(name); strings.HasSuffix(l, ".yaml.yaml") || strings.HasSuffix(l, ".yml.yaml") {
				what = "the file's name ends in .yaml twice"
			}
			notesListErrs.Add(diag.Pos{File: path.Join("annotations", name), Line: 1, Col: 1},
				"%s: %s", what, renameTo(annotationFiles, target))
			if slug := strings.TrimSuffix(target, ".yaml"); !slices.Contains(annotationFiles, target) && slug != "claims" && slug != "sources" {
				left.Notes = withNotes(left.Notes, slug, briefing.Omitted{All: true})
			}
			continue
		}
		if !strings.HasSuffix(name, ".yaml") {
			continue
		}
		notesNames = append(notesNames, name)
	}

	type notesFile struct {
		slug  string
		notes []*briefing.Note
		ok    bool
		left  briefing.Omitted
	}
	articles := make([]*briefing.Article, len(articleNames))
	notes := make([]notesFile, len(notesNames))
	// References into a file that could not be read are not checked: each
	// would be reported as unknown, burying the one problem that matters.
	claimsOK, sourcesOK := false, false
	// The ids of claims and sources left out for their mistakes: what
	// names them is not told they do not exist.
	var claimsMaybe, sourcesMaybe map[string]bool
	const fixed = 4 // index, methodology, claims, sources
	taskErrs := make([]diag.List, fixed+len(articleNames)+len(notesNames))
	var tasks taskList // what each task learnt for c
	if c != nil {
		tasks = make(taskList, len(taskErrs))
	}
	parallel.For(len(taskErrs), func(i int) {
		l := &loader{fsys: fsys, errs: &taskErrs[i]}
		var hit *cached
		if c != nil {
			t := &tasks[i]
			switch {
			case i < fixed:
				t.reads = map[string][]byte{}
				l.reads = t.reads
			case i < fixed+len(articleNames):
				p := path.Join("content/articles", articleNames[i-fixed])
				hit, _ = c.pre(l, t, p, ents[p], began)
			default:
				p := path.Join("annotations", notesNames[i-fixed-len(articleNames)])
				hit, _ = c.pre(l, t, p, ents[p], began)
			}
			if hit != nil {
				taskErrs[i].Append(&hit.errs)
			}
		}
		switch {
		case i == 0:
			b.Index, b.LeftOut.Events = l.index()
		case i == 1:
			p := "content/methodology.md"
			if name := misnamedPage(l.fsys, methodologyLike); name != "" && !exists(l.fsys, p) {
				// Reported, to be renamed; read all the same, so that
				// its problems, and links to methodology.html, are
				// checked in the same run.
				p = "content/" + name
			}
			b.Methodology = l.page(p)
			if b.Methodology != nil {
				l.placeholder(b.Methodology.Body, methodologyPlaceholder, "this is the paragraph new wrote for you to replace: say who wrote the notes, how the passages were chosen and how each claim was checked (or delete it)")
			}
		case i == 2:
			if annotationsOK {
				b.Claims, claimsOK, claimsMaybe = l.claims()
			}
		case i == 3:
			if annotationsOK {
				b.Sources, b.SourcesFile, sourcesOK, sourcesMaybe = l.sources()
			}
		case i < fixed+len(articleNames):
			k := i - fixed
			switch {
			case hit == nil:
				articles[k] = l.article(articleNames[k])
			case hit.article != nil:
				a := *hit.article // load sets the copy's notes
				articles[k] = &a
			}
			if e := tasks.entry(i); e != nil {
				e.errs.Append(&taskErrs[i])
				if a := articles[k]; a != nil {
					kept := *a
					e.article = &kept
				}
			}
		default:
			k := i - fixed - len(articleNames)
			f := &notes[k]
			if hit != nil {
				f.slug, f.notes, f.ok, f.left = hit.slug, hit.notes, hit.ok, hit.left
			} else {
				f.slug, f.notes, f.ok, f.left = l.notes(notesNames[k])
			}
			if e := tasks.entry(i); e != nil {
				e.errs.Append(&taskErrs[i])
				e.slug, e.notes, e.ok, e.left = f.slug, f.notes, f.ok, f.left
			}
		}
	})
	if c != nil {
		c.update(tasks)
	}
	// Problems in the order of a sequential reading: index, methodology,
	// articles, notes files, claims, sources.
	errs.Append(&taskErrs[0])
	errs.Append(&taskErrs[1])
	errs.Append(&listErrs)
	for k, name := range articleNames {
		errs.Append(&taskErrs[fixed+k])
		if articles[k] != nil {
			b.Articles = append(b.Articles, articles[k])
		} else {
			// Left out: under its name, or the one it is told to take.
			stem := strings.TrimSuffix(name, ".md")
			left.Articles.Add(stem)
			left.Articles.Add(Slugify(stem))
		}
	}
	if len(b.Articles) == 0 && !hasArticleFiles(articleFiles) && !left.Articles.All && len(renamed) == 0 {
		errs.Add(diag.Pos{File: "content/articles", Line: 1, Col: 1},
			"the briefing has no articles: add one as content/articles/<slug>.md")
	}
	sort.Slice(b.Articles, func(i, j int) bool { return b.Articles[i].Slug < b.Articles[j].Slug })
	checkOutlets(b.Articles, errs)
	checkURLs(b.Articles, errs)

	bySlug := make(map[string]*briefing.Article, len(b.Articles))
	for _, a := range b.Articles {
		bySlug[a.Slug] = a
	}
	errs.Append(&notesListErrs)
	noted := make(map[string]bool, len(notes)) // the slugs of the notes files
	for _, f := range notes {
		noted[f.slug] = true
	}
	for k, name := range notesNames {
		errs.Append(&taskErrs[fixed+len(articleNames)+k])
		f := notes[k]
		if f.slug == "" {
			continue
		}
		if !f.ok || f.left.All || len(f.left.IDs) > 0 {
			left.Notes = withNotes(left.Notes, f.slug, briefing.Omitted{IDs: f.left.IDs, All: f.left.All || !f.ok})
		}
		a := bySlug[f.slug]
		if a == nil {
			if left.Articles.Has(f.slug) || exists(fsys, path.Join("content/articles", f.slug+".md")) {
				continue // the article, or its folder, has errors, already reported
			}
			if _, err := fs.Stat(fsys, path.Join("annotations", name)); !f.ok && err != nil {
				continue // a link leading nowhere, or outside: told so, and it holds no notes
			}
			advice, meant, slip := closestSlug(f.slug, b, noted)
			errs.AddErr(diag.Pos{File: path.Join("annotations", name), Line: 1, Col: 1}, diag.ErrUnknownID,
				"there is no article content/articles/%s.md for these notes: a notes file is named after its article's file (the notes on content/articles/NAME.md are annotations/NAME.yaml)%s",
				f.slug, advice)
			if slip && !noted[meant] {
				// A slip of a letter or two for that article's name:
				// its notes, misnamed. Links to them are not checked,
				// as those into a misnamed claims or sources file are
				// not; the rename fixes them. The one article without
				// notes is only a guess: its links are checked.
				left.Notes = withNotes(left.Notes, meant, briefing.Omitted{All: true})
			}
			continue
		}
		a.NotesPath = path.Join("annotations", name)
		if f.ok {
			a.Notes = f.notes
		}
	}
	errs.Append(&taskErrs[2])
	errs.Append(&taskErrs[3])
	// A reference into a file that is only misnamed is not checked: the
	// rename fixes it, and each would be reported as unknown.
	left.Claims = briefing.Omitted{IDs: claimsMaybe, All: !claimsOK || claimsMisnamed || folderMisnamed}
	left.Sources = briefing.Omitted{IDs: sourcesMaybe, All: !sourcesOK || sourcesMisnamed || folderMisnamed}
	if folderMisnamed {
		// Every article's notes are in the folder that is misnamed.
		for _, a := range b.Articles {
			left.Notes = withNotes(left.Notes, a.Slug, briefing.Omitted{All: true})
		}
	}
	checkRefs(b, errs, hasClaims)
	checkHandoutIDs(b, errs)
	return b
}

// hyphensRE matches hyphens in a row.
var hyphensRE = regexp.MustCompile(`-{2,}`)

// checkHandoutIDs reports a source whose id in the print edition,
// src-<id>, is one of an article's there, which start with its slug and
// "--": source a--b and article src-a, whose heading b would be
// src-a--b too.
func checkHandoutIDs(b *briefing.Briefing, errs *diag.List) {
	for _, a := range b.Articles {
		rest, ok := strings.CutPrefix(a.Slug, "src-")
		if !ok {
			continue
		}
		for _, s := range b.Sources {
			if strings.HasPrefix(s.ID, rest+"--") {
				errs.Add(s.Pos, "the source id %q would give the print edition the id src-%s, which the article content/articles/%s.md's ids start with: write the id without \"--\", like %q", s.ID, s.ID, a.Slug, hyphensRE.ReplaceAllString(s.ID, "-"))
			}
		}
	}
}

// withNotes returns notes with the notes left out of the article slug
// added to those already there.
func withNotes(notes map[string]briefing.Omitted, slug string, o briefing.Omitted) map[string]briefing.Omitted {
	if notes == nil {
		notes = map[string]briefing.Omitted{}
	}
	had := notes[slug]
	had.All = had.All || o.All
	for id := range o.IDs {
		had.Add(id)
	}
	notes[slug] = had
	return notes
}

// nameKey is a name as two spellings of it compare: in lower case, with
// its words one space apart ("Juno News", "juno  news").
func nameKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// checkOutlets reports an outlet written two ways that differ only in
// capitals or spacing ("Juno News", "Juno news"): the home page and the
// claims' matrix group articles by their outlet as written, and would
// show two.
func checkOutlets(articles []*briefing.Article, errs *diag.List) {
	first := make(map[string]*briefing.Article, len(articles))
	for _, a := range articles {
		if strings.TrimSpace(a.Outlet) == "" {
			continue
		}
		key := nameKey(a.Outlet)
		if f, ok := first[key]; !ok {
			first[key] = a
		} else if f.Outlet != a.Outlet {
			errs.Add(a.OutletPos, "the outlet %q is written %q in %s: write it the same way in both, or the briefing shows them as two outlets", a.Outlet, f.Outlet, f.Path)
		}
	}
}

// urlKey is an article's address as two spellings of one page compare:
// its host in lower case, http as https, without a slash at the end; ""
// for one that is not a web address (checkURL's to report). A fragment
// stays: a live page's posts are addressed by theirs (#post-1, #post-2),
// and two articles may be two posts.
func urlKey(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return ""
	}
	u.Scheme, u.Host = "https", strings.ToLower(u.Host)
	if strings.HasPrefix(u.Fragment, ":~:") { // a browser's link to highlighted text: the page itself
		u.Fragment, u.RawFragment = "", ""
	}
	u.Path, u.RawPath = strings.TrimSuffix(u.Path, "/"), strings.TrimSuffix(u.RawPath, "/")
	return u.String()
}

// SameURL reports whether a and b, two articles' urls, are one page, as
// check tells them (a second article with the url is an error).
func SameURL(a, b string) bool { k := urlKey(a); return k != "" && k == urlKey(b) }

// checkURLs reports an article whose url is another's (a front matter
// copied to start the next article): two articles are two pages, and
// their "Original" links, exports and ClaimReviews would all name one.
func checkURLs(articles []*briefing.Article, errs *diag.List) {
	first := make(map[string]*briefing.Article, len(articles))
	for _, a := range articles {
		key := urlKey(a.URL)
		if key == "" {
			continue
		}
		if f, ok := first[key]; ok {
			errs.Add(a.URLPos, "url is also the url of %s (line %d): each article is a page of its own; give this one its own address, copied from the browser", f.Path, f.URLPos.Line)
		} else {
			first[key] = a
		}
	}
}

func hasArticleFiles(names []string) bool {
	for _, n := range names {
		if strings.HasSuffix(n, ".md") {
			return true
		}
	}
	return false
}

// closestSlug is the advice for notes on slug, which names no article of
// b: the article's name it is most likely a slip for, else the one
// article that has no notes file (renamed, its notes left as they were);
// that article's slug, or "" when there is no advice; and whether slug is
// a slip for it.
func closestSlug(slug string, b *briefing.Briefing, noted map[string]bool) (advice, meant string, slip bool) {
	var slugs []string
	for _, a := range b.Articles {
		slugs = append(slugs, a.Slug)
	}
	if s := suggest(slug, slugs); s != "" {
		return " (did you mean " + s + ".yaml?)", s, true
	}
	var without []string
	for _, s := range slugs {
		if !noted[s] {
			without = append(without, s)
		}
	}
	if len(without) == 1 {
		return fmt.Sprintf("; content/articles/%s.md is the one article without notes: if these are its notes, rename this file %s.yaml", without[0], without[0]), without[0], false
	}
	return "", "", false
}

// renameTo is the advice for a file misnamed where it should be named
// target, one of the files of its folder (files): to rename it, or, when
// target is there already, not to (a rename would overwrite it).
func renameTo(files []string, target string) string {
	if slices.Contains(files, target) {
		return fmt.Sprintf("%s is there already, and renaming this file would overwrite it: keep what you need of this copy in %s, then remove this one", target, target)
	}
	return "rename it to " + target
}

// contentFiles are what content/ holds: the overview, the methodology and
// the articles' folder.
var contentFiles = []string{"_index.md", "methodology.md", "articles"}

// misnamedFolders reports a folder at the briefing's root named nearly as
// content/ or annotations/ are (Annotations, annotation, contents) when
// that name itself is not there, and annotations/ put inside content/:
// the briefing reads the names as written, in lower case, and a folder
// that a Mac's file system finds under either case is not found on a
// Linux host, so that the site would be published without its notes.
// It returns whether content/ and annotations/ are among them: nothing
// more is read for the first, and references to claims and sources are
// not checked for the second, as their files are missing only for the
// folder's name.
func misnamedFolders(fsys fs.FS, errs *diag.List) (content, annotations bool) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return false, false
	}
	has := map[string]bool{}
	for _, e := range entries {
		has[e.Name()] = true
	}
	what := map[string]string{"content": "articles and pages", "annotations": "notes, claims and sources"}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || has["content"] && has["annotations"] || strings.HasPrefix(name, ".") {
			continue
		}
		for _, want := range []string{"content", "annotations"} {
			lower := strings.ToLower(name)
			if has[want] || name == want || lower != want && diag.EditDistance(lower, want) > 2 {
				continue
			}
			// Only a folder of what the briefing's would hold: a briefing
			// may have no annotations/, and a folder of another name and
			// use beside it.
			if !slices.ContainsFunc([]string{".md", ".markdown", ".yaml", ".yml", ".json"}, func(ext string) bool { return holds(fsys, name, ext) != "" }) {
				continue
			}
			why := ""
			if lower == want {
				why = " (a Mac finds it under either case, a Linux host only as written, and would publish the site without it)"
			}
			errs.Add(diag.Pos{File: name, Line: 1, Col: 1}, "the briefing reads its %s from %s/: rename this folder to %s%s", what[want], want, want, why)
			content = content || want == "content"
			annotations = annotations || want == "annotations"
		}
	}
	if !has["annotations"] && isDir(fsys, "content/annotations") {
		errs.Add(diag.Pos{File: "content/annotations", Line: 1, Col: 1}, "annotations/ sits beside content/, not in it: move this folder up, next to content/")
		annotations = true
	}
	return content, annotations
}

// checkContent reports Markdown in content/ that the briefing would not
// read: a page of another name (content/about.md), the overview or the
// methodology misnamed (index.md, Methodology.md) and a folder of
// Markdown other than articles/. It reports whether the articles' folder
// is there misnamed (content/Articles), its articles then left out.
func checkContent(fsys fs.FS, errs *diag.List) (articlesMisnamed bool) {
	entries, err := fs.ReadDir(fsys, "content")
	if err != nil {
		return false // a missing or unreadable content/ is reported with _index.md
	}
	// The file of each page's names taken for it (misnamedPage); a
	// second such file is told so, not to take the same name.
	overview, methodology := misnamedPage(fsys, overviewLike), misnamedPage(fsys, methodologyLike)
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || slices.Contains(contentFiles, name) {
			continue
		}
		p := path.Join("content", name)
		if e.IsDir() {
			if name == "article" || strings.EqualFold(name, "articles") {
				errs.Add(diag.Pos{File: p, Line: 1, Col: 1}, "articles are read from content/articles: rename this folder to articles")
				articlesMisnamed = true
			} else {
				checkFolder(fsys, p, "content/articles", ".md", errs)
			}
			continue
		}
		stem, ok := markdownStem(name)
		if !ok {
			continue
		}
		pos := diag.Pos{File: p, Line: 1, Col: 1}
		switch {
		case !exists(fsys, "content/_index.md") && overviewLike(stem) && name == overview:
			errs.Add(pos, "the overview is read from content/_index.md: rename this file to _index.md")
		case !exists(fsys, "content/_index.md") && overviewLike(stem):
			errs.Add(pos, "content/%s is taken for the overview, misnamed, and this file is named like it too: keep one of the two, named _index.md", overview)
		case !exists(fsys, "content/methodology.md") && methodologyLike(stem) && name == methodology:
			errs.Add(pos, "the methodology is read from content/methodology.md: rename this file to methodology.md")
		case !exists(fsys, "content/methodology.md") && methodologyLike(stem):
			errs.Add(pos, "content/%s is taken for the methodology, misnamed, and read; this file is named like it too and is not read: keep one of the two, named methodology.md", methodology)
		default:
			errs.Add(pos, "this page is not read: content/ holds the overview (_index.md), the methodology (methodology.md) and the articles (articles/<slug>.md); move an article into content/articles, or the file out of content/")
		}
	}
	return articlesMisnamed
}

// misnamedArticle returns the name ("bar.md") that an article file named
// name in content/articles (whose files are files) is told to have when it
// is Markdown with another extension (bar.markdown, Bar.MD, or bar.md.txt,
// saved by an editor that adds its own .txt), or "" when name is no such
// file, or a .txt copy kept beside its article.
func misnamedArticle(name string, files []string) string {
	if strings.HasSuffix(name, ".md.md") {
		// An ending typed where the system adds its own, and hides it.
		return Slugify(name[:len(name)-len(".md.md")]) + ".md"
	}
	if strings.HasSuffix(name, ".md") {
		return ""
	}
	lower, base := strings.ToLower(name), name
	if strings.HasSuffix(lower, ".md.txt") || strings.HasSuffix(lower, ".markdown.txt") {
		lower, base = lower[:len(lower)-len(".txt")], base[:len(base)-len(".txt")]
		if slices.Contains(files, base) || slices.Contains(files, base[:strings.LastIndexByte(base, '.')]+".md") {
			return "" // a copy kept beside the article
		}
	}
	if !strings.HasSuffix(lower, ".md") && !strings.HasSuffix(lower, ".markdown") {
		return ""
	}
	return Slugify(base[:strings.LastIndexByte(base, '.')]) + ".md"
}

// misnamedNotes is misnamedArticle for a file of annotations/: a notes file
// named bar.yml, bar.YAML or bar.Yml, or bar.yaml.txt in any case, is told
// to be bar.yaml, but a .txt copy kept beside it, and claims.yaml.txt and
// sources.yaml.txt, are not.
func misnamedNotes(name string, files []string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".yaml.yaml"), strings.HasSuffix(lower, ".yml.yaml"):
		// An ending typed where the system adds its own, and hides it.
		return name[:strings.IndexByte(name, '.')] + ".yaml"
	case strings.HasSuffix(lower, ".yml"), strings.HasSuffix(lower, ".yaml") && !strings.HasSuffix(name, ".yaml"):
		return name[:strings.LastIndexByte(name, '.')] + ".yaml"
	case strings.HasSuffix(lower, ".yaml.txt"):
		if slices.Contains(files, name[:len(name)-len(".txt")]) || lower == "claims.yaml.txt" || lower == "sources.yaml.txt" {
			return ""
		}
		return name[:len(name)-len(".yaml.txt")] + ".yaml"
	}
	return ""
}

// MisnamedCopies returns the files that check tells to be renamed to
// slug's article or notes file (content/articles/bar.markdown, Bar.MD or
// bar.md.txt; annotations/bar.yml or bar.yaml.txt), as paths from the
// briefing folder: new writes no second file beside one of them.
func MisnamedCopies(fsys fs.FS, slug string) []string {
	var found []string
	for _, d := range []struct {
		dir, want string
		misnamed  func(string, []string) string
	}{{"content/articles", slug + ".md", misnamedArticle}, {"annotations", slug + ".yaml", misnamedNotes}} {
		entries, _ := fs.ReadDir(fsys, d.dir)
		names := make([]string, len(entries))
		for i, e := range entries {
			names[i] = e.Name()
		}
		for _, n := range names {
			if d.misnamed(n, names) == d.want {
				found = append(found, path.Join(d.dir, n))
			}
		}
	}
	return found
}

// markdownStem is the name of a Markdown file (.md, .markdown, in any
// case) lower-cased and without its extension; ok is false for another file.
func markdownStem(name string) (stem string, ok bool) {
	ext := path.Ext(name)
	if !strings.EqualFold(ext, ".md") && !strings.EqualFold(ext, ".markdown") {
		return "", false
	}
	return strings.ToLower(strings.TrimSuffix(name, ext)), true
}

// overviewLike says whether a Markdown file in content/ with this name,
// lower-cased and without its extension, is most likely the overview
// misnamed (index, _idnex, overview).
func overviewLike(stem string) bool {
	return diag.EditDistance(stem, "_index") <= 1 || stem == "index" || stem == "overview"
}

// MisnamedOverview says whether content/ holds a file that checkContent
// reports as the overview misnamed, in which case that report is the one
// problem and a missing _index.md is not another (and new writes no
// _index.md beside it).
func MisnamedOverview(fsys fs.FS) bool {
	return misnamedPage(fsys, overviewLike) != ""
}

// MisnamedMethodology reports whether content/ holds the methodology under
// a name check asks to change (Methodology.md, methodolgy.md).
func MisnamedMethodology(fsys fs.FS) bool {
	return misnamedPage(fsys, methodologyLike) != ""
}

// methodologyLike says whether a Markdown file in content/ with this name,
// lower-cased and without its extension, is taken for the methodology.
func methodologyLike(stem string) bool { return diag.EditDistance(stem, "methodology") <= 2 }

// misnamedPage returns the name of a Markdown file in content/ whose name
// like says is a page's, misnamed, or "".
func misnamedPage(fsys fs.FS, like func(stem string) bool) string {
	entries, _ := fs.ReadDir(fsys, "content")
	for _, e := range entries {
		if stem, ok := markdownStem(e.Name()); ok && !e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !slices.Contains(contentFiles, e.Name()) && like(stem) {
			return e.Name()
		}
	}
	return ""
}

// misnamed returns the name an annotations file should have when it is
// claims.yaml or the bibliography, missing, with a letter wrong or a wrong
// extension (source.yaml, Claims.yaml, sources.yml, sources.JSON) and no
// article has its name as slug; otherwise "".
func misnamed(name string, hasClaims, hasSources bool, articleFiles []string) string {
	if hasClaims && hasSources {
		return ""
	}
	ext := path.Ext(name)
	stem := strings.ToLower(strings.TrimSuffix(name, ext))
	want := ""
	switch strings.ToLower(ext) {
	case ".json":
		if !hasSources && stem == "sources" {
			want = "sources.json"
		}
	case ".yaml", ".yml":
		switch {
		case !hasClaims && diag.EditDistance(stem, "claims") <= 1:
			want = "claims.yaml"
		case !hasSources && diag.EditDistance(stem, "sources") <= 1:
			want = "sources.yaml"
		}
	}
	if want == "" || slices.Contains(articleFiles, strings.TrimSuffix(name, ext)+".md") {
		return ""
	}
	return want
}

// checkRefs checks every reference by id between files: to claims and to
// sources, but for those to what was left out for its mistakes
// (b.LeftOut: claims and sources, or all of them when their file could
// not be read). When a file that references point
// into is missing altogether (claims.yaml when !hasClaims, the
// bibliography when b.SourcesFile is ""), the problem is reported once, at
// that file, rather than at each reference.
func checkRefs(b *briefing.Briefing, errs *diag.List, hasClaims bool) {
	sources := map[string]bool{}
	for _, s := range b.Sources {
		sources[s.ID] = true
	}
	claims := map[string]bool{}
	for _, c := range b.Claims {
		claims[c.ID] = true
	}
	// References into a file with no entries at all are counted, not
	// listed, as into a missing file: each would be reported as unknown.
	var noSources, noClaims, emptySources, emptyClaims missingFile
	cite := func(refs []briefing.Ref) {
		for _, r := range refs {
			switch {
			case sources[r.ID] || b.LeftOut.Sources.Has(r.ID):
			case b.SourcesFile == "":
				noSources.add(r.Pos)
			case len(sources) == 0:
				emptySources.add(r.Pos)
			default:
				hint := "add it to " + b.SourcesFile
				if s := suggestID(r.ID, sortedKeys(sources)); s != "" {
					hint = "did you mean " + s + "? Otherwise " + hint
				}
				errs.AddErr(r.Pos, diag.ErrUnknownID, "there is no source %q: %s", r.ID, hint)
			}
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
			switch {
			case n.Claim.ID == "" || claims[n.Claim.ID] || b.LeftOut.Claims.Has(n.Claim.ID):
			case !hasClaims:
				noClaims.add(n.Claim.Pos)
			case len(claims) == 0:
				emptyClaims.add(n.Claim.Pos)
			default:
				hint := "add it to annotations/claims.yaml"
				if s := suggestID(n.Claim.ID, sortedKeys(claims)); s != "" {
					hint = "did you mean " + s + "? Otherwise " + hint
				}
				errs.AddErr(n.Claim.Pos, diag.ErrUnknownID, "there is no claim %q: %s", n.Claim.ID, hint)
			}
		}
	}
	noSources.report(errs, "annotations/sources.yaml", "there is no bibliography, yet sources are cited %s",
		"add annotations/sources.yaml (CSL-YAML) or annotations/sources.json (CSL-JSON) with each source cited")
	noClaims.report(errs, "annotations/claims.yaml", "there is no annotations/claims.yaml, yet claims are named %s",
		"add it, with each claim the notes name")
	emptySources.report(errs, b.SourcesFile, "the bibliography lists no sources, yet sources are cited %s",
		"add each source cited to it")
	emptyClaims.report(errs, "annotations/claims.yaml", "the file lists no claims, yet claims are named %s",
		"add each claim the notes name to it, under claims:")
	// Nor is a link to a claim or a source then reported as leading to
	// none: the one problem at the file is the cause of both.
	if noClaims.n+emptyClaims.n > 0 {
		b.LeftOut.Claims.All = true
	}
	if noSources.n+emptySources.n > 0 {
		b.LeftOut.Sources.All = true
	}
}

// missingFile counts the references into a file that is not there.
type missingFile struct {
	n     int
	first diag.Pos
}

func (m *missingFile) add(pos diag.Pos) {
	if m.n == 0 {
		m.first = pos
	}
	m.n++
}

// report adds one problem, at the missing file, for all its references;
// what is a format with one %s for how many times the file is referred to.
func (m *missingFile) report(errs *diag.List, file, what, todo string) {
	if m.n == 0 {
		return
	}
	times := "once (at"
	if m.n > 1 {
		times = fmt.Sprintf("%d times (the first at", m.n)
	}
	errs.AddErr(diag.Pos{File: file, Line: 1, Col: 1}, diag.ErrUnknownID, what+" %s): %s",
		times, m.first, todo)
}
