// Package briefingtest loads txtar fixtures of whole briefings for tests,
// and compares what tests build (Same) and reads back the zips they
// write (Unzip).
//
// A fixture is a txtar archive: its comment describes the case, and its files
// are the briefing's files. A comment line "crlf: true" makes every file use
// CRLF line endings and start with a UTF-8 byte-order mark, as an editor on
// Windows may save them.
package briefingtest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// Load reads the fixture at path as a file system.
func Load(t testing.TB, path string) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatalf("reading fixture: %v", err)
	}
	crlf := strings.Contains(string(a.Comment), "crlf: true")
	fs := fstest.MapFS{}
	for _, f := range a.Files {
		data := f.Data
		if crlf {
			data = []byte("\xef\xbb\xbf" + strings.ReplaceAll(string(data), "\n", "\r\n"))
		}
		fs[f.Name] = &fstest.MapFile{Data: data}
	}
	return fs
}

// MapFS is a briefing's files, such as a synthetic briefing's (synth.Files),
// as a file system.
func MapFS(files map[string][]byte) fstest.MapFS {
	fs := make(fstest.MapFS, len(files))
	for name, data := range files {
		fs[name] = &fstest.MapFile{Data: data}
	}
	return fs
}

// WriteDir writes the fixture's files under dir, for tests that run the
// command line on a real folder.
func WriteDir(t testing.TB, fs fstest.MapFS, dir string) {
	t.Helper()
	for name, f := range fs {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Same fails t, naming what, unless got and want are the same bytes; it
// shows where they first differ, with some context on either side.
func Same(t testing.TB, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	t.Errorf("%s differs at byte %d of %d (want %d):\n got …%s…\nwant …%s…", what, i, len(got), len(want),
		got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}

// Unzip reads every entry of the zip archive data: the entries in the
// archive's order, and each one's bytes by its name. Reading an entry
// checks its CRC-32; an archive or an entry that cannot be read fails t.
func Unzip(t testing.TB, data []byte) ([]*zip.File, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("reading the zip: %v", err)
	}
	files := make(map[string][]byte, len(zr.File))
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = b
	}
	return zr.File, files
}
