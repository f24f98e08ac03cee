package main

import (
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
			err := run(c.sizes, c.runs, c.serve, c.edit, dir, "")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("run: %v, want an error with %q", err, c.want)
			}
		})
	}
}
