package offline

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefing/annotated/generator/internal/briefingtest"
)

func site(mod time.Time) fstest.MapFS {
	return fstest.MapFS{
		"index.html":         {Data: []byte("<p>home</p>"), ModTime: mod},
		"articles/b.html":    {Data: []byte("b"), ModTime: mod},
		"articles/a.html":    {Data: []byte("a"), ModTime: mod},
		"css/x.css":          {Data: bytes.Repeat([]byte("body{} "), 100), ModTime: mod},
		Name:                 {Data: []byte("an older archive"), ModTime: mod},
		"annotations.jsonld": {Data: []byte("{}"), ModTime: mod},
	}
}

func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, site(time.Now())); err != nil {
		t.Fatal(err)
	}
	entries, files := briefingtest.Unzip(t, buf.Bytes())
	want := []string{"briefing/annotations.jsonld", "briefing/articles/a.html", "briefing/articles/b.html", "briefing/css/x.css", "briefing/index.html"}
	if len(entries) != len(want) {
		t.Fatalf("%d entries, want %d (the archive itself left out)", len(entries), len(want))
	}
	for i, f := range entries {
		if f.Name != want[i] {
			t.Errorf("entry %d = %s, want %s (sorted)", i, f.Name, want[i])
		}
		if !f.Modified.Equal(Modified) {
			t.Errorf("%s modified %v, want %v", f.Name, f.Modified, Modified)
		}
		src := site(time.Time{})[f.Name[len(Folder)+1:]]
		if !bytes.Equal(files[f.Name], src.Data) {
			t.Errorf("%s: contents differ", f.Name)
		}
	}
}

// TestDeterministic: files written at different times give the same bytes.
func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, site(time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, site(time.Date(2026, 6, 7, 8, 9, 10, 0, time.FixedZone("X", 3600)))); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two archives of the same files differ")
	}
}

// BenchmarkWrite packs a site the size of the project's own briefing
// (about 2 MB of HTML, CSS and JSON in 15 files).
func BenchmarkWrite(b *testing.B) {
	fsys := fstest.MapFS{}
	for i := range 15 {
		var page bytes.Buffer
		for page.Len() < 130_000 {
			fmt.Fprintf(&page, "<p id=\"p%d\">Paragraph %d of an annotated article, with a note marker.</p>\n", page.Len(), i)
		}
		fsys[fmt.Sprintf("page%02d.html", i)] = &fstest.MapFile{Data: page.Bytes()}
	}
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// built is a site with files of every shape the archive handles: larger
// than a piece, empty, incompressible, small.
func built() fstest.MapFS {
	rnd := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 5000)
	for i := range noise {
		noise[i] = byte(rnd.Uint32())
	}
	var big bytes.Buffer
	for i := 0; big.Len() < 3*pieceSize+12345; i++ {
		fmt.Fprintf(&big, "<p id=\"p%d\">Paragraph %d, with <a href=\"#n%d\">a note</a>.</p>\n", i, i, i%97)
	}
	parts := map[string][][]byte{
		"articles/a.html":    {[]byte("<html><head>"), big.Bytes(), []byte("</body></html>\n")},
		"articles/b.html":    {[]byte("<html>"), nil, []byte("</html>")},
		"empty.txt":          {},
		"noise.bin":          {noise},
		"annotations.jsonld": {bytes.Repeat([]byte(`{"a":1},`), 1000)},
	}
	fsys := fstest.MapFS{}
	for name, p := range parts {
		fsys[name] = &fstest.MapFile{Data: bytes.Join(p, nil)}
	}
	fsys["css/x.css"] = &fstest.MapFile{Data: []byte("body{}")}
	return fsys
}

// unpack reads every entry of a zip, checking its checksum.
func unpack(t *testing.T, data []byte) (map[string][]byte, map[string]uint16) {
	t.Helper()
	entries, files := briefingtest.Unzip(t, data)
	methods := map[string]uint16{}
	var names []string
	for _, f := range entries {
		methods[f.Name] = f.Method
		names = append(names, f.Name)
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("entries not sorted: %v", names)
	}
	return files, methods
}

// TestWriteSite: every file comes out whole, in its place; what deflate
// does not shrink is stored.
func TestWriteSite(t *testing.T) {
	fsys := built()
	var buf bytes.Buffer
	if err := Write(&buf, fsys); err != nil {
		t.Fatal(err)
	}
	files, methods := unpack(t, buf.Bytes())
	if len(files) != len(fsys) {
		t.Errorf("%d entries, want %d", len(files), len(fsys))
	}
	for name, f := range fsys {
		got, ok := files[Folder+"/"+name]
		if !ok {
			t.Errorf("%s is missing", name)
		} else if !bytes.Equal(got, f.Data) {
			t.Errorf("%s: %d bytes differ from the %d of the file", name, len(got), len(f.Data))
		}
	}
	for name, want := range map[string]uint16{"noise.bin": zip.Store, "empty.txt": zip.Store, "articles/a.html": zip.Deflate, "css/x.css": zip.Store, "annotations.jsonld": zip.Deflate} {
		if m := methods[Folder+"/"+name]; m != want {
			t.Errorf("%s has method %d, want %d", name, m, want)
		}
	}
	raw := 0
	for _, f := range fsys {
		raw += len(f.Data)
	}
	if buf.Len() > raw/5 {
		t.Errorf("the archive takes %d bytes for %d: the pages are not compressed", buf.Len(), raw)
	}
}

// TestUnzip: the system's unzip reads the archive, checksums and all.
func TestUnzip(t *testing.T) {
	unzip, err := exec.LookPath("unzip")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("unzip is not installed")
		}
		t.Skip("unzip is not installed")
	}
	fsys := built()
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, Name))
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(f, fsys); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(unzip, "-q", "-d", dir, filepath.Join(dir, Name)).CombinedOutput()
	if err != nil {
		t.Fatalf("unzip: %v\n%s", err, out)
	}
	for name, want := range fsys {
		got, err := os.ReadFile(filepath.Join(dir, Folder, filepath.FromSlash(name)))
		if err != nil {
			t.Error(err)
		} else if !bytes.Equal(got, want.Data) {
			t.Errorf("%s unzipped differs", name)
		}
	}
}

// TestNotFoundForDisk: the 404 page, served by a host at any depth, links
// home from the site's root; in the archive, opened from disk at the top
// of its folder, its marked links are to the address the theme gives them
// there (index.html beside it), and nothing else changes: not its other
// links, not another page with the same markup.
func TestNotFoundForDisk(t *testing.T) {
	const page = `<p><a href="&#47;index.html" data-offline-href="index.html">Home</a> <a href="https://example.org/">out</a>` +
		` <a href="https://example.org/sub/" data-offline-href="index.html">Home</a></p>`
	fsys := site(time.Now())
	fsys[NotFound] = &fstest.MapFile{Data: []byte(page)}
	fsys["other.html"] = &fstest.MapFile{Data: []byte(page)}
	var buf bytes.Buffer
	if err := Write(&buf, fsys); err != nil {
		t.Fatal(err)
	}
	_, files := briefingtest.Unzip(t, buf.Bytes())
	want := `<p><a href="index.html">Home</a> <a href="https://example.org/">out</a> <a href="index.html">Home</a></p>`
	if got := string(files[Folder+"/"+NotFound]); got != want {
		t.Errorf("the zip's 404 page:\n%s\nwant\n%s", got, want)
	}
	if got := string(files[Folder+"/other.html"]); got != page {
		t.Errorf("another page changed: %s", got)
	}
	if got := string(fsys[NotFound].Data); got != page {
		t.Errorf("the site's 404 page changed: %s", got)
	}
}
