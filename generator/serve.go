package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/briefing/annotated/generator/internal/stage"
)

// serve builds the briefing into a temporary folder, serves it on localhost
// and rebuilds whenever a file under content/, annotations/ or themes/
// changes. A bad edit prints its problems and the last good build stays
// served; serve never exits on bad input.
func serve(ctx context.Context, root string, port int, stdout, stderr io.Writer) int {
	dir, err := os.MkdirTemp("", "briefing-serve-")
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "site")
	var mu sync.Mutex
	rebuild := func() {
		mu.Lock()
		defer mu.Unlock()
		start := time.Now()
		res, err := compile(root, stage.Options{})
		if err != nil {
			report(root, err, stderr)
			fmt.Fprintln(stderr, "still serving the last good build")
			return
		}
		if _, err := writeSite(ctx, root, out, res); err != nil {
			fmt.Fprintf(stderr, "error: %v\nstill serving the last good build\n", err)
			return
		}
		fmt.Fprintf(stdout, "rebuilt in %s\n", time.Since(start).Round(time.Millisecond))
	}
	rebuild()
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(out)), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	go watch(ctx, root, rebuild)
	fmt.Fprintf(stdout, "serving http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	return 0
}

// watch calls changed after any file under the watched folders changes,
// polling their modification times: portable, and cheap at briefing sizes.
func watch(ctx context.Context, root string, changed func()) {
	last := snapshot(root)
	tick := time.NewTicker(300 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if now := snapshot(root); now != last {
				last = now
				changed()
			}
		}
	}
}

func snapshot(root string) string {
	h := ""
	for _, d := range []string{"content", "annotations", "themes"} {
		_ = filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			if info, err := e.Info(); err == nil {
				h += p + strconv.FormatInt(info.ModTime().UnixNano(), 36) + strconv.FormatInt(info.Size(), 36) + ";"
			}
			return nil
		})
	}
	return h
}
