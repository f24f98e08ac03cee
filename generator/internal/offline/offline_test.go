package offline

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"testing"
	"testing/fstest"
	"time"
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
	r, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"briefing/annotations.jsonld", "briefing/articles/a.html", "briefing/articles/b.html", "briefing/css/x.css", "briefing/index.html"}
	if len(r.File) != len(want) {
		t.Fatalf("%d entries, want %d (the archive itself left out)", len(r.File), len(want))
	}
	for i, f := range r.File {
		if f.Name != want[i] {
			t.Errorf("entry %d = %s, want %s (sorted)", i, f.Name, want[i])
		}
		if !f.Modified.Equal(Modified) {
			t.Errorf("%s modified %v, want %v", f.Name, f.Modified, Modified)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		src := site(time.Time{})[f.Name[len(Folder)+1:]]
		if !bytes.Equal(data, src.Data) {
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
