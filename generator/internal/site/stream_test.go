package site

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/stage"
	"github.com/briefing/annotated/generator/internal/synth"
)

// streamCases are briefings that Stream must stage as Compile does.
func streamCases(t *testing.T) map[string]fs.FS {
	syn := briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 40, Notes: 8, Sources: 40, Claims: 10, Seed: 3}))
	return map[string]fs.FS{
		"the project's briefing": os.DirFS("../../.."),
		"typography":             briefingtest.Load(t, "testdata/typography.txtar"),
		"synthetic":              syn,
	}
}

// readTree returns the files under dir, by slash-separated path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameFiles reports every file that differs between got and want.
func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: %s missing", what, name)
		case !bytes.Equal(g, want[name]):
			t.Errorf("%s: %s differs (%d bytes, want %d)", what, name, len(g), len(want[name]))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s is extra", what, name)
		}
	}
}

// TestStreamMatchesCompile streams briefings, in batches of several sizes,
// into a folder, whole and detached, and into memory, and checks that the
// files are Compile's (detached as stage.Detach detaches them), byte for
// byte, with the same counts.
func TestStreamMatchesCompile(t *testing.T) {
	defer func(n int) { batchSize = n }(batchSize)
	for name, fsys := range streamCases(t) {
		want, err := Compile(fsys, stage.Options{BaseURL: "https://example.org/b/"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		whole := map[string]stage.Pieces{}
		for name, data := range want.Files {
			whole[name] = stage.Pieces{data}
		}
		detached, d := stage.Detach(whole)
		for _, n := range []int{1, 7, stage.BatchSize} {
			batchSize = n
			dir := t.TempDir()
			sink := &stage.Dir{Path: filepath.Join(dir, "stage")}
			res, err := Stream(fsys, stage.Options{BaseURL: "https://example.org/b/"}, sink)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if res.Counts != want.Counts {
				t.Errorf("%s, batches of %d: counts %+v, want %+v", name, n, res.Counts, want.Counts)
			}
			sameFiles(t, name+" in a folder", readTree(t, sink.Path), want.Files)

			mem := stage.Files{}
			if _, err := Stream(fsys, stage.Options{BaseURL: "https://example.org/b/"}, mem); err != nil {
				t.Fatal(err)
			}
			sameFiles(t, name+" in memory", mem, want.Files)

			pieces := stage.PieceFiles{}
			if _, err := Stream(fsys, stage.Options{BaseURL: "https://example.org/b/"}, pieces); err != nil {
				t.Fatal(err)
			}
			sameFiles(t, name+" in pieces", pieces.Flat(), want.Files)

			side := &stage.Dir{Path: filepath.Join(dir, "detached"), Side: filepath.Join(dir, "side")}
			if _, err := Stream(fsys, stage.Options{BaseURL: "https://example.org/b/"}, side); err != nil {
				t.Fatal(err)
			}
			sameFiles(t, name+" detached: pages", readTree(t, side.Path), detached)
			if err := side.Close(); err != nil {
				t.Fatal(err)
			}
			bodies := map[string][]byte{}
			for _, b := range side.Bodies() {
				if _, dup := bodies[b.Path]; dup {
					t.Errorf("%s: the body of %s is listed twice", name, b.Path)
				}
				data, err := b.Read()
				if err != nil {
					t.Fatal(err)
				}
				bodies[b.Path] = data
				// The articles' pages come whole: their bodies share one file.
				if strings.HasPrefix(b.Path, "articles/") && b.File != filepath.Join(side.Side, "bodies") {
					t.Errorf("%s: the body of %s is in %s, not in the bodies' file", name, b.Path, b.File)
				}
				if _, staged := detached[b.Page]; !staged || stage.OutputPath(b.Page) != b.Path {
					t.Errorf("%s: the body of %s is said to be of the staged page %s", name, b.Path, b.Page)
				}
			}
			sameFiles(t, name+" detached: bodies", bodies, stage.PieceFiles(d.Bodies).Flat())
			sameFiles(t, name+" detached: files", readTree(t, filepath.Join(side.Side, "files")), stage.PieceFiles(d.Files).Flat())
			if got := slices.Sorted(slices.Values(side.Files())); !slices.Equal(got, slices.Sorted(maps.Keys(d.Files))) {
				t.Errorf("%s: Files() = %v, want %v", name, got, slices.Sorted(maps.Keys(d.Files)))
			}
		}
	}
}

// TestStreamReportsAsCompile checks that a briefing with problems gives
// the same problems, in the same order, streamed or compiled.
func TestStreamReportsAsCompile(t *testing.T) {
	defer func(n int) { batchSize = n }(batchSize)
	batchSize = 2
	fsys := briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 6, Notes: 6, Sources: 30, Claims: 8, Seed: 9}))
	broken := 0
	for name, f := range fsys {
		if filepath.Ext(name) == ".yaml" && filepath.Dir(name) == "annotations" && name != "annotations/claims.yaml" && name != "annotations/sources.yaml" && broken < 3 {
			f.Data = bytes.Replace(f.Data, []byte("quote: "), []byte("quote: nowhere to be found "), 1)
			broken++
		}
	}
	fsys["content/articles/bad slug.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\n---\n")}
	_, want := Compile(fsys, stage.Options{})
	if n := strings.Count(errString(want), "\n"); n < 3 {
		t.Fatalf("the broken briefing has %d problems, want 4:\n%s", n+1, errString(want))
	}
	_, got := Stream(fsys, stage.Options{}, stage.Files{})
	if errString(got) != errString(want) {
		t.Errorf("Stream reports\n%s\nCompile reports\n%s", errString(got), errString(want))
	}
}

// fullSink is a stage.Files that fails, as a full disk would, from the
// article page numbered fail on.
type fullSink struct {
	stage.Files
	pages, fail int
}

var errFull = errors.New("no space left on device")

func (s *fullSink) File(name string, data []byte) error {
	if strings.HasPrefix(name, "content/articles/") {
		if s.pages++; s.pages >= s.fail {
			return errFull
		}
	}
	return s.Files.File(name, data)
}

// TestStreamStopsAtWriteError has the sink fail in the middle of the
// articles, which are staged while the next batch renders: Stream returns
// the sink's error and hands the sink no page after the failure.
func TestStreamStopsAtWriteError(t *testing.T) {
	defer func(n int) { batchSize = n }(batchSize)
	batchSize = 2
	fsys := briefingtest.MapFS(synth.Briefing(synth.Options{Articles: 40, Notes: 3, Sources: 20, Claims: 5, Seed: 3}))
	sink := &fullSink{Files: stage.Files{}, fail: 5}
	res, err := Stream(fsys, stage.Options{}, sink)
	if !errors.Is(err, errFull) || res != nil {
		t.Fatalf("Stream = %v, %v; want the sink's error", res, err)
	}
	if sink.pages != sink.fail {
		t.Errorf("the sink was handed %d article pages, want none after the %dth failed", sink.pages, sink.fail)
	}
	pages := 0
	for name := range sink.Files {
		if strings.HasPrefix(name, "content/articles/") {
			pages++
		}
	}
	if pages != sink.fail-1 {
		t.Errorf("%d article pages staged, want %d", pages, sink.fail-1)
	}
}
