package hugo

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// ServeCmd returns the command that runs Hugo's own server on the project in
// src, on 127.0.0.1:port only: it renders to memory, watches src and, on a
// change, rebuilds what changed and reloads the open browser pages through
// its LiveReload script (served by the preview itself, from localhost; a
// built site never contains it). Cancelling ctx interrupts Hugo, and kills
// it if it has not stopped within a few seconds; on Linux, Hugo is also
// stopped if this process is killed.
func ServeCmd(ctx context.Context, src string, port int, cacheDir string) (*exec.Cmd, error) {
	bin, err := Command()
	if err != nil {
		return nil, err
	}
	for _, p := range []*string{&src, &cacheDir} {
		if *p, err = filepath.Abs(*p); err != nil {
			return nil, err
		}
	}
	cmd := exec.CommandContext(ctx, bin, "server",
		"--source", src, "--cacheDir", cacheDir, "--bind", "127.0.0.1", "--port", strconv.Itoa(port),
		"--renderToMemory", "--noBuildLock", "--noHTTPCache", "--logLevel", "warn")
	cmd.Env = append(os.Environ(), "HUGO_ENVIRONMENT=development", "HUGO_CACHEDIR="+cacheDir)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	dieWithParent(cmd)
	return cmd, nil
}
