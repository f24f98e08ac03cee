package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/hugo"
	"github.com/briefing/annotated/generator/internal/preview"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
)

// serve previews the briefing on http://127.0.0.1:port/ (a free port when
// port is 0) from the generator's own HTTP server, which holds the built
// site in memory (package preview). When a file under content/,
// annotations/ or themes/ changes, the generator compiles the briefing
// again (a site.Compiler: only the changed articles anew) and makes the
// new version of the site: when only page bodies and detached files
// changed, from the page layouts Hugo made last time, without running
// Hugo; otherwise with a one-shot Hugo build of the detached project. The
// new version is then served, and open pages reload themselves. A bad edit
// prints its problems, shows them on the open pages, and leaves the served
// site as it was; serve never exits on bad input. Problems that are only
// new's placeholders still there (diag.ErrPlaceholder: the overview's and
// the methodology's paragraphs, the briefing's and the articles' titles
// left empty, which the preview calls untitled and untitledArticle) hold
// nothing back: the site is made and served with them, and they are
// printed and shown on the open pages as what build refuses to publish.
func serve(ctx context.Context, root string, port int, stdout, stderr io.Writer) int {
	// A --root that is no folder is a mistyped argument, not an edit to
	// wait for: said at once, as check and build say it.
	if err := rootProblem(root); err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		why := fmt.Sprintf("cannot listen on port %d (%v)", port, err)
		if errors.Is(err, syscall.EADDRINUSE) {
			why = fmt.Sprintf("port %d is not free (%v)", port, err)
		}
		fmt.Fprintf(stderr, "error: %s: choose another with --port, or --port 0 for any free port\n", why)
		return 1
	}
	defer ln.Close()
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
	// A $HUGO that names nothing runnable is said at once, as build says
	// it; hugo.Command takes $HUGO as it is and would leave the preview
	// saying "not built yet" with the error on its first Hugo run.
	if err := hugo.Check(); err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	if _, err := hugo.Command(); err != nil { // compiles Hugo on a fresh machine
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	cleanStages() // left by a preview or a build that was killed
	dir, release, err := hugo.TempStage(stagePrefix, 0)
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return 1
	}
	defer release()

	// The server answers from the start (with a page that waits for the
	// first build), so that a browser opened at once needs no retry.
	srv := preview.NewServer()
	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = httpSrv.Serve(ln)
	}()
	defer func() {
		srv.Close() // ends the open pages' event streams
		sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer scancel()
		if httpSrv.Shutdown(sctx) != nil {
			httpSrv.Close()
		}
		<-served
	}()

	comp := site.NewCompiler()
	comp.Untitled, comp.UntitledArticle = untitled, untitledArticle
	builder := preview.NewBuilder(dir, func(ctx context.Context, src, dest string) error {
		return themePaths(hugo.Build(ctx, src, dest, cache, stderr), src, root)
	})
	url := fmt.Sprintf("http://127.0.0.1:%d/", ln.Addr().(*net.TCPAddr).Port)
	good := false // a version has been published
	warned := ""  // the CSP warnings last printed, not repeated at each save
	// warnInput prints check's warnings (of verdicts the methodology does
	// not define, of undated articles, of empty notes files), which an
	// editor working in the preview alone learnt of only at build: each
	// kind when its warnings are not those it printed last.
	inputWarned := make([]string, len(inputWarnings)) // each kind's last printed
	warnInput := func(res *site.Result) {
		for i, warn := range inputWarnings {
			var b bytes.Buffer
			warn(root, res, &b)
			if b.String() != inputWarned[i] {
				stderr.Write(b.Bytes())
				inputWarned[i] = b.String()
			}
		}
	}
	// failed prints what stopped a new version, and shows it on the open
	// pages over the version they show (before the first, over the page
	// that waits for it, at the preview's address, which is said): once
	// problemsWait has passed with no save since (shown).
	var (
		pending func()           // the problems found, not yet shown
		shown   <-chan time.Time // when to show them
		listed  string           // the problems last printed, until a good compile
	)
	failed := func(err error) {
		pending = func() {
			var b bytes.Buffer
			srv.Problems(report(root, err, &b))
			if b.String() == listed {
				// A save that changed none of them: not printed again, but
				// the save was seen.
				fmt.Fprintln(stderr, "the save leaves the problems above as they were")
				return
			}
			listed = b.String()
			stderr.Write(b.Bytes())
			if good {
				fmt.Fprintln(stderr, "the preview keeps showing the last good build")
				return
			}
			fmt.Fprintf(stderr, "the preview at %s lists these problems, and shows the site once they are fixed and saved\n", url)
		}
		shown = time.After(problemsWait)
	}
	// fixed says, after a good compile (one with left, new's
	// placeholders, is not), that the problems last printed are gone
	// (from the terminal's list, and the open pages').
	fixed := func(left error) string {
		if listed == "" || left != nil {
			return ""
		}
		listed = ""
		return "no problems now: "
	}
	// told shows on the open pages the problems left, new's placeholders,
	// that the version served was made with, or none, and prints them
	// unless they are those printed last.
	// stoodIn are the titles the version served stands in for empty ones.
	told := func(left error, stoodIn []string) {
		if left == nil {
			srv.Problems(nil)
			return
		}
		var b bytes.Buffer
		lines := report(root, left, &b)
		srv.Unpublishable(lines)
		if b.String() == listed {
			return
		}
		listed = b.String()
		stderr.Write(b.Bytes())
		fmt.Fprintln(stderr, placeholdersLine(len(lines), stoodIn))
	}
	rebuild := func() bool {
		start := time.Now()
		res, err := compileWith(comp, root)
		if err != nil && !diag.Only(err, diag.ErrPlaceholder) {
			failed(err)
			return false
		}
		left := err // new's placeholders only, or nil
		compiled := time.Since(start)
		files, err := projectFiles(root, res)
		if err == nil {
			var s *preview.Site
			var r preview.Report
			if s, r, err = builder.Refresh(ctx, files); err == nil && r.Unchanged {
				// Nothing to reload: the open pages stay as they are,
				// without the problems of a save this one undid (but
				// new's placeholders, if left).
				fmt.Fprintf(stdout, "%sthe site is unchanged (compile %s)\n", fixed(left), compiled.Round(time.Millisecond))
				told(left, res.StoodIn)
				warnInput(res)
				return true
			} else if err == nil {
				srv.Publish(s)
				// An edit of the theme's CSS changes the inline
				// stylesheet's hash, as build would warn.
				if w := cspWarnings(root, s.FS()); w != warned {
					fmt.Fprint(stderr, w)
					warned = w
				}
				fmt.Fprintf(stdout, "%scompiled in %s, site made %s in %s%s\n", fixed(left), compiled.Round(time.Millisecond),
					r.Kind, r.Total.Round(time.Millisecond), hugoTime(r))
				told(left, res.StoodIn)
				warnInput(res)
				return true
			}
		}
		if ctx.Err() == nil {
			failed(err)
		}
		return false
	}

	try := func() {
		if rebuild() && !good {
			good = true
			fmt.Fprintf(stdout, "serving %s (Ctrl-C to stop)\n", url)
		}
	}
	// Once the preview has been idle for a while after a compile, the
	// memory the versions before it held is handed back to the system:
	// at 10,000 articles the heap would otherwise sit at up to twice the
	// site's size between saves (see "A large briefing in the preview").
	var (
		idle     <-chan time.Time
		releases sync.WaitGroup // none outlives serve
	)
	defer releases.Wait()
	// The address at once, before the first compile (seconds at 10,000
	// articles), which --port 0 chooses: its pages wait for the site and
	// reload themselves once it is built.
	fmt.Fprintf(stdout, "building the preview at %s\n", url)
	try()
	idle = time.After(idleRelease)
	for {
		select {
		case <-ctx.Done():
			return 0
		case err := <-w.errs:
			fmt.Fprintf(stderr, "watching files: %v\n", err)
		case <-w.changed:
			// The problems of the compile before, if any, were those of
			// a file half saved, or are found again now.
			pending, shown = nil, nil
			try()
			idle = time.After(idleRelease)
		case <-shown:
			pending()
			pending, shown = nil, nil
		case <-idle:
			idle = nil
			releases.Go(releaseMemory) // a save meanwhile need not wait for it
		}
	}
}

// untitled and untitledArticle are the titles the preview gives a
// briefing and an article whose title is still empty, as new writes them
// (a problem it lists all the same).
const untitled, untitledArticle = "Untitled briefing", "Untitled article"

// placeholdersLine is the line printed below the problems, all new's
// placeholders, that the preview shows the briefing with: it says so, and
// what the empty titles are shown as (stoodIn, one a title).
func placeholdersLine(problems int, stoodIn []string) string {
	with, until := "these", "they are"
	if problems == 1 {
		with, until = "it", "it is"
	}
	as := ""
	if len(stoodIn) > 0 {
		var names []string
		for _, t := range stoodIn {
			if q := strconv.Quote(t); !slices.Contains(names, q) {
				names = append(names, q)
			}
		}
		titles := "title"
		if len(stoodIn) > 1 {
			titles = "titles"
		}
		as = ", the empty " + titles + " as " + strings.Join(names, " and ")
	}
	return fmt.Sprintf("the preview shows the briefing with %s%s, but build publishes nothing until %s replaced", with, as, until)
}

// idleRelease is how long the preview waits after a compile, with no
// change in between, before it calls releaseMemory.
const idleRelease = time.Second

// problemsWait is how long the problems a compile finds wait to be shown,
// for a save that would make them moot. A file written in pieces further
// apart than settle (a slow copy, a sync tool, an editor that writes in
// parts) is compiled half written; without the wait its problems would
// flash in the terminal and over the open pages until the rest came. A
// good version is published at once: only problems wait.
const problemsWait = 300 * time.Millisecond

// releaseMemory collects the garbage and returns the free memory to the
// system; a variable so that tests can count its calls.
var releaseMemory = debug.FreeOSMemory

// hugoTime says how long Hugo took in a refresh that ran it.
func hugoTime(r preview.Report) string {
	if r.Hugo == 0 {
		return ""
	}
	return fmt.Sprintf(" (Hugo %s)", r.Hugo.Round(time.Millisecond))
}

// compileWith is compile through c, which does again only the work of the
// articles that changed since its last compile.
func compileWith(c *site.Compiler, root string) (*site.Result, error) {
	fsys, closeRoot, err := openRoot(root)
	if err != nil {
		return nil, err
	}
	defer closeRoot()
	text, themeErr := themeText(root) // its problems, reported with the briefing's
	if text == nil {
		return nil, themeErr
	}
	res, err := c.Compile(fsys, stage.Options{Text: text})
	return res, diag.Join(themeErr, err)
}

// stagePrefix starts the names of the staging folders of the preview
// and of a build (briefing-stage-PID-…); oldStagePrefix the preview's
// before 2026-12-07, which a build's were named after too.
const stagePrefix, oldStagePrefix = "briefing-stage", "briefing-serve"

// cleanStages removes the staging folders that previews and builds that
// have ended left behind.
func cleanStages() {
	hugo.CleanStages(stagePrefix)
	hugo.CleanStages(oldStagePrefix)
}

// watcher reports changes under the briefing's content/, annotations/ and
// themes/ folders, a short while after the last of a burst of events (an
// editor's save is often several).
type watcher struct {
	fs   *fsnotify.Watcher
	root string
	// dirs are the folders watched below the root: where a folder is a
	// symbolic link (content/ to a folder beside it, say, which check and
	// build read through), its events name the folder it leads to, not
	// one under the root, and are told relevant by being in here.
	dirs map[string]bool
	// files are the files that links below the root lead to, outside the
	// folders watched (content/articles/x.md linked to a shared copy): their
	// folders are watched for them, and events of other files there are
	// not the briefing's.
	files   map[string]bool
	rootIs  os.FileInfo // the root folder as watched (see rootPoll)
	lost    bool        // the root folder watched was removed or moved away
	changed chan struct{}
	errs    chan error
	done    chan struct{}
}

const settle = 25 * time.Millisecond

// rootPoll is how often the watcher looks whether the briefing folder
// itself was replaced (a copy restored over it, removed and copied back,
// moved away and another put in its place): its watches went with the
// folder they were on, and the preview would otherwise follow no edit
// again, without a word.
const rootPoll = 500 * time.Millisecond

func newWatcher(root string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	// Cleaned, as fsnotify names the root in its own events (loop):
	// --root ../briefing/, as a shell completes it, is ../briefing there.
	w := &watcher{fs: fw, root: filepath.Clean(root), changed: make(chan struct{}, 1), errs: make(chan error, 1), done: make(chan struct{})}
	if err := w.watchRoot(); err != nil {
		fw.Close()
		return nil, err
	}
	go w.loop()
	return w, nil
}

// watchRoot watches the briefing's folders and the root (so that a
// folder created later is seen), forgetting what was watched before.
func (w *watcher) watchRoot() error {
	for _, p := range w.fs.WatchList() {
		_ = w.fs.Remove(p)
	}
	w.dirs, w.files = map[string]bool{}, map[string]bool{}
	st, err := os.Stat(w.root)
	if err != nil {
		return err
	}
	w.rootIs, w.lost = st, false
	for _, d := range []string{"content", "annotations", "themes"} {
		w.addTree(filepath.Join(w.root, d))
	}
	return w.fs.Add(w.root)
}

// replaced says whether the root folder is there and is no longer the one
// watched: that one was removed or moved away (a new folder may have the
// old one's inode number), or this one is another.
func (w *watcher) replaced() bool {
	st, err := os.Stat(w.root)
	return err == nil && (w.lost || !os.SameFile(st, w.rootIs))
}

// addTree watches dir and every folder below it, following symbolic links
// to folders as check and build read through them; a missing dir is
// skipped.
func (w *watcher) addTree(dir string) {
	w.addTreeOnce(dir, map[string]bool{})
}

// addTreeOnce is addTree that starts no walk twice from one real folder
// (seen), so that a link to a folder above it ends.
//
// A link to a file is followed too: the folder of the file it leads to is
// watched, for that file.
func (w *watcher) addTreeOnce(dir string, seen map[string]bool) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil || seen[real] {
		return
	}
	seen[real] = true
	_ = filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
		case d.Type()&fs.ModeSymlink != 0:
			st, err := os.Stat(p)
			switch {
			case err != nil:
			case st.IsDir():
				w.addTreeOnce(p, seen)
			default:
				w.addFileLink(p)
			}
		case d.IsDir():
			if w.fs.Add(p) == nil {
				w.dirs[p] = true
			}
		}
		return nil
	})
}

// addFileLink watches the folder of the file the link p leads to, for
// that file.
func (w *watcher) addFileLink(p string) {
	if file, err := filepath.EvalSymlinks(p); err == nil && w.fs.Add(filepath.Dir(file)) == nil {
		w.files[file] = true
	}
}

func (w *watcher) relevant(name string) bool {
	if scratch(filepath.Base(name)) {
		return false
	}
	if w.dirs[filepath.Dir(name)] || w.files[name] {
		return true
	}
	rel, err := filepath.Rel(w.root, name)
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	return first == "content" || first == "annotations" || first == "themes"
}

// scratch says whether a file's name is one an editor writes beside the
// file it edits, and the briefing never reads (a name starting with a dot
// is not read from content/ or annotations/, nor one without .md or
// .yaml): vim's swap files (.notes.yaml.swp) and the file it writes to
// test a folder (4913), a backup (notes.yaml~), Emacs's auto-save and lock
// files (#notes.yaml#, .#notes.yaml), JetBrains' safe-write files
// (notes.yaml___jb_tmp___), GNOME's (.goutputstream-…), Kate's
// (.notes.yaml.kate-swp). vim rewrites its swap file as the editor types:
// each write was a compile, and, while the briefing had problems, their
// whole list printed again.
func scratch(base string) bool {
	switch {
	case strings.HasSuffix(base, "~"),
		strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"),
		strings.HasPrefix(base, ".#"),
		strings.HasPrefix(base, ".goutputstream-"),
		strings.HasSuffix(base, "___jb_tmp___"), strings.HasSuffix(base, "___jb_old___"),
		strings.HasSuffix(base, ".kate-swp"),
		base == "4913": // not any number: a folder of the theme may be named 2024
		return true
	case strings.HasPrefix(base, ".") && len(base) > 4 && base[len(base)-4:len(base)-1] == ".sw":
		return true // .swp, .swo, .swx…
	}
	return false
}

func (w *watcher) loop() {
	var timer <-chan time.Time
	poll := time.NewTicker(rootPoll)
	defer poll.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-poll.C:
			if w.replaced() {
				if err := w.watchRoot(); err != nil {
					select {
					case w.errs <- err:
					default:
					}
					continue
				}
				timer = time.After(settle)
			}
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if ev.Name == w.root && ev.Has(fsnotify.Remove|fsnotify.Rename) { // either
				w.lost = true // watched again once one is there (rootPoll)
				continue
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					w.addTree(ev.Name)
				} else if li, err := os.Lstat(ev.Name); err == nil && li.Mode()&fs.ModeSymlink != 0 {
					w.addFileLink(ev.Name)
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
