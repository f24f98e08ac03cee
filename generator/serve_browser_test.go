package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/browser"
)

// TestServeReloadsOpenPage opens a previewed article in Chromium, saves an
// edit to one of its notes, and sees the open page reload itself (through
// the preview's reload script, from the preview's own address) and show
// the edit.
func TestServeReloadsOpenPage(t *testing.T) {
	b := browser.New(t)
	root := fixtureDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"))
	base, _, _, _ := servePreview(t, root)
	p := b.Open(t, base+"articles/curly.html", 1000, 800)
	// Marks this load of the page: a reload forgets it.
	browser.Eval[bool](p, `window.beforeEdit = true`)
	// No need to wait for the page's event stream to connect: the page
	// asks for versions newer than its own, so an edit saved before it
	// connects reloads it all the same.
	notes := filepath.Join(root, "annotations", "curly.yaml")
	data, err := os.ReadFile(notes)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notes, bytes.Replace(data, []byte("The post said this on"), []byte("Liveedit: the post said this on"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		// Errors are expected while the page reloads.
		ctx, cancel := context.WithTimeout(p.Context(), 2*time.Second)
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.textContent.includes("Liveedit") && !window.beforeEdit`, chromedp.EvalAsValue))
		cancel()
		if err == nil && shown {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the open page did not reload with the edited note")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
