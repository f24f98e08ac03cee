// Command generator builds an annotated briefing: it merges the articles in
// content/ with the notes in annotations/, anchors every note to the exact
// passage it annotates, and builds a static site with the pinned Hugo.
//
//	go run ./generator build [--root DIR] [--out DIR] [--base-url URL] [--pdf]
//	go run ./generator check [--root DIR]
//	go run ./generator serve [--root DIR] [--port N]
//	go run ./generator new SLUG --url URL --outlet NAME [--title TITLE] [--root DIR]
//
// Problems in the input are printed as path:line:col: message, all of them,
// and the command exits with status 1 leaving the published output as it
// was.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	annotated "github.com/briefing/annotated"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/hugo"
	"github.com/briefing/annotated/generator/internal/offline"
	"github.com/briefing/annotated/generator/internal/parallel"
	"github.com/briefing/annotated/generator/internal/pdf"
	"github.com/briefing/annotated/generator/internal/publish"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
)

const usage = `usage:
  generator build [--root DIR] [--out DIR] [--base-url URL] [--pdf]
                                   build the site (default out: DIR/public); --pdf also prints
                                   handout.pdf with headless Chromium
  generator check [--root DIR]     validate and anchor, write nothing
  generator serve [--root DIR] [--port N]
                                   live preview, rebuilt on every change
  generator new SLUG --url URL --outlet NAME [--title TITLE] [--root DIR]
                                   start an article: content/articles/SLUG.md and annotations/SLUG.yaml
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole command; it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	if cmd == "new" {
		return newArticle(args, stdout, stderr)
	}
	fl := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	root := fl.String("root", ".", "the briefing folder (with content/ and annotations/)")
	var out, baseURL *string
	var port *int
	var printPDF *bool
	switch cmd {
	case "build":
		out = fl.String("out", "", "the output folder (default: the briefing folder's public/)")
		baseURL = fl.String("base-url", "", "the address the site is published at, e.g. https://example.org/briefing/")
		printPDF = fl.Bool("pdf", false, "also print handout.html to handout.pdf with headless Chromium")
	case "check":
	case "serve":
		port = fl.Int("port", 1313, "the port to serve on (on localhost)")
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q\n%s", cmd, usage)
		return 2
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "unexpected argument %q\n%s", fl.Arg(0), usage)
		return 2
	}
	switch cmd {
	case "build":
		o := *out
		if o == "" {
			o = filepath.Join(*root, "public")
		}
		base, err := checkBaseURL(*baseURL)
		if err != nil {
			fmt.Fprintf(stderr, "--base-url: %v\n", err)
			return 2
		}
		return build(ctx, *root, o, base, *printPDF, stdout, stderr)
	case "check":
		return check(*root, stdout, stderr)
	default:
		return serve(ctx, *root, *port, stdout, stderr)
	}
}

// openRoot opens the briefing folder so that nothing outside it can be read,
// not even through a symbolic link.
func openRoot(dir string) (fs.FS, func(), error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot open the briefing folder %s: %w", dir, err)
	}
	return r.FS(), func() { r.Close() }, nil
}

// report prints input problems with paths as the user would open them.
func report(root string, err error, stderr io.Writer) {
	var le *diag.ListError
	if !errors.As(err, &le) {
		fmt.Fprintf(stderr, "error: %v\n", err)
		return
	}
	for _, e := range le.Errs {
		p := e.Pos
		if root != "." && root != "" {
			p.File = filepath.ToSlash(filepath.Join(root, p.File))
		}
		fmt.Fprintf(stderr, "%s: %s\n", p, e.Msg)
	}
	if le.Dropped > 0 {
		fmt.Fprintf(stderr, "(and %d more problems not listed)\n", le.Dropped)
	}
	n := len(le.Errs) + le.Dropped
	plural := "s"
	if n == 1 {
		plural = ""
	}
	fmt.Fprintf(stderr, "%d problem%s found\n", n, plural)
}

// streamMemoryLimit is the soft memory limit of a streamed compile.
const streamMemoryLimit = 700 << 20

func compile(root string, opt stage.Options) (*site.Result, error) {
	return compileInto(root, opt, nil)
}

// compileInto is compile that, given a sink, streams the staged project
// into it (site.Stream): the Result then holds no files.
func compileInto(root string, opt stage.Options, sink stage.Sink) (*site.Result, error) {
	fsys, closeRoot, err := openRoot(root)
	if err != nil {
		return nil, err
	}
	defer closeRoot()
	if opt.Text, err = stage.LoadText(themeFS(root)); err != nil {
		return nil, err
	}
	if sink != nil {
		// Streamed, the compile's live memory is mostly the loaded
		// briefing (some 300 MB at 10,000 articles); a soft limit makes
		// the garbage collector work harder near it rather than let the
		// heap grow to twice that. GOMEMLIMIT, when set, decides instead.
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(streamMemoryLimit)
		}
		return site.Stream(fsys, opt, sink)
	}
	return site.Compile(fsys, opt)
}

// themeFS is the theme a briefing is built with: its own
// themes/briefing, or else the bundled one.
func themeFS(root string) fs.FS {
	own := filepath.Join(root, "themes", "briefing")
	if st, err := os.Stat(own); err == nil && st.IsDir() {
		return os.DirFS(own)
	}
	return annotated.Theme()
}

func check(root string, stdout, stderr io.Writer) int {
	res, err := compileInto(root, stage.Options{}, stage.Discard{})
	if err != nil {
		report(root, err, stderr)
		return 1
	}
	c := res.Counts
	fmt.Fprintf(stdout, "ok: %d articles, %d notes, %d claims, %d sources: every note anchored\n",
		c.Articles, c.Notes, c.Claims, c.Sources)
	return 0
}

// checkBaseURL returns the --base-url value as the site's address ending in
// "/", or an error when it is not an absolute http or https address.
func checkBaseURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q is not the address of a site: give it in full, like https://example.org/briefing/", s)
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

func build(ctx context.Context, root, out, baseURL string, printPDF bool, stdout, stderr io.Writer) int {
	start := time.Now()
	if printPDF {
		// Before anything is built: without a browser there is no PDF.
		if _, err := pdf.Browser(); err != nil {
			fmt.Fprintf(stderr, "error: --pdf: %v\nnothing was published: %s is unchanged\n", err, out)
			return 1
		}
	}
	res, err := compile(root, stage.Options{BaseURL: baseURL, PDF: printPDF})
	if err != nil {
		report(root, err, stderr)
		fmt.Fprintf(stderr, "nothing was published: %s is unchanged\n", out)
		return 1
	}
	pages, err := buildSite(ctx, root, out, res, printPDF)
	if err != nil {
		fmt.Fprintf(stderr, "error: %v\nnothing was published: %s is unchanged\n", err, out)
		return 1
	}
	warnCSP(root, out, stderr)
	c := res.Counts
	fmt.Fprintf(stdout, "built %d articles, %d notes, %d claims, %d sources: %d pages written to %s in %s\n",
		c.Articles, c.Notes, c.Claims, c.Sources, pages, out, time.Since(start).Round(time.Millisecond))
	return 0
}

// buildSite stages the Hugo project, runs Hugo into a temporary folder
// beside out, prints handout.pdf when printPDF is set, adds the offline zip
// and swaps the folder into place. Everything is made in the temporary folder
// before the swap, so a failure at any step leaves the published output as it
// was. It returns the number of HTML pages written.
func buildSite(ctx context.Context, root, out string, res *site.Result, printPDF bool) (int, error) {
	if err := publish.Clean(out); err != nil {
		return 0, fmt.Errorf("cannot clean up after an earlier build: %w", err)
	}
	hugo.CleanStages(stagePrefix) // left by a preview that was killed
	files, err := projectFiles(root, res)
	if err != nil {
		return 0, err
	}
	// The staged project sits beside out too, so that a build killed
	// before it could remove it leaves it where the next one cleans up.
	stageDir, err := publish.TempDir(out)
	if err != nil {
		return 0, err
	}
	if os.Getenv("BRIEFING_KEEP_STAGE") == "" {
		defer os.RemoveAll(stageDir)
	} else {
		fmt.Fprintln(os.Stderr, "stage:", stageDir)
	}
	st := hugo.NewStage(stageDir)
	// whole is the project with its bodies, kept for the second Hugo run
	// that a page without its mark calls for (see splice).
	whole, detached := files, &stage.Detached{}
	if stage.CanDetach(files) {
		whole = maps.Clone(files)
		detached = stage.Detach(files)
	}
	if _, err := st.Write(files); err != nil {
		return 0, err
	}
	tmp, err := publish.TempDir(out)
	if err != nil {
		return 0, fmt.Errorf("cannot create the output folder: %w", err)
	}
	defer func() { os.RemoveAll(tmp) }() // gone already when published
	cache, err := cacheDir()
	if err != nil {
		return 0, err
	}
	if err := hugo.Build(ctx, stageDir, tmp, cache); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	ok, err := splice(tmp, detached)
	if err != nil {
		return 0, err
	}
	if !ok {
		// A theme that does not print each page's .Content as it is:
		// Hugo builds the whole project after all.
		if _, err := st.Write(whole); err != nil {
			return 0, err
		}
		os.RemoveAll(tmp)
		if tmp, err = publish.TempDir(out); err != nil {
			return 0, fmt.Errorf("cannot create the output folder: %w", err)
		}
		if err := hugo.Build(ctx, stageDir, tmp, cache); err != nil {
			return 0, err
		}
	}
	if printPDF {
		date := offline.Modified // a briefing without any date
		if d := stage.AsOf(res.Briefing); d != nil {
			date = d.Time()
		}
		if err := pdf.Print(ctx, filepath.Join(tmp, "handout.html"), filepath.Join(tmp, "handout.pdf"), date); err != nil {
			return 0, err
		}
	}
	if err := writeZip(tmp); err != nil {
		return 0, fmt.Errorf("cannot write %s: %w", offline.Name, err)
	}
	pages := 0
	_ = filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages++
		}
		return nil
	})
	if err := publish.Publish(tmp, out); err != nil {
		return 0, err
	}
	return pages, nil
}

// splice finishes the pages Hugo built into dir from a detached project
// (stage.Detach): each body in place of its page's stage.BodyMark, and the
// detached files as they are. It reports false, writing nothing, when a page
// lacks its mark or has it twice: a theme whose templates do not print
// .Content once and as it is.
func splice(dir string, d *stage.Detached) (bool, error) {
	pages := slices.Sorted(maps.Keys(d.Bodies))
	heads := make([][]byte, len(pages))
	tails := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	parallel.For(len(pages), func(i int) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(pages[i])))
		if err != nil {
			errs[i] = err
			return
		}
		at := bytes.Index(data, []byte(stage.BodyMark))
		if at < 0 || bytes.LastIndex(data, []byte(stage.BodyMark)) != at {
			return
		}
		heads[i], tails[i] = data[:at], data[at+len(stage.BodyMark):]
	})
	if err := errors.Join(errs...); err != nil {
		return false, fmt.Errorf("a page Hugo built: %w", err)
	}
	for i := range pages {
		if heads[i] == nil {
			return false, nil
		}
	}
	parallel.For(len(pages), func(i int) {
		errs[i] = writeParts(filepath.Join(dir, filepath.FromSlash(pages[i])), heads[i], d.Bodies[pages[i]], tails[i])
	})
	files := slices.Sorted(maps.Keys(d.Files))
	for _, name := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(filepath.FromSlash(name))), 0o755); err != nil {
			return false, err
		}
	}
	fileErrs := make([]error, len(files))
	parallel.For(len(files), func(i int) {
		fileErrs[i] = os.WriteFile(filepath.Join(dir, filepath.FromSlash(files[i])), d.Files[files[i]], 0o644)
	})
	if err := errors.Join(append(errs, fileErrs...)...); err != nil {
		return false, err
	}
	return true, nil
}

// writeParts writes the concatenation of parts to the file name.
func writeParts(name string, parts ...[]byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := f.Write(p); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// writeZip packs the built site in dir into dir/briefing-offline.zip.
func writeZip(dir string) error {
	f, err := os.Create(filepath.Join(dir, offline.Name))
	if err != nil {
		return err
	}
	if err := offline.Write(f, os.DirFS(dir)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func cacheDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "annotated-briefing", "hugo")
	return dir, os.MkdirAll(dir, 0o755)
}

// projectFiles is the whole Hugo project: the staged files and the theme,
// the briefing's own themes/briefing or else the bundled one.
func projectFiles(root string, res *site.Result) (map[string][]byte, error) {
	theme := themeFS(root)
	files := make(map[string][]byte, len(res.Files)+32)
	for name, data := range res.Files {
		files[name] = data
	}
	err := fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		files["themes/briefing/"+p] = data
		return err
	})
	return files, err
}
