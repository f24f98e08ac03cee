package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
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

// TestBuildFilesOverTheme: a file the generator writes to the site (here
// briefing.json) takes the place of a theme's static file of the same name,
// wherever the build stages, although it is written to the site before
// Hugo copies the theme's static files there.
func TestBuildFilesOverTheme(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	theme := ownTheme(t, root)
	writeTestFile(t, filepath.Join(theme, "static", "briefing.json"), `{"from":"the theme"}`)
	writeTestFile(t, filepath.Join(theme, "static", "theme-only.txt"), "kept")
	stageModes(t, root, func(t *testing.T) {
		out := buildBriefing(t, root)
		var model struct {
			Articles []json.RawMessage `json:"articles"`
		}
		if err := json.Unmarshal([]byte(readFile(t, out, "briefing.json")), &model); err != nil || len(model.Articles) == 0 {
			t.Errorf("briefing.json is not the generator's: %v, %d articles", err, len(model.Articles))
		}
		if got := readFile(t, out, "theme-only.txt"); got != "kept" {
			t.Errorf("the theme's own static file holds %q", got)
		}
	})
}

// TestBuildThemeTransformingContent: a theme whose article template does
// not print .Content as it is (here: it adds a class to the body's
// container) gets the page Hugo makes of the whole body, as without
// detaching. (The transformation keeps ids and links, so that the built site
// passes the integrity check every test build gets.)
func TestBuildThemeTransformingContent(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	theme := ownTheme(t, root)
	editLayout(t, theme, "page.html", "{{ .Content }}", `{{ replace .Content "class=\"body\"" "class=\"body transformed\"" | safeHTML }}`)
	stageModes(t, root, func(t *testing.T) {
		page := readFile(t, buildBriefing(t, root), "articles/curly.html")
		if !strings.Contains(page, `<div class="body transformed">`) || !strings.Contains(page, `role="doc-endnotes"`) {
			t.Errorf("the article page does not hold its transformed body:\n%.2000s", page)
		}
		if strings.Contains(page, stage.BodyMark) {
			t.Error("the page keeps the body mark")
		}
	})
}

// TestBuildFallsBackToWholePages: a theme that prints a page's content as
// it is, but whose page also holds the body mark (here the template writes
// one of its own), cannot be spliced: the bodies go back into the staged
// pages and Hugo builds them whole, in memory or on a disk, and the zip
// still holds the site.
func TestBuildFallsBackToWholePages(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	theme := ownTheme(t, root)
	editLayout(t, theme, "page.html", "{{ .Content }}", "{{ .Content }}{{ \""+stage.BodyMark+"\" | safeHTML }}")
	stageModes(t, root, func(t *testing.T) {
		out := buildBriefing(t, root)
		page := readFile(t, out, "articles/curly.html")
		if !strings.Contains(page, `<div class="body">`) || !strings.Contains(page, `role="doc-endnotes"`) {
			t.Errorf("the article page does not hold its body:\n%.2000s", page)
		}
		if n := strings.Count(page, stage.BodyMark); n != 1 {
			t.Errorf("the page holds the theme's mark %d times, want once", n)
		}
		site := siteFiles(t, out)
		zipData := []byte(site[offline.Name])
		delete(site, offline.Name)
		checkZip(t, zipData, site, filepath.Join(out, offline.Name))
	})
}

// TestBuildZipHoldsTheSite: the offline zip holds every file of the site,
// byte for byte, whether Hugo built into a folder in memory (whose files
// the splice copies, the archive taking them from memory) or, with TMPDIR
// set, into the output folder itself (the splice working in place, the
// archive reading the site back); the system's unzip extracts it.
func TestBuildZipHoldsTheSite(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	stageModes(t, root, func(t *testing.T) {
		out := buildBriefing(t, root)
		site := siteFiles(t, out)
		zipData := []byte(site[offline.Name])
		delete(site, offline.Name)
		checkZip(t, zipData, site, filepath.Join(out, offline.Name))
	})
}

// TestBuildNoZip: build --no-zip writes the same site as build, file for
// file and byte for byte, less the offline zip and the footer's link to it,
// whether Hugo built into memory, into the output folder itself (the
// splice in place) or with only the project in memory.
func TestBuildNoZip(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	link := regexp.MustCompile(`,\n\s*<a href="(?:\./|\.\./)?briefing-offline\.zip"[^>]*>briefing-offline\.zip</a> \([^)]*\)`)
	stageModes(t, root, func(t *testing.T) {
		want := siteFiles(t, buildBriefing(t, root))
		if _, ok := want[offline.Name]; !ok {
			t.Fatal("build made no zip")
		}
		delete(want, offline.Name)
		out := filepath.Join(t.TempDir(), "public")
		if code, stdout, stderr := runCmd(t, "build", "--root", root, "--out", out, "--no-zip"); code != 0 {
			t.Fatalf("build --no-zip exited %d:\n%s%s", code, stdout, stderr)
		}
		got := siteFiles(t, out)
		linked := 0
		for name, data := range want {
			if strings.HasSuffix(name, ".html") {
				if link.MatchString(data) {
					linked++
				}
				data = link.ReplaceAllString(data, "")
			}
			if g, ok := got[name]; !ok {
				t.Errorf("build --no-zip did not write %s", name)
			} else {
				briefingtest.Same(t, "build --no-zip's "+name+" against build's, less the zip's link", []byte(g), []byte(data))
			}
		}
		if linked == 0 {
			t.Error("no page of build links to the zip: the test would not see a link left behind")
		}
		for name, data := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("build --no-zip wrote %s, which build does not", name)
			}
			if strings.Contains(data, offline.Name) {
				t.Errorf("%s names %s, which --no-zip does not make", name, offline.Name)
			}
		}
	})
}

// TestNoZipLinkRefused: a link in the editors' text to the offline zip is
// an error at the link under build --no-zip, which makes no zip for it to
// reach, and nothing is published; check, which has no such flag, and a
// build with the zip accept it.
func TestNoZipLinkRefused(t *testing.T) {
	c := loadCase(t, "testdata/corpus/base.txtar")
	root := writeCase(t, c, t.TempDir())
	notes := filepath.Join(root, "annotations", "one.yaml")
	text, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	linked := strings.Replace(string(text), "note: The lowest since 1980.", "note: The lowest since 1980 ([all of it](../briefing-offline.zip)).", 1)
	if linked == string(text) {
		t.Fatal("the note's text was not found: the case is not the one this test expects")
	}
	if err := os.WriteFile(notes, []byte(linked), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check", "--root", root}, {"build", "--root", root}} {
		if code, _, stderr := runCmd(t, args...); code != 0 {
			t.Fatalf("%s exited %d:\n%s", args[0], code, stderr)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := runCmd(t, "build", "--root", root, "--out", out, "--no-zip")
	want := `annotations/one.yaml:19:46: the link "../briefing-offline.zip" points to briefing-offline.zip, which build --no-zip does not make: build without --no-zip, or remove the link`
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("build --no-zip exited %d, want 1 with %q:\n%s", code, want, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("build --no-zip made %s (%v), though it found a problem", out, err)
	}
}

// checkZip checks that the offline zip zipData (at path on disk) holds
// exactly the files of site, the zip itself left out: each byte for byte
// (the 404 page as offline.ForDisk gives it),
// each once, sorted by name; and that the system's unzip, where there is
// one, finds it sound.
func checkZip(t *testing.T, zipData []byte, site map[string]string, path string) {
	t.Helper()
	entries, files := briefingtest.Unzip(t, zipData)
	var names []string
	for _, f := range entries {
		data := files[f.Name]
		name := strings.TrimPrefix(f.Name, offline.Folder+"/")
		want, ok := site[name]
		want = string(offline.ForDisk(name, []byte(want))) // the 404 page links home from beside index.html
		switch {
		case !ok:
			t.Errorf("%s is in the zip, not in the site", f.Name)
		case string(data) != want:
			t.Errorf("%s in the zip differs from the site's file: %d bytes, %.40q…; want %d bytes, %.40q…", f.Name, len(data), data, len(want), want)
		}
		names = append(names, name)
	}
	if !slices.Equal(names, slices.Sorted(maps.Keys(site))) {
		t.Errorf("entries %v, want the site's files once each, sorted: %v", names, slices.Sorted(maps.Keys(site)))
	}
	if unzip, err := exec.LookPath("unzip"); err == nil {
		if msg, err := exec.Command(unzip, "-tq", path).CombinedOutput(); err != nil {
			t.Errorf("unzip -t: %v\n%s", err, msg)
		}
	}
}

// ownTheme gives the briefing in root a theme of its own, a copy of the
// bundled one, and returns its folder.
func ownTheme(t *testing.T, root string) string {
	t.Helper()
	theme := filepath.Join(root, "themes", "briefing")
	if err := os.CopyFS(theme, annotated.Theme()); err != nil {
		t.Fatal(err)
	}
	return theme
}

// editLayout replaces the first old in the theme's layout name with new.
func editLayout(t *testing.T, theme, name, old, new string) {
	t.Helper()
	layout := filepath.Join(theme, "layouts", name)
	data, err := os.ReadFile(layout)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("the layout %s has no %q", name, old)
	}
	if err := os.WriteFile(layout, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// stageModes runs f for each of the places a build of the briefing in
// root stages in: all in memory, all on a disk (TMPDIR set) and, as for a
// large briefing, the project of small pages in memory and the rest (the
// bodies, Hugo's output) on a disk.
func stageModes(t *testing.T, root string, f func(t *testing.T)) {
	t.Helper()
	for _, mode := range []string{"memory", "disk", "project in memory"} {
		t.Run(mode, func(t *testing.T) {
			switch mode {
			case "disk":
				t.Setenv("TMPDIR", t.TempDir())
			case "project in memory":
				theme, err := themeFiles(root)
				if err != nil {
					t.Fatal(err)
				}
				small := inputSize(root) + projectSize(theme)
				defer func(n int64) { maxMemoryStage = n }(maxMemoryStage)
				maxMemoryStage = small
				if dir, release, err := memoryStage(small); err != nil || dir == "" {
					t.Skipf("no memory file system to stage in (%v)", err)
				} else {
					release()
				}
				if dir, _, _ := memoryStage(stageGrowth*inputSize(root) + projectSize(theme)); dir != "" {
					t.Fatal("the whole stage would go to memory")
				}
			}
			f(t)
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

// sideOf writes bodies and files to a new side folder as stage.Dir
// detaches them.
func sideOf(t *testing.T, bodies, files map[string]string) *sideFolder {
	t.Helper()
	dir := t.TempDir()
	s := &sideFolder{filesDir: filepath.Join(dir, "files")}
	// The bodies back to back in one file, after a few bytes of another.
	spool := filepath.Join(dir, "bodies")
	all := "xyz"
	for _, name := range slices.Sorted(maps.Keys(bodies)) {
		s.bodies = append(s.bodies, stage.Body{Path: name, Page: "content/" + name, File: spool, Off: int64(len(all)), Size: int64(len(bodies[name]))})
		all += bodies[name]
	}
	writeTestFile(t, spool, all+"zyx")
	s.files = append(s.files, slices.Sorted(maps.Keys(files))...)
	for name, data := range files {
		writeTestFile(t, s.file(name), data)
	}
	return s
}

func writeTestFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSplice: in place or into another folder (the detached files copied
// there before, or not), each page gets its body from the side folder in
// place of its mark, the detached files are written (over a file of the
// same name Hugo built), every other file Hugo built is there as it was,
// and the zip written as the site is holds every file of it; a page without
// its mark, or with two, writes nothing and reports false. Bodies and files
// of several pieces (offline.Pack's 1 MiB) are spliced and zipped whole.
func TestSplice(t *testing.T) {
	big := strings.Repeat("<p>a long body, ", 200_000) // 3.2 MB
	built := map[string]string{
		"index.html":      "<main>" + stage.BodyMark + "</main>",
		"articles/a.html": "<h1>a</h1>" + stage.BodyMark + "<footer>",
		"articles/b.html": stage.BodyMark,
		"css/site.css":    "body{}",
		"js/search.js":    "the theme's",
	}
	bodies := map[string]string{"index.html": "<p>home</p>", "articles/a.html": big, "articles/b.html": "x"}
	files := map[string]string{"js/search.js": "the generator's", "briefing.json": big + "{}", "empty.txt": ""}
	want := map[string]string{
		"index.html":      "<main><p>home</p></main>",
		"articles/a.html": "<h1>a</h1>" + big + "<footer>",
		"articles/b.html": "x",
		"css/site.css":    "body{}",
		"js/search.js":    "the generator's",
		"briefing.json":   big + "{}",
		"empty.txt":       "",
	}
	check := func(t *testing.T, dir string) {
		t.Helper()
		got := siteFiles(t, dir)
		zipData := []byte(got[offline.Name])
		delete(got, offline.Name)
		for name, w := range want {
			if got[name] != w {
				t.Errorf("%s = %.40q (%d bytes), want %.40q (%d bytes)", name, got[name], len(got[name]), w, len(w))
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d files, want %d: %v", len(got), len(want), slices.Sorted(maps.Keys(got)))
		}
		checkZip(t, zipData, want, filepath.Join(dir, offline.Name))
	}
	splice := func(t *testing.T, from, dir string, side *sideFolder) {
		t.Helper()
		if err := side.moveFiles(dir); err != nil {
			t.Fatal(err)
		}
		sp, ok, err := planSplice(from, dir, side)
		if !ok || err != nil {
			t.Fatalf("planSplice: %v, %v", ok, err)
		}
		if err := sp.pack(t.TempDir()); err != nil {
			t.Fatal(err)
		}
		if n := sp.pages(); n != 3 {
			t.Errorf("%d pages, want 3", n)
		}
	}
	t.Run("in place", func(t *testing.T) {
		dir := hugoSite(t, built)
		splice(t, dir, dir, sideOf(t, bodies, files))
		check(t, dir)
	})
	for _, created := range []bool{false, true} {
		t.Run(fmt.Sprintf("into another folder, pages created empty first: %v", created), func(t *testing.T) {
			from, dir := hugoSite(t, built), t.TempDir()
			side := sideOf(t, bodies, files)
			if created {
				if err := createFiles(dir, side.paths()); err != nil {
					t.Fatal(err)
				}
			}
			splice(t, from, dir, side)
			check(t, dir)
			if !reflect.DeepEqual(siteFiles(t, from), built) {
				t.Error("the folder Hugo built into was changed")
			}
		})
	}
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
			_, ok, err := planSplice(from, dir, sideOf(t, bodies, nil))
			if ok || err != nil {
				t.Errorf("%q (into another folder: %v): %v, %v; want false, nil", bad, into, ok, err)
			}
			if !reflect.DeepEqual(siteFiles(t, dir), before) {
				t.Errorf("%q (into another folder: %v): files were written", bad, into)
			}
		}
	}
}

// TestSideRestore: the bodies go back into the staged pages in place of
// their marks, for a Hugo run over whole pages.
func TestSideRestore(t *testing.T) {
	project := t.TempDir()
	side := sideOf(t, map[string]string{"index.html": "<p>home</p>", "articles/a.html": "<p>a</p>"}, nil)
	for i, b := range side.bodies {
		side.bodies[i].Page = map[string]string{"index.html": "content/_index.html", "articles/a.html": "content/articles/a.html"}[b.Path]
	}
	writeTestFile(t, filepath.Join(project, "content", "_index.html"), "{\"title\":\"home\"}\n"+stage.BodyMark)
	writeTestFile(t, filepath.Join(project, "content", "articles", "a.html"), "{}\n"+stage.BodyMark)
	if err := side.restore(project); err != nil {
		t.Fatal(err)
	}
	got := siteFiles(t, project)
	want := map[string]string{"content/_index.html": "{\"title\":\"home\"}\n<p>home</p>", "content/articles/a.html": "{}\n<p>a</p>"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("restored %q, want %q", got, want)
	}
	if err := side.restore(project); err == nil {
		t.Error("restoring pages without their marks: no error")
	}
}

// siteFiles is every file under dir with its contents (snapshotDir without
// the folders).
func siteFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := snapshotDir(t, dir)
	maps.DeleteFunc(files, func(name, _ string) bool { return strings.HasSuffix(name, "/") })
	return files
}

// TestBuildReusesZip: a build over a published site takes the unchanged
// pieces of its zip (offline.PackReusing), and the zip is the one a build
// into an empty folder makes, whether the briefing changed or not, however
// the build is staged.
func TestBuildReusesZip(t *testing.T) {
	root := t.TempDir()
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	notes := filepath.Join(root, "annotations", "curly.yaml")
	original, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	// Of the same length, so that every staging mode stays the one it is.
	edited := bytes.Replace(original, []byte("note: Second mention."), []byte("note: Second MENTION."), 1)
	if bytes.Equal(edited, original) {
		t.Fatal("the fixture has no note to edit")
	}
	build := func(t *testing.T, out string) []byte {
		t.Helper()
		if code, stdout, stderr := runCmd(t, "build", "--root", root, "--out", out); code != 0 {
			t.Fatalf("build exited %d:\n%s%s", code, stdout, stderr)
		}
		data, err := os.ReadFile(filepath.Join(out, offline.Name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	stageModes(t, root, func(t *testing.T) {
		if err := os.WriteFile(notes, original, 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		first := build(t, out)
		if prev := offline.OpenPrevious(filepath.Join(out, offline.Name)); prev == nil {
			t.Fatal("the build's zip cannot be reused")
		} else {
			prev.Close()
		}
		if again := build(t, out); !bytes.Equal(again, first) {
			t.Error("building the same briefing over its site changed the zip")
		}
		if err := os.WriteFile(notes, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		rebuilt := build(t, out)
		if bytes.Equal(rebuilt, first) {
			t.Fatal("the edit did not change the zip")
		}
		if fresh := build(t, filepath.Join(t.TempDir(), "public")); !bytes.Equal(rebuilt, fresh) {
			t.Error("after an edit, the zip built over the site differs from one built into an empty folder")
		}
	})
}
