package publish

import (
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPublishReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	write(t, filepath.Join(out, "old.html"), "old")
	write(t, filepath.Join(out, "index.html"), "v1")

	tmp, err := TempDir(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(tmp, "index.html"), "v2")
	if err := Publish(tmp, out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "v2" {
		t.Errorf("index.html = %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); !os.IsNotExist(err) {
		t.Errorf("a file of the old output survived: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o755 {
		t.Errorf("output mode = %v, want 0755", st.Mode().Perm())
	}
}

func TestPublishFirstTime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sub", "public")
	tmp, err := TempDir(out)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(tmp, "a"), "a")
	if err := Publish(tmp, out); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "a")) != "a" {
		t.Error("not published")
	}
}

func TestCleanLeftovers(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	// A build killed mid-way left its temporary folder.
	write(t, filepath.Join(dir, ".public.new-123", "x"), "partial")
	// A swap interrupted between its two renames left the output aside.
	write(t, filepath.Join(dir, ".public.old-456", "index.html"), "previous")
	if err := Clean(out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "previous" {
		t.Errorf("output not restored: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "public" {
		t.Errorf("after Clean: %v", entries)
	}
	// With the output present, an old copy is just removed.
	write(t, filepath.Join(dir, ".public.old-789", "index.html"), "older")
	if err := Clean(out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "previous" {
		t.Errorf("output replaced by an old copy: %q", got)
	}
}
