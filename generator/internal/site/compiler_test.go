package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	annotated "github.com/briefing/annotated"
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
	"github.com/briefing/annotated/generator/internal/stage"
	"github.com/briefing/annotated/generator/internal/synth"
)

// TestCompilerMatchesCompile edits a small synthetic briefing at random,
// step after step (good edits and bad ones, to articles, notes files,
// claims, sources and the overview; files deleted, added and put back; the
// theme's strings and the base URL changed), and checks after every step that a Compiler
// that has seen every earlier step gives exactly what a fresh Compile
// gives: the same staged files, byte for byte, the same counts and the same
// problems.
func TestCompilerMatchesCompile(t *testing.T) {
	steps := 120
	if testing.Short() {
		steps = 30
	}
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			testCompilerSeed(t, seed, steps)
		})
	}
}

func testCompilerSeed(t *testing.T, seed uint64, steps int) {
	orig := synth.Briefing(synth.Options{Articles: 6, Notes: 6, Sources: 30, Claims: 8, Seed: seed})
	fsys := briefingtest.MapFS(orig)
	var paths []string // every file the edits touch, with one new article
	for name := range orig {
		paths = append(paths, name)
	}
	paths = append(paths, "content/articles/zz-new.md", "annotations/zz-new.yaml", "annotations/sources.json")
	sort.Strings(paths)
	// A copy with its own url: two articles with one are an error.
	orig["content/articles/zz-new.md"] = regexp.MustCompile(`(?m)^url: .*$`).ReplaceAll(orig["content/articles/"+slugOf(paths, 0)+".md"], []byte("url: https://news.example.com/zz-new"))
	orig["annotations/zz-new.yaml"] = orig["annotations/"+slugOf(paths, 0)+".yaml"]
	delete(fsys, "content/articles/zz-new.md") // added by a "put back" edit

	texts := []*stage.Text{nil, otherText(t)}
	rng := rand.New(rand.NewPCG(seed, 99))
	c := NewCompiler()
	var prev *Result
	var prevFiles map[string][]byte
	reused, bad := 0, 0
	textIdx := 0
	bases := []string{"", "https://example.org/sub/"}
	baseIdx := 0
	for step := 0; step < steps; step++ {
		what := "nothing"
		if step > 0 {
			switch k := rng.IntN(20); {
			case k == 0:
				textIdx = 1 - textIdx
				what = "the theme's strings"
			case k == 1: // the exports' addresses change with it
				baseIdx = 1 - baseIdx
				what = "the base URL"
			case k <= 4: // everything put back, then one good edit
				for _, p := range paths {
					if orig[p] == nil || strings.Contains(p, "zz-new") {
						delete(fsys, p)
					} else {
						fsys[p] = &fstest.MapFile{Data: orig[p]}
					}
				}
				p := paths[rng.IntN(len(paths))]
				what = "everything put back, then " + goodEdit(rng, fsys, p) + " " + p
			default:
				p := paths[rng.IntN(len(paths))]
				if rng.IntN(5) == 0 { // the claims and the sources, more often
					p = []string{"annotations/claims.yaml", "annotations/sources.yaml"}[rng.IntN(2)]
				}
				what = edit(rng, fsys, p, orig[p]) + " " + p
			}
		}
		opt := stage.Options{Text: texts[textIdx], BaseURL: bases[baseIdx]}
		got, gotErr := c.Compile(fsys, opt)
		want, wantErr := Compile(fsys, opt)
		if errString(gotErr) != errString(wantErr) {
			t.Fatalf("step %d (%s): problems differ:\nincremental:\n%s\nfull:\n%s", step, what, errString(gotErr), errString(wantErr))
		}
		if wantErr != nil {
			bad++
		}
		if got.Counts != want.Counts {
			t.Fatalf("step %d (%s): counts %+v, want %+v", step, what, got.Counts, want.Counts)
		}
		if got.Files != nil {
			t.Fatalf("step %d: a Compiler's result has Files; it has Pieces", step)
		}
		if d := filesDiff(got.Pieces.Flat(), want.Files); d != "" {
			t.Fatalf("step %d (%s): %s", step, what, d)
		}
		// The last step's files, whose pieces this compile shares, are
		// as they were: a kept part is never written to.
		for name, data := range prevFiles {
			if !bytes.Equal(prev.Pieces[name].Join(), data) {
				t.Fatalf("step %d (%s): %s of the step before changed", step, what, name)
			}
		}
		prevFiles = map[string][]byte{}
		for name, p := range got.Pieces {
			prevFiles[name] = bytes.Clone(p.Join())
		}
		if prev != nil {
			for slug, ra := range got.Articles {
				if prev.Articles[slug] == ra {
					reused++
				}
			}
		}
		prev = got
	}
	// The test means something only if the Compiler did reuse work and
	// some of the steps were bad input.
	if reused == 0 || bad < steps/10 || bad > steps*9/10 {
		t.Errorf("%d articles reused, %d of %d steps with problems: the edits do not exercise the Compiler", reused, bad, steps)
	}
	t.Logf("%d steps, %d with problems, %d rendered articles reused", steps, bad, reused)
}

func slugOf(paths []string, i int) string {
	for _, p := range paths {
		if s, ok := strings.CutPrefix(p, "content/articles/"); ok {
			if i == 0 {
				return strings.TrimSuffix(s, ".md")
			}
			i--
		}
	}
	return ""
}

// filesDiff says how a Compiler's files (got) differ from a fresh
// Compile's (want): the first file missing, different or extra; "" when
// they are the same.
func filesDiff(got, want map[string][]byte) string {
	for name, data := range want {
		if g, ok := got[name]; !ok {
			return name + " is missing"
		} else if !bytes.Equal(g, data) {
			return fmt.Sprintf("%s differs:\nincremental:\n%s\nfull:\n%s", name, g, data)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			return name + " should not be there"
		}
	}
	return ""
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// otherText is the bundled theme's strings with one changed.
func otherText(t *testing.T) *stage.Text {
	data, err := fs.ReadFile(annotated.Theme(), "i18n/en.toml")
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`notes = "Notes"`), []byte(`notes = "Annotations"`), 1)
	txt, err := stage.LoadText(fstest.MapFS{"i18n/en.toml": {Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	return txt
}

var (
	dateRE  = regexp.MustCompile(`published: \d{4}`)
	noteRE  = regexp.MustCompile(`note: \|\n +`)
	wordRE  = regexp.MustCompile(`[a-z]{4,}`)
	titleRE = regexp.MustCompile(`title: "`)
	citesRE = regexp.MustCompile(`cites: \[[a-z0-9-]+`)
	// a source's author and date, in submatch 1
	authoredRE = regexp.MustCompile(`\n    type: .*\n(    author: .*\n    issued: .*\n)`)
)

// edit changes the file at p in fsys at random and says how. orig is the
// file as synth wrote it (nil: none).
func edit(rng *rand.Rand, fsys fstest.MapFS, p string, orig []byte) string {
	var cur []byte
	if f := fsys[p]; f != nil {
		cur = f.Data
	}
	put := func(data []byte) { fsys[p] = &fstest.MapFile{Data: data} }
	// one match of re in cur, at random, or nil
	pick := func(re *regexp.Regexp) []int {
		all := re.FindAllIndex(cur, -1)
		if len(all) == 0 {
			return nil
		}
		return all[rng.IntN(len(all))]
	}
	splice := func(at []int, s string) []byte {
		out := append([]byte(nil), cur[:at[0]]...)
		out = append(out, s...)
		return append(out, cur[at[1]:]...)
	}
	switch k := rng.IntN(10); {
	case k < 3 || cur == nil:
		if orig == nil {
			delete(fsys, p)
			return "removed"
		}
		put(orig)
		return "put back"
	case k == 3:
		delete(fsys, p)
		return "deleted"
	case k == 4: // anything may break
		at := rng.IntN(len(cur) + 1)
		tok := []string{"zq", ":", "\n", "---\n", "- ", "\"", "<b>", "[x](javascript:1)", "\t"}[rng.IntN(9)]
		put(splice([]int{at, at}, tok))
		return fmt.Sprintf("inserted %q into", tok)
	case k == 5: // a word changed: an article's quote may no longer be found
		if at := pick(wordRE); at != nil {
			put(splice(at, "changed"))
			return "a word changed in"
		}
	case k == 6:
		return goodEdit(rng, fsys, p)
	case k == 7: // a cite to a source that may not be there
		if at := pick(citesRE); at != nil {
			put(splice(at, fmt.Sprintf("cites: [src-%04d", 1+rng.IntN(33))))
			return "a cite changed in"
		}
	case k == 9:
		if data, ok := sameAuthorAndYear(rng, cur); ok {
			put(data)
			return "a source given another's author and year in"
		}
	case k == 8:
		if len(cur) > 40 {
			at := rng.IntN(len(cur) - 20)
			put(splice([]int{at, at + rng.IntN(20)}, ""))
			return "bytes cut from"
		}
	}
	// Otherwise append a paragraph or a comment, which changes nothing
	// but the bytes.
	if strings.HasSuffix(p, ".md") {
		put(append(append([]byte(nil), cur...), "\nAn added paragraph.\n"...))
	} else {
		put(append(append([]byte(nil), cur...), "\n# a comment\n"...))
	}
	return "appended to"
}

// sameAuthorAndYear gives a source in the sources file data another's
// author and year: both are then told apart by a letter after the year, in
// every article that cites one. ok is false when data has no two sources
// with authors.
func sameAuthorAndYear(rng *rand.Rand, data []byte) (out []byte, ok bool) {
	all := authoredRE.FindAllSubmatchIndex(data, -1)
	if len(all) < 2 {
		return nil, false
	}
	i := rng.IntN(len(all))
	j := (i + 1 + rng.IntN(len(all)-1)) % len(all)
	out = append([]byte(nil), data[:all[i][2]]...)
	out = append(out, data[all[j][2]:all[j][3]]...)
	return append(out, data[all[i][3]:]...), true
}

// goodEdit changes a source's author and year, a note's or a claim's text,
// a title or an article's date in the file at p, or else appends to it.
func goodEdit(rng *rand.Rand, fsys fstest.MapFS, p string) string {
	f := fsys[p]
	if f == nil {
		return "nothing done to"
	}
	cur := f.Data
	splice := func(at []int, s string) {
		out := append([]byte(nil), cur[:at[0]]...)
		out = append(out, s...)
		fsys[p] = &fstest.MapFile{Data: append(out, cur[at[1]:]...)}
	}
	if data, ok := sameAuthorAndYear(rng, cur); ok && rng.IntN(2) == 0 {
		fsys[p] = &fstest.MapFile{Data: data}
		return "a source given another's author and year in"
	}
	if at := dateRE.FindAllIndex(cur, -1); len(at) > 0 && rng.IntN(2) == 0 {
		splice(at[0], fmt.Sprintf("published: %d", 1990+rng.IntN(30)))
		return "date changed in"
	}
	for _, re := range []*regexp.Regexp{noteRE, titleRE} {
		if all := re.FindAllIndex(cur, -1); len(all) > 0 {
			at := all[rng.IntN(len(all))]
			splice([]int{at[1], at[1]}, "Edited ")
			return "text added to"
		}
	}
	splice([]int{len(cur), len(cur)}, "\n")
	return "a line added to"
}

// TestCompilerSharesParts checks what keeps the live preview of a large
// briefing small: after an edit of one article's notes, the files that
// gather every article hold the other articles' parts as the same memory
// as before, not copies.
func TestCompilerSharesParts(t *testing.T) {
	const n = 12
	fsys := briefingtest.MapFS(synth.Briefing(synth.Options{Articles: n, Notes: 5, Sources: 20, Claims: 6, Seed: 3}))
	c := NewCompiler()
	before, err := c.Compile(fsys, stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := fsys["annotations/article-00004.yaml"]
	f.Data = bytes.Replace(f.Data, []byte("note: |\n      "), []byte("note: |\n      Edited "), 1)
	after, err := c.Compile(fsys, stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"content/handout.html", "content/notes.html", "static/briefing.json", "static/annotations.jsonld"} {
		old := map[*byte]bool{}
		for _, p := range before.Pieces[name] {
			if len(p) > 0 {
				old[&p[0]] = true
			}
		}
		shared, size := 0, 0
		for _, p := range after.Pieces[name] {
			if len(p) > 0 && old[&p[0]] {
				shared++
				size += len(p)
			}
		}
		// Every article's part but the edited one's, and most of the bytes.
		if total := after.Pieces[name].Len(); shared < n-1 || size < total/2 {
			t.Errorf("%s: %d pieces (%d of %d bytes) shared with the compile before, want at least %d and half the bytes",
				name, shared, size, total, n-1)
		}
	}
}

// compileChecked compiles fsys with c and checks that the files are those
// of a fresh Compile; step names the compile in failures.
func compileChecked(t *testing.T, c *Compiler, fsys fstest.MapFS, step string) *Result {
	t.Helper()
	got, err := c.Compile(fsys, stage.Options{})
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	want, err := Compile(fsys, stage.Options{})
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if d := filesDiff(got.Pieces.Flat(), want.Files); d != "" {
		t.Fatalf("%s: %s", step, d)
	}
	return got
}

// replaceIn replaces the first from in the file name of fsys with to.
func replaceIn(t *testing.T, fsys fstest.MapFS, name, from, to string) {
	t.Helper()
	f := fsys[name]
	if f == nil || !bytes.Contains(f.Data, []byte(from)) {
		t.Fatalf("%s lacks %q", name, from)
	}
	f.Data = bytes.Replace(f.Data, []byte(from), []byte(to), 1)
}

// TestCompilerKeepsPages checks when a Compiler takes the pages made of
// every article's summary (home, claims, sources, the handout's end) from
// its last compile: after an edit of a note's text, which none of them
// shows, they are the same memory as before; after an edit they do show
// (a verdict) or an article removed, they are made again. Each time the
// files are those of a fresh Compile.
func TestCompilerKeepsPages(t *testing.T) {
	fsys := briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 8, Notes: 5, Sources: 20, Claims: 6, Seed: 4}))
	c := NewCompiler()
	compile := func(step string) map[string]stage.Pieces {
		t.Helper()
		return compileChecked(t, c, fsys, step).Pieces
	}
	pages := []string{"content/_index.html", "content/claims.html", "content/sources.html"}
	// kept reports, for each page, whether its first piece is the memory
	// of before's.
	kept := func(before, after map[string]stage.Pieces) []bool {
		var out []bool
		for _, name := range pages {
			b, a := before[name], after[name]
			out = append(out, len(b) > 0 && len(a) > 0 && len(b[0]) > 0 && &b[0][0] == &a[0][0])
		}
		return out
	}

	first := compile("first compile")
	replaceIn(t, fsys, "annotations/article-00003.yaml", "note: |\n      ", "note: |\n      Edited. ")
	second := compile("a note's text edited")
	if k := kept(first, second); slices.Contains(k, false) {
		t.Errorf("a note's text edited: pages %v kept %v, want all", pages, k)
	}

	// A verdict the home page's matrix and the claims page show.
	data := string(fsys["annotations/article-00003.yaml"].Data)
	var from, to string
	for _, v := range []string{"accurate", "inaccurate", "misleading", "needs-context", "unsupported"} {
		if strings.Contains(data, "verdict: "+v+"\n") {
			from = "verdict: " + v + "\n"
			to = "verdict: unsupported\n"
			if v == "unsupported" {
				to = "verdict: accurate\n"
			}
			break
		}
	}
	if from == "" {
		t.Fatalf("no verdict in annotations/article-00003.yaml:\n%s", data)
	}
	replaceIn(t, fsys, "annotations/article-00003.yaml", from, to)
	third := compile("a verdict changed")
	if k := kept(second, third); k[0] || k[1] {
		t.Errorf("a verdict changed: pages %v kept %v, want the home and claims pages made again", pages, k)
	}

	// The last article of the briefing's order removed, its notes file
	// with it: no other article moves, so none is staged anew.
	cards := regexp.MustCompile(`<h3><a href="\./articles/([a-z0-9-]+)\.html">`).FindAllStringSubmatch(string(third["content/_index.html"].Join()), -1)
	if len(cards) != 8 {
		t.Fatalf("%d cards on the home page, want 8", len(cards))
	}
	last := cards[len(cards)-1][1]
	delete(fsys, "content/articles/"+last+".md")
	delete(fsys, "annotations/"+last+".yaml")
	fourth := compile("the last article removed")
	if k := kept(third, fourth); k[0] {
		t.Errorf("an article removed: pages %v kept %v, want the home page made again", pages, k)
	}
}

// TestCompilerRendersOnlyWhatShowsAChange checks that after an edit of
// the claims or the sources, a Compiler renders and stages again the
// articles whose notes name a claim or source that changed as they show
// it, and only those: a source's title edited (those citing it, whose pages
// list it in full); a source given another's author and
// year, which changes the labels of both (2019a, 2019b), so that articles
// citing only the other are made again too; a claim's statement edited;
// lines added above every claim and source, which changes only where they
// are written (none); the overview, the timeline and the methodology
// edited (none); a verdict's definition in the methodology removed
// (all), and another's edited (none); the briefing's title edited (all). Each time the files
// are those of a fresh Compile.
func TestCompilerRendersOnlyWhatShowsAChange(t *testing.T) {
	fsys := briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 12, Notes: 5, Sources: 20, Claims: 6, Seed: 5}))
	c := NewCompiler()
	var last *Result
	// compile compiles, checks the files against a fresh Compile, and
	// returns the slugs of the articles rendered anew.
	compile := func(step string) []string {
		t.Helper()
		got := compileChecked(t, c, fsys, step)
		var anew []string
		for slug, ra := range got.Articles {
			if last == nil || last.Articles[slug] != ra {
				anew = append(anew, slug)
			}
		}
		slices.Sort(anew)
		last = got
		return anew
	}
	// naming returns the slugs of the articles whose notes name one of ids.
	naming := func(ids ...string) []string {
		var out []string
		for _, a := range last.Briefing.Articles {
			for _, n := range a.Notes {
				names := slices.ContainsFunc(n.Cites, func(r briefing.Ref) bool { return slices.Contains(ids, r.ID) })
				if names || slices.Contains(ids, n.Claim.ID) {
					out = append(out, a.Slug)
					break
				}
			}
		}
		return out
	}
	// entry returns the lines of the source or claim id in file name.
	entry := func(name, id string) string {
		t.Helper()
		m := regexp.MustCompile(`(?m)^  - id: ` + id + `\n(    .*\n)*`).FindString(string(fsys[name].Data))
		if m == "" {
			t.Fatalf("%s: no entry %s", name, id)
		}
		return m
	}
	check := func(step string, got, want []string) {
		t.Helper()
		if len(want) == 0 || len(want) == len(last.Briefing.Articles) {
			t.Fatalf("%s: %d of %d articles concerned: the step tests nothing", step, len(want), len(last.Briefing.Articles))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: articles rendered anew %v, want %v", step, got, want)
		}
	}
	const sources, claims = "annotations/sources.yaml", "annotations/claims.yaml"

	compile("first compile")
	// Two sources with authors and dates, each cited by some articles but
	// not all, with no article citing the second that cites the first.
	authored := regexp.MustCompile(`(?m)^  - id: (src-\d+)\n    type: .*\n    (author: .*)\n    (issued: .*)\n`).FindAllStringSubmatch(string(fsys[sources].Data), -1)
	var x, y []string
	for _, s := range authored {
		for _, u := range authored {
			if s[1] == u[1] || (s[2] == u[2] && s[3] == u[3]) {
				continue
			}
			onlyU := slices.DeleteFunc(naming(u[1]), func(slug string) bool { return slices.Contains(naming(s[1]), slug) })
			if n := len(naming(s[1])); x == nil && n > 0 && n < 6 && len(onlyU) > 0 && len(naming(s[1], u[1])) < 12 {
				x, y = s, u
			}
		}
	}
	if x == nil {
		t.Fatal("no two sources fit the test")
	}

	// An article shows a source by its label, and lists it in full after
	// its notes: a title edited is made again in the articles citing it.
	e := entry(sources, x[1])
	replaceIn(t, fsys, sources, e, strings.Replace(e, `title: "`, `title: "Edited `, 1))
	check("a source's title edited", compile("a source's title edited"), naming(x[1]))
	if !bytes.Contains(last.Pieces["content/sources.html"].Join(), []byte("Edited ")) {
		t.Errorf("a source's title edited: not on the sources page")
	}

	e = entry(sources, x[1])
	replaceIn(t, fsys, sources, e, strings.Replace(strings.Replace(e, x[2], y[2], 1), x[3], y[3], 1))
	check("a source given another's author and year", compile("a source given another's author and year"), naming(x[1], y[1]))
	labels := render.CiteLabels(last.Briefing.Sources)
	for _, id := range []string{x[1], y[1]} {
		if l := labels[id]; !strings.HasSuffix(l, "a") && !strings.HasSuffix(l, "b") {
			t.Errorf("%s is labelled %q, not told apart by a letter after its year", id, l)
		}
	}

	var claim string
	for _, cl := range last.Briefing.Claims {
		if n := len(naming(cl.ID)); n > 0 && n < 12 {
			claim = cl.ID
			break
		}
	}
	e = entry(claims, claim)
	replaceIn(t, fsys, claims, e, strings.Replace(e, `statement: "`, `statement: "Edited `, 1))
	check("a claim's statement edited", compile("a claim's statement edited"), naming(claim))

	replaceIn(t, fsys, sources, "references:\n", "references:\n# a comment\n\n")
	replaceIn(t, fsys, claims, "claims:\n", "claims:\n\n# a comment\n")
	if got := compile("lines added above every source and claim"); len(got) > 0 {
		t.Errorf("lines added above every source and claim: articles rendered anew %v, want none", got)
	}

	// The overview, the timeline and the methodology show on their own
	// pages; the briefing's title in every article's JSON-LD.
	const index = "content/_index.md"
	replaceIn(t, fsys, index, "\n---\n", "\n---\nAn edited overview.\n\n")
	replaceIn(t, fsys, index, "    text: \"", "    text: \"Edited ")
	replaceIn(t, fsys, "content/methodology.md", "\n---\n", "\n---\nAn edited methodology.\n\n")
	if got := compile("the overview, the timeline and the methodology edited"); len(got) > 0 {
		t.Errorf("the overview, the timeline and the methodology edited: articles rendered anew %v, want none", got)
	}
	if home := last.Pieces["content/_index.html"].Join(); !bytes.Contains(home, []byte("An edited overview.")) {
		t.Errorf("the overview edited: not on the home page")
	}
	if handout := last.Pieces["content/handout.html"].Join(); !bytes.Contains(handout, []byte("An edited methodology.")) {
		t.Errorf("the methodology edited: not in the handout")
	}
	// Which verdicts the methodology defines shows in every article with a
	// verdict: its notes link them to their definitions.
	linked := func() (n int) {
		for name, p := range last.Pieces {
			if strings.HasPrefix(name, "content/articles/") && bytes.Contains(p.Join(), []byte("methodology.html#verdict-accurate")) {
				n++
			}
		}
		return n
	}
	if linked() == 0 {
		t.Fatal("no article links to the definition of Accurate: the briefing is not the one this test expects")
	}
	replaceIn(t, fsys, "content/methodology.md", "- **Accurate:**", "- Accurate, no longer defined:")
	if got := compile("a verdict's definition removed"); len(got) != len(last.Briefing.Articles) {
		t.Errorf("a verdict's definition removed: articles rendered anew %v, want all", got)
	}
	if n := linked(); n > 0 {
		t.Errorf("a verdict's definition removed: %d articles still link to it", n)
	}
	replaceIn(t, fsys, "content/methodology.md", "the claim is right as far as it goes", "the claim holds as far as it goes")
	if got := compile("a verdict's definition edited"); len(got) > 0 {
		t.Errorf("a verdict's definition edited: articles rendered anew %v, want none", got)
	}
	replaceIn(t, fsys, index, `title: "`, `title: "Edited `)
	if got := compile("the briefing's title edited"); len(got) != len(last.Briefing.Articles) {
		t.Errorf("the briefing's title edited: articles rendered anew %v, want all", got)
	}
}

// TestCompilerMovesArticlesWithoutMakingThemAgain checks that an article
// an edit only moves in the order (an article added or dated before it,
// or one before it removed) keeps its rendering and Parts, Reweighed,
// while the files stay those of a fresh Compile.
func TestCompilerMovesArticlesWithoutMakingThemAgain(t *testing.T) {
	fsys := briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 12, Notes: 5, Sources: 20, Claims: 6, Seed: 7}))
	c := NewCompiler()
	var last *Result
	weights := func() map[string]int {
		w := map[string]int{}
		for slug, e := range c.arts {
			w[slug] = e.weight
		}
		return w
	}
	// step compiles, checks the files against a fresh Compile, and checks
	// that only the articles made are made anew, and that the step moved
	// others.
	step := func(name string, made ...string) {
		t.Helper()
		before := weights()
		got := compileChecked(t, c, fsys, name)
		var anew []string
		for slug, ra := range got.Articles {
			if last.Articles[slug] != ra {
				anew = append(anew, slug)
			}
		}
		slices.Sort(anew)
		if !slices.Equal(anew, made) {
			t.Errorf("%s: articles rendered anew %v, want %v", name, anew, made)
		}
		if c.built != len(made) {
			t.Errorf("%s: the parts of %d articles made anew, want %d", name, c.built, len(made))
		}
		moved := 0
		for slug, w := range weights() {
			if before[slug] != 0 && before[slug] != w {
				moved++
			}
		}
		if moved < 5 {
			t.Fatalf("%s: %d articles moved: the step tests little", name, moved)
		}
		last = got
	}
	last = compileChecked(t, c, fsys, "first compile")
	if c.built != 12 {
		t.Fatalf("first compile: the parts of %d articles made, want 12", c.built)
	}

	// An article added before every other, with notes.
	art, notes := fsys["content/articles/article-00007.md"].Data, fsys["annotations/article-00007.yaml"].Data
	early := regexp.MustCompile(`(?m)^published: .*$`).ReplaceAll(art, []byte("published: 2001-01-01"))
	early = regexp.MustCompile(`(?m)^url: .*$`).ReplaceAll(early, []byte("url: https://news.example.com/aaa-added"))
	fsys["content/articles/aaa-added.md"] = &fstest.MapFile{Data: early}
	fsys["annotations/aaa-added.yaml"] = &fstest.MapFile{Data: notes}
	step("an article added first in the order", "aaa-added")

	// An article dated before every other.
	f := fsys["content/articles/article-00011.md"]
	f.Data = regexp.MustCompile(`(?m)^published: .*$`).ReplaceAll(f.Data, []byte("published: 2000-01-01"))
	step("an article dated first in the order", "article-00011")

	// Both removed.
	delete(fsys, "content/articles/aaa-added.md")
	delete(fsys, "annotations/aaa-added.yaml")
	delete(fsys, "content/articles/article-00011.md")
	delete(fsys, "annotations/article-00011.yaml")
	step("the first two articles removed")
}

// TestCompilerChecksLinksAgain: a note's link to a note of another article
// is checked on every compile, though the article that holds it is kept:
// renaming the note it points to, in the other article's notes file, is a
// problem at the link, as a fresh Compile reports it.
func TestCompilerChecksLinksAgain(t *testing.T) {
	files, slugs := threeArticles()
	a, b := "annotations/"+slugs[0]+".yaml", "annotations/"+slugs[1]+".yaml"
	id := regexp.MustCompile(`(?m)^  - id: (\S+)$`).FindStringSubmatch(string(files[b]))[1]
	fsys := linkFirstNote(files, a, "See [that note]("+slugs[1]+".html#note-"+id+"). ")

	c := NewCompiler()
	if _, err := c.Compile(fsys, stage.Options{}); err != nil {
		t.Fatalf("with the note there: %v", err)
	}
	renamed := strings.Replace(string(files[b]), "  - id: "+id+"\n", "  - id: "+id+"-renamed\n", 1)
	fsys[b] = &fstest.MapFile{Data: []byte(renamed)}
	if got := recompiled(t, c, fsys, a, "points to no note of that article"); got.Articles[slugs[0]] == nil {
		t.Fatal("no rendering of the article with the link")
	}
}

// threeArticles is a small synthetic briefing, and its articles' slugs in
// order.
func threeArticles() (map[string][]byte, []string) {
	files := synth.Briefing(synth.Options{Articles: 3, Notes: 3, Sources: 10, Claims: 3, Seed: 5})
	var slugs []string
	for name := range files {
		if s, ok := strings.CutPrefix(name, "content/articles/"); ok {
			slugs = append(slugs, strings.TrimSuffix(s, ".md"))
		}
	}
	sort.Strings(slugs)
	return files, slugs
}

// linkFirstNote puts text with a link at the start of the first note in the
// notes file at path, and returns the files as a file system.
func linkFirstNote(files map[string][]byte, path, text string) fstest.MapFS {
	files[path] = []byte(strings.Replace(string(files[path]), "    note: |\n      ", "    note: |\n      "+text, 1))
	return briefingtest.MapFS(files)
}

// recompiled compiles fsys with c and afresh, and fails t unless the fresh
// compile reports a problem in file that mentions want and c reports the
// same problems. It returns c's result.
func recompiled(t *testing.T, c *Compiler, fsys fstest.MapFS, file, want string) *Result {
	t.Helper()
	got, gotErr := c.Compile(fsys, stage.Options{})
	_, wantErr := Compile(fsys, stage.Options{})
	if !strings.Contains(errString(wantErr), file+":") || !strings.Contains(errString(wantErr), want) {
		t.Fatalf("Compile does not report %q at %s:\n%s", want, file, errString(wantErr))
	}
	if errString(gotErr) != errString(wantErr) {
		t.Errorf("problems differ:\nincremental:\n%s\nfull:\n%s", errString(gotErr), errString(wantErr))
	}
	if got == nil {
		t.Fatal("no result from the Compiler")
	}
	return got
}

// TestCompilerChecksHeadingLinks: a link to a heading of another article
// is checked against that article's headings whether the article is
// rendered again or kept, and again when its headings change.
func TestCompilerChecksHeadingLinks(t *testing.T) {
	files, slugs := threeArticles()
	a, b := "annotations/"+slugs[0]+".yaml", "content/articles/"+slugs[1]+".md"
	files[b] = append(files[b], "\n\n## The far part\n\nMore text.\n"...)
	fsys := linkFirstNote(files, a, "See [there]("+slugs[1]+".html#the-far-part). ")

	c := NewCompiler()
	for _, step := range []string{"first", "with the other article kept"} {
		if step != "first" { // the linking article's notes change; the other's are kept
			replaceIn(t, fsys, a, "See [there]", "See [over there]")
		}
		if _, err := c.Compile(fsys, stage.Options{}); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	replaceIn(t, fsys, b, "## The far part", "## The farthest part")
	if got := recompiled(t, c, fsys, a, "#the-farthest-part"); got.Articles[slugs[1]] == nil {
		t.Fatal("no rendering of the article with the heading")
	}
}

// TestCompilerFindsLostQuoteAgain: a note whose quote is in no passage of
// its article is told which other article has it word for word; its
// article is rendered again when another changes, though its own files
// did not, so that the message follows the quote (kept, the rendering
// said nothing of the article that now has it).
func TestCompilerFindsLostQuoteAgain(t *testing.T) {
	files, slugs := threeArticles()
	a := "annotations/" + slugs[0] + ".yaml"
	quote := regexp.MustCompile(`(?m)^    quote: .*$`)
	loc := quote.FindIndex(files[a])
	files[a] = append(append(append([]byte{}, files[a][:loc[0]]...), "    quote: zebras quietly graze the meadow"...), files[a][loc[1]:]...)
	fsys := briefingtest.MapFS(files)

	c := NewCompiler()
	recompiled(t, c, fsys, a, "no passage resembles it")
	other := "content/articles/" + slugs[1] + ".md"
	fsys[other] = &fstest.MapFile{Data: append(append([]byte{}, files[other]...), "\nThe zebras quietly graze the meadow.\n"...)}
	recompiled(t, c, fsys, a, "but in another, word for word: content/articles/"+slugs[1]+".md")
}

// TestCompilerStandsInTitles: a Compiler given stand-in titles (the live
// preview's) compiles a briefing whose title, and an article's, are
// written empty, as new writes them, with the stand-ins in their place:
// on the article's page, its card, the handout; the empty titles are still
// reported, as new's placeholders only, as a fresh Compile reports them,
// which stands in nothing. Once the title is written, the Compiler's
// files are a fresh Compile's again.
func TestCompilerStandsInTitles(t *testing.T) {
	files, slugs := threeArticles()
	page := "content/articles/" + slugs[0] + ".md"
	fsys := briefingtest.MapFS(files)
	headline := regexp.MustCompile(`(?m)^title: .*$`)
	written := headline.FindString(string(fsys[page].Data))
	replaceIn(t, fsys, page, written, `title: ""`)
	replaceIn(t, fsys, "content/_index.md", headline.FindString(string(fsys["content/_index.md"].Data)), `title: ""`)

	c := NewCompiler()
	c.Untitled, c.UntitledArticle = "Untitled briefing", "Untitled article"
	got, err := c.Compile(fsys, stage.Options{})
	want := "content/_index.md:2:8: the briefing's title is empty: write it between the quotes after title:\n" +
		page + ":2:8: the article's title is empty: write it between the quotes after title:"
	if errString(err) != want || !diag.Only(err, diag.ErrPlaceholder) {
		t.Fatalf("the Compiler reports:\n%s\nwant new's placeholders only:\n%s", errString(err), want)
	}
	if want := []string{"Untitled briefing", "Untitled article"}; !slices.Equal(got.StoodIn, want) {
		t.Errorf("the titles stood in are %q, want %q", got.StoodIn, want)
	}
	fresh, freshErr := Compile(fsys, stage.Options{})
	if errString(freshErr) != want {
		t.Errorf("Compile reports:\n%s\nwant:\n%s", errString(freshErr), want)
	}
	files2 := got.Pieces.Flat()
	for _, name := range []string{"content/articles/" + slugs[0] + ".html", "content/_index.html", "content/handout.html", "content/notes.html", "static/briefing.json"} {
		if !bytes.Contains(files2[name], []byte("Untitled article")) {
			t.Errorf("%s does not stand in the article's title", name)
		}
		if bytes.Contains(fresh.Files[name], []byte("Untitled article")) {
			t.Errorf("Compile stands in the article's title in %s", name)
		}
	}
	for _, name := range []string{"content/articles/" + slugs[1] + ".html", "content/articles/" + slugs[2] + ".html"} {
		if bytes.Contains(files2[name], []byte("Untitled article")) {
			t.Errorf("%s, whose title is written, is called Untitled article", name)
		}
	}

	replaceIn(t, fsys, page, `title: ""`, written)
	replaceIn(t, fsys, "content/_index.md", `title: ""`, `title: "A briefing"`)
	if got := compileChecked(t, c, fsys, "with the titles written"); got.StoodIn != nil {
		t.Errorf("with the titles written, the titles stood in are %q", got.StoodIn)
	}
}

// TestCompilerTellsUndefinedVerdicts: a Compiler gives the verdicts that
// notes and claims give and the methodology does not define, for the
// preview's warning, as a fresh Compile does, also when it keeps the
// articles' renderings from the compile before (whose notes give them).
func TestCompilerTellsUndefinedVerdicts(t *testing.T) {
	files, slugs := threeArticles()
	list := briefing.DefinitionList()
	first, _, _ := strings.Cut(list, "\n")
	files["content/methodology.md"] = []byte(strings.Replace(string(files["content/methodology.md"]), list, first+"\n", 1))
	fsys := briefingtest.MapFS(files)
	fresh, err := Compile(fsys, stage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh.Undefined) == 0 {
		t.Fatalf("the synthetic briefing gives no verdict but the one defined (%s)", first)
	}
	c := NewCompiler()
	for i, step := range []string{"first compile", "an article edited, the others kept"} {
		if i == 1 {
			// Not the first, whose note alone gives "inaccurate".
			replaceIn(t, fsys, "content/articles/"+slugs[1]+".md", "\n\n", "\n\nEdited.\n\n")
		}
		got := compileChecked(t, c, fsys, step)
		if !slices.Equal(got.Undefined, fresh.Undefined) || got.DefinitionsAt != fresh.DefinitionsAt {
			t.Errorf("%s: undefined verdicts %v at %v, want %v at %v", step, got.Undefined, got.DefinitionsAt, fresh.Undefined, fresh.DefinitionsAt)
		}
	}
}

// TestCompilerLabelsLinksToOtherArticlesNotes: in the preview, a link on
// an article's page or on the all-notes page to another article's note
// is labelled for print with the note's number as it is now. After an
// edit that numbers the other article's notes anew (a note on words
// before the others'), the article with the link, whose Parts are kept,
// not made again, is labelled with the new number, as a fresh Compile
// labels it: a link to a later article's note and one to an earlier's.
func TestCompilerLabelsLinksToOtherArticlesNotes(t *testing.T) {
	const nb = "\u00a0"
	fsys := briefingtest.Load(t, "../stage/testdata/pages.txtar")
	replaceIn(t, fsys, "annotations/alpha.yaml", "note: Reuters says the spokesperson gave none.",
		"note: Reuters says the spokesperson gave none; see [the instruction](beta.html#note-crimes).")
	replaceIn(t, fsys, "annotations/beta.yaml", "note: The cable's instruction.",
		"note: The cable's instruction ([Alpha's passage](alpha.html#anno-no-data)).")
	c := NewCompiler()
	compile := func(step string, built int, beta, alpha string) {
		t.Helper()
		res := compileChecked(t, c, fsys, step)
		if c.built != built {
			t.Errorf("%s: %d articles' parts made anew, want %d", step, c.built, built)
		}
		for name, l := range map[string]string{
			"content/articles/alpha.html": `<a href="beta.html#note-crimes" data-n="Beta Wire, note` + nb + beta + `">the instruction</a>`,
			"content/articles/beta.html":  `<a href="alpha.html#anno-no-data" data-n="Alpha Daily, note` + nb + alpha + `">Alpha’s passage</a>`,
			"content/notes.html":          `<a href="articles/beta.html#note-crimes" data-n="Beta Wire, note` + nb + beta + `">the instruction</a>`,
		} {
			if !bytes.Contains(res.Pieces[name].Join(), []byte(l)) {
				t.Errorf("%s: %s lacks %s", step, name, l)
			}
		}
	}
	compile("the first compile", 2, "2", "3")
	replaceIn(t, fsys, "annotations/beta.yaml", "notes:\n",
		"notes:\n  - id: first\n    quote: According to the cable\n    kind: context\n    note: On the first words.\n")
	compile("a note first in beta", 1, "3", "3")
	replaceIn(t, fsys, "annotations/alpha.yaml", "notes:\n",
		"notes:\n  - id: first\n    quote: The cable says\n    kind: context\n    note: On the first words.\n")
	compile("a note first in alpha", 1, "3", "4")
}
