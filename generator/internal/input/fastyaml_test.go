package input

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/synth"
)

// The fast YAML path (fastyaml.go) must give exactly what yaml.v3 gives
// whenever it accepts a text. These tests compare the two on every YAML
// file the project has: the real briefing's, synthetic ones, the
// reliability corpus and the test fixtures, and FuzzNotesFastPath on
// anything else.

// nodeDiff describes the first difference between two node trees in what
// the decoder reads of them (comments aside), or returns "".
func nodeDiff(path string, a, b *yaml.Node) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("%s: %v against %v", path, a, b)
		}
		return ""
	}
	type view struct {
		Kind               yaml.Kind
		Style              yaml.Style
		Tag, Value, Anchor string
		Line, Column       int
		Children           int
		Alias              bool
	}
	va := view{a.Kind, a.Style, a.Tag, a.Value, a.Anchor, a.Line, a.Column, len(a.Content), a.Alias != nil}
	vb := view{b.Kind, b.Style, b.Tag, b.Value, b.Anchor, b.Line, b.Column, len(b.Content), b.Alias != nil}
	if va != vb {
		return fmt.Sprintf("%s: fast %+v, yaml.v3 %+v", path, va, vb)
	}
	for i := range a.Content {
		if d := nodeDiff(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// checkFast parses text both ways. When the fast path accepts it, yaml.v3
// must parse it to the same tree; accepted reports whether it did.
func checkFast(t *testing.T, name, text string) (accepted bool) {
	t.Helper()
	fast, ok := fastParse(strings.Split(text, "\n"))
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Errorf("%s: the fast path accepts what yaml.v3 rejects (%v):\n%s", name, err, text)
		return true
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || isNull(doc.Content[0]) {
		t.Errorf("%s: the fast path accepts a document yaml.v3 reads as empty:\n%s", name, text)
		return true
	}
	if d := nodeDiff("root", fast, doc.Content[0]); d != "" {
		t.Errorf("%s: %s\n%s", name, d, text)
	}
	return true
}

// yamlFiles returns every YAML file of the project's briefings and test
// fixtures, by a name that says where it comes from, as decodeText hands
// it to the decoder.
func yamlFiles(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	add := func(name string, data []byte) {
		if strings.HasSuffix(name, ".md") {
			// The front matter, roughly as package frontmatter finds it.
			text := strings.ReplaceAll(string(data), "\r\n", "\n")
			if rest, ok := strings.CutPrefix(text, "---\n"); ok {
				if i := strings.Index(rest, "\n---\n"); i >= 0 {
					out[name+" (front matter)"] = rest[:i+1]
				}
			}
			return
		}
		if !strings.HasSuffix(name, ".yaml") {
			return
		}
		var errs diag.List
		text, ok := decodeText(name, data, &errs)
		if ok {
			out[name] = text
		}
	}
	real := os.DirFS("../../..")
	names, err := fs.Glob(real, "annotations/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("the real briefing's annotations: %v", err)
	}
	articles, err := fs.Glob(real, "content/*/*.md")
	if err != nil || len(articles) == 0 {
		t.Fatalf("the real briefing's articles: %v", err)
	}
	names = append(names, articles...)
	names = append(names, "content/_index.md")
	for _, n := range names {
		data, err := fs.ReadFile(real, n)
		if err != nil {
			t.Fatal(err)
		}
		add("briefing:"+n, data)
	}
	for name, data := range synth.Briefing(synth.Options{Articles: 30}) {
		add("synth:"+name, data)
	}
	for _, a := range txtarFiles(t) {
		for _, f := range a.archive.Files {
			add(a.path+":"+f.Name, f.Data)
		}
	}
	for name, f := range base() {
		add("base:"+name, f.Data)
	}
	return out
}

type namedArchive struct {
	path    string
	archive *txtar.Archive
}

// txtarFiles reads the reliability corpus and the whole-briefing fixtures.
func txtarFiles(t *testing.T) []namedArchive {
	t.Helper()
	var out []namedArchive
	for _, root := range []string{"../../testdata/corpus", "../site/testdata", "../stage/testdata"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txtar") {
				return err
			}
			a, err := txtar.ParseFile(p)
			if err != nil {
				return err
			}
			out = append(out, namedArchive{p, a})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 50 {
		t.Fatalf("found only %d fixtures", len(out))
	}
	return out
}

func TestFastYAMLMatchesYAMLv3(t *testing.T) {
	files := yamlFiles(t)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	accepted := 0
	for _, n := range names {
		ok := checkFast(t, n, files[n])
		if ok {
			accepted++
		}
		// The notes files and the articles' front matter of the real and
		// synthetic briefings are what the fast path is for: it must read
		// them all.
		isNotes := !strings.HasSuffix(n, "/claims.yaml") && !strings.HasSuffix(n, "/sources.yaml") && !strings.HasSuffix(n, "_index.md (front matter)")
		if !ok && isNotes && (strings.HasPrefix(n, "briefing:") || strings.HasPrefix(n, "synth:")) {
			t.Errorf("%s: the fast path declines it", n)
		}
	}
	t.Logf("the fast path reads %d of %d YAML files", accepted, len(names))
}

// TestFastYAMLCases holds the fast path to yaml.v3 on texts at the edges
// of what it reads, and checks which it declines.
func TestFastYAMLCases(t *testing.T) {
	for _, tc := range []struct {
		text   string
		accept bool
	}{
		{"notes:\n  - id: a\n    quote: \"x\"\n    note: |\n      Body.\n", true},
		{"notes:\n- id: a\n  cites: [a, 'b', \"c\"]\n  note: |-\n    One.\n\n    Two.\n\n\n- id: b\n", true},
		{"# comment\nnotes: # after\n\n  # between\n  - id: a # after a value\n    occurrence: 2\n", true},
		{"a: 1\na: 2\n", true},
		{"a: ~\nb: null\nc: true\nd: No\ne: 2025-11-27\nf: 2025-13-01\n", false},
		{"a: ~\nb: null\nc: true\nd: No\ne: 2025-11-27\n", true},
		{"a: é [x, é, y]\nb: [é, x]\nc: \"\\u00e9\\x41\\\"\\\\\"\nd: 'it''s'\n", true},
		{"a: |\n  no newline at the end", true},
		{"a: |\n  x\n  \n", true},
		{"a: |\n    deep\n  shallow\n", false},
		{"a: |\n\n  leading blank\n", false},
		{"a: |+\n  keep\n\n", false},
		{"a: >\n  folded\n", false},
		{"a: plain\n  continued\n", false},
		{"a: \"open\n  quote\"\n", false},
		{"a: &x 1\nb: *x\n", false},
		{"a: !!str 1\n", false},
		{"a: {b: c}\n", false},
		{"a: [b, [c]]\n", false},
		{"a: [b, ]\n", false},
		{"a:\tb\n", false},
		{"a: b: c\n", false},
		{"a: 0777\n", false},
		{"a: 7,500 refugees\nb: 100,000 in\nc: 12 000\nd: [1 a, 2]\n", true},
		{"a: 2025-11-27 10:00:00\n", false},
		{"a: 1_000\n", false},
		{"a: 1.5\n", false},
		{"a:\n", false},
		{"  a: 1\n", false},
		{"---\na: 1\n", false},
		{"a: 1\n...\n", false},
		{"- a\n- b: c\n  d: e\n", true},
		{"a:\n  b: c\n  d:\n  - e\n", true},
		{"a: x\u2028y\n", false},
		{"a: \"\\ud800\"\n", false},
		{"<<: a\n", false},
		{"a: <<\n", false},
		{"", false},
		{"# only a comment\n", false},
	} {
		got := checkFast(t, fmt.Sprintf("%q", tc.text), tc.text)
		if got != tc.accept {
			t.Errorf("%q: accepted %v, want %v", tc.text, got, tc.accept)
		}
	}
}

// TestFastYAMLLoad loads whole briefings with and without the fast path:
// the briefing and every problem reported must be the same.
func TestFastYAMLLoad(t *testing.T) {
	cases := map[string]fs.FS{"briefing": os.DirFS("../../..")}
	cases["synth"] = briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 30}))
	var baseFS fstest.MapFS
	archives := txtarFiles(t)
	for _, a := range archives {
		if strings.HasSuffix(a.path, "corpus/base.txtar") {
			baseFS = fstest.MapFS{}
			for _, f := range a.archive.Files {
				baseFS[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
	}
	for _, a := range archives {
		m := fstest.MapFS{}
		if strings.Contains(a.path, "corpus/") {
			for n, f := range baseFS {
				m[n] = f
			}
		}
		for _, f := range a.archive.Files {
			m[f.Name] = &fstest.MapFile{Data: f.Data}
		}
		cases[a.path] = m
	}
	defer func() { fastYAML = true }()
	for name, fsys := range cases {
		fastYAML = true
		fb, ferr := Load(fsys)
		fastYAML = false
		sb, serr := Load(fsys)
		if fmt.Sprint(ferr) != fmt.Sprint(serr) {
			t.Errorf("%s: problems differ:\nfast:\n%v\nyaml.v3:\n%v", name, ferr, serr)
		}
		if !reflect.DeepEqual(fb, sb) {
			t.Errorf("%s: the loaded briefings differ", name)
		}
	}
}

// FuzzNotesFastPath: whenever the fast path accepts a text, yaml.v3 must
// read it to the same tree. Run it with
// go test ./generator/internal/input -run XXX -fuzz FuzzNotesFastPath.
func FuzzNotesFastPath(f *testing.F) {
	for _, name := range []string{"annotations/one.yaml", "annotations/claims.yaml"} {
		f.Add(string(base()[name].Data))
	}
	for name, data := range synth.Briefing(synth.Options{Articles: 2, Notes: 4, Sources: 3, Claims: 3}) {
		if strings.HasSuffix(name, ".yaml") {
			f.Add(string(data))
		}
	}
	f.Add("notes:\n- id: a\n  cites: [a, 'b', \"c\\u00e9\"]\n  note: |-\n    One.\n\n    Two.\n\n\n- id: b # c\n  occurrence: 12\n")
	f.Add("a: é [x, é, y]\nb: [é, x]\nc: 'it''s'\nd: |\n  x\n  \ne: ~\n")
	f.Add("- a\n- b: c\n  d:\n  - 2025-11-27\n")
	f.Fuzz(func(t *testing.T, text string) {
		checkFast(t, "input", text)
	})
}
