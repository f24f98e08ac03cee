package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	annotated "github.com/briefing/annotated"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
)

// TestPartOfTheme: a briefing's themes/briefing may hold only the files it
// changes. Its en.toml may hold only the strings it rewords, the others
// staying the bundled theme's; a layout of its own replaces the bundled
// one; check reads the same strings as build; and an error in its own
// layout is reported at that file.
func TestPartOfTheme(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	write := func(p, text string) {
		t.Helper()
		writeOwnTheme(t, root, map[string]string{p: text})
	}
	write("i18n/en.toml", "footer = \"The Riverton Gazette’s briefing.\"\nmatrix = \"Claims, outlet by outlet\"\n[note_number]\nother = \"n. {{ . }}\"\n[note_label]\nother = \"Gazette note {{ . }}\"\n")
	if code, stdout, stderr := runCmd(t, "check", "--root", root); code != 0 {
		t.Fatalf("check with part of a theme exited %d: %s%s", code, stdout, stderr)
	}
	// The strings each compile reads are those of the theme it stages.
	files, err := theme(root)
	if err != nil {
		t.Fatal(err)
	}
	staged, err := stage.ParseText(files[stage.TextFile])
	if err != nil {
		t.Fatal(err)
	}
	read, err := themeText(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"footer", "matrix", "claims", "take_away"} {
		if read.T(id) != staged.T(id) || read.N("note_number", 3) != staged.N("note_number", 3) {
			t.Errorf("%s: the strings read %q, those staged %q", id, read.T(id), staged.T(id))
		}
	}
	out := filepath.Join(root, "public")
	if code, _, stderr := runCmd(t, "build", "--root", root); code != 0 {
		t.Fatalf("build with part of a theme exited %d: %s", code, stderr)
	}
	home := readFile(t, out, "index.html")
	for _, want := range []string{
		"The Riverton Gazette’s briefing.", // the theme's template, the briefing's string
		">Claims, outlet by outlet</h2>",   // the generator's markup, the briefing's string
		`<span class="matrix-note">n. `,    // a plural table
		"Take it with you",                 // a string the briefing left as it was
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %q", want)
		}
	}
	// A marker's name for a screen reader, written into the article's
	// rendered text.
	if article := readFile(t, out, "articles/curly.html"); !strings.Contains(article, `aria-label="Gazette note 1">1</a>`) {
		t.Error("the article's first marker is not named in the briefing's words")
	}

	write("layouts/_partials/footer.html", "<footer class=\"site-footer\"><p>Our own footer.</p></footer>\n")
	if code, _, stderr := runCmd(t, "build", "--root", root); code != 0 {
		t.Fatalf("build with a layout of its own exited %d: %s", code, stderr)
	}
	if home := readFile(t, out, "index.html"); !strings.Contains(home, "Our own footer.") || !strings.Contains(home, ">Claims, outlet by outlet</h2>") {
		t.Error("the briefing's own footer layout, or its strings, are not used")
	}

	write("layouts/_partials/footer.html", "<footer>{{ if }}</footer>\n")
	code, _, stderr := runCmd(t, "build", "--root", root)
	if want := filepath.Join(root, "themes", "briefing", "layouts", "_partials", "footer.html") + ":1:"; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("a broken layout of its own: exit %d, want 1 and %q:\n%s", code, want, stderr)
	}
}

// TestOwnStringsChecked: a briefing's own en.toml is checked where it would
// publish wrong words: a key the theme does not have (unless a layout of
// its own uses it), a value that is not text, a count left out or written
// {{ .Count }}; each at its line, by check as by build. A plural table that
// rewords one form keeps the bundled other.
func TestOwnStringsChecked(t *testing.T) {
	root := briefingWithTheme(t, map[string]string{
		"i18n/en.toml":                 "footerr = \"typo\"\nfooter = true\nown_label = \"Ours\"\n[note_number]\nother = \"note\"\n[notes_count]\none = \"{{ . }} remark\"\n[note_label]\nother = \"Note {{ .Count }}\"\n",
		"layouts/_partials/extra.html": `<p>{{ T "own_label" }}</p>`,
	})
	checkAndBuildSay(t, root,
		`themes/briefing/i18n/en.toml:1:1: "footerr" is not one of the theme's strings: check its spelling against the bundled theme's i18n/en.toml, or use it in a layout of your own (T "footerr")`,
		`themes/briefing/i18n/en.toml:2:1: "footer" must be text in quotes, or a table of one and other, not true`,
		`themes/briefing/i18n/en.toml:5:1: "note_number"'s other has no {{ . }} where the count goes: without it every note_number would lose its number`,
		`themes/briefing/i18n/en.toml:9:1: "note_label"'s other puts the count as {{ .Count }}: these strings give it as {{ . }}, like "{{ . }} notes"`,
		"4 problems found")
	writeOwnTheme(t, root, map[string]string{"i18n/en.toml": "own_label = \"Ours\"\n[notes_count]\none = \"{{ . }} remark\"\n"})
	text, err := themeText(root)
	if err != nil {
		t.Fatal(err)
	}
	if one, other := text.N("notes_count", 1), text.N("notes_count", 3); one != "1 remark" || other != "3 notes" {
		t.Errorf("notes_count: %q and %q, want the briefing's singular and the bundled plural", one, other)
	}
}

// TestOwnThemeLoadsNothingRemote: a briefing's own theme that would have
// the site load a file from elsewhere (a web font, a script, an image) is
// told so at the place, by check as by build, an image of an image-set()
// named as a string too; a link to follow is fine.
func TestOwnThemeLoadsNothingRemote(t *testing.T) {
	root := briefingWithTheme(t, map[string]string{
		"assets/css/base.css":           "@import url(\"https://fonts.example/css2?family=Inter\");\nbody { background: url( //img.example/bg.png ); }\n.a { background: url(bg.png); }\n.b { background-image: -webkit-image-set(\"https://img.example/a.png\" 1x, \"bg.png\" type(\"image/png\") 2x); }\n.ü { background: url(\"https://example.org/ü.png\") }\n",
		"layouts/_partials/footer.html": "<footer><script src=\"https://cdn.example/a.js\"></script>\n<img alt=\"\" src='//px.example/p.gif'> <a href=\"https://example.org/\">ours</a>\n<link rel=\"stylesheet\" href=\"https://x.example/s.css\"></footer>\n",
		"static/mark.svg":               "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<image xlink:href=\"https://img.example/g.png\"/><use href=\"//img.example/s.svg#i\"/><a href=\"https://example.org/\">ours</a></svg>\n",
	})
	const tail = " from elsewhere: the site loads nothing from outside itself (it is read offline, and on a host its Content-Security-Policy blocks it); put the file in the theme's assets/ or static/ folder and refer to it there"
	checkAndBuildSay(t, root,
		"themes/briefing/assets/css/base.css:1:14: the theme would load https://fonts.example/css2?family=Inter"+tail,
		"themes/briefing/assets/css/base.css:2:25: the theme would load //img.example/bg.png"+tail,
		"themes/briefing/assets/css/base.css:4:43: the theme would load https://img.example/a.png"+tail,
		"themes/briefing/assets/css/base.css:5:23: the theme would load https://example.org/ü.png"+tail,
		"themes/briefing/layouts/_partials/footer.html:1:22: the theme would load https://cdn.example/a.js"+tail,
		"themes/briefing/layouts/_partials/footer.html:2:18: the theme would load //px.example/p.gif"+tail,
		"themes/briefing/layouts/_partials/footer.html:3:30: the theme would load https://x.example/s.css"+tail,
		"themes/briefing/static/mark.svg:2:20: the theme would load https://img.example/g.png"+tail,
		"themes/briefing/static/mark.svg:2:59: the theme would load //img.example/s.svg#i"+tail,
		"9 problems found")
}

// briefingWithTheme writes a small briefing, with these files of its own
// theme (see writeOwnTheme), and returns its folder.
func briefingWithTheme(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	writeOwnTheme(t, root, files)
	return root
}

// writeOwnTheme writes files of a briefing's own theme under root, by path
// in the theme's folder.
func writeOwnTheme(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, text := range files {
		p = filepath.Join(root, "themes", "briefing", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkAndBuildSay runs check and build on root, each of which must exit 1
// with want as its problems (paths from root).
func checkAndBuildSay(t *testing.T, root string, want ...string) {
	t.Helper()
	for _, cmd := range []string{"check", "build"} {
		code, _, stderr := runCmd(t, cmd, "--root", root)
		got := strings.ReplaceAll(strings.SplitN(stderr, "\nnothing was published", 2)[0], root+string(filepath.Separator), "")
		if got = strings.TrimSpace(got); code != 1 || got != strings.Join(want, "\n") {
			t.Errorf("%s exited %d:\n%s\nwant status 1 and:\n%s", cmd, code, got, strings.Join(want, "\n"))
		}
	}
}

// TestOwnLayoutStringsExist: a layout of the briefing's own theme that
// asks for a string neither theme has (a typo in the layout, the reverse
// of footerr) is told so at its place: Hugo prints nothing for it. A
// string of the bundled theme, or of the briefing's own, is fine, and so
// is a full copy of the bundled theme.
func TestOwnLayoutStringsExist(t *testing.T) {
	root := briefingWithTheme(t, map[string]string{
		"i18n/en.toml":                 "own_label = \"Ours\"\n",
		"layouts/_partials/extra.html": "<p>{{ T \"own_label\" }} {{ T \"footer\" }}</p>\n<h1>{{ T \"not_a_key\" }}</h1> {{ i18n `notes_intor` }}\n",
	})
	checkAndBuildSay(t, root,
		`themes/briefing/layouts/_partials/extra.html:2:11: the theme has no string "not_a_key", so the page would show nothing here: check its spelling against the bundled theme's i18n/en.toml, or add it to the theme's i18n/en.toml`,
		"themes/briefing/layouts/_partials/extra.html:2:39: the theme has no string \"notes_intor\", so the page would show nothing here: check its spelling against the bundled theme's i18n/en.toml, or add it to the theme's i18n/en.toml",
		"2 problems found")
	full := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), full)
	if err := os.CopyFS(filepath.Join(full, "themes", "briefing"), annotated.Theme()); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "check", "--root", full); code != 0 {
		t.Errorf("check of a briefing with a full copy of the theme: %s", stderr)
	}
}

// TestThemeFoldersRead: a folder of the briefing's own theme that Hugo
// does not read (layout/ for layouts/), and a theme in another folder
// than themes/briefing, which is not read at all, are told so: the
// briefing was built without them, without a word.
func TestThemeFoldersRead(t *testing.T) {
	root := briefingWithTheme(t, map[string]string{"layout/page.html": "<p>ours</p>", "static/x.txt": "kept"})
	checkAndBuildSay(t, root,
		"themes/briefing/layout:1:1: this folder is not read: a theme's folders are archetypes/, assets/, data/, i18n/, layouts/, static/ (layouts/, perhaps); rename it, or move its files where they belong",
		"1 problem found")
	other := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), other)
	for _, p := range []string{"themes/mytheme/i18n/en.toml", "themes/notes/readme.txt"} {
		p = filepath.Join(other, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("footer = \"Ours\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checkAndBuildSay(t, other,
		"themes/mytheme:1:1: this theme is not read: a briefing's own theme is themes/briefing, the theme it changes; rename the folder themes/briefing",
		"1 problem found")
}

// TestThemeAndBriefingProblemsTogether: the problems of a briefing's own
// theme do not hide the briefing's: one run of check, build or serve's
// compile reports both (the theme's came alone, the briefing's only once
// they were mended), whether its strings have a wrong key or are no TOML.
func TestThemeAndBriefingProblemsTogether(t *testing.T) {
	root := briefingWithTheme(t, map[string]string{"i18n/en.toml": "footerr = \"typo\"\n"})
	bad := filepath.Join(root, "content", "articles", "Bad Name.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: x\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const article = `content/articles/Bad Name.md:1:1: "Bad Name.md" is not a safe article file name: use lower-case letters and digits, with single hyphens between words, like "bad-name.md"`
	checkAndBuildSay(t, root,
		article,
		`themes/briefing/i18n/en.toml:1:1: "footerr" is not one of the theme's strings: check its spelling against the bundled theme's i18n/en.toml, or use it in a layout of your own (T "footerr")`,
		"2 problems found")
	_, err := compileWith(site.NewCompiler(), root)
	if err == nil || !strings.Contains(err.Error(), "Bad Name.md") || !strings.Contains(err.Error(), `"footerr"`) {
		t.Errorf("serve's compile: %v, want the article's problem and the theme's", err)
	}
	writeOwnTheme(t, root, map[string]string{"i18n/en.toml": "footer = \"unclosed\n"})
	checkAndBuildSay(t, root,
		article,
		`themes/briefing/i18n/en.toml:1:19: the theme's strings are not valid TOML (basic strings cannot have new lines)`,
		"2 problems found")
}

// TestOwnThemeOldFolders: a layout of a briefing's own theme where Hugo
// looked before 0.146 (layouts/partials/, layouts/_default/), which the
// bundled theme's layout takes the place of, and strings in another
// format than en.toml, are told they are not read, and where to go.
func TestOwnThemeOldFolders(t *testing.T) {
	root := briefingWithTheme(t, map[string]string{
		"layouts/partials/footer.html": "<footer>Ours</footer>",
		"layouts/partials/mine.html":   "<p>a partial of its own, where Hugo still finds it</p>",
		"layouts/_default/single.html": "{{ .Content }}",
		"layouts/_default/baseof.html": "{{ block \"main\" . }}{{ end }}",
		"i18n/en.yaml":                 "footer: Ours\n",
	})
	const gone = ":1:1: this file is not read: since Hugo 0.146 the theme's layout is "
	checkAndBuildSay(t, root,
		"themes/briefing/i18n/en.yaml:1:1: this file is not read: the theme's strings are read from i18n/en.toml, in TOML; write the strings you reword there",
		"themes/briefing/layouts/_default/baseof.html"+gone+"layouts/baseof.html, which Hugo reads in its place; move it there",
		"themes/briefing/layouts/_default/single.html"+gone+"layouts/page.html, which Hugo reads in its place; move it there",
		"themes/briefing/layouts/partials/footer.html"+gone+"layouts/_partials/footer.html, which Hugo reads in its place; move it there",
		"4 problems found")
}

// TestStringVariantsFollowTheirString: a briefing's own strings that reword
// the footer or the cards' intro, but not the string shown in its place in
// some briefings (footer_cited, articles_intro_no_methodology), have their
// wording there too; one that rewords both keeps each.
func TestStringVariantsFollowTheirString(t *testing.T) {
	base, err := fs.ReadFile(annotated.Theme(), stage.TextFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ own, id, want string }{
		{"footer = \"Notre briefing.\"\n", "footer_cited", "Notre briefing."},
		{"articles_intro = \"Chaque fiche compte ses notes.\"\n", "articles_intro_no_methodology", "Chaque fiche compte ses notes."},
		{"footer = \"Notre briefing.\"\nfooter_cited = \"Notre briefing, sourcé.\"\n", "footer_cited", "Notre briefing, sourcé."},
	} {
		text, err := stage.ParseText(mergeStrings(base, []byte(c.own)))
		if err != nil {
			t.Fatal(err)
		}
		if got := text.T(c.id); got != c.want {
			t.Errorf("own strings %q: %s is %q, want %q", c.own, c.id, got, c.want)
		}
	}
}

// TestOwnStringsOtherLanguages: Hugo reads every strings file of a
// briefing's own theme (i18n/de.toml as well as en.toml), and fails on
// one that is not valid TOML: check reads them the way build does, lone
// CRs ending lines, and tells one that is not valid at its place (build
// said only Hugo's "failed to load translations", after check passed).
func TestOwnStringsOtherLanguages(t *testing.T) {
	root := briefingWithTheme(t, map[string]string{
		"i18n/de.toml": "footer = \"Gazette.\"\r[note_number]\rother = \"Anm. {{ . }}\"\r",
	})
	for _, cmd := range [][]string{{"check", "--root", root}, {"build", "--root", root, "--out", filepath.Join(t.TempDir(), "out")}} {
		if code, _, stderr := runCmd(t, cmd...); code != 0 {
			t.Errorf("%s with i18n/de.toml in lone CRs exited %d:\n%s", cmd[0], code, stderr)
		}
	}
	root = briefingWithTheme(t, map[string]string{
		"i18n/fr.toml": "# Les mots du site\nfooter = \n",
		"i18n/it.toml": "a = \"A\"\nb = \"üü\" x\n",
	})
	checkAndBuildSay(t, root,
		"themes/briefing/i18n/fr.toml:2:10: the theme's strings for fr are not valid TOML (unexpected character U+000A at start of value): the site shows only the strings of i18n/en.toml, but Hugo reads every strings file and would fail; mend it, or remove the file",
		"themes/briefing/i18n/it.toml:2:10: the theme's strings for it are not valid TOML (expected newline but got U+0078 'x'): the site shows only the strings of i18n/en.toml, but Hugo reads every strings file and would fail; mend it, or remove the file",
		"2 problems found")
}

// TestOwnStringsOtherLanguagesValues: a strings file for another language
// that is valid TOML but holds a value Hugo cannot read as a string (a
// number, true, a plural form that is a number, a plural table with a key
// that is no form) is told at its place by check, where check passed
// and build failed with Hugo's "failed to load translations: unsupported
// file format int64". Tables of strings, and lists of them, Hugo reads.
func TestOwnStringsOtherLanguagesValues(t *testing.T) {
	root := briefingWithTheme(t, map[string]string{
		"i18n/de.toml": "footer = 42\nflag = true\nlist = [\"a\", \"b\"]\n[note_number]\none = \"Anm. {{ . }}\"\nother = 3\n" +
			"[group]\nsub = \"ok\"\ndeep = 1.5\n[claims_count]\nfew = \"{{ . }} Behauptungen\"\nsome = \"x\"\n",
	})
	const tail = ": the site shows only the strings of i18n/en.toml, but Hugo reads every strings file and would fail"
	checkAndBuildSay(t, root,
		`themes/briefing/i18n/de.toml:1:1: "footer" must be text in quotes, or a table of plural forms (one, other, …), not 42`+tail,
		`themes/briefing/i18n/de.toml:2:1: "flag" must be text in quotes, or a table of plural forms (one, other, …), not true`+tail,
		`themes/briefing/i18n/de.toml:6:1: "note_number"'s other must be text in quotes, not 3`+tail,
		`themes/briefing/i18n/de.toml:9:1: "group.deep" must be text in quotes, or a table of plural forms (one, other, …), not 1.5`+tail,
		`themes/briefing/i18n/de.toml:12:1: "claims_count" has a string's own keys (few) and a key "some" that is none of them`+ownKeysTail+tail,
		"5 problems found")
}

// ownKeysTail ends the message for a table of a strings file that mixes a
// string's own keys with others.
const ownKeysTail = " (a string's own keys are id, description, hash, leftdelim, rightdelim, zero, one, two, few, many, other and translation): a table is one string or a group of strings, not both"

// TestOwnStringsOtherLanguagesKeys: check reads a strings file as Hugo's
// go-i18n does: a table with any of go-i18n's reserved keys (id,
// description, hash, leftdelim, rightdelim, the plural forms, translation)
// is one string, a table without them a group of strings, and one with
// both fails the build ("reserved keys [id] mixed with unreserved keys
// [sub]"); a description beside other was refused, and a group with an id
// passed check. A problem in a dotted key or a sub-table is told at its
// line, where it was told at line 1.
func TestOwnStringsOtherLanguagesKeys(t *testing.T) {
	root := briefingWithTheme(t, map[string]string{
		"i18n/de.toml": "list = [\"a\", \"b\"]\n[footer]\ndescription = \"Die Fußzeile der Seite\"\nother = \"Fußzeile\"\n" +
			"[claims_count]\nid = \"claims_count\"\nONE = \"eine Behauptung\"\nOther = \"{{ . }} Behauptungen\"\n" +
			"[notmsg.description]\nhello = \"world\"\n[b]\ntranslation = { one = \"x\", other = \"y\" }\n",
	})
	for _, cmd := range [][]string{{"check", "--root", root}, {"build", "--root", root, "--out", filepath.Join(t.TempDir(), "out")}} {
		if code, _, stderr := runCmd(t, cmd...); code != 0 {
			t.Errorf("%s with go-i18n's keys in i18n/de.toml exited %d:\n%s", cmd[0], code, stderr)
		}
	}
	root = briefingWithTheme(t, map[string]string{
		"i18n/de.toml": "footer = \"F\"\nlinks.deep = 1.5\n[group]\nid = \"g\"\nsub = \"ok\"\n[a.b]\nc = true\n",
	})
	const tail = ": the site shows only the strings of i18n/en.toml, but Hugo reads every strings file and would fail"
	checkAndBuildSay(t, root,
		`themes/briefing/i18n/de.toml:2:1: "links.deep" must be text in quotes, or a table of plural forms (one, other, …), not 1.5`+tail,
		`themes/briefing/i18n/de.toml:5:1: "group" has a string's own keys (id) and a key "sub" that is none of them`+ownKeysTail+tail,
		`themes/briefing/i18n/de.toml:7:1: "a.b.c" must be text in quotes, or a table of plural forms (one, other, …), not true`+tail,
		"3 problems found")
}
