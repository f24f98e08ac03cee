package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/stage"
)

// runCmd runs the command line and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	if code == 0 && len(args) > 0 && args[0] == "build" && !slices.Contains(args, "--help") {
		checkIntegrity(t, builtOut(args[1:]))
	}
	return code, stdout.String(), stderr.String()
}

// snapshotDir returns every file under dir with its contents.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		out[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBuildEndToEnd(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	out := filepath.Join(root, "public")

	code, stdout, stderr := runCmd(t, "build", "--root", root)
	if code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout, stderr)
	}
	if !regexp.MustCompile(`^built 1 article, 8 notes, 1 claim, 2 sources: \d+ pages written to .* in \S+\n$`).MatchString(stdout) {
		t.Errorf("summary line = %q", stdout)
	}
	// Hugo's warnings reach stderr (TestBuildForwardsWarnings); the staged
	// project and the bundled theme give it none, such as a deprecated
	// setting.
	if stderr != "" {
		t.Errorf("a clean build wrote to stderr:\n%s", stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "articles", "curly.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	ids := []string{"heading", "western", "threat", "hundred", "cap", "record", "stanford-first", "stanford-second"}
	for _, id := range ids {
		if c := strings.Count(html, `role="doc-noteref"`); c != len(ids) {
			t.Fatalf("page has %d note markers, want %d", c, len(ids))
		}
		if c := strings.Count(html, `id="ref-`+id+`"`); c != 1 {
			t.Errorf("note %s: %d markers", id, c)
		}
		if c := strings.Count(html, `<li id="note-`+id+`"`); c != 1 {
			t.Errorf("note %s: %d endnotes", id, c)
		}
		if c := strings.Count(html, `href="#ref-`+id+`" role="doc-backlink"`); c != 1 {
			t.Errorf("note %s: %d back-links", id, c)
		}
	}
	// Links are relative and pages end in .html, so the folder works from disk.
	for _, bad := range []string{`href="/`, `src="/`, `href="http://localhost`} {
		if strings.Contains(html, bad) {
			t.Errorf("article page contains a root-relative or absolute link %q", bad)
		}
	}
	for _, f := range []string{"index.html", "claims.html", "sources.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	// Nothing left beside the output or in the briefing folder.
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("leftover %s in the briefing folder", e.Name())
		}
	}

	// A failing build leaves the published output byte for byte as it was.
	before := snapshotDir(t, out)
	bad := filepath.Join(root, "annotations", "curly.yaml")
	replaceIn(t, bad, "quote: Western civilization", "quote: Eastern civilization")
	code, _, stderr = runCmd(t, "build", "--root", root)
	if code != 1 {
		t.Fatalf("bad build exited %d, want 1", code)
	}
	wantErr := filepath.ToSlash(filepath.Join(root, "annotations/curly.yaml")) + `:11:12: the quote is not in the article; the closest passage is "Western civilization" (line 10)`
	if !strings.Contains(stderr, wantErr) {
		t.Errorf("stderr = %q, want it to contain %q", stderr, wantErr)
	}
	after := snapshotDir(t, out)
	if len(before) != len(after) {
		t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("output file %s changed", k)
		}
	}
	entries, _ = os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("leftover %s after a failed build", e.Name())
		}
	}
}

func TestCheckWritesNothing(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/crlf-json.txtar"), root)
	before := snapshotDir(t, root)
	code, stdout, stderr := runCmd(t, "check", "--root", root)
	if code != 0 {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	if stdout != "ok: 1 article, 1 note, 0 claims, 1 source: every note anchored\n" {
		t.Errorf("stdout = %q", stdout)
	}
	after := snapshotDir(t, root)
	if len(before) != len(after) {
		t.Errorf("check wrote files: %d before, %d after", len(before), len(after))
	}
}

// TestCheckStages: with BRIEFING_CHECK_STAGES=1 check stages every page,
// as the benchmark's (b) has it do, and says what it says without: the
// same summary for a briefing that compiles, the same problems for one
// that does not.
func TestCheckStages(t *testing.T) {
	root := t.TempDir()
	fs := briefingtest.Load(t, "internal/site/testdata/typography.txtar")
	briefingtest.WriteDir(t, fs, root)
	broken := t.TempDir()
	fs["annotations/curly.yaml"].Data = []byte("notes:\n  - id: a\n    quote: nowhere to be found at all\n    kind: context\n    note: x\n")
	fs["content/_index.md"].Data = append(fs["content/_index.md"].Data, "\n<div>raw</div>\n"...)
	briefingtest.WriteDir(t, fs, broken)
	for _, dir := range []string{root, broken} {
		code, stdout, stderr := runCmd(t, "check", "--root", dir)
		t.Setenv("BRIEFING_CHECK_STAGES", "1")
		scode, sstdout, sstderr := runCmd(t, "check", "--root", dir)
		t.Setenv("BRIEFING_CHECK_STAGES", "")
		if scode != code || sstdout != stdout || sstderr != stderr {
			t.Errorf("check staging exited %d with\n%s%s\nwithout staging %d with\n%s%s", scode, sstdout, sstderr, code, stdout, stderr)
		}
	}
	if code, _, stderr := runCmd(t, "check", "--root", broken); code != 1 || !strings.Contains(stderr, "the quote is not in the article") || !strings.Contains(stderr, "raw HTML is not allowed in the overview") {
		t.Errorf("the broken briefing checks with %d:\n%s", code, stderr)
	}
}

// TestCheckReadsOwnTheme: check reads a briefing's own theme's strings as
// build does, and fails, as build would, when they do not read.
func TestCheckReadsOwnTheme(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	theme := ownTheme(t, root)
	if code, _, stderr := runCmd(t, "check", "--root", root); code != 0 {
		t.Fatalf("check with a copy of the bundled theme exited %d: %s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(theme, "i18n", "en.toml"), []byte("sources = [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "check", "--root", root)
	want := filepath.ToSlash(filepath.Join(root, "themes/briefing/i18n/en.toml")) + ":1:12: the theme's strings are not valid TOML ("
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("check with broken theme strings exited %d, want 1 and %q:\n%s", code, want, stderr)
	}
}

// TestBuildThemeErrorNamesOwnFile: a template of the briefing's own theme
// that Hugo cannot parse is reported at that file, the one to edit, not at
// its copy in the staged project; and nothing is published.
func TestBuildThemeErrorNamesOwnFile(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	theme := ownTheme(t, root)
	editLayout(t, theme, "404.html", "{{- /*", "{{ if }}{{- /*")
	code, _, stderr := runCmd(t, "build", "--root", root)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, stderr)
	}
	if want := "\n" + filepath.Join(theme, "layouts", "404.html") + ":1:"; !strings.Contains(stderr, want) {
		t.Errorf("the error does not name %s:\n%s", want, stderr)
	}
	if strings.Contains(stderr, string(filepath.Separator)+"project"+string(filepath.Separator)) {
		t.Errorf("the error names the staged project:\n%s", stderr)
	}
	if !strings.Contains(stderr, "nothing was published") {
		t.Errorf("stderr lacks \"nothing was published\":\n%s", stderr)
	}

	// A page's template, which Hugo reports at baseof.html (the base it
	// applies) with the page template's line: at the page's template.
	editLayout(t, theme, "404.html", "{{ if }}{{- /*", "{{- /*")
	editLayout(t, theme, "page.html", "{{ partialCached \"target-script.html\" . }}", "{{ partialCached \"target-script.html\" . }}\n{{ if }}")
	code, _, stderr = runCmd(t, "build", "--root", root)
	if want := "\n" + filepath.Join(theme, "layouts", "page.html") + ":6:1: missing value for if\n"; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, want 1 and %q:\n%s", code, want, stderr)
	}
}

func TestCheckReportsAllProblems(t *testing.T) {
	root := t.TempDir()
	fs := briefingtest.Load(t, "internal/site/testdata/typography.txtar")
	fs["annotations/curly.yaml"].Data = []byte("notes:\n  - id: a\n    quote: nowhere to be found at all\n    kind: context\n    note: x\n  - id: b\n    quote: A heading\n    kind: opinion\n    note: <b>bold</b>\n")
	briefingtest.WriteDir(t, fs, root)
	code, _, stderr := runCmd(t, "check", "--root", root)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	p := filepath.ToSlash(filepath.Join(root, "annotations/curly.yaml"))
	for _, want := range []string{
		p + ":3:12: the quote is not in the article, and no passage resembles it",
		p + `:8:11: kind "opinion" is not a kind of note`,
		"problems found",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestBuildMissingRoot: a --root that names no folder is said to be
// missing, and build does not call unchanged a site that does not exist.
func TestBuildMissingRoot(t *testing.T) {
	root := filepath.Join(t.TempDir(), "other-briefing")
	code, _, stderr := runCmd(t, "build", "--root", root)
	if code != 1 || !strings.Contains(stderr, "error: the briefing folder "+root+" does not exist") ||
		!strings.HasSuffix(stderr, "\nnothing was published\n") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// TestBadRootSaidAlike: a --root that does not exist, or is a file, gets
// the same message from every command, at once, with exit status 1: serve
// does not wait for an edit that cannot come, and build does not speak of
// the --out it was not given.
func TestBadRootSaidAlike(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "afile")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ root, want string }{
		{filepath.Join(dir, "missing"), "does not exist"},
		{file, "is a file, not a folder"},
		{filepath.Join(file, "below"), "cannot be reached: " + file + ", on the way to it, is a file, not a folder"},
		{file + "/", "is a file, not a folder"},
	} {
		want := "error: the briefing folder " + tt.root + " " + tt.want
		for _, args := range [][]string{
			{"check", "--root", tt.root},
			{"build", "--root", tt.root},
			{"serve", "--root", tt.root, "--port", "0"},
			{"new", "an-article", "--root", tt.root, "--url", "https://example.org/a", "--outlet", "Example"},
		} {
			// Run here rather than through runCmd: on a goroutine of its
			// own, stopped if it outlasts the wait (serve would run on).
			ctx, cancel := context.WithCancel(context.Background())
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() { done <- run(ctx, args, &stdout, &stderr) }()
			select {
			case code := <-done:
				if code != 1 || stdout.String() != "" || !strings.HasPrefix(stderr.String(), want) ||
					!strings.Contains(stderr.String(), "give --root the folder that holds content/ and annotations/\n") {
					t.Errorf("%s: exit %d, stdout %q, stderr:\n%s\nwant exit 1 and stderr starting %q", strings.Join(args, " "), code, stdout.String(), stderr.String(), want)
				}
			case <-time.After(20 * time.Second):
				cancel()
				<-done
				t.Fatalf("%s: still running after 20 s", strings.Join(args, " "))
			}
			cancel()
		}
	}
}

func TestUsage(t *testing.T) {
	if code, _, _ := runCmd(t); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
	if code, _, stderr := runCmd(t, "bulid"); code != 2 || !strings.Contains(stderr, `unknown command "bulid"`) {
		t.Errorf("unknown command: exit %d, %q", code, stderr)
	}
	// A mistyped command: the command it is close to (two letters off,
	// or the start of its name) is named, above the usage; one close to
	// none, or to several alike, gets the usage alone.
	for _, c := range []struct{ cmd, want string }{
		{"biuld", "did you mean build?"},
		{"serv", "did you mean serve?"},
		{"chek", "did you mean check?"},
		{"Build", "did you mean build?"},
		{"nwe", "did you mean new?"},
		{"b", "did you mean build?"},
		{"sev", "did you mean serve?"},
		{"get", ""},
		{"view", ""},
		{"x", ""},
		{"hlep", "did you mean help?"},
		{"publish", ""},
		{"", ""},
	} {
		code, stdout, stderr := runCmd(t, c.cmd)
		want := fmt.Sprintf("unknown command %q\n", c.cmd)
		if c.want != "" {
			want += c.want + "\n"
		}
		if code != 2 || stdout != "" || stderr != want+usage {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q, then the usage", c.cmd, code, stdout, stderr, want)
		}
	}
	// help of a command there is not is that command mistyped.
	if code, stdout, stderr := runCmd(t, "help", "biuld"); code != 2 || stdout != "" || stderr != "unknown command \"biuld\"\ndid you mean build?\n"+usage {
		t.Errorf("help biuld: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, stdout, _ := runCmd(t, "help", "help"); code != 0 || stdout != usage {
		t.Errorf("help help: exit %d, stdout %q; want the usage", code, stdout)
	}
	if code, stdout, _ := runCmd(t, "-help"); code != 0 || stdout != usage {
		t.Errorf("-help: exit %d, stdout %q; want the usage", code, stdout)
	}
	// help COMMAND is COMMAND --help: its options, on standard output
	// (it printed the commands' usage alone).
	for _, cmd := range []string{"build", "check", "serve", "new"} {
		_, want, _ := runCmd(t, cmd, "--help")
		if code, stdout, stderr := runCmd(t, "help", cmd); code != 0 || stdout != want || stderr != "" || !strings.Contains(stdout, "usage: generator "+cmd) {
			t.Errorf("help %s: exit %d, stdout %q, stderr %q; want %s --help's %q", cmd, code, stdout, stderr, cmd, want)
		}
	}
	// A command's stray argument: its own options listed, not every
	// command's.
	if code, _, stderr := runCmd(t, "build", "mine"); code != 2 || !strings.HasPrefix(stderr, "unexpected argument \"mine\"\nusage: generator build [options]\n") {
		t.Errorf("build mine: exit %d, %q", code, stderr)
	}
	for _, args := range [][]string{{"build", "--out", "--pdf"}, {"build", "--out", "--help"}, {"serve", "--root", "-x"}} {
		if code, stdout, stderr := runCmd(t, args...); code != 2 || stdout != "" || !strings.Contains(stderr, "that is an option, not a folder") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}

// TestRealBriefingChecks keeps the project's own briefing valid: every note
// anchored, every reference resolved, and the counts its issue asks for.
func TestRealBriefingChecks(t *testing.T) {
	res, err := compile("..", stage.Options{})
	if err != nil {
		t.Fatalf("the briefing in content/ and annotations/ has problems:\n%v", err)
	}
	c := res.Counts
	if c.Articles != 5 || c.Notes < 50 || c.Claims < 12 || c.Sources < 25 {
		t.Errorf("counts = %+v: want 5 articles, at least 50 notes, 12 claims and 25 sources", c)
	}
	perClaim := map[string]map[string]bool{}
	for slug, a := range res.Articles {
		if len(a.Notes) < 8 {
			t.Errorf("%s has %d notes, want at least 8", slug, len(a.Notes))
		}
		for _, n := range a.Notes {
			if n.Claim.ID != "" {
				if perClaim[n.Claim.ID] == nil {
					perClaim[n.Claim.ID] = map[string]bool{}
				}
				perClaim[n.Claim.ID][slug] = true
			}
		}
	}
	multi := 0
	for _, arts := range perClaim {
		if len(arts) >= 2 {
			multi++
		}
	}
	if multi < 8 {
		t.Errorf("%d claims are annotated in two or more articles, want at least 8", multi)
	}
	// Every source needs a DOI or the address of the primary source, and a
	// web address needs the date it was consulted.
	for _, s := range res.Briefing.Sources {
		if s.DOI == "" && s.URL == "" {
			t.Errorf("source %s has neither DOI nor URL", s.ID)
		}
		if s.URL != "" && s.Accessed == nil {
			t.Errorf("source %s has a URL but no accessed date", s.ID)
		}
	}
}

// TestRealBriefingTypography keeps the briefing's plain-text fields in the
// typographic marks its Markdown gets from goldmark's Typographer: a field
// shown as typed (a claim's statement, a summary, a date note, a source's
// title or note) must not show ' or " beside the “ ” ‘ ’ of the notes
// around it. The articles' own titles, bylines and bodies are the outlets'
// and are left as published.
func TestRealBriefingTypography(t *testing.T) {
	res, err := compile("..", stage.Options{})
	if err != nil {
		t.Fatalf("the briefing in content/ and annotations/ has problems:\n%v", err)
	}
	b := res.Briefing
	check := func(pos diag.Pos, field, s string) {
		if i := strings.IndexAny(s, `'"`); i >= 0 {
			t.Errorf("%s: %s has a straight %q (write ‘ ’ or “ ”): %q", pos, field, s[i], s)
		}
	}
	check(b.Index.Pos, "the briefing's title", b.Index.Title)
	check(b.Index.Pos, "the briefing's summary", b.Index.Summary)
	if b.Methodology != nil {
		check(b.Methodology.Pos, "the methodology's title", b.Methodology.Title)
	}
	for _, a := range b.Articles {
		check(a.Pos, "date_note", a.DateNote)
		check(a.Pos, "summary", a.Summary)
		for _, r := range a.ReliesOn {
			check(a.Pos, "relies_on", r)
		}
	}
	for _, c := range b.Claims {
		check(c.Pos, "the statement of claim "+c.ID, c.Statement)
	}
	for _, s := range b.Sources {
		for field, v := range map[string]string{
			"title": s.Title, "container-title": s.ContainerTitle,
			"collection-title": s.CollectionTitle, "publisher": s.Publisher,
			"note": s.Note,
		} {
			check(s.Pos, "source "+s.ID+"'s "+field, v)
		}
	}
}

// TestBuildWithoutHugoStopsAtOnce checks that build says it cannot find
// Hugo before it compiles the briefing (whose problems it then does not get
// to), and leaves the published output as it was: $HUGO naming a file that
// does not exist, and one that is not a program.
func TestBuildWithoutHugoStopsAtOnce(t *testing.T) {
	root := t.TempDir()
	fsys := briefingtest.Load(t, "internal/site/testdata/typography.txtar")
	fsys["annotations/curly.yaml"].Data = []byte("notes:\n  - id: a\n    quote: nowhere to be found at all\n    kind: context\n    note: x\n")
	briefingtest.WriteDir(t, fsys, root)
	out := filepath.Join(root, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	// An earlier build's site, as far as a build can tell.
	for _, name := range []string{"index.html", "briefing.json"} {
		if err := os.WriteFile(filepath.Join(out, name), []byte("published before"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	notProgram := filepath.Join(t.TempDir(), "hugo")
	if err := os.WriteFile(notProgram, []byte("not a program"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{filepath.Join(t.TempDir(), "no-such-hugo"), notProgram} {
		t.Setenv("HUGO", h)
		before := snapshotDir(t, root)
		code, stdout, stderr := runCmd(t, "build", "--root", root)
		if code != 1 || stdout != "" {
			t.Fatalf("HUGO=%s: exit %d, stdout %q; want 1 and nothing", h, code, stdout)
		}
		for _, want := range []string{`error: $HUGO is "` + h + `", which is not a program that can be run`, "nothing was published: " + out + " is unchanged"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("HUGO=%s: stderr lacks %q:\n%s", h, want, stderr)
			}
		}
		if strings.Contains(stderr, "curly.yaml") {
			t.Errorf("HUGO=%s: the briefing was compiled before Hugo was looked for:\n%s", h, stderr)
		}
		if after := snapshotDir(t, root); len(after) != len(before) || after["public/index.html"] != "published before" {
			t.Errorf("HUGO=%s: the build changed the briefing's folder", h)
		}
	}
}

// TestBuildKeepsWhatIsNotASite: a build replaces its output folder whole,
// so an --out that names the briefing's own folders, a folder of other
// files or a file is refused before anything is made, and left as it was.
func TestBuildKeepsWhatIsNotASite(t *testing.T) {
	dir := t.TempDir()
	root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), dir)
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Empty folders of the writer's, inside the articles' folder and the
	// theme's.
	for _, d := range []string{filepath.Join("content", "articles", "site"), filepath.Join("themes", "briefing", "static", "site")} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ out, want string }{
		{filepath.Join(root, "content"), "is inside the briefing's content folder"},
		{filepath.Join(root, "annotations"), "is inside the briefing's annotations folder"},
		{filepath.Join(root, "content", "articles", "site"), "is inside the briefing's content folder"},
		{filepath.Join(root, "themes", "briefing", "static", "site"), "is inside the briefing's themes folder"},
		{root, "holds the briefing folder"},
		{dir, "holds the briefing folder"},
		{filepath.Join(dir, "notes.txt"), "is a file, not a folder"},
	} {
		before := snapshotDir(t, dir)
		code, stdout, stderr := runCmd(t, "build", "--root", root, "--out", tt.out)
		if code != 1 || stdout != "" {
			t.Errorf("--out %s: exit %d, stdout %q; want 1 and nothing", tt.out, code, stdout)
		}
		for _, want := range []string{"error: --out " + tt.out + " " + tt.want, "nothing was published: " + tt.out + " is unchanged"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("--out %s: stderr lacks %q:\n%s", tt.out, want, stderr)
			}
		}
		if after := snapshotDir(t, dir); !maps.Equal(after, before) {
			t.Errorf("--out %s: the build changed %s", tt.out, dir)
		}
	}
}

// TestSiteNames builds the real briefing with every option that adds a
// file (--pdf, --base-url) and checks that siteNames, what a build may
// write at the top of a site, has every name it wrote: a name missing
// there would have the next build refuse the site as one holding a file
// of the user's.
func TestSiteNames(t *testing.T) {
	needTool(t, "chromium")
	out := buildReal(t, "--pdf", "--base-url", "https://briefing.test/")
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(siteNames, e.Name()) {
			t.Errorf("the build wrote %s at the top of its site, which siteNames lacks", e.Name())
		}
	}
}

// TestBuildKeepsUsersFilesInASite: a file or folder the user put in a
// published site (a CNAME, a folder of their own) is not thrown away with
// it: the next build is refused, naming them, until they are moved; one
// the briefing's own theme has in static/ is part of every site.
func TestBuildKeepsUsersFilesInASite(t *testing.T) {
	dir := t.TempDir()
	root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), dir)
	out := filepath.Join(dir, "site")
	buildInto(t, root, out)
	for name, data := range map[string]string{"CNAME": "briefing.example.org", "talks/slides.pdf": "mine", ".DS_Store": "Finder's"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(out, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshotDir(t, out)
	code, stdout, stderr := runCmd(t, "build", "--root", root, "--out", out)
	want := "error: --out " + out + " holds CNAME and talks/, which a build does not make"
	if code != 1 || stdout != "" || !strings.Contains(stderr, want) {
		t.Errorf("build over a site holding the user's files: exit %d, stdout %q, stderr:\n%s\nwant exit 1 and %q", code, stdout, stderr, want)
	}
	if after := snapshotDir(t, out); !maps.Equal(after, before) {
		t.Errorf("the refused build changed %s", out)
	}
	// The CNAME in the theme's static/, the folder moved away: built, and
	// the CNAME is in the new site.
	static := filepath.Join(root, "themes", "briefing", "static")
	if err := os.MkdirAll(static, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(out, "CNAME"), filepath.Join(static, "CNAME")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(out, "talks"), filepath.Join(dir, "talks")); err != nil {
		t.Fatal(err)
	}
	// Finder's .DS_Store, which a Mac leaves in a folder its user opened,
	// stays: it is no file of the user's, and goes with the old site.
	buildInto(t, root, out)
	if data, err := os.ReadFile(filepath.Join(out, "CNAME")); err != nil || string(data) != "briefing.example.org" {
		t.Errorf("CNAME from the theme's static/: %q, %v", data, err)
	}
	// And the next build over that site, the CNAME now the theme's, is not
	// refused.
	if code, stdout, stderr := runCmd(t, "build", "--root", root, "--out", out); code != 0 {
		t.Errorf("a build over a site with the theme's CNAME exited %d:\n%s%s", code, stdout, stderr)
	}
	// Nor is one after the theme has dropped it: an earlier build made it
	// (its offline zip lists it), and the new site goes without it.
	if err := os.RemoveAll(filepath.Join(root, "themes")); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCmd(t, "build", "--root", root, "--out", out); code != 0 {
		t.Errorf("a build after the theme dropped its CNAME exited %d:\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "CNAME")); !os.IsNotExist(err) {
		t.Errorf("the CNAME the theme dropped is still in the site (%v)", err)
	}
}

// TestBuildIntoCurrentFolder: `build --out .`, run from inside the site's
// folder, publishes there (it failed after a whole build, the new site
// made inside the old one), names the folder by its full path, and says
// that the shell is now in the old folder, removed.
func TestBuildIntoCurrentFolder(t *testing.T) {
	dir := t.TempDir()
	root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), dir)
	site := filepath.Join(dir, "my site")
	buildInto(t, root, site)
	t.Chdir(site)
	var out, errs bytes.Buffer // run, not runCmd, whose check of "." would read the folder removed
	code := run(context.Background(), []string{"build", "--root", root, "--out", "."}, &out, &errs)
	stdout, stderr := out.String(), errs.String()
	if code != 0 || stderr != "" {
		t.Fatalf("build --out . exited %d:\n%s%s", code, stdout, stderr)
	}
	checkIntegrity(t, site)
	for _, want := range []string{"pages written to " + site + " in ", "this shell is in the old site's folder, now removed: cd '" + site + "' to see the new one\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "index.html")); err != nil {
		t.Errorf("no site in %s: %v", site, err)
	}
	if entries, _ := os.ReadDir(site); slices.ContainsFunc(entries, func(e os.DirEntry) bool { return strings.HasPrefix(e.Name(), ".") }) {
		t.Errorf("a temporary folder left inside the site: %v", entries)
	}
}

// TestCommandHelp: each command's --help prints its options as the README
// writes them, with two dashes, on stdout, and exits 0; an option it does
// not have is a usage error, with the same list on stderr.
func TestCommandHelp(t *testing.T) {
	for cmd, opts := range map[string][]string{
		"build": {"--root DIR", "--out DIR", "--base-url URL", "--pdf ", "--no-zip "},
		"check": {"--root DIR"},
		"serve": {"--root DIR", "--port PORT", "(default 1313)"},
		"new":   {"--root DIR", "--url URL", "--outlet NAME", "--title TITLE"},
	} {
		usage := "usage: generator " + cmd + " [options]\n"
		if cmd == "new" {
			usage = newUsage
		}
		code, stdout, stderr := runCmd(t, cmd, "--help")
		if code != 0 || stderr != "" || !strings.HasPrefix(stdout, usage) {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q", cmd, code, stdout, stderr)
		}
		for _, o := range opts {
			if !strings.Contains(stdout, "\n  "+o) && !strings.Contains(stdout, o) {
				t.Errorf("%s --help does not list %q:\n%s", cmd, o, stdout)
			}
		}
		code, stdout, stderr = runCmd(t, cmd, "--bogus")
		if code != 2 || stdout != "" || !strings.Contains(stderr, "not defined: --bogus") || !strings.Contains(stderr, "usage: generator "+cmd) {
			t.Errorf("%s --bogus: exit %d, stdout %q, stderr %q", cmd, code, stdout, stderr)
		}
		// A value that is not a folder, and an option with two dashes
		// in the flag package's own messages.
		for args, want := range map[string]string{
			"--root=":          "--root is empty: give the folder that holds content/ and annotations/",
			"--root --help":    "--root --help: that is an option, not a folder: give the folder after --root (a folder whose name starts with - is written ./--help)",
			"--root x --bogus": "flag provided but not defined: --bogus\n",
			"--root":           "flag needs an argument: --root\n",
		} {
			code, stdout, stderr := runCmd(t, append([]string{cmd}, strings.Fields(args)...)...)
			if code != 2 || stdout != "" || !strings.HasPrefix(stderr, want) {
				t.Errorf("%s %s: exit %d, stdout %q, stderr %q; want 2 and %q", cmd, args, code, stdout, stderr, want)
			}
		}
	}
}
