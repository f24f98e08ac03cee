package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRunRejectsBadFlags checks that flags that would leave nothing to take
// a median of are refused before anything is written or built.
func TestRunRejectsBadFlags(t *testing.T) {
	for _, c := range []struct {
		name              string
		sizes             string
		runs, serve, edit int
		want              string
	}{
		{"no runs", "10", 0, 0, 1, "-runs 0"},
		{"no edits", "10", 1, 10, 0, "-edits 0"},
		{"bad size", "10,x", 1, 0, 1, `bad size "x"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			err := run(c.sizes, c.runs, c.serve, c.edit, dir, "", extras{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("run: %v, want an error with %q", err, c.want)
			}
		})
	}
}

// TestAsideKeepsEarlierOutputs checks that a run's earlier output is moved
// into the trash, whole and under a name of its own each time, and that a
// folder not there yet is not an error.
func TestAsideKeepsEarlierOutputs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := aside(dir, out); err != nil {
		t.Fatalf("aside of a missing folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "trash")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("aside of a missing folder made the trash (%v)", err)
	}
	for i, page := range []string{"first", "second"} {
		if err := os.MkdirAll(filepath.Join(out, "articles"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, "articles", "a.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := aside(dir, out); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("after aside %d, %s: %v, want it gone", i, out, err)
		}
	}
	var kept []string
	err := filepath.WalkDir(filepath.Join(dir, "trash"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			kept = append(kept, string(data))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(kept)
	if want := []string{"first", "second"}; !slices.Equal(kept, want) {
		t.Errorf("the trash holds %q, want %q", kept, want)
	}
}
