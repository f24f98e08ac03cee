package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/briefing/annotated/generator/internal/hugo"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
)

// serve previews the briefing on http://127.0.0.1:port/ (a free port when
// port is 0). The generator keeps one staged Hugo project for the whole
// session and Hugo's own server renders it: when a file under content/,
// annotations/ or themes/ changes, the generator compiles the briefing
// again (a site.Compiler: only the changed articles anew) and rewrites only the staged files whose contents changed; Hugo
// notices those, rebuilds what depends on them and reloads the open browser
// page. A bad edit prints its problems and leaves the staged project, and so
// the served site, as it was; serve never exits on bad input.
func serve(ctx context.Context, root string, port int, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if port == 0 {
		p, err := freePort()
		if err != nil {
			fmt.Fprintf(stderr, "error: %v\n", err)
			return 1
		}
		port = p
	} else if ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port))); err != nil {
		fmt.Fprintf(stderr, "error: port %d is not free (%v): choose another with --port, or --port 0 for any free port\n", port, err)
		return 1
	} else {
		ln.Close()
	}
	w, err := newWatcher(root)
	if err != nil {
		fmt.Fprintf(stderr, "error: cannot watch %s: %v\n", root, err)
		return 1
	}
	defer w.Close()
	cache, err := cacheDir()
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	if _, err := hugo.Command(); err != nil { // compiles Hugo on a fresh machine
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	hugo.CleanStages(stagePrefix) // left by a preview that was killed
	dir, release, err := hugo.TempStage(stagePrefix, 0)
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	defer release()
	st := hugo.NewStage(dir)
	comp := site.NewCompiler()

	rebuild := func() bool {
		start := time.Now()
		res, err := compileWith(comp, root)
		if err != nil {
			report(root, err, stderr)
			fmt.Fprintln(stderr, "the preview keeps showing the last good build")
			return false
		}
		files, err := projectFiles(root, res)
		if err == nil {
			var changed []string
			if changed, err = st.Write(files); err == nil {
				fmt.Fprintf(stdout, "compiled in %s: %d staged files changed\n", time.Since(start).Round(time.Millisecond), len(changed))
				return true
			}
		}
		fmt.Fprintf(stderr, "error: %v\nthe preview keeps showing the last good build\n", err)
		return false
	}

	url := fmt.Sprintf("http://127.0.0.1:%d/", port)
	var h *hugoServer
	defer func() {
		if h != nil {
			h.stop()
		}
	}()
	good := rebuild()
	for {
		if good && (h == nil || h.exited()) {
			if h != nil {
				fmt.Fprintln(stderr, "hugo stopped; starting it again")
			}
			if h, err = startHugo(ctx, dir, port, cache, stdout, stderr); err != nil {
				fmt.Fprintf(stderr, "error: %v\n", err)
				return 1
			}
			if h.waitReady(ctx, url) {
				fmt.Fprintf(stdout, "serving %s (Ctrl-C to stop)\n", url)
			}
		}
		select {
		case <-ctx.Done():
			return 0
		case err := <-w.errs:
			fmt.Fprintf(stderr, "watching files: %v\n", err)
		case <-w.changed:
			if rebuild() {
				good = true
			}
		}
	}
}

// compileWith is compile through c, which does again only the work of the
// articles that changed since its last compile.
func compileWith(c *site.Compiler, root string) (*site.Result, error) {
	fsys, closeRoot, err := openRoot(root)
	if err != nil {
		return nil, err
	}
	defer closeRoot()
	text, err := stage.LoadText(themeFS(root))
	if err != nil {
		return nil, err
	}
	return c.Compile(fsys, stage.Options{Text: text})
}

// stagePrefix starts the names of the preview's staging folders.
const stagePrefix = "briefing-serve"

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// hugoServer is a running "hugo server".
type hugoServer struct {
	done chan struct{}
	stop func()
}

func startHugo(ctx context.Context, dir string, port int, cache string, stdout, stderr io.Writer) (*hugoServer, error) {
	ctx, cancel := context.WithCancel(ctx)
	cmd, err := hugo.ServeCmd(ctx, dir, port, cache)
	if err != nil {
		cancel()
		return nil, err
	}
	// Hugo's own messages, with the staging folder's path left out.
	outW, outDone := lines(stdout, dir)
	errW, errDone := lines(stderr, dir)
	cmd.Stdout, cmd.Stderr = outW, errW
	if err := cmd.Start(); err != nil {
		cancel()
		return nil, err
	}
	h := &hugoServer{done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		outW.Close()
		errW.Close()
		<-outDone
		<-errDone
		close(h.done)
	}()
	h.stop = func() {
		cancel()
		<-h.done
	}
	return h, nil
}

func (h *hugoServer) exited() bool {
	select {
	case <-h.done:
		return true
	default:
		return false
	}
}

// waitReady waits until the server answers, or has exited.
func (h *hugoServer) waitReady(ctx context.Context, url string) bool {
	client := &http.Client{Timeout: time.Second}
	for {
		if resp, err := client.Get(url); err == nil {
			resp.Body.Close()
			return true
		}
		select {
		case <-h.done:
			return false
		case <-ctx.Done():
			return false
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// lines copies what is written to the returned pipe to w line by line,
// prefixed "hugo: ", with the staging folder (which the user never sees)
// written as "(staged)". done is closed once the pipe is closed and copied.
func lines(w io.Writer, dir string) (*io.PipeWriter, <-chan struct{}) {
	r, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), 1024*1024)
		for sc.Scan() {
			if line := strings.ReplaceAll(sc.Text(), dir, "(staged)"); strings.TrimSpace(line) != "" {
				fmt.Fprintln(w, "hugo: "+line)
			}
		}
		_, _ = io.Copy(io.Discard, r)
	}()
	return pw, done
}

// watcher reports changes under the briefing's content/, annotations/ and
// themes/ folders, a short while after the last of a burst of events (an
// editor's save is often several).
type watcher struct {
	fs      *fsnotify.Watcher
	root    string
	changed chan struct{}
	errs    chan error
	done    chan struct{}
}

const settle = 25 * time.Millisecond

func newWatcher(root string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, root: root, changed: make(chan struct{}, 1), errs: make(chan error, 1), done: make(chan struct{})}
	for _, d := range []string{"content", "annotations", "themes"} {
		w.addTree(filepath.Join(root, d))
	}
	// The root too, so that a folder created later is seen.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	go w.loop()
	return w, nil
}

// addTree watches dir and every folder below it; a missing dir is skipped.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = w.fs.Add(p)
		}
		return nil
	})
}

func (w *watcher) relevant(name string) bool {
	rel, err := filepath.Rel(w.root, name)
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return first == "content" || first == "annotations" || first == "themes"
}

func (w *watcher) loop() {
	var timer <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
				}
			}
			timer = time.After(settle)
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			select {
			case w.errs <- err:
			default:
			}
		case <-timer:
			timer = nil
			select {
			case w.changed <- struct{}{}:
			default: // a rebuild is already due
			}
		}
	}
}

func (w *watcher) Close() {
	close(w.done)
	w.fs.Close()
}
