package main

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
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

// TestPairedRatio checks the median of each run's own ratio against the
// ratio of medians it is there to correct: a machine that slows down while
// (a) runs in one run and while (c) runs in another.
func TestPairedRatio(t *testing.T) {
	s := func(wall, cpu float64) sample {
		return sample{wall: time.Duration(wall * float64(time.Second)), cpu: time.Duration(cpu * float64(time.Second))}
	}
	a := []sample{s(2.0, 4.0), s(3.0, 6.0), s(2.2, 4.4)}
	c := []sample{s(2.0, 3.0), s(2.4, 4.0), s(1.6, 2.0)}
	// Each run: a/c 1.0, 1.25, 1.375; CPU 1.33, 1.5, 2.2.
	got := pairedRatio(a, c)
	if math.Abs(got.wall-1.25) > 1e-9 || math.Abs(got.cpu-1.5) > 1e-9 {
		t.Errorf("pairedRatio = %+v, want wall 1.25, cpu 1.5", got)
	}
	// The ratio of medians differs: 2.2/2.0.
	if m := median(a).wall.Seconds() / median(c).wall.Seconds(); math.Abs(m-1.1) > 1e-9 {
		t.Errorf("ratio of medians %v, want 1.1", m)
	}
	if got := pairedRatio(a[:2], c[:2]); math.Abs(got.wall-1.125) > 1e-9 {
		t.Errorf("two runs: wall %v, want the mean of the middle two, 1.125", got.wall)
	}
	if got := pairedRatio(nil, nil); got != (ratio{}) {
		t.Errorf("no runs: %+v, want zero", got)
	}
}
