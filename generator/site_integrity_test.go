package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/integrity"
)

// checkIntegrity runs the output-integrity check over a built site; runCmd
// calls it after every successful build the tests make.
func checkIntegrity(t *testing.T, out string) {
	t.Helper()
	problems, err := integrity.Check(os.DirFS(out))
	if err != nil {
		t.Fatalf("integrity check of %s: %v", out, err)
	}
	for _, p := range problems {
		t.Errorf("built site %s: %s", out, p)
	}
}

// builtOut returns the output folder of a build command line: --out, or
// public/ in --root.
func builtOut(args []string) string {
	root, out := ".", ""
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		switch name {
		case "root":
			root = value
		case "out":
			out = value
		}
	}
	if out == "" {
		out = filepath.Join(root, "public")
	}
	return out
}
