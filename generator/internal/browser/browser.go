// Package browser drives Debian's Chromium from tests, headless, through the
// Chrome DevTools Protocol (github.com/chromedp/chromedp), to check built
// pages the way a reader's browser shows them.
//
// # Starting
//
// New returns the browser of the test binary: the first call starts one
// headless Chromium, later calls reuse it, so a package's browser tests pay
// for one start. ScreenReader returns a second one, started the same way,
// that runs as Chromium does while a screen reader is on: see "What a
// screen reader is given" below. The program is found as chromium, chromium-browser or
// google-chrome on PATH ($CHROMIUM names another). When none is installed
// the test is skipped with the reason, except under CI=true, where it fails:
// CI must not pass by skipping. Call Shutdown from TestMain after m.Run to
// stop the browser; if a test binary exits without it, the kernel stops the
// browser with the binary (chromedp sets Pdeathsig on Linux).
//
// # Pages
//
// Browser.Open opens a URL in a new tab with a viewport of the given size
// and waits for its load event; options turn JavaScript off (NoScript) or
// set the colour scheme (Scheme). The tab belongs to the test that opened it:
//
//   - Every request whose scheme is not file, data, blob or about is
//     blocked (Fetch interception) and recorded, and the test fails, naming
//     the address: the site must work offline and load nothing from the
//     network. data: and blob: stay allowed because they never leave the
//     page; about: is the blank page a tab starts with.
//   - An uncaught JavaScript exception fails the test too.
//   - When the test has failed by the time it ends, a full-page screenshot
//     of the tab is written to ShotDir and its path is logged; then the tab
//     is closed.
//
// The Page's methods run actions and fail the test on error: Do (any
// chromedp actions), Eval (a JavaScript expression decoded into a Go value),
// Keys (key events sent to the focused element, as a keyboard user types
// them: "\t" is Tab, "\r" Enter, " " Space), Resize, Media (emulated CSS
// media type, "print" or "" for screen) and Screenshot.
//
// # What a screen reader is given
//
// AccessibleName and Nodes read Chromium's accessibility tree. Chromium
// keeps that tree whole only when assistive technology asks for it: while a
// screen reader runs, it turns on its complete accessibility mode. Without
// one, as under New's browser, it builds the tree on demand and leaves out
// what it has not laid out, such as the sections that content-visibility:
// auto keeps unrendered until they come near the view (4 of claims.html's
// 42 headings are given, against 42 in the complete mode). Tests of what a
// screen reader is given therefore open their pages in ScreenReader's
// browser, started with --force-renderer-accessibility, the complete mode
// a screen reader turns on. It is kept apart because that mode makes every
// page slower: four of sitecheck's browser tests took 10% to 130% longer
// in it.
package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/briefing/annotated/generator/internal/pdf"
)

// Browser is one running headless Chromium, shared by the tests of a binary.
type Browser struct {
	ctx    context.Context // a chromedp context that has started the browser
	cancel func()
}

// instance is one of the test binary's browsers, started on first use.
type instance struct {
	once  sync.Once
	b     *Browser
	err   error
	flags []chromedp.ExecAllocatorOption
}

var (
	plain  = &instance{}
	reader = &instance{flags: []chromedp.ExecAllocatorOption{chromedp.Flag("force-renderer-accessibility", true)}}
)

// Find returns the path of the Chromium program, found as the build's
// --pdf finds it (pdf.Browser: $CHROMIUM, else chromium, chromium-browser
// or google-chrome), or "" when none is installed.
func Find() string {
	p, err := pdf.Browser()
	if err != nil {
		return ""
	}
	return p
}

// New returns the test binary's browser, starting it on first use. It skips
// t when Chromium is not installed, or fails it under CI=true.
func New(t testing.TB) *Browser {
	t.Helper()
	return plain.get(t)
}

// ScreenReader returns the test binary's browser that keeps its
// accessibility tree complete, as Chromium does while a screen reader runs
// (see the package's documentation), starting it on first use. It skips or
// fails as New does.
func ScreenReader(t testing.TB) *Browser {
	t.Helper()
	return reader.get(t)
}

func (in *instance) get(t testing.TB) *Browser {
	t.Helper()
	path := Find()
	if path == "" {
		const why = "Chromium is not installed (apt-get install chromium, or set $CHROMIUM)"
		if os.Getenv("CI") == "true" {
			t.Fatal(why + "; under CI=true the browser tests must run")
		}
		t.Skip(why)
	}
	in.once.Do(func() { in.b, in.err = startRetrying(path, in.flags, startTries) })
	if in.err != nil {
		t.Fatalf("starting %s: %v", path, in.err)
	}
	return in.b
}

// startTries is how many times a browser is started before the tests that
// need it fail: Chromium has been seen to exit at start, once, on a machine
// busy with other work ("chrome failed to start", a crash reporter's
// complaint and nothing else), and every browser test of the binary then
// failed for it, though the next start worked. Starting is the test
// machine's part, not the site's; what the tests check is unchanged.
const startTries = 3

// startRetrying starts the browser, trying up to tries times, a second
// apart; when none worked, it returns every try's error, after how many
// tries were made.
func startRetrying(path string, flags []chromedp.ExecAllocatorOption, tries int) (*Browser, error) {
	var errs []error
	for i := range tries {
		if i > 0 {
			time.Sleep(time.Second)
		}
		b, err := start(path, flags)
		if err == nil {
			return b, nil
		}
		errs = append(errs, fmt.Errorf("try %d: %w", i+1, err))
	}
	return nil, fmt.Errorf("%d tries: %w", tries, errors.Join(errs...))
}

func start(path string, flags []chromedp.ExecAllocatorOption) (*Browser, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
	)
	opts = append(opts, flags...)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(ctx); err != nil { // starts the browser, with no timeout
		cancel()
		allocCancel()
		return nil, err
	}
	return &Browser{ctx: ctx, cancel: func() { cancel(); allocCancel() }}, nil
}

// Shutdown stops the test binary's browsers that were started. Call it
// from TestMain after m.Run.
func Shutdown() {
	for _, in := range []*instance{plain, reader} {
		if in.b != nil {
			in.b.cancel()
		}
	}
}

// ShotDir is the folder that screenshots of failing pages are written to:
// $BRIEFING_SHOTS, or briefing-shots in the system's temporary folder. It is
// kept after the test so that the pictures can be looked at.
func ShotDir() string {
	if d := os.Getenv("BRIEFING_SHOTS"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "briefing-shots")
}

// Page is one tab, opened by one test.
type Page struct {
	t      testing.TB
	ctx    context.Context
	mu     sync.Mutex
	remote []string // addresses the page tried to load from outside
	thrown []string // uncaught JavaScript exceptions
}

// pageTimeout bounds each action on a page, so that a stuck page fails the
// test instead of hanging it.
const pageTimeout = 60 * time.Second

// Open opens rawURL in a new tab with a width×height viewport and waits for
// it to load. See the package documentation for what it checks.
func (b *Browser) Open(t testing.TB, rawURL string, width, height int, opts ...Option) *Page {
	t.Helper()
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	p := &Page{t: t}
	tab, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(p.listen))
	p.ctx = tab
	t.Cleanup(cancel) // runs last: closes the tab
	t.Cleanup(func() {
		if t.Failed() {
			if path, err := p.shoot(shotName(t.Name())); err == nil {
				t.Logf("screenshot of the failing page: %s", path)
			} else {
				t.Logf("no screenshot of the failing page: %v", err)
			}
		}
	})
	t.Cleanup(p.check) // runs first
	// The first action opens the tab and binds the tab's life to its
	// context, so it runs on the tab's own context, with no timeout.
	err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}})
		return err
	}))
	if err != nil {
		t.Fatalf("browser: opening a tab: %v", err)
	}
	p.Resize(width, height)
	if cfg.noScript {
		p.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
	}
	if cfg.scheme != "" {
		p.Media("", "prefers-color-scheme", cfg.scheme)
	}
	if cfg.beforeLoad != "" {
		p.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cfg.beforeLoad})
			return err
		}))
	}
	p.Do(chromedp.Navigate(rawURL))
	return p
}

// listen runs in the tab's event loop: it must return fast and send no
// command itself.
func (p *Page) listen(ev any) {
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		p.note(ev.Request.URL)
	case *network.EventWebSocketCreated:
		p.note(ev.URL)
	case *fetch.EventRequestPaused:
		id, u := ev.RequestID, ev.Request.URL
		go func() {
			ctx, cancel := context.WithTimeout(p.ctx, pageTimeout)
			defer cancel()
			if local(u) {
				_, _ = chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
				return
			}
			p.note(u)
			_, _ = chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: id, ErrorReason: network.ErrorReasonBlockedByClient})
		}()
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg = d.Exception.Description
		}
		p.mu.Lock()
		p.thrown = append(p.thrown, fmt.Sprintf("%s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, msg))
		p.mu.Unlock()
	}
}

// local reports whether a request stays on the machine.
func local(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "file", "data", "blob", "about":
		return true
	case "http", "ws":
		// The live preview, and its LiveReload socket, on this machine.
		switch u.Hostname() {
		case "127.0.0.1", "localhost", "::1":
			return true
		}
	}
	return false
}

func (p *Page) note(u string) {
	if local(u) {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range p.remote {
		if r == u {
			return
		}
	}
	p.remote = append(p.remote, u)
}

// Remote returns the addresses outside file:// that the page has tried to
// load so far (each is also a test failure when the test ends).
func (p *Page) Remote() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.remote...)
}

func (p *Page) check() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, u := range p.remote {
		p.t.Errorf("the page requested %s: nothing may be loaded from outside the site", u)
	}
	for _, e := range p.thrown {
		p.t.Errorf("uncaught JavaScript exception: %s", e)
	}
}

// Context returns the tab's chromedp context, for actions the Page has no
// method for.
func (p *Page) Context() context.Context { return p.ctx }

// Do runs actions in the tab and fails the test on the first error.
func (p *Page) Do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, pageTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.t.Fatalf("browser: %v", err)
	}
}

// Eval evaluates a JavaScript expression in p and decodes its value into a
// T; a promise is awaited. It fails the test on an error or an exception.
func Eval[T any](p *Page, expr string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, pageTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", abbreviate(expr), err)
	}
	return v
}

// AccessibleName returns the name the browser gives assistive technology
// for the element that the JavaScript expression elem evaluates to (as a
// screen reader announces it: text, hidden text, aria-label, CSS generated
// content and its alternative text), and its role.
func AccessibleName(p *Page, elem string) (name, role string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, pageTimeout)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		obj, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{Expression: elem})
		if err != nil {
			return err
		}
		if obj.ExceptionDetails != nil || obj.Result == nil || obj.Result.ObjectID == "" {
			return fmt.Errorf("%s is not an element", abbreviate(elem))
		}
		no := false
		tree, err := cdp.Call(ctx, tg, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: obj.Result.ObjectID, FetchRelatives: &no})
		if err != nil {
			return err
		}
		if len(tree.Nodes) == 0 {
			return fmt.Errorf("%s has no accessibility node", abbreviate(elem))
		}
		name, role = axString(tree.Nodes[0].Name), axString(tree.Nodes[0].Role)
		return nil
	}))
	if err != nil {
		p.t.Fatalf("the accessible name of %s: %v", abbreviate(elem), err)
	}
	return name, role
}

// Node is a node of the accessibility tree: its role and its name, as
// assistive technology is given them.
type Node struct {
	Role, Name string
}

// Nodes returns the nodes of the page's accessibility tree that have one of
// the given roles, in the tree's order, as assistive technology is given
// them (a screen reader's list of headings or of links): those of the whole
// page in ScreenReader's browser, and in New's only those Chromium has laid
// out (see the package's documentation). Ignored nodes are left out.
func Nodes(p *Page, roles ...string) []Node {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, pageTimeout)
	defer cancel()
	var out []Node
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		tree, err := cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			return err
		}
		out = axNodes(tree.Nodes, roles)
		return nil
	}))
	if err != nil {
		p.t.Fatalf("the accessibility tree: %v", err)
	}
	return out
}

// axNodes walks the tree from its root through each node's children (the
// protocol's list of nodes is not in the tree's order) and keeps the nodes
// of the roles.
func axNodes(nodes []*accessibility.Node, roles []string) []Node {
	byID := make(map[accessibility.NodeID]*accessibility.Node, len(nodes))
	for _, n := range nodes {
		byID[n.NodeID] = n
	}
	var out []Node
	var walk func(n *accessibility.Node)
	walk = func(n *accessibility.Node) {
		if role := axString(n.Role); !n.Ignored && slices.Contains(roles, role) {
			out = append(out, Node{role, axString(n.Name)})
		}
		for _, id := range n.ChildIDs {
			if c := byID[id]; c != nil {
				walk(c)
			}
		}
	}
	for _, n := range nodes {
		if n.ParentID == "" {
			walk(n)
		}
	}
	return out
}

// axString is a role's or a name's value in the accessibility tree; "" for
// none.
func axString(v *accessibility.Value) string {
	var s string
	if v != nil {
		_ = json.Unmarshal(v.Value, &s)
	}
	return s
}

func abbreviate(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}

// Keys sends key events to the focused element, as typed: "\t" is Tab, "\r"
// Enter, " " Space; see chromedp/kb for the other keys.
func (p *Page) Keys(keys string) {
	p.t.Helper()
	p.Do(chromedp.KeyEvent(keys))
}

// Resize sets the viewport to width×height CSS pixels.
func (p *Page) Resize(width, height int) {
	p.t.Helper()
	p.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: int64(width), Height: int64(height), DeviceScaleFactor: 1,
		})
		return err
	}))
}

// Media emulates a CSS media type ("print", or "" for the screen) and media
// features given as name, value pairs, such as "prefers-color-scheme",
// "dark". Each call replaces what the last one set.
func (p *Page) Media(media string, features ...string) {
	p.t.Helper()
	params := emulation.SetEmulatedMediaParams{Media: media}
	for i := 0; i+1 < len(features); i += 2 {
		params.Features = append(params.Features, &emulation.MediaFeature{Name: features[i], Value: features[i+1]})
	}
	p.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, params)
		return err
	}))
}

// Touch has the page take its pointer for a finger, as on a touch screen
// (the media features pointer: coarse and hover: none).
func (p *Page) Touch() {
	p.t.Helper()
	p.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5})
		return err
	}))
}

// Option changes how Open opens a page.
type Option func(*config)

type config struct {
	noScript   bool
	scheme     string
	beforeLoad string
}

// NoScript opens the page with JavaScript turned off.
func NoScript(c *config) { c.noScript = true }

// Scheme opens the page with prefers-color-scheme set to "light" or "dark".
func Scheme(s string) Option { return func(c *config) { c.scheme = s } }

// BeforeLoad runs the script js in the page (and in every page the tab
// loads after it) before the page's own scripts: to take a feature away,
// say, as a browser without it would.
func BeforeLoad(js string) Option { return func(c *config) { c.beforeLoad = js } }

// Screenshot writes a full-page PNG named name (".png" is added) to ShotDir
// and returns its path.
func (p *Page) Screenshot(name string) string {
	p.t.Helper()
	path, err := p.shoot(name)
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	return path
}

func (p *Page) shoot(name string) (string, error) {
	ctx, cancel := context.WithTimeout(p.ctx, pageTimeout)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return "", err
	}
	dir := ShotDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name+".png")
	return path, os.WriteFile(path, buf, 0o644)
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func shotName(testName string) string {
	return unsafeName.ReplaceAllString(testName, "_")
}

// FileURL returns the file:// address of a path on this machine.
func FileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}
