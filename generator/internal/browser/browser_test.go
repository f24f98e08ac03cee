package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMain(m *testing.M) {
	code := m.Run()
	Shutdown()
	os.Exit(code)
}

// TestLocalPage loads a page whose files all sit beside it: nothing is
// recorded, styles and scripts apply, and keys reach the focused element.
func TestLocalPage(t *testing.T) {
	b := New(t)
	p := b.Open(t, FileURL("testdata/local.html"), 800, 600)
	if got := Eval[string](p, `getComputedStyle(document.getElementById("p")).color`); got != "rgb(1, 2, 3)" {
		t.Errorf("the stylesheet beside the page did not apply: color is %q", got)
	}
	if got := Eval[int](p, `innerWidth`); got != 800 {
		t.Errorf("viewport width %d, want 800", got)
	}
	p.Keys("\t") // focus the button
	if got := Eval[string](p, `document.activeElement.id`); got != "b" {
		t.Fatalf("Tab focused %q, want the button", got)
	}
	p.Keys(" ")
	if got := Eval[string](p, `document.getElementById("b").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("Space on the button: aria-pressed=%q, want true", got)
	}
	p.Keys("\r")
	if got := Eval[string](p, `document.getElementById("b").getAttribute("aria-pressed")`); got != "false" {
		t.Errorf("Enter on the button: aria-pressed=%q, want false", got)
	}
	p.Resize(375, 700)
	if got := Eval[int](p, `innerWidth`); got != 375 {
		t.Errorf("after Resize the viewport is %d wide, want 375", got)
	}
	p.Media("print")
	if !Eval[bool](p, `matchMedia("print").matches`) {
		t.Error("print media is not emulated")
	}
	if r := p.Remote(); len(r) != 0 {
		t.Errorf("a local page recorded outside requests: %v", r)
	}
}

// recorder is a testing.TB that keeps failures and cleanups to itself, so
// that a test can check that the harness fails a test when it should.
type recorder struct {
	testing.TB
	name     string
	errs     []string
	logs     []string
	cleanups []func()
}

func (r *recorder) Helper()                   {}
func (r *recorder) Name() string              { return r.name }
func (r *recorder) Failed() bool              { return len(r.errs) > 0 }
func (r *recorder) Cleanup(f func())          { r.cleanups = append(r.cleanups, f) }
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *recorder) Logf(f string, a ...any)   { r.logs = append(r.logs, fmt.Sprintf(f, a...)) }
func (r *recorder) Fatalf(f string, a ...any) {
	r.TB.Fatalf("the harness gave up where it should have recorded: "+f, a...)
}

func (r *recorder) finish() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

// TestRemoteRequestsFail loads a page that asks for a stylesheet and an
// image from the network and throws: the harness blocks and records both
// addresses, fails the test for each and for the exception, and writes a
// screenshot of the failing page.
func TestRemoteRequestsFail(t *testing.T) {
	b := New(t)
	t.Setenv("BRIEFING_SHOTS", t.TempDir())
	r := &recorder{TB: t, name: "TestRemoteRequestsFail/inner"}
	b.Open(r, FileURL("testdata/remote.html"), 640, 480)
	r.finish()

	all := strings.Join(r.errs, "\n")
	for _, want := range []string{
		"the page requested https://fonts.example.invalid/font.css",
		"the page requested http://cdn.example.invalid/pixel.png",
		"uncaught JavaScript exception: ",
		"boom",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("failures do not mention %q:\n%s", want, all)
		}
	}
	shot := filepath.Join(ShotDir(), "TestRemoteRequestsFail_inner.png")
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot of the failing page: %v (logs: %v)", err, r.logs)
	}
	if len(data) < 8 || string(data[1:4]) != "PNG" {
		t.Errorf("%s is not a PNG", shot)
	}
	if !strings.Contains(strings.Join(r.logs, "\n"), shot) {
		t.Errorf("the screenshot's path is not logged: %v", r.logs)
	}
}

func TestLocal(t *testing.T) {
	for u, want := range map[string]bool{
		"file:///tmp/x.html":           true,
		"data:image/png;base64,AAAA":   true,
		"about:blank":                  true,
		"blob:file:///abc":             true,
		"http://example.org/":          false,
		"https://example.org/font.css": false,
		"ws://example.org/socket":      false,
		"//example.org/x":              false,
	} {
		if got := local(u); got != want {
			t.Errorf("local(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestStartRetries starts the browser through a program that fails on its
// first run and runs Chromium after: the second try must give a working
// browser. A program that always fails gives an error saying how many
// tries were made.
func TestStartRetries(t *testing.T) {
	chromium := Find()
	if chromium == "" {
		New(t) // skips, or fails under CI=true
		return
	}
	dir := t.TempDir()
	marker := filepath.Join(dir, "started-once")
	flaky := filepath.Join(dir, "flaky-chromium")
	script := fmt.Sprintf("#!/bin/sh\nif [ ! -e %q ]; then : > %q; exit 1; fi\nexec %q \"$@\"\n", marker, marker, chromium)
	if err := os.WriteFile(flaky, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := startRetrying(flaky, nil, 2)
	if err != nil {
		t.Fatalf("a browser that fails once was not started on the second try: %v", err)
	}
	defer b.cancel()
	p := b.Open(t, FileURL("testdata/local.html"), 400, 300)
	if got := Eval[int](p, `innerWidth`); got != 400 {
		t.Errorf("the browser started on the second try shows a %d px wide page, want 400", got)
	}

	failing := filepath.Join(dir, "failing-chromium")
	if err := os.WriteFile(failing, []byte("#!/bin/sh\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := startRetrying(failing, nil, 2); err == nil || !strings.Contains(err.Error(), "2 tries") {
		t.Errorf("a browser that never starts: error %v, want one saying 2 tries were made", err)
	}
}
