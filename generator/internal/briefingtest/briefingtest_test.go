package briefingtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"testing"
)

// zipOf is an archive of files, in the order given, stored uncompressed.
func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(files); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: files[i], Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fatal records what a test would have failed with.
type fatal struct {
	testing.TB
	msg string
}

func (f *fatal) Helper() {}

func (f *fatal) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// unzipFails runs Unzip on data as a test of its own and returns what it
// failed with, or "".
func unzipFails(t *testing.T, data []byte) string {
	f := &fatal{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Unzip(f, data)
	}()
	<-done
	return f.msg
}

// TestUnzip: the entries in the archive's order, each one's bytes by
// name; a damaged entry or no archive at all fails the test.
func TestUnzip(t *testing.T) {
	data := zipOf(t, "b.txt", "second in name, first in the archive", "a/c.txt", "another")
	entries, files := Unzip(t, data)
	var names []string
	for _, f := range entries {
		names = append(names, f.Name)
	}
	if want := []string{"b.txt", "a/c.txt"}; !slices.Equal(names, want) {
		t.Errorf("entries %v, want %v", names, want)
	}
	if string(files["b.txt"]) != "second in name, first in the archive" || string(files["a/c.txt"]) != "another" || len(files) != 2 {
		t.Errorf("files %q", files)
	}

	damaged := bytes.Clone(data)
	i := bytes.Index(damaged, []byte("another"))
	damaged[i] = 'A' // the checksum no longer matches
	if msg := unzipFails(t, damaged); msg == "" {
		t.Error("a damaged entry was read without failing")
	} else if !bytes.Contains([]byte(msg), []byte("a/c.txt")) {
		t.Errorf("the failure %q does not name the entry", msg)
	}
	if msg := unzipFails(t, []byte("not a zip")); msg == "" {
		t.Error("bytes that are no zip were read without failing")
	}
}
