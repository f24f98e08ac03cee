package hugo

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestStageWritesOnlyChanges(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "stage")
	s := NewStage(dir)
	changed, err := s.Write(map[string][]byte{
		"hugo.json":               []byte("{}"),
		"content/a.html":          []byte("a"),
		"content/articles/b.html": []byte("b"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/a.html", "content/articles/b.html", "hugo.json"}; !slices.Equal(changed, want) {
		t.Errorf("first write changed %v, want %v", changed, want)
	}
	// Age every file, so that a rewrite would show in its time.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, p := range []string{"hugo.json", "content/a.html", "content/articles/b.html"} {
		if err := os.Chtimes(filepath.Join(dir, p), old, old); err != nil {
			t.Fatal(err)
		}
	}
	changed, err = s.Write(map[string][]byte{
		"hugo.json":               []byte("{}"),
		"content/articles/b.html": []byte("b, edited"),
		"content/c.html":          []byte("c"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/articles/b.html", "content/c.html", "content/a.html"}; !slices.Equal(changed, want) {
		t.Errorf("second write changed %v, want %v", changed, want)
	}
	st, err := os.Stat(filepath.Join(dir, "hugo.json"))
	if err != nil || !st.ModTime().Equal(old) {
		t.Errorf("unchanged hugo.json was rewritten (%v, %v)", st.ModTime(), err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "content/articles/b.html")); string(data) != "b, edited" {
		t.Errorf("b.html = %q", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/a.html")); !os.IsNotExist(err) {
		t.Errorf("a.html, no longer staged, still exists (%v)", err)
	}
}

func TestStageReportsWriteErrors(t *testing.T) {
	dir := t.TempDir()
	// A file where a folder must go.
	if err := os.WriteFile(filepath.Join(dir, "content"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewStage(dir).Write(map[string][]byte{"content/a.html": []byte("a")}); err == nil {
		t.Error("Write succeeded where content/ is a file")
	}
}
