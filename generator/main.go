// Command generator builds an annotated briefing: it merges the articles in
// content/ with the notes in annotations/, anchors every note to the exact
// passage it annotates, and builds a static site with the pinned Hugo.
//
//	go run ./generator build [--root DIR] [--out DIR] [--base-url URL] [--pdf [--paper a4|letter]] [--no-zip] [--noindex]
//	go run ./generator check [--root DIR]
//	go run ./generator serve [--root DIR] [--port N]
//	go run ./generator new SLUG --url URL --outlet NAME [--title TITLE] [--root DIR]
//
// Problems in the input are printed as path:line:col: message, all of them,
// and the command exits with status 1 leaving the published output as it
// was.
package main

import (
	"archive/zip"
	"bufio"
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
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/hugepage"
	"github.com/briefing/annotated/generator/internal/hugo"
	"github.com/briefing/annotated/generator/internal/offline"
	"github.com/briefing/annotated/generator/internal/parallel"
	"github.com/briefing/annotated/generator/internal/pdf"
	"github.com/briefing/annotated/generator/internal/publish"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
	"github.com/briefing/annotated/generator/internal/weburl"
)

const usage = `usage:
  generator build [--root DIR] [--out DIR] [--base-url URL] [--pdf [--paper a4|letter]] [--no-zip] [--noindex]
                                   build the site (default out: DIR/public); --pdf also prints
                                   handout.pdf with headless Chromium, on Letter or --paper;
                                   --no-zip makes no briefing-offline.zip (nor links to it);
                                   --noindex keeps every page out of search engines
  generator check [--root DIR]     validate, anchor and render, write nothing
  generator serve [--root DIR] [--port N]
                                   live preview, rebuilt on every change
  generator new SLUG --url URL --outlet NAME [--title TITLE] [--root DIR]
                                   start an article: content/articles/SLUG.md and annotations/SLUG.yaml
  generator help COMMAND           that command's options (as COMMAND --help)
`

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "build" || os.Args[1] == "check") {
		adviseHeap(os.Stderr)
	}
	ctx, stop := stopContext()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// stoppedBy is the cause of a command's context cancelled by one of
// stopSignals, which says what status a build it stopped exits with
// (interruptedStatus).
type stoppedBy struct{ sig os.Signal }

func (s stoppedBy) Error() string { return "stopped by " + s.sig.String() }

// stopContext is signal.NotifyContext for stopSignals that keeps the
// signal, as the context's cause (stoppedBy). Signals after the first are
// caught too, until stop: the command is already stopping.
func stopContext() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals()...)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			cancel(stoppedBy{sig})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// interruptedStatus is the exit status of a build stopped by the user: as
// a shell gives a program that a signal ended, 128 and the signal's
// number (130 for Ctrl-C, 143 for SIGTERM, 129 for a closed terminal), so
// that a script running it tells an interruption from a failure; 1 when
// it was stopped otherwise (run's caller cancelled its context).
func interruptedStatus(ctx context.Context) int {
	var s stoppedBy
	if errors.As(context.Cause(ctx), &s) {
		if n, ok := s.sig.(syscall.Signal); ok {
			return 128 + int(n)
		}
	}
	return 1
}

// stopSignals are the signals that stop a command as Ctrl-C does: SIGTERM,
// and SIGHUP (its terminal closed: serve then removes its staging folder)
// unless the program was started to outlive its terminal (nohup), which
// asking for the signal would undo.
func stopSignals() []os.Signal {
	stopOn := []os.Signal{os.Interrupt, syscall.SIGTERM}
	if !signal.Ignored(syscall.SIGHUP) {
		stopOn = append(stopOn, syscall.SIGHUP)
	}
	return stopOn
}

// heapAdvice is how much of its heap a build or a check asks Linux to back
// with huge pages: more than the streamed compile's soft limit
// (streamMemoryLimit), which the heap passes a little.
const heapAdvice = 1 << 30

// heapGCPercent is the garbage collector's GOGC for a build or a check
// whose heap is in huge pages: the heap grows to five times what is live
// before a collection, not twice. Growing costs a page fault for every
// 2 MiB rather than every 4 KiB there, so collecting less often is cheaper
// than it is with small pages, where earlier sessions measured it as a
// loss at 10,000 articles (docs/performance-history.md). The streamed
// compile's soft limit (streamMemoryLimit) still caps the heap, so a large
// briefing's peak is the same; a small one's grows (at 1,000 articles from
// about 120 to 280 MiB).
const heapGCPercent = 400

// adviseHeap has the heap of a build or a check backed by huge pages where
// the system leaves that to the program (hugepage.Heap; on a two-core VM,
// a fifth less CPU time for the compile), unless BRIEFING_HUGEPAGES=0,
// and then, unless GOGC is set, collects garbage at heapGCPercent. It is
// called first thing in main: run, which the tests call, does not, since
// by then the heap has grown. serve does not either: it runs for hours,
// and the kernel could make huge pages again of memory it has handed
// back. With BRIEFING_TIMINGS set it tells what it did.
func adviseHeap(w io.Writer) {
	if os.Getenv("BRIEFING_HUGEPAGES") == "0" {
		return
	}
	n := hugepage.Heap(heapAdvice)
	gc := "GOGC unchanged"
	if n > 0 && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(heapGCPercent)
		gc = fmt.Sprintf("GOGC %d", heapGCPercent)
	}
	if os.Getenv("BRIEFING_TIMINGS") != "" {
		fmt.Fprintf(w, "heap     %d MiB advised for huge pages, %s\n", n>>20, gc)
	}
}

// commands are the commands usage lists, in its order.
var commands = []string{"build", "check", "serve", "new"}

// nearCommands returns the commands a mistyped one (biuld, serv, Chek) is
// likely meant for: those whose names it starts, or is at most two edits
// from (a letter added, left out or changed, two letters swapped: see
// diag.EditDistance), ignoring case; of these, the nearest, several when
// they are as near.
func nearCommands(cmd string) []string {
	cmd = strings.ToLower(cmd)
	if cmd == "" {
		return nil
	}
	var near []string
	best := 3
	for _, c := range append(commands, "help") {
		d := diag.EditDistance(cmd, c)
		if strings.HasPrefix(c, cmd) {
			d = 0
		}
		// Two edits of a name of three or four letters make it another
		// word (get, set for new), not a slip.
		limit := 2
		if len(c) <= 4 {
			limit = 1
		}
		switch {
		case d > limit:
		case d < best:
			near, best = []string{c}, d
		case d == best:
			near = append(near, c)
		}
	}
	return near
}

// unknownCommand tells that cmd is no command, and the one it is likely
// meant for, above the usage; it returns the exit status, 2.
func unknownCommand(cmd string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "unknown command %q\n", cmd)
	if near := nearCommands(cmd); len(near) > 0 {
		fmt.Fprintf(stderr, "did you mean %s?\n", orList(near))
	}
	fmt.Fprint(stderr, usage)
	return 2
}

// orList joins words as a sentence lists choices: "a", "a or b",
// "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// run is the whole command; it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	// help COMMAND is COMMAND --help: its options; of a command there is
	// not, as that command mistyped.
	if (cmd == "help" || cmd == "-h" || cmd == "-help" || cmd == "--help") && len(args) == 1 && args[0] != "help" {
		if !slices.Contains(commands, args[0]) {
			return unknownCommand(args[0], stderr)
		}
		cmd, args = args[0], []string{"--help"}
	}
	if cmd == "new" {
		return newArticle(args, stdout, stderr)
	}
	fl := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fl.SetOutput(twoDashes{stderr})
	if slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "-help" || a == "--help" }) {
		fl.SetOutput(stdout) // asked for: not an error
	}
	fl.Usage = func() { commandUsage(fl) }
	root := fl.String("root", ".", "the briefing `DIR`, which holds content/ and annotations/")
	var out, baseURL *string
	var port *int
	var printPDF, noZip, noIndex *bool
	var paper *string
	switch cmd {
	case "build":
		out = fl.String("out", "", "the output `DIR` (default: the briefing folder's public/)")
		baseURL = fl.String("base-url", "", "the `URL` the site is published at, like https://example.org/briefing/")
		printPDF = fl.Bool("pdf", false, "also print handout.html to handout.pdf with headless Chromium")
		paper = fl.String("paper", "", "with --pdf, the `SIZE` of handout.pdf's pages: a4 or letter (default: letter, Chromium's)")
		noZip = fl.Bool("no-zip", false, "make no briefing-offline.zip, and no link to it")
		noIndex = fl.Bool("noindex", false, "keep every page out of search engines (a preview's or a branch's copy): a robots noindex on each, no canonical link, no sitemap")
	case "check":
	case "serve":
		port = fl.Int("port", 1313, "the `PORT` to serve on, on localhost (0: any free one)")
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		return unknownCommand(cmd, stderr)
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "unexpected argument %q\n", fl.Arg(0))
		commandUsage(fl)
		return 2
	}
	if !folderOptions(fl, stderr) {
		return 2
	}
	switch cmd {
	case "build":
		o := filepath.Join(*root, "public")
		if *out != "" {
			o = filepath.Clean(*out) // public/ is public: its parent is where the new site is made
		}
		base, err := checkBaseURL(*baseURL)
		if err != nil {
			fmt.Fprintf(stderr, "--base-url: %v\n", err)
			return 2
		}
		size := strings.ToLower(*paper)
		if _, ok := pdf.Papers[size]; size != "" && !ok {
			fmt.Fprintf(stderr, "--paper: %q is not a paper size this prints on: use a4 or letter\n", *paper)
			return 2
		}
		if size != "" && !*printPDF {
			fmt.Fprintln(stderr, "--paper sets the paper of handout.pdf: give it with --pdf (a browser prints handout.html on the reader's own paper)")
			return 2
		}
		return build(ctx, *root, o, stage.Options{BaseURL: base, PDF: *printPDF, Paper: size, NoZip: *noZip, NoIndex: *noIndex}, stdout, stderr)
	case "check":
		return check(ctx, *root, stdout, stderr)
	default:
		if *port < 0 || *port > 65535 {
			fmt.Fprintf(stderr, "--port: %d is not a port number: use one from 1 to 65535, or 0 for any free port\n", *port)
			return 2
		}
		return serve(ctx, *root, *port, stdout, stderr)
	}
}

// folderOptions reports whether the folders fl's --root and --out name (of
// those it has) can be folders, and says why to w when not: --out --pdf
// gives --out the value "--pdf", and an empty --root names no folder.
func folderOptions(fl *flag.FlagSet, w io.Writer) bool {
	for _, f := range []string{"root", "out"} {
		v := fl.Lookup(f)
		if v == nil {
			continue
		}
		switch s := v.Value.String(); {
		case f == "root" && s == "":
			fmt.Fprintln(w, "--root is empty: give the folder that holds content/ and annotations/ (. is the current one)")
			return false
		case strings.HasPrefix(s, "-"):
			fmt.Fprintf(w, "--%s %s: that is an option, not a folder: give the folder after --%s (a folder whose name starts with - is written ./%s)\n", f, s, f, s)
			return false
		}
	}
	return true
}

// twoDashes writes the flag package's messages with an option's two
// dashes, as the usage and the README write them ("flag provided but not
// defined: --bogus", not "-bogus").
type twoDashes struct{ w io.Writer }

var oneDash = regexp.MustCompile(`(: |flag |for )-([A-Za-z])`)

func (d twoDashes) Write(p []byte) (int, error) {
	if _, err := d.w.Write(oneDash.ReplaceAll(p, []byte("$1--$2"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// commandUsage prints how to call fl's command, its options written with
// two dashes, as the README writes them (one works too).
func commandUsage(fl *flag.FlagSet) {
	fmt.Fprintf(fl.Output(), "usage: generator %s [options]\n", fl.Name())
	commandOptions(fl)
}

// commandOptions lists fl's options, each with two dashes.
func commandOptions(fl *flag.FlagSet) {
	w := fl.Output()
	fmt.Fprintf(w, "options:\n")
	fl.VisitAll(func(f *flag.Flag) {
		name, help := flag.UnquoteUsage(f)
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool {
			name = ""
		}
		opt := "--" + f.Name
		if name != "" {
			opt += " " + name
		}
		if f.DefValue != "" && f.DefValue != "false" {
			help += " (default " + f.DefValue + ")"
		}
		fmt.Fprintf(w, "  %-18s %s\n", opt, help)
	})
}

// rootProblem says what is wrong with root as the briefing folder, or nil:
// the one message every command gives for a --root that names no folder.
func rootProblem(root string) error {
	const give = "give --root the folder that holds content/ and annotations/"
	fi, err := os.Stat(filepath.Clean(root)) // afile/ is the file afile
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("the briefing folder %s does not exist: %s", root, give)
	case err == nil && !fi.IsDir():
		return fmt.Errorf("the briefing folder %s is a file, not a folder: %s", root, give)
	case errors.Is(err, syscall.ENOTDIR):
		if p := publish.FileOnTheWay(filepath.Clean(root)); p != "" {
			return fmt.Errorf("the briefing folder %s cannot be reached: %s, on the way to it, is a file, not a folder; %s", root, p, give)
		}
		return fmt.Errorf("the briefing folder %s is not a folder: %s", root, give)
	case err != nil:
		return fmt.Errorf("cannot open the briefing folder %s: %w", root, err)
	}
	return nil
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

// inRoot is p as the user names its file (rootPath).
func inRoot(root string, p diag.Pos) diag.Pos {
	p.File = rootPath(root, p.File)
	return p
}

// rootPath is file, a path in the briefing folder root, as the user names
// it: under root, as given.
func rootPath(root, file string) string {
	if root != "." && root != "" {
		return filepath.ToSlash(filepath.Join(root, file))
	}
	return file
}

// report prints input problems with paths as the user would open them,
// each as path:line:col: message, then their count; or else the error
// itself. It returns the lines it printed but the count (serve shows them
// on the open pages too).
func report(root string, err error, stderr io.Writer) []string {
	var le *diag.ListError
	if !errors.As(err, &le) {
		line := fmt.Sprintf("error: %v", err)
		fmt.Fprintln(stderr, line)
		return []string{line}
	}
	lines := make([]string, 0, len(le.Errs)+1)
	for _, e := range le.Errs {
		lines = append(lines, fmt.Sprintf("%s: %s", inRoot(root, e.Pos), e.Msg))
	}
	if le.Dropped > 0 {
		lines = append(lines, fmt.Sprintf("(and %d more problems not listed)", le.Dropped))
	}
	for _, l := range lines {
		fmt.Fprintln(stderr, l)
	}
	n := len(le.Errs) + le.Dropped
	plural := "s"
	if n == 1 {
		plural = ""
	}
	fmt.Fprintf(stderr, "%d problem%s found\n", n, plural)
	return lines
}

// streamMemoryLimit is the soft memory limit of a streamed compile.
const streamMemoryLimit = 700 << 20

func compile(root string, opt stage.Options) (*site.Result, error) {
	return compileInto(root, opt, nil)
}

// compileInto is compile that, given a sink, streams the staged project
// into it (site.Stream): the Result then holds no files.
func compileInto(root string, opt stage.Options, sink stage.Sink) (*site.Result, error) {
	fsys, text, closeRoot, themeErr := openBriefing(root)
	if fsys == nil {
		return nil, themeErr
	}
	defer closeRoot()
	opt.Text = text
	var (
		res *site.Result
		err error
	)
	if sink != nil {
		limitMemory()
		res, err = site.Stream(fsys, opt, sink)
	} else {
		res, err = site.Compile(fsys, opt)
	}
	return res, diag.Join(themeErr, err)
}

// limitMemory sets the soft memory limit of a streamed compile or a
// check: their live memory is mostly the loaded briefing (some 360 MB at
// 10,000 articles once loaded, less as a stream stages the articles and
// drops their text), and a soft limit makes the garbage collector work
// harder near it rather than let the heap grow to five times that (see
// heapGCPercent). GOMEMLIMIT, when set, decides instead.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(streamMemoryLimit)
	}
}

// checkStages, when set, has check stage every page, as build does, into a
// sink that keeps nothing: what check did before site.Check, and what the
// benchmark times as the generator's own stages, (b).
const checkStages = "BRIEFING_CHECK_STAGES"

// checkRoot checks the briefing in root (site.Check): every problem that
// a build would report, and no page made.
func checkRoot(root string) (*site.Result, error) {
	if os.Getenv(checkStages) == "1" {
		return compileInto(root, stage.Options{}, stage.Discard{})
	}
	// The theme's strings are read as a build reads them, so that a
	// briefing's own theme with broken ones fails its check too.
	fsys, _, closeRoot, themeErr := openBriefing(root)
	if fsys == nil {
		return nil, themeErr
	}
	defer closeRoot()
	limitMemory()
	res, err := site.Check(fsys)
	return res, diag.Join(themeErr, err)
}

// openBriefing opens the briefing folder in root (openRoot) and reads the
// strings of the theme it is built with (themeText), as every compile and
// check does, and returns the folder, the strings and what closes the
// folder. With the problems of the briefing's own theme it returns those
// too, as its error, and the folder and the bundled theme's strings, with
// which the briefing is checked all the same (diag.Join its problems to
// the theme's); with any other error, no folder.
func openBriefing(root string) (fs.FS, *stage.Text, func(), error) {
	fsys, closeRoot, err := openRoot(root)
	if err != nil {
		return nil, nil, nil, err
	}
	text, err := themeText(root)
	if text == nil {
		closeRoot()
		return nil, nil, nil, err
	}
	return fsys, text, closeRoot, err
}

// check is the check command. Stopped by the user (Ctrl-C, SIGTERM), it
// says so and exits as build does (interruptedStatus): it writes nothing,
// so the checking left running has nothing to undo.
func check(ctx context.Context, root string, stdout, stderr io.Writer) int {
	err := rootProblem(root)
	var res *site.Result
	if err == nil {
		type result struct {
			res *site.Result
			err error
		}
		done := make(chan result, 1)
		go func() {
			res, err := checkRoot(root)
			done <- result{res, err}
		}()
		select {
		case r := <-done:
			res, err = r.res, r.err
		case <-ctx.Done():
			fmt.Fprintln(stderr, "interrupted: the check was stopped")
			return interruptedStatus(ctx)
		}
	}
	if err != nil {
		report(root, err, stderr)
		return 1
	}
	for _, warn := range inputWarnings {
		warn(root, res, stderr)
	}
	fmt.Fprintf(stdout, "ok: %s: every note anchored\n", counted(res.Counts))
	return 0
}

// inputWarnings are check's warnings of what in the briefing may be a
// mistake and is published all the same, each of its own kind: check,
// build and serve give them.
var inputWarnings = []func(root string, res *site.Result, stderr io.Writer){warnUndefined, warnUndated, warnEmptyNotes}

// warnUndated tells the editors of each article with neither a published
// date nor a date note, which new writes commented out and which may be
// forgotten: its page says the outlet's page shows no date, which nobody
// said, and it is ordered last. A warning, as an article may truly be
// undated: the date note says so, or what is known.
func warnUndated(root string, res *site.Result, stderr io.Writer) {
	for _, at := range res.Undated {
		fmt.Fprintf(stderr, "%s: warning: the article has neither published nor date_note: its page will say that the outlet's page shows no date, and it comes last in the briefing; give published: YYYY-MM-DD, or say in date_note what is known of its date (and sort_date: to place it)\n", inRoot(root, at))
	}
}

// warnEmptyNotes tells the editors of each article whose notes file is
// empty, not a byte in it: most often a save that failed (an editor that
// crashed, a sync that lost the race), which publishes the article
// without its notes. A warning, as an article may have no notes yet
// (new writes notes: and an example in comments, which is no warning).
func warnEmptyNotes(root string, res *site.Result, stderr io.Writer) {
	for _, at := range res.EmptyNotes {
		fmt.Fprintf(stderr, "%s: warning: the notes file is empty, not a byte in it: the article is published without notes; if a save failed, save the notes again (for an article without notes, write notes: [] or remove the file)\n", inRoot(root, at))
	}
}

// warnUndefined tells the editors, who have defined some verdicts in the
// methodology, of those that notes or claims give and it does not
// define, written otherwise than as a definition is read: their badges
// link nowhere. It is placed at the last definition, where the others
// would go.
func warnUndefined(root string, res *site.Result, stderr io.Writer) {
	vs := res.Undefined
	if len(vs) == 0 {
		return
	}
	labels := make([]string, len(vs))
	for i, v := range vs {
		labels[i] = v.Label()
	}
	fmt.Fprintf(stderr, "%s: warning: the methodology defines some verdicts but not %s, which notes or claims give: those are not linked to a definition; write each as an item of the list, like - **%s:** …\n",
		inRoot(root, res.DefinitionsAt), strings.Join(labels, ", "), labels[0])
}

// counted says the briefing's counts as the summary lines give them: "1
// article, 8 notes, 1 claim, 2 sources".
func counted(c stage.Counts) string {
	n := func(k int, one string) string {
		if k == 1 {
			return "1 " + one
		}
		return strconv.Itoa(k) + " " + one + "s"
	}
	return n(c.Articles, "article") + ", " + n(c.Notes, "note") + ", " + n(c.Claims, "claim") + ", " + n(c.Sources, "source")
}

// checkBaseURL returns the --base-url value as the site's address ending in
// "/", or an error when it is not an absolute http or https address.
func checkBaseURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not the address of a site: give it in full, like https://example.org/briefing/", s)
	}
	// The checks an address in the briefing's files gets: spaces, quotes,
	// a user name or password, a port out of range; not a host name with
	// no dot, as a site may be published on an intranet. A password is not
	// repeated, to a log that may be read by others.
	if u.User != nil {
		bare := *u
		bare.User = nil
		return "", fmt.Errorf("the address holds a user name or password (the part before the @), which every page would give its readers: give it without them, like %q", bare.String())
	}
	if msg := weburl.SiteURLProblem(s); msg != "" {
		return "", fmt.Errorf("%q %s", s, msg)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return "", fmt.Errorf("%q has a query (?…) or a fragment (#…), which the address of a site cannot have: give the folder the site is published at, like https://example.org/briefing/", s)
	}
	// The address of a page, copied from the address bar: every address
	// made from it would have the page's name as a folder. A folder's name
	// may hold a dot ("v1.2"), so only a page's endings are told.
	if i := strings.LastIndexByte(u.Path, '/'); i >= 0 {
		if page := u.Path[i+1:]; webPage(page) {
			folder := *u
			folder.Path = u.Path[:i+1]
			return "", fmt.Errorf("%q is the address of a page or file (%s), not of the folder the site is published at: give %q", s, page, folder.String())
		}
	}
	return spelling(u)
}

// spelling gives the site's address u, checked, as every page and export
// is to give it, ending in a slash: pages write it in attributes that
// escape it (a link's href) and in others that do not (og:url, the
// sitemap, the JSON-LD), so an address with two spellings came out two
// ways, "exämple.org" beside "ex%c3%a4mple.org". So the host is given in
// ASCII (punycode) and lower case, without the scheme's own port; the
// path, as it was written (an escaped slash, %2F, stays one), has its dot
// segments resolved, its escapes in upper case, and every other character
// an href would escape escaped: all but letters, digits and
// -._~!$&*+,;=:@/.
func spelling(u *url.URL) (string, error) {
	name := u.Hostname()
	host := strings.ToLower(name)
	switch {
	case strings.Contains(name, "%") && strings.Contains(name, ":"):
		return "", fmt.Errorf("%q has a zone (%%…) in its IPv6 address, which names a network interface of one machine: give the address without it", u.String())
	case strings.Contains(name, "%"):
		return "", fmt.Errorf("%q has a %% in its host name, which no host name has: give the address as it works in a browser", u.String())
	case strings.Contains(name, ":"): // an IPv6 address
		host = "[" + host + "]"
	case strings.ContainsFunc(name, func(r rune) bool { return r >= utf8.RuneSelf }):
		ascii, err := idna.Lookup.ToASCII(name)
		if err != nil {
			return "", fmt.Errorf("%q has a host name with a character no host name can have: give the address as it works in a browser", u.String())
		}
		host = ascii
	}
	if port := u.Port(); port != "" && !(u.Scheme == "https" && port == "443" || u.Scheme == "http" && port == "80") {
		host += ":" + port
	}
	p := u.RawPath // the path as written, when it differs from Path escaped
	if p == "" {
		p = u.EscapedPath()
	}
	var b strings.Builder
	b.WriteString(strings.ToLower(u.Scheme) + "://" + host)
	p = withoutDots(p)
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '%' && i+2 < len(p):
			b.WriteString("%" + strings.ToUpper(p[i+1:i+3]))
			i += 2
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~!$&*+,;=:@/", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String(), nil
}

// withoutDots returns the escaped path p of an address with its dot
// segments resolved as a browser does ("." and "..", escaped or not:
// "/a/%2e%2e/b" is "/b"), and ending in a slash.
func withoutDots(p string) string {
	var out []string
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range segs {
		last := i == len(segs)-1
		switch strings.ToLower(s) {
		case ".", "%2e":
		case "..", ".%2e", "%2e.", "%2e%2e":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			if !last || s != "" {
				out = append(out, s)
			}
		}
	}
	if len(out) == 0 {
		return "/"
	}
	return "/" + strings.Join(out, "/") + "/"
}

// webPage says whether the last part of an address's path names a page or
// a file by its ending: index.html, default.htm, index.php, and the site's
// own files (handout.pdf, briefing.json, annotations.jsonld, the zip, the
// sitemap).
func webPage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".php", ".asp", ".aspx", ".pdf", ".json", ".jsonld", ".zip", ".xml", ".txt":
		return true
	}
	return false
}

func build(ctx context.Context, root, out string, opt stage.Options, stdout, stderr io.Writer) int {
	start := time.Now()
	// Into the folder a link named by --out leads to: the link stays.
	var (
		res   *site.Result
		pages int
	)
	var target string
	err := rootProblem(root) // before --out, which defaults to one inside it
	if err == nil {
		target, err = publish.Target(out)
	}
	if err == nil {
		res, pages, err = buildSite(ctx, root, target, opt, stderr)
	}
	if err != nil {
		code := 1
		var problems *diag.ListError
		if ctx.Err() != nil && !errors.As(err, &problems) {
			// Stopped by the user (Ctrl-C, SIGTERM), at whatever step:
			// Hugo or Chromium killed, a step cut short. That is the
			// news, not the step's own error.
			fmt.Fprint(stderr, "interrupted: ")
			code = interruptedStatus(ctx)
		} else {
			// The briefing's problems, or else the error that stopped
			// the build, or what it lacked to start (report prints
			// either as "error: ...").
			report(root, err, stderr)
		}
		if _, err := os.Lstat(out); err != nil {
			fmt.Fprintln(stderr, "nothing was published") // there is no site to keep
		} else {
			fmt.Fprintf(stderr, "nothing was published: %s is unchanged\n", out)
		}
		return code
	}
	warnCSP(root, os.DirFS(out), stderr)
	for _, warn := range inputWarnings {
		warn(root, res, stderr)
	}
	where := out
	if b := filepath.Base(out); b == "." || b == ".." {
		where = target // the folder by its name: "." is the old one now, removed
	}
	fmt.Fprintf(stdout, "built %s: %d pages written to %s in %s\n",
		counted(res.Counts), pages, where, time.Since(start).Round(time.Millisecond))
	if where != out {
		// The shell that ran the build is in the folder swapped out.
		fmt.Fprintf(stdout, "this shell is in the old site's folder, now removed: cd %s to see the new one\n", shellQuote(target))
	}
	return 0
}

// stageGrowth is about how many bytes a build stages for each byte of the
// briefing's content/ and annotations/ (a synthetic briefing of a thousand
// articles: 28 MB in, a site of 276 MB), to choose where to stage before
// anything is staged.
const stageGrowth = 12

// buildSite compiles the briefing in root, staging the Hugo project as it
// goes (site.Stream into a stage.Dir, the page bodies and the generator's
// own files detached to a side folder when the theme allows), runs Hugo,
// writes the site to a temporary folder beside out (each page with its body
// in place of its mark, and the offline zip as the pages are written, unless
// opt.NoZip), prints
// handout.pdf when opt.PDF is set, and swaps the folder into place. Neither
// the staged project nor the site is ever whole in memory. Everything is made
// in temporary folders, removed whatever happens, so a failure at any step
// leaves the published output as it was. It returns the compiled briefing and
// the number of HTML pages written, or the briefing's problems (a
// *diag.ListError) or the error that stopped the build. Hugo's warnings go
// to warn.
func buildSite(ctx context.Context, root, out string, opt stage.Options, warn io.Writer) (*site.Result, int, error) {
	theme, err := themeFiles(root)
	if err != nil {
		return nil, 0, err
	}
	earlier := sync.OnceValue(func() map[string]bool { return zipped(out) })
	if err := publish.Check(out, root, export.ModelFile, siteName(theme, earlier)); err != nil {
		return nil, 0, err
	}
	if err := preflight(opt); err != nil {
		return nil, 0, err
	}
	ph := phases(os.Getenv("BRIEFING_TIMINGS") != "", os.Stderr)
	if err := publish.Clean(out); publish.IsLeftover(err) {
		fmt.Fprintf(warn, "warning: an earlier build's folder %v\n", err)
	} else if err != nil {
		return nil, 0, fmt.Errorf("cannot clean up after an earlier build: %w", err)
	}
	cleanStages() // left by a preview or a build that was killed
	// The staged project is written to memory where there is room, its
	// thousands of small files costing a few hundredths of what they cost
	// on a disk, or else beside out. So is the side folder of a briefing
	// small enough; a larger one's (a few big files: the bodies back to
	// back, the files that gather every article) goes beside out, and
	// only the project of small pages to memory. Either way a build killed
	// before it could remove them leaves them where the next one cleans up
	// (CleanStages, publish.Clean).
	in := inputSize(root)
	need := stageGrowth*in + projectSize(theme)
	stageDir, removeStage, err := memoryStage(need)
	if err != nil {
		return nil, 0, err
	}
	var project, sideDir string
	if stageDir != "" {
		project, sideDir = filepath.Join(stageDir, "project"), filepath.Join(stageDir, "side")
	} else {
		disk, unlock, err := publish.TempDir(out)
		if err != nil {
			return nil, 0, err
		}
		project, sideDir = filepath.Join(disk, "project"), filepath.Join(disk, "side")
		removeStage = func() { os.RemoveAll(disk); unlock() }
		// The detached project: a line of front matter and a mark for
		// each page, less than the content it came from.
		if small, removeSmall, err := memoryStage(in + projectSize(theme)); err != nil {
			removeStage()
			return nil, 0, err
		} else if small != "" {
			project = filepath.Join(small, "project")
			removeStage = func() { removeSmall(); os.RemoveAll(disk); unlock() }
		}
	}
	if os.Getenv("BRIEFING_KEEP_STAGE") == "" {
		defer removeStage()
	} else {
		fmt.Fprintln(os.Stderr, "stage:", project, sideDir)
	}
	sink := &stage.Dir{Path: project}
	if stage.CanDetach(theme) {
		sink.Side = sideDir
	}
	defer sink.Close()
	if err := writeFiles(project, theme); err != nil {
		return nil, 0, err
	}
	ph("prepare")
	res, err := compileInto(root, opt, sink)
	if err = errors.Join(err, sink.Close()); err != nil {
		return nil, 0, err
	}
	ph("compile")
	date := offline.Modified // of the handout, for a briefing without any date
	if d := stage.AsOf(res.Briefing); d != nil {
		date = d.Time()
	}
	about := handoutAbout(res.Briefing)
	// Staged: what the compile held is garbage now, and handed back to
	// the system while Hugo runs (some 400 MB at 10,000 articles).
	res.Briefing = nil
	debug.FreeOSMemory()
	side := &sideFolder{filesDir: sink.FilesDir(), bodies: sink.Bodies(), files: sink.Files()}
	// Only now, the briefing having no problems, is the site's folder
	// made beside out; a build that failed has touched nothing there
	// (unless it staged there, a briefing too large for memory).
	tmp, unlock, err := publish.TempDir(out)
	if err != nil {
		return nil, 0, fmt.Errorf("cannot create the output folder: %w", err)
	}
	defer func() { os.RemoveAll(tmp); unlock() }() // gone already when published
	// The detached files are moved to the site before Hugo builds into
	// it, and Hugo copies the theme's static files there, so it would
	// write one over a file of the same name the generator wrote, which
	// takes its place (as the project's static files take the place of
	// the theme's in Hugo).
	for _, name := range side.files {
		if err := os.Remove(filepath.Join(project, "themes", "briefing", "static", filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, 0, err
		}
	}
	cache, err := cacheDir()
	if err != nil {
		return nil, 0, err
	}
	release := func() {}
	defer func() { release() }()
	// runHugo has Hugo build the project into a folder of its own, in
	// memory where there is room (hugo.StageParent): the splice then
	// writes each page once, whole, to tmp, and while Hugo runs the
	// detached files are moved there (copied from memory) and, at the
	// same time, the pages' files created empty. On a disk, where that folder would cost as
	// much to write as tmp, Hugo writes into tmp, the detached files
	// moved there first (renamed, on the same disk), and the splice works
	// in place.
	runHugo := func() (built string, err error) {
		built, release, err = hugoOutput(tmp, need)
		if err != nil {
			return "", err
		}
		moved, created := make(chan error, 1), make(chan error, 1)
		if built != tmp {
			go func() { moved <- side.moveFiles(tmp) }()
			go func() { created <- createFiles(tmp, side.paths()) }()
		} else {
			moved <- side.moveFiles(tmp)
			created <- nil
		}
		err = themePaths(hugo.Build(ctx, project, built, cache, warn), project, root)
		return built, errors.Join(err, <-moved, <-created, ctx.Err())
	}
	built, err := runHugo()
	if err != nil {
		return nil, 0, err
	}
	ph("hugo")
	sp, ok, err := planSplice(built, tmp, side)
	if err != nil {
		return nil, 0, err
	}
	if !ok {
		// A theme that does not print each page's .Content as it is:
		// the bodies go back into the staged pages, and Hugo builds the
		// whole pages after all.
		release()
		if err := side.restore(project); err != nil {
			return nil, 0, err
		}
		// What the first run wrote to tmp, the second writes over: the
		// same files, each page now whole.
		side.bodies = nil
		if built, err = runHugo(); err != nil {
			return nil, 0, err
		}
		if sp, _, err = planSplice(built, tmp, side); err != nil {
			return nil, 0, err
		}
	}
	if opt.PDF {
		if err := sp.write("handout.html"); err != nil {
			return nil, 0, err
		}
		if err := pdf.Print(ctx, filepath.Join(tmp, "handout.html"), filepath.Join(tmp, "handout.pdf"), date, opt.Paper, opt.BaseURL, about); err != nil {
			return nil, 0, err
		}
		if err := sp.add("handout.pdf"); err != nil {
			return nil, 0, err
		}
	}
	write := func() error { return sp.pack(out) }
	if opt.NoZip {
		write = sp.writeSite
	}
	if err := write(); err != nil {
		return nil, 0, err
	}
	ph("write")
	release()
	if err := ctx.Err(); err != nil {
		return nil, 0, err // stopped while writing: the user did not want it published
	}
	if err := publish.Publish(tmp, out); publish.IsLeftover(err) {
		// Published: the old copy stays beside it, for the user to remove.
		fmt.Fprintf(warn, "warning: %s is published, but the old output %v\n", out, err)
	} else if err != nil {
		return nil, 0, err
	}
	ph("publish")
	return res, sp.pages(), nil
}

// shellQuote is path as a POSIX shell reads it: as it is when it holds
// only characters a shell leaves alone, else in single quotes.
func shellQuote(path string) string {
	if path != "" && strings.IndexFunc(path, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+,:@%", r))
	}) < 0 {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}

// siteNames are the names a build may write at the top of its site, whatever
// its options and whatever parts the briefing has (a briefing without
// claims may make no claims page; --pdf adds handout.pdf, --base-url the
// sitemap, --no-zip takes the zip away), besides what a theme's static/
// adds. TestSiteNames builds with every option and checks the list.
var siteNames = []string{
	"index.html", "404.html", "claims.html", "notes.html", "quotes.html", "sources.html", "search.html",
	"methodology.html", "handout.html", "handout.pdf", export.ModelFile, export.AnnotationsFile, offline.Name,
	"sitemap.xml", "robots.txt", "articles", "css", "js", "img",
}

// siteName reports whether a build may write a file or folder of that
// name at the top of its site: one of siteNames, or a top-level name in
// the static/ folder of the theme, by path under themes/briefing/ (the
// briefing's own theme may add a CNAME there, say), or one of the names an
// earlier build wrote (its theme may have had a file the theme no longer
// has), which earlier reads when no other reason holds: most names need
// no look in the earlier site's zip.
func siteName(theme map[string][]byte, earlier func() map[string]bool) func(name string) bool {
	static := map[string]bool{}
	for p := range theme {
		if rest, ok := strings.CutPrefix(p, stage.ThemeDir+"/static/"); ok {
			first, _, _ := strings.Cut(rest, "/")
			static[first] = true
		}
	}
	return func(name string) bool {
		return static[name] || slices.Contains(siteNames, name) || slices.Contains(systemFiles, name) || strings.HasPrefix(name, "._") || earlier()[name]
	}
}

// zipped returns the names at the top of the site that the offline zip in
// the folder out holds (the site as the build that made it wrote it), or
// nil when out holds no zip that can be read.
func zipped(out string) map[string]bool {
	r, err := zip.OpenReader(filepath.Join(out, offline.Name))
	if err != nil {
		return nil
	}
	defer r.Close()
	names := map[string]bool{}
	for _, f := range r.File {
		if rest, ok := strings.CutPrefix(f.Name, offline.Folder+"/"); ok && rest != "" {
			first, _, _ := strings.Cut(rest, "/")
			names[first] = true
		}
	}
	return names
}

// systemFiles are what a computer's file manager leaves in a folder the
// user opened (macOS's Finder, Windows' Explorer), and "._" names macOS's
// copies of a file's attributes on another disk: no file of the user's, so
// thrown away with the site; a build refused for them would be refused
// after every look at the site.
var systemFiles = []string{".DS_Store", "Thumbs.db", "desktop.ini", ".directory"}

// preflight reports what a build needs besides the briefing and lacks,
// before anything is built: a Hugo (check needs none, and a large
// briefing's compile takes seconds), and with --pdf a browser.
func preflight(opt stage.Options) error {
	if err := hugo.Check(); err != nil {
		return err
	}
	if opt.PDF {
		if _, err := pdf.Browser(); err != nil {
			return fmt.Errorf("--pdf: %w", err)
		}
	}
	return nil
}

// phases returns a function that, when on, prints to w the time since it
// was last called (or since phases) with the name of the step that took
// it, and the CPU time the step used, the generator's and Hugo's, with the
// part of it spent in the kernel (BRIEFING_TIMINGS=1 in build). A step that
// uses more CPU than time ran on both cores; the kernel's part is mostly
// the cost of writing files.
func phases(on bool, w io.Writer) func(step string) {
	last := time.Now()
	lastCPU, lastSys, _ := cpuTime()
	return func(step string) {
		if on {
			fmt.Fprintf(w, "%-8s %v", step, time.Since(last).Round(time.Millisecond))
			if cpu, sys, ok := cpuTime(); ok {
				fmt.Fprintf(w, " (CPU %v, of it in the kernel %v)", (cpu - lastCPU).Round(time.Millisecond), (sys - lastSys).Round(time.Millisecond))
				lastCPU, lastSys = cpu, sys
			}
			fmt.Fprintln(w)
		}
		last = time.Now()
	}
}

// inputSize is the size of the files under root's content/ and
// annotations/, as far as they can be read.
func inputSize(root string) int64 {
	var n int64
	for _, dir := range []string{"content", "annotations"} {
		_ = filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	return n
}

// hugoOutput returns the folder Hugo is to build a project of about need
// bytes into for the site in tmp, and the function that removes it: a
// staging folder in memory when there is room, else tmp itself (and a
// release that does nothing).
func hugoOutput(tmp string, need int64) (string, func(), error) {
	dir, release, err := memoryStage(need)
	if err != nil || dir == "" {
		return tmp, func() {}, err
	}
	return dir, release, nil
}

// maxMemoryStage is hugo.MaxMemoryStage; the tests lower it to build a
// small briefing as a large one is built.
var maxMemoryStage int64 = hugo.MaxMemoryStage

// memoryStage creates a staging folder (hugo.TempStage) on a memory file
// system with room for need bytes, and returns it with the function that
// removes it, which may be called more than once; or "" when there is no
// such file system.
func memoryStage(need int64) (string, func(), error) {
	if need > maxMemoryStage || hugo.StageParent(need) == os.TempDir() {
		return "", nil, nil
	}
	dir, release, err := hugo.TempStage(stagePrefix, need)
	if err != nil {
		return "", nil, err
	}
	var once sync.Once
	return dir, func() { once.Do(release) }, nil
}

// projectSize is the size of files' contents.
func projectSize(files map[string][]byte) int64 {
	var n int64
	for _, data := range files {
		n += int64(len(data))
	}
	return n
}

// sideFolder is what a stage.Dir detached: the bodies of pages and the
// files to write to the site as they are.
type sideFolder struct {
	bodies   []stage.Body
	filesDir string   // where the detached files are
	files    []string // their paths in the site (and in filesDir)
}

// paths returns the paths in the site of the pages with a body, sorted.
func (s *sideFolder) paths() []string {
	names := make([]string, len(s.bodies))
	for i, b := range s.bodies {
		names[i] = b.Path
	}
	slices.Sort(names)
	return names
}

func (s *sideFolder) file(name string) string {
	return filepath.Join(s.filesDir, filepath.FromSlash(name))
}

// moveFiles moves the detached files to dir (renamed, or copied from
// another file system), where they are from then on.
func (s *sideFolder) moveFiles(dir string) error {
	if s.filesDir == dir {
		return nil
	}
	if err := makeDirs(dir, s.files); err != nil {
		return err
	}
	errs := make([]error, len(s.files))
	parallel.For(len(s.files), func(i int) {
		from, to := s.file(s.files[i]), filepath.Join(dir, filepath.FromSlash(s.files[i]))
		if err := os.Rename(from, to); errors.Is(err, syscall.EXDEV) {
			errs[i] = copyFile(from, to)
		} else {
			errs[i] = err
		}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	s.filesDir = dir
	return nil
}

// restore puts each body back into its staged page in project, in place of
// stage.BodyMark, for a Hugo run over the whole pages.
func (s *sideFolder) restore(project string) error {
	errs := make([]error, len(s.bodies))
	parallel.For(len(s.bodies), func(i int) {
		b := s.bodies[i]
		page := filepath.Join(project, filepath.FromSlash(b.Page))
		data, err := os.ReadFile(page)
		if err != nil {
			errs[i] = err
			return
		}
		head, ok := bytes.CutSuffix(data, []byte(stage.BodyMark))
		if !ok {
			errs[i] = fmt.Errorf("the staged page %s has lost its body mark", b.Page)
			return
		}
		f, err := os.Create(page)
		if err != nil {
			errs[i] = err
			return
		}
		_, err = f.Write(head)
		if err == nil {
			_, err = b.WriteTo(f)
		}
		errs[i] = errors.Join(err, f.Close())
	})
	return errors.Join(errs...)
}

// copyFile copies the file from to the new file to.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	return errors.Join(err, dst.Close())
}

// makeDirs makes the folders in dir that the files names (slash-separated
// paths) go in.
func makeDirs(dir string, names []string) error {
	made := map[string]bool{}
	for _, name := range names {
		d := path.Dir(name)
		if made[d] {
			continue
		}
		made[d] = true
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
	}
	return nil
}

// A splicePlan is the site to write: every file Hugo built and every
// detached file, each page with a detached body to be put together from
// Hugo's page and its body.
type splicePlan struct {
	dir     string
	entries []spliceEntry // by name
}

// spliceEntry is a file of the site.
type spliceEntry struct {
	name string     // slash-separated path in the site
	src  string     // the file to read: Hugo's page, or the file as it is
	dst  string     // the file to write, or "" when src is it
	size int64      // of src
	body stage.Body // for a page with a detached body (Path set): the body,
	mark int        // and where its mark is in src
	disk []byte     // when set, the file's bytes in the zip, the site's written already (offline.ForDisk)
}

// planSplice plans the site to write to dir from what Hugo built into from
// (dir itself, or another folder) and the detached files and bodies of side,
// its files moved to dir already (moveFiles). It reports false, writing nothing, when a page lacks its mark or has it
// twice: a theme whose templates do not print .Content once and as it is.
// Every other file Hugo built goes to the site as it is, except those side
// holds (a detached file takes the place of a theme's static file, as in
// Hugo).
func planSplice(from, dir string, side *sideFolder) (*splicePlan, bool, error) {
	if len(side.files) > 0 && side.filesDir != dir {
		return nil, false, fmt.Errorf("the generator's files are not in %s", dir)
	}
	detachedFile := make(map[string]bool, len(side.files))
	for _, name := range side.files {
		detachedFile[name] = true
	}
	withBody := make(map[string]stage.Body, len(side.bodies)) // by page
	for _, b := range side.bodies {
		withBody[b.Path] = b
	}
	sp := &splicePlan{dir: dir}
	err := filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		name := filepath.ToSlash(rel)
		switch {
		case err != nil:
			return err
		case e.IsDir():
			if from != dir {
				return os.MkdirAll(filepath.Join(dir, rel), 0o755)
			}
		case !e.Type().IsRegular():
			return fmt.Errorf("%s is not a regular file", name)
		case detachedFile[name] || name == offline.Name:
		default:
			info, err := e.Info()
			if err != nil {
				return err
			}
			se := spliceEntry{name: name, src: p, size: info.Size(), body: withBody[name]}
			if from != dir || se.body.Path != "" {
				se.dst = filepath.Join(dir, rel)
			}
			sp.entries = append(sp.entries, se)
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("the site Hugo built: %w", err)
	}
	slices.SortFunc(sp.entries, func(a, b spliceEntry) int { return strings.Compare(a.name, b.name) })
	for _, b := range side.bodies {
		if _, found := sp.find(b.Path); !found {
			return nil, false, fmt.Errorf("Hugo did not build the page %s", b.Path)
		}
	}
	// Every page with a body has its mark once.
	errs := make([]error, len(sp.entries))
	parallel.For(len(sp.entries), func(i int) {
		se := &sp.entries[i]
		if se.body.Path == "" {
			return
		}
		se.mark = -1
		data, err := os.ReadFile(se.src)
		if err != nil {
			errs[i] = fmt.Errorf("a page Hugo built: %w", err)
			return
		}
		if m := bytes.Index(data, []byte(stage.BodyMark)); m >= 0 && bytes.LastIndex(data, []byte(stage.BodyMark)) == m {
			se.mark = m
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, false, err
	}
	for _, se := range sp.entries {
		if se.body.Path != "" && se.mark < 0 {
			return nil, false, nil
		}
	}
	for _, name := range side.files {
		se := spliceEntry{name: name, src: side.file(name)}
		info, err := os.Stat(se.src)
		if err != nil {
			return nil, false, err
		}
		se.size = info.Size()
		sp.entries = append(sp.entries, se)
	}
	slices.SortFunc(sp.entries, func(a, b spliceEntry) int { return strings.Compare(a.name, b.name) })
	return sp, true, nil
}

// find returns the index of the entry name.
func (sp *splicePlan) find(name string) (int, bool) {
	return slices.BinarySearchFunc(sp.entries, name, func(e spliceEntry, name string) int { return strings.Compare(e.name, name) })
}

// entry returns the i-th file of the site for offline.Pack, whose Fill
// also writes the file's bytes to the site.
func (sp *splicePlan) entry(i int) (offline.Entry, error) {
	se := sp.entries[i]
	if se.disk != nil {
		return offline.Entry{Name: se.name, Size: int64(len(se.disk)), Fill: func(p []byte, off int64) error {
			copy(p, se.disk[off:])
			return nil
		}}, nil
	}
	if se.body.Path == "" {
		if se.size == 0 && se.dst != "" { // no piece to fill
			if err := writeAt(se.dst, nil, 0); err != nil {
				return offline.Entry{}, err
			}
		}
		return offline.Entry{Name: se.name, Size: se.size, Fill: func(p []byte, off int64) error {
			if err := readAt(se.src, p, off); err != nil {
				return err
			}
			if se.dst == "" {
				return nil
			}
			return writeAt(se.dst, p, off)
		}}, nil
	}
	page, err := os.ReadFile(se.src)
	if err != nil {
		return offline.Entry{}, err
	}
	if se.mark+len(stage.BodyMark) > len(page) || string(page[se.mark:se.mark+len(stage.BodyMark)]) != stage.BodyMark {
		return offline.Entry{}, fmt.Errorf("the page %s changed while the site was written", se.name)
	}
	head, tail := page[:se.mark], page[se.mark+len(stage.BodyMark):]
	size := int64(len(head)) + se.body.Size + int64(len(tail))
	if se.dst == se.src { // in place: the page is in memory now
		if err := os.Truncate(se.dst, size); err != nil {
			return offline.Entry{}, err
		}
	}
	bodyEnd := int64(len(head)) + se.body.Size
	return offline.Entry{Name: se.name, Size: size, Fill: func(p []byte, off int64) error {
		n := int64(0)
		if off < int64(len(head)) {
			n = int64(copy(p, head[off:]))
		}
		if k := min(int64(len(p))-n, bodyEnd-(off+n)); k > 0 {
			if err := se.body.ReadAt(p[n:n+k], off+n-int64(len(head))); err != nil {
				return err
			}
			n += k
		}
		if n < int64(len(p)) {
			copy(p[n:], tail[off+n-bodyEnd:])
		}
		return writeAt(se.dst, p, off)
	}}, nil
}

// write writes the file name of the site whole, before pack, for a step
// that needs it (printing the handout); pack then takes it as it is.
func (sp *splicePlan) write(name string) error {
	i, found := sp.find(name)
	if !found {
		return fmt.Errorf("Hugo did not build %s", name)
	}
	e, err := sp.entry(i)
	if err != nil {
		return err
	}
	buf := make([]byte, e.Size)
	if err := e.Fill(buf, 0); err != nil {
		return err
	}
	if dst := sp.entries[i].dst; dst != "" {
		sp.entries[i] = spliceEntry{name: name, src: dst, size: e.Size}
	}
	return nil
}

// add adds the file name, written to the site already, to the plan.
func (sp *splicePlan) add(name string) error {
	p := filepath.Join(sp.dir, filepath.FromSlash(name))
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	se := spliceEntry{name: name, src: p, size: info.Size()}
	if i, found := sp.find(name); found {
		sp.entries[i] = se
	} else {
		sp.entries = slices.Insert(sp.entries, i, se)
	}
	return nil
}

// pack writes the site and, as its files are written, the offline zip
// (dir/briefing-offline.zip), taking the compressed pieces of what has
// not changed from the zip of the published site, out, when it has one.
func (sp *splicePlan) pack(out string) error {
	// The 404 page as the zip holds it: written to the site first.
	if i, found := sp.find(offline.NotFound); found {
		if err := sp.write(offline.NotFound); err != nil {
			return err
		}
		data, err := os.ReadFile(sp.entries[i].src)
		if err != nil {
			return err
		}
		if disk := offline.ForDisk(offline.NotFound, data); !bytes.Equal(disk, data) {
			sp.entries[i].disk = disk
		}
	}
	f, err := os.Create(filepath.Join(sp.dir, offline.Name))
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", offline.Name, err)
	}
	prev := offline.OpenPrevious(filepath.Join(out, offline.Name))
	defer prev.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	err = offline.PackReusing(w, len(sp.entries), sp.entry, prev)
	if err == nil {
		err = w.Flush()
	}
	return errors.Join(err, f.Close())
}

// writeSite writes the site without the zip (build --no-zip), the files
// on every core, each in pieces of up to 1 MiB. A file already where it
// belongs is left alone.
func (sp *splicePlan) writeSite() error {
	const piece = 1 << 20
	errs := make([]error, len(sp.entries))
	parallel.For(len(sp.entries), func(i int) {
		if se := sp.entries[i]; se.dst == "" && se.body.Path == "" {
			return
		}
		e, err := sp.entry(i)
		if err != nil {
			errs[i] = err
			return
		}
		p := make([]byte, min(e.Size, piece))
		for off := int64(0); off < e.Size && err == nil; off += int64(len(p)) {
			p = p[:min(int64(cap(p)), e.Size-off)]
			err = e.Fill(p, off)
		}
		errs[i] = err
	})
	return errors.Join(errs...)
}

// pages is the number of HTML pages in the site.
func (sp *splicePlan) pages() int {
	n := 0
	for _, se := range sp.entries {
		if strings.HasSuffix(se.name, ".html") {
			n++
		}
	}
	return n
}

// readAt fills p with the bytes of the file name from off.
func readAt(name string, p []byte, off int64) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	_, err = f.ReadAt(p, off)
	if errors.Is(err, io.EOF) {
		err = fmt.Errorf("%s is shorter than it was", name)
	}
	return errors.Join(err, f.Close())
}

// writeAt writes p to the file name at off, creating the file if need be.
func writeAt(name string, p []byte, off int64) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteAt(p, off)
	return errors.Join(err, f.Close())
}

// writeFiles writes files (slash-separated paths to their contents) to dir.
func writeFiles(dir string, files map[string][]byte) error {
	names := slices.Sorted(maps.Keys(files))
	if err := makeDirs(dir, names); err != nil {
		return err
	}
	errs := make([]error, len(names))
	parallel.For(len(names), func(i int) {
		errs[i] = os.WriteFile(filepath.Join(dir, filepath.FromSlash(names[i])), files[names[i]], 0o644)
	})
	return errors.Join(errs...)
}

// createFiles creates the files names (slash-separated paths in dir),
// empty, to be written later. Creating a file costs a disk far more than
// writing an existing one (on this project's test machine, for a thousand
// pages of 60 KB, 0.4-0.9 s of system time against 0.08 s), so the build
// creates the pages while Hugo runs and writes them once it is done. It
// creates them one after another: files created at once in one folder
// wait on the file system's locks, spinning, and a thousand of them cost
// this machine's ext4 2.5 times the CPU time and twice the time.
func createFiles(dir string, names []string) error {
	slices.Sort(names)
	if err := makeDirs(dir, names); err != nil {
		return err
	}
	var errs []error
	for _, name := range names {
		f, err := os.Create(filepath.Join(dir, filepath.FromSlash(name)))
		if err == nil {
			err = f.Close()
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func cacheDir() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "annotated-briefing", "hugo")
	return dir, os.MkdirAll(dir, 0o755)
}

// themeFiles is the theme of the Hugo project (theme), by path under
// themes/briefing/.
func themeFiles(root string) (map[string][]byte, error) {
	files, err := theme(root)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(files))
	for p, data := range files {
		out[stage.ThemeDir+"/"+p] = data
	}
	return out, nil
}

// projectFiles is the whole Hugo project a site.Compiler staged: its
// files, in pieces, and the theme's.
func projectFiles(root string, res *site.Result) (map[string]stage.Pieces, error) {
	theme, err := themeFiles(root)
	if err != nil {
		return nil, err
	}
	files := make(map[string]stage.Pieces, len(res.Pieces)+len(theme))
	maps.Copy(files, res.Pieces)
	for name, data := range theme {
		files[name] = stage.Pieces{data}
	}
	return files, nil
}

// handoutAbout is what handout.pdf says about itself: the briefing's
// title; as its author the briefing's publisher, or none without one (a
// PDF needs none, and the title named as an author says who wrote it
// falsely); this program as the one that made what Chromium printed; and
// the site's language.
func handoutAbout(b *briefing.Briefing) pdf.Description {
	return pdf.Description{Title: b.Index.Title, Author: b.Index.Publisher, Creator: "Annotated briefing generator", Lang: briefing.SiteLang}
}
