package main

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/input"
)

func TestNew(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	art := filepath.Join(root, "content", "articles", "reuters-cable.md")
	notes := filepath.Join(root, "annotations", "reuters-cable.yaml")

	code, stdout, stderr := runCmd(t, "new", "reuters-cable", "--root", root, "--url", "https://www.reuters.com/world/us/cable", "--outlet", `Reuters "wire"`)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "wrote ") || !strings.Contains(stdout, "fill in its title") ||
		!strings.Contains(stdout, "then run: go run ./generator check --root "+root+"\n") {
		t.Errorf("stdout = %q", stdout)
	}
	// No "notes: []": the notes are added below notes:, which would then
	// be a list given twice.
	notesText := readFile(t, root, "annotations/reuters-cable.yaml")
	if !strings.Contains(notesText, "\nnotes:\n# - id: ") || strings.Contains(notesText, "[]") {
		t.Errorf("notes file = %q", notesText)
	}
	text := readFile(t, root, "content/articles/reuters-cable.md")
	for _, want := range []string{"title: \"\"", "outlet: \"Reuters \\\"wire\\\"\"\n", "url: \"https://www.reuters.com/world/us/cable\"\n", "# published:", "# relies_on:"} {
		if !strings.Contains(text, want) {
			t.Errorf("article lacks %q:\n%s", want, text)
		}
	}

	// check points at what is left to do, in the new file.
	code, _, stderr = runCmd(t, "check", "--root", root)
	p := filepath.ToSlash(art)
	if code != 1 || !strings.Contains(stderr, p+":2:8: the article's title is empty: write it between the quotes after title:") || !strings.Contains(stderr, p+":13:1: the article has no text") ||
		!strings.Contains(stderr, "2 problems found") {
		t.Errorf("check after new: exit %d\n%s", code, stderr)
	}
	// Filled in, it checks clean.
	filled := strings.Replace(text, `title: ""`, `title: "US cable"`, 1) + "The cable was sent.\n"
	if err := os.WriteFile(art, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "check", "--root", root); code != 0 {
		t.Errorf("check after filling in: %s", stderr)
	}
	// The example note, put in use as its comment says, is a note.
	example := strings.NewReplacer("\n# - ", "\n- ", "\n#   ", "\n  ",
		"words copied exactly from the article", "cable was sent", "a-source-id", "doe-2024").Replace(notesText)
	if err := os.WriteFile(notes, []byte(example), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCmd(t, "check", "--root", root); code != 0 || !strings.Contains(stdout, "every note anchored") {
		t.Errorf("check with the example note in use: exit %d, %s%s\n%s", code, stdout, stderr, example)
	}
	if err := os.WriteFile(notes, []byte(notesText), 0o644); err != nil {
		t.Fatal(err)
	}
	// So it does with every optional line put in use, as the template's
	// own comment says to: its examples are valid values.
	optional := regexp.MustCompile(`(?m)^# ([a-z_]+:)`)
	used := optional.ReplaceAllString(filled, "$1")
	if len(optional.FindAllString(filled, -1)) != 6 || !strings.Contains(used, "\npublished: 2025-11-27") {
		t.Fatalf("the optional lines were not all put in use:\n%s", used)
	}
	if err := os.WriteFile(art, []byte(used), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "check", "--root", root); code != 0 {
		t.Errorf("check with every optional line in use: %s", stderr)
	}
	if err := os.WriteFile(art, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}

	// Never overwrites: the files stay as they are.
	code, _, stderr = runCmd(t, "new", "--root", root, "--url", "https://example.com/x", "--outlet", "X", "--title", "Y", "reuters-cable")
	if code != 1 || !strings.Contains(stderr, "reuters-cable.md already exists") {
		t.Errorf("second new: exit %d, %q", code, stderr)
	}
	if readFile(t, root, "content/articles/reuters-cable.md") != filled {
		t.Error("the article was overwritten")
	}
	// Nor when only the notes file exists.
	if err := os.WriteFile(filepath.Join(root, "annotations", "lonely.yaml"), []byte("notes: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCmd(t, "new", "lonely", "--root", root, "--url", "https://example.com/x", "--outlet", "X")
	if _, err := os.Stat(filepath.Join(root, "content", "articles", "lonely.md")); code != 1 || err == nil || !strings.Contains(stderr, "lonely.yaml already exists") {
		t.Errorf("new over a notes file: exit %d, %q", code, stderr)
	}
}

func TestNewRejects(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unsafe slug", []string{"Reuters Cable", "--url", "https://example.com", "--outlet", "X"}, 1, `"Reuters Cable" is not a safe article slug: use lower-case letters and digits, with single hyphens between words, like "reuters-cable"`},
		{"dot dot", []string{"../x", "--url", "https://example.com", "--outlet", "X"}, 1, "not a safe article slug"},
		{"file name", []string{"third.md", "--url", "https://example.com", "--outlet", "X"}, 1, `"third.md" is a file's name: new takes the article's slug, the name its two files share without folder or extension, like "third"`},
		{"file path", []string{"content/articles/third.md", "--url", "https://example.com", "--outlet", "X"}, 1, `like "third"`},
		{"file name, capitals", []string{"Third.MD", "--url", "https://example.com", "--outlet", "X"}, 1, `"Third.MD" is a file's name: new takes the article's slug, the name its two files share without folder or extension, like "third"`},
		{"notes file name", []string{"annotations/third.yml", "--url", "https://example.com", "--outlet", "X"}, 1, `like "third"`},
		{"file name with spaces", []string{"My Article.md", "--url", "https://example.com", "--outlet", "X"}, 1, `"My Article.md" is a file's name: new takes the article's slug, the name its two files share without folder or extension, in lower-case letters and digits with single hyphens between words, like "my-article"`},
		{"file name of Nordic letters", []string{"ÆØ.md", "--url", "https://example.com", "--outlet", "X"}, 1, `like "aeoe"`},
		{"file path with spaces", []string{"content/articles/My Article.MD", "--url", "https://example.com", "--outlet", "X"}, 1, `like "my-article"`},
		{"notes file name, double hyphen", []string{"annotations/my--notes.yaml", "--url", "https://example.com", "--outlet", "X"}, 1, `like "my-notes" (the pages join`},
		{"only an extension", []string{".md", "--url", "https://example.com", "--outlet", "X"}, 1, `".md" is not a safe article slug`},
		{"not http", []string{"a", "--url", "javascript:alert(1)", "--outlet", "X"}, 1, `url "javascript:alert(1)" is not a web address`},
		{"no scheme", []string{"a", "--url", "www.example.com/a", "--outlet", "X"}, 1, "is not a full web address"},
		{"html title", []string{"a", "--url", "https://example.com", "--outlet", "X", "--title", "<b>Hi</b>"}, 1, "title contains HTML (<b>)"},
		{"no url", []string{"a", "--outlet", "X"}, 2, "new needs --url too: the address of the article\n"},
		{"no outlet", []string{"a", "--url", "https://example.com"}, 2, "new needs --outlet too: the name of the outlet"},
		{"blank outlet", []string{"a", "--url", "https://example.com", "--outlet", " \t "}, 2, "new's --outlet is blank: give it the name of the outlet"},
		{"neither", []string{"a"}, 2, "new needs --url and --outlet: the address"},
		{"no slug", []string{"--url", "https://example.com", "--outlet", "X"}, 2, "new needs the article's slug"},
		{"two slugs", []string{"a", "b", "--url", "https://example.com", "--outlet", "X"}, 2, `unexpected argument "b"`},
		{"slug index", []string{"index", "--url", "https://example.com", "--outlet", "X"}, 1, `an article cannot be named index: Hugo reads content/articles/index.md as the page of the folder, not as an article; choose another slug, like "index-article"`},
		{"slug sources", []string{"sources", "--url", "https://example.com", "--outlet", "X"}, 1, "its notes would be annotations/sources.yaml, the briefing's sources file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			code, _, stderr := runCmd(t, append([]string{"new", "--root", root}, c.args...)...)
			if code != c.code || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, c.code, c.want)
			}
			if entries, _ := os.ReadDir(root); len(entries) != 0 {
				t.Errorf("a rejected new wrote %d entries", len(entries))
			}
		})
	}
	// A --root that does not exist is a mistyped one: new does not make it.
	missing := filepath.Join(t.TempDir(), "briefing")
	code, _, stderr := runCmd(t, "new", "a", "--url", "https://example.com", "--outlet", "X", "--root", missing)
	if code != 1 || !strings.Contains(stderr, "the briefing folder "+missing+" does not exist") {
		t.Errorf("new --root %s: exit %d, stderr %q", missing, code, stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("new made the missing --root %s", missing)
	}
}

// TestNewTrimsNames: space around --outlet and --title, as a shell's
// quotes may keep it, is left out (" Reuters" and "Reuters" would be two
// outlets for check to tell apart), and a blank --title is one not given:
// title: "" is written, for check to point at, and the user is told to
// fill it in.
func TestNewTrimsNames(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	code, stdout, stderr := runCmd(t, "new", "spaced", "--root", root, "--url", "https://example.com/a", "--outlet", " Reuters ", "--title", "  US cable\t")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if text := readFile(t, root, "content/articles/spaced.md"); !strings.Contains(text, "\ntitle: \"US cable\"\noutlet: \"Reuters\"\n") {
		t.Errorf("article:\n%s", text)
	}
	if strings.Contains(stdout, "fill in its title") {
		t.Errorf("stdout = %q", stdout)
	}
	code, stdout, stderr = runCmd(t, "new", "blank", "--root", root, "--url", "https://example.com/b", "--outlet", "Reuters", "--title", "   ")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if text := readFile(t, root, "content/articles/blank.md"); !strings.Contains(text, "\ntitle: \"\" ") {
		t.Errorf("article:\n%s", text)
	}
	if !strings.Contains(stdout, "and fill in its title") {
		t.Errorf("stdout = %q", stdout)
	}
}

// TestNewFirstArticle: new in an empty folder also writes the briefing's
// content/_index.md, without which it would not build, and its
// content/methodology.md, which explains the verdicts; check then points
// at the titles and the text to fill in, and, filled in, the briefing
// builds, with its methodology page. A briefing that has them keeps them.
func TestNewFirstArticle(t *testing.T) {
	root := t.TempDir()
	code, stdout, stderr := runCmd(t, "new", "first", "--root", root, "--url", "https://example.com/a", "--outlet", "The Gazette")
	if code != 0 || !strings.Contains(stdout, "content/_index.md") || !strings.Contains(stdout, "content/methodology.md: it says how the notes are written, what each kind of note is for and what each verdict means") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	m := readFile(t, root, "content/methodology.md")
	if !strings.Contains(m, "- **Needs context:**") {
		t.Errorf("the methodology does not explain the verdicts:\n%s", m)
	}
	for _, k := range briefing.Kinds {
		if !strings.Contains(m, "- **"+k.Label()+":** "+k.Purpose()) {
			t.Errorf("the methodology does not say what a %s note is for:\n%s", k, m)
		}
	}
	index := filepath.Join(root, "content", "_index.md")
	code, _, stderr = runCmd(t, "check", "--root", root)
	method := filepath.Join(root, "content", "methodology.md")
	if code != 1 || !strings.Contains(stderr, filepath.ToSlash(index)+":2:8: the briefing's title is empty: write it between the quotes after title:") ||
		!strings.Contains(stderr, filepath.ToSlash(index)+":13:1: this is the text new wrote for you to replace") ||
		!strings.Contains(stderr, filepath.ToSlash(method)+":6:1: this is the paragraph new wrote for you to replace") || !strings.Contains(stderr, "5 problems found") {
		t.Errorf("check after new: exit %d\n%s", code, stderr)
	}
	for file, text := range map[string]string{
		// The title and overview filled in, and the briefing's date and
		// publisher used; the methodology's paragraph on how the notes
		// were written.
		index:  strings.NewReplacer(`title: ""`, `title: "A first briefing"`, "# published:", "published:", "# publisher", "publisher", input.OverviewPlaceholder, "What it covers.").Replace(readFile(t, root, "content/_index.md")),
		method: strings.Replace(readFile(t, root, "content/methodology.md"), input.MethodologyPlaceholder, "The editors wrote the notes.", 1),
		filepath.Join(root, "content", "articles", "first.md"): strings.Replace(readFile(t, root, "content/articles/first.md"), `title: ""`, `title: "A headline"`, 1) + "The text.\n",
	} {
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCmd(t, "build", "--root", root, "--no-zip"); code != 0 {
		t.Fatalf("build after filling in: %s", stderr)
	}
	page := readFile(t, root, "public/methodology.html")
	if !strings.Contains(page, "<strong>Background:</strong> history") || !strings.Contains(page, "Inaccurate:") {
		t.Errorf("methodology.html lacks the verdicts' meanings:\n%s", page)
	}
	// Each meaning is a definition a verdict links to.
	for _, v := range briefing.Verdicts {
		if !strings.Contains(page, `<li id="verdict-`+string(v)+`"><strong class="verdict-def verdict-`+string(v)+`"><span class="verdict-icon" aria-hidden="true"></span>`+v.Label()+`:</strong>`) {
			t.Errorf("methodology.html does not define %s as a verdict links to it", v)
		}
	}
	before, methodBefore := readFile(t, root, "content/_index.md"), readFile(t, root, "content/methodology.md")
	if code, _, stderr := runCmd(t, "new", "second", "--root", root, "--url", "https://example.com/b", "--outlet", "The Gazette"); code != 0 {
		t.Fatalf("second new: %s", stderr)
	}
	if readFile(t, root, "content/_index.md") != before || readFile(t, root, "content/methodology.md") != methodBefore {
		t.Error("new rewrote the briefing's content/_index.md or content/methodology.md")
	}
}

// TestNewTellsNoMethodology: new in a briefing that has its overview but
// no methodology says so, and writes none.
func TestNewTellsNoMethodology(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content", "_index.md"), []byte("---\ntitle: T\n---\nOverview.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, "new", "first", "--root", root, "--url", "https://example.com/a", "--outlet", "X")
	if code != 0 || !strings.Contains(stdout, "the briefing has no content/methodology.md: without one, nothing on the site says what each verdict means") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(root, "content", "methodology.md")); err == nil {
		t.Error("new wrote content/methodology.md into a briefing begun without one")
	}
}

// TestNewKeepsMisnamedPages: a briefing whose overview or methodology is
// misnamed (content/index.md, content/Methodolgy.md) does not get a blank
// _index.md or methodology.md from new beside it, which would hide check's
// advice to rename the file.
func TestNewKeepsMisnamedPages(t *testing.T) {
	for _, c := range []struct{ misnamed, page string }{
		{"index.md", "_index.md"},
		{"Methodolgy.md", "methodology.md"},
	} {
		root := t.TempDir()
		if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "content", c.misnamed), []byte("---\ntitle: T\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := runCmd(t, "new", "first", "--root", root, "--url", "https://example.com/a", "--outlet", "X"); code != 0 {
			t.Fatalf("new: %s", stderr)
		}
		if _, err := os.Stat(filepath.Join(root, "content", c.page)); err == nil {
			t.Errorf("new wrote content/%s beside content/%s", c.page, c.misnamed)
		}
		if _, _, stderr := runCmd(t, "check", "--root", root); !strings.Contains(stderr, "rename this file to "+c.page) {
			t.Errorf("check does not ask to rename %s:\n%s", c.misnamed, stderr)
		}
	}
}

// TestNewKeepsMisnamedArticle: where the article or its notes are there
// under a name check tells to change (bar.markdown, Bar.MD, bar.md.txt,
// bar.yml, bar.yaml.txt), new writes nothing and says to rename that file,
// to the name check asks for, rather than leave two copies to merge. A
// file check leaves alone (another slug's, a .txt copy's) does not stop it.
func TestNewKeepsMisnamedArticle(t *testing.T) {
	for _, misnamed := range []string{"content/articles/bar.markdown", "content/articles/Bar.MD", "content/articles/bar.md.txt", "annotations/bar.yml", "annotations/bar.yaml.txt", "annotations/bar.YAML.TXT"} {
		root := t.TempDir()
		writeKept(t, root, misnamed)
		p := filepath.Join(root, filepath.FromSlash(misnamed))
		before := snapshotDir(t, root)
		code, stdout, stderr := runCmd(t, "new", "bar", "--root", root, "--url", "https://example.com/a", "--outlet", "X")
		want := "bar.md"
		if strings.HasPrefix(misnamed, "annotations/") {
			want = "bar.yaml"
		}
		if code != 1 || stdout != "" || !strings.Contains(stderr, filepath.ToSlash(p)+" is this article's file under another name: rename it to "+want) {
			t.Errorf("%s there: exit %d, stdout %q, stderr %q", misnamed, code, stdout, stderr)
		}
		if after := snapshotDir(t, root); !maps.Equal(after, before) {
			t.Errorf("%s there: new changed the briefing folder", misnamed)
		}
		// What check asks for is the same rename.
		if _, _, stderr := runCmd(t, "check", "--root", root); !strings.Contains(stderr, "rename it to "+want) {
			t.Errorf("%s there: check does not ask for the rename to %s:\n%s", misnamed, want, stderr)
		}
	}
	// A .txt copy kept beside the misnamed file is not named: check does
	// not ask to rename it.
	root := t.TempDir()
	writeKept(t, root, "content/articles/bar.markdown", "content/articles/bar.markdown.txt")
	if code, _, stderr := runCmd(t, "new", "bar", "--root", root, "--url", "https://example.com/a", "--outlet", "X"); code != 1 ||
		!strings.Contains(stderr, "bar.markdown is this article's file") || strings.Contains(stderr, "bar.markdown.txt") {
		t.Errorf("bar.markdown and its .txt copy there: exit %d, stderr %q; want only bar.markdown named", code, stderr)
	}
	// Other articles' files, and another slug's misnamed file, do not stop it.
	root = t.TempDir()
	writeKept(t, root, "content/articles/barn.markdown", "annotations/other.yml")
	if code, _, stderr := runCmd(t, "new", "bar", "--root", root, "--url", "https://example.com/a", "--outlet", "X"); code != 0 {
		t.Errorf("another slug's misnamed files stopped new: exit %d, %s", code, stderr)
	}
}

// writeKept writes each file (a path from root, with slashes) holding
// "kept", making its folders.
func writeKept(t *testing.T, root string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("kept\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestNewRefusesAnArticlesURL: new for an address an article of the
// briefing already has (the front matter copied, the article added twice)
// is told which, before anything is written: check would refuse the pair.
// An address a fragment or the case of its host tells apart is another.
func TestNewRefusesAnArticlesURL(t *testing.T) {
	root := t.TempDir()
	if code, _, stderr := runCmd(t, "new", "first", "--root", root, "--url", "https://example.com/story/", "--outlet", "X"); code != 0 {
		t.Fatalf("new first: exit %d, %s", code, stderr)
	}
	before := snapshotDir(t, root)
	for _, addr := range []string{"https://example.com/story", "http://EXAMPLE.com/story/", "https://example.com/story#:~:text=cable"} {
		code, stdout, stderr := runCmd(t, "new", "second", "--root", root, "--url", addr, "--outlet", "X")
		if want := filepath.ToSlash(filepath.Join(root, "content/articles/first.md")) + " (line 4) has that url already"; code != 1 || stdout != "" || !strings.Contains(stderr, want) {
			t.Errorf("new second --url %s: exit %d, stdout %q, stderr %q; want 1 and %q", addr, code, stdout, stderr, want)
		}
		if after := snapshotDir(t, root); !maps.Equal(after, before) {
			t.Errorf("new second --url %s changed the briefing folder", addr)
		}
	}
	if code, _, stderr := runCmd(t, "new", "second", "--root", root, "--url", "https://example.com/story#post-2", "--outlet", "X"); code != 0 {
		t.Errorf("a live page's second post: exit %d, %s", code, stderr)
	}
}

// TestNewInAFolderNotMade: new in a briefing folder that does not exist
// says how to start one there (the README's mkdir), and makes nothing.
func TestNewInAFolderNotMade(t *testing.T) {
	root := filepath.Join(t.TempDir(), "my briefing")
	code, stdout, stderr := runCmd(t, "new", "first", "--root", root, "--url", "https://example.com/a", "--outlet", "X")
	if want := "to start a briefing there, make it first (mkdir -p '" + root + "'), then run new again"; code != 1 || stdout != "" || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", code, stdout, stderr, want)
	}
	if _, err := os.Stat(root); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("new made %s: %v", root, err)
	}
}
