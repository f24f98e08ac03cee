// Package hugo runs the pinned Hugo on a staged project. Hugo is never
// imported as a library: it is the tool pinned in go.mod, run as
// "go tool hugo", or the binary named by $HUGO.
package hugo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

var (
	resolveOnce sync.Once
	resolved    string
	resolveErr  error
)

// Command returns the path of the Hugo binary: $HUGO when set, otherwise the
// tool pinned in this module's go.mod, built once by the go command (the
// first time compiles it, which takes a few minutes; later calls use the Go
// build cache).
func Command() (string, error) {
	resolveOnce.Do(func() {
		if h := os.Getenv("HUGO"); h != "" {
			resolved = h
			return
		}
		dir, err := moduleDir()
		if err != nil {
			resolveErr = err
			return
		}
		cmd := exec.Command("go", "tool", "-n", "hugo")
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			resolveErr = fmt.Errorf("cannot build the pinned Hugo (go tool -n hugo in %s): %v\n%s", dir, err, stderr.String())
			return
		}
		resolved = strings.TrimSpace(string(out))
	})
	return resolved, resolveErr
}

// moduleDir finds the folder of the go.mod that pins Hugo: the current
// folder's module, or the module the generator's source lives in.
func moduleDir() (string, error) {
	cmd := exec.Command("go", "env", "GOMOD")
	out, err := cmd.Output()
	gomod := strings.TrimSpace(string(out))
	if err == nil && gomod != "" && gomod != os.DevNull {
		if data, err := os.ReadFile(gomod); err == nil && bytes.Contains(data, []byte("github.com/gohugoio/hugo")) {
			return filepath.Dir(gomod), nil
		}
	}
	return "", errors.New("cannot find Hugo: run the generator from the project folder (where go.mod pins Hugo), or set $HUGO to a Hugo binary")
}

// Build runs Hugo on the project in src, writing the site to dest. Hugo's
// caches go to cacheDir, so nothing is written inside the briefing folder.
func Build(ctx context.Context, src, dest, cacheDir string) error {
	bin, err := Command()
	if err != nil {
		return err
	}
	// Hugo reads a relative destination as relative to the source.
	for _, p := range []*string{&src, &dest, &cacheDir} {
		if *p, err = filepath.Abs(*p); err != nil {
			return err
		}
	}
	cmd := exec.CommandContext(ctx, bin, "build",
		"--source", src, "--destination", dest, "--cacheDir", cacheDir,
		"--noBuildLock", "--logLevel", "warn", "--noTimes", "--noChmod")
	cmd.Env = append(os.Environ(), "HUGO_ENVIRONMENT=production", "HUGO_CACHEDIR="+cacheDir)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("hugo failed: %v\n%s", err, strings.TrimSpace(out.String()))
	}
	if s := strings.TrimSpace(out.String()); strings.Contains(s, "ERROR") {
		return fmt.Errorf("hugo reported errors:\n%s", s)
	}
	return nil
}
