package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	annotated "github.com/briefing/annotated"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/offline"
	"github.com/briefing/annotated/generator/internal/stage"
)

// TestBuildSplicesBodies: a build hands Hugo pages without their bodies and
// puts each body in its place afterwards; no mark is left and the pages hold
// their bodies.
func TestBuildSplicesBodies(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	out := buildBriefing(t, root)
	pages := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if strings.Contains(string(data), stage.BodyMark) {
			t.Errorf("%s keeps the body mark", p)
		}
		pages++
		return err
	})
	if err != nil || pages == 0 {
		t.Fatalf("%d pages (%v)", pages, err)
	}
	page := readFile(t, out, "articles/curly.html")
	for _, want := range []string{`<div class="body">`, `role="doc-endnotes"`, `class="sidenote`, "</html>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the article page lacks %s", want)
		}
	}
	for _, name := range []string{"briefing.json", "annotations.jsonld"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("the detached file %s is not in the site: %v", name, err)
		}
	}
}

// TestBuildThemeTransformingContent: a theme whose article template does
// not print .Content as it is (here: it adds a class to the body's
// container) gets the page Hugo makes of the whole body, as without
// detaching. (The transformation keeps ids and links, so that the built site
// passes the integrity check every test build gets.)
func TestBuildThemeTransformingContent(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	theme := filepath.Join(root, "themes", "briefing")
	if err := os.CopyFS(theme, annotated.Theme()); err != nil {
		t.Fatal(err)
	}
	layout := filepath.Join(theme, "layouts", "page.html")
	data, err := os.ReadFile(layout)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(layout, []byte(strings.Replace(string(data), "{{ .Content }}", `{{ replace .Content "class=\"body\"" "class=\"body transformed\"" | safeHTML }}`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"memory", "disk"} { // as in TestBuildZipHoldsTheSite
		t.Run(mode, func(t *testing.T) {
			if mode == "disk" {
				t.Setenv("TMPDIR", t.TempDir())
			}
			page := readFile(t, buildBriefing(t, root), "articles/curly.html")
			if !strings.Contains(page, `<div class="body transformed">`) || !strings.Contains(page, `role="doc-endnotes"`) {
				t.Errorf("the article page does not hold its transformed body:\n%.2000s", page)
			}
			if strings.Contains(page, stage.BodyMark) {
				t.Error("the page keeps the body mark")
			}
		})
	}
}

// TestBuildZipHoldsTheSite: the offline zip holds every file of the site,
// byte for byte, whether Hugo built into a folder in memory (whose files
// the splice copies, the archive taking them from memory) or, with TMPDIR
// set, into the output folder itself (the splice working in place, the
// archive reading the site back); the system's unzip extracts it.
func TestBuildZipHoldsTheSite(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	for _, mode := range []string{"memory", "disk"} {
		t.Run(mode, func(t *testing.T) {
			if mode == "disk" {
				t.Setenv("TMPDIR", t.TempDir())
			}
			out := buildBriefing(t, root)
			site := siteFiles(t, out)
			zipData := []byte(site[offline.Name])
			delete(site, offline.Name)
			zr, err := zip.NewReader(bytes.NewReader(zipData), int64(len(zipData)))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				data, err := io.ReadAll(rc)
				rc.Close()
				name := strings.TrimPrefix(f.Name, offline.Folder+"/")
				want, ok := site[name]
				switch {
				case err != nil:
					t.Errorf("%s: %v", f.Name, err)
				case !ok:
					t.Errorf("%s is in the zip, not in the site", f.Name)
				case string(data) != want:
					t.Errorf("%s differs from the site's file", f.Name)
				}
				delete(site, name)
			}
			for name := range site {
				t.Errorf("%s is not in the zip", name)
			}
			if unzip, err := exec.LookPath("unzip"); err == nil {
				if msg, err := exec.Command(unzip, "-tq", filepath.Join(out, offline.Name)).CombinedOutput(); err != nil {
					t.Errorf("unzip -t: %v\n%s", err, msg)
				}
			}
		})
	}
}

// hugoSite writes the files of a site as Hugo would build it to a new folder.
func hugoSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSplice: in place or into another folder, each page gets its body in
// place of its mark, the detached files are written (over a file of the
// same name Hugo built), every other file Hugo built is there as it was,
// and the archive gets every file written; a page without its mark, or
// with two, writes nothing and reports false.
func TestSplice(t *testing.T) {
	built := map[string]string{
		"index.html":      "<main>" + stage.BodyMark + "</main>",
		"articles/a.html": "<h1>a</h1>" + stage.BodyMark + "<footer>",
		"css/site.css":    "body{}",
		"js/search.js":    "the theme's",
	}
	detached := func() *stage.Detached {
		return &stage.Detached{
			Bodies: map[string][]byte{"index.html": []byte("<p>home</p>"), "articles/a.html": []byte("<p>text</p>")},
			Files:  map[string][]byte{"js/search.js": []byte("the generator's"), "briefing.json": []byte("{}")},
		}
	}
	want := map[string]string{
		"index.html":      "<main><p>home</p></main>",
		"articles/a.html": "<h1>a</h1><p>text</p><footer>",
		"css/site.css":    "body{}",
		"js/search.js":    "the generator's",
		"briefing.json":   "{}",
	}
	check := func(t *testing.T, dir string) {
		t.Helper()
		got := siteFiles(t, dir)
		for name, w := range want {
			if got[name] != w {
				t.Errorf("%s = %q, want %q", name, got[name], w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d files, want %d: %v", len(got), len(want), got)
		}
	}
	t.Run("in place", func(t *testing.T) {
		dir := hugoSite(t, built)
		if ok, err := splice(dir, detached()); !ok || err != nil {
			t.Fatalf("splice: %v, %v", ok, err)
		}
		check(t, dir)
	})
	t.Run("into another folder", func(t *testing.T) {
		from, dir := hugoSite(t, built), t.TempDir()
		d := detached()
		arc := new(offline.Archive)
		body := map[string]*offline.Part{"index.html": arc.Part(d.Bodies["index.html"])}
		if err := writeFiles(dir, d.Files, arc); err != nil {
			t.Fatal(err)
		}
		if ok, err := spliceInto(from, dir, d, arc, body); !ok || err != nil {
			t.Fatalf("spliceInto: %v, %v", ok, err)
		}
		check(t, dir)
		if !reflect.DeepEqual(siteFiles(t, from), built) {
			t.Error("the folder Hugo built into was changed")
		}
		// Every file from memory: none may be read back.
		var zipped bytes.Buffer
		if err := arc.Write(&zipped, onlyNames{os.DirFS(dir)}); err != nil {
			t.Fatalf("the archive read the site back: %v", err)
		}
		zr, err := zip.NewReader(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, _ := f.Open()
			data, err := io.ReadAll(rc)
			if name := strings.TrimPrefix(f.Name, offline.Folder+"/"); err != nil || string(data) != want[name] {
				t.Errorf("%s in the zip = %q (%v), want %q", f.Name, data, err, want[name])
			}
		}
		if len(zr.File) != len(want) {
			t.Errorf("%d entries, want %d", len(zr.File), len(want))
		}
	})
	for _, bad := range []string{"<main></main>", "<main>" + stage.BodyMark + stage.BodyMark + "</main>"} {
		for _, into := range []bool{false, true} {
			files := maps.Clone(built)
			files["index.html"] = bad
			from := hugoSite(t, files)
			dir := from
			if into {
				dir = t.TempDir()
			}
			before := siteFiles(t, dir)
			ok, err := spliceInto(from, dir, detached(), nil, nil)
			if ok || err != nil {
				t.Errorf("%q (into another folder: %v): %v, %v; want false, nil", bad, into, ok, err)
			}
			if !reflect.DeepEqual(siteFiles(t, dir), before) {
				t.Errorf("%q (into another folder: %v): files were written", bad, into)
			}
		}
	}
}

// onlyNames is a file system whose files can be listed but not read.
type onlyNames struct{ fs.FS }

func (o onlyNames) Open(name string) (fs.File, error) {
	f, err := o.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && !st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s was read", name)
	}
	return f, nil
}

// siteFiles is every file under dir with its contents (snapshotDir without
// the folders).
func siteFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := snapshotDir(t, dir)
	maps.DeleteFunc(files, func(name, _ string) bool { return strings.HasSuffix(name, "/") })
	return files
}
