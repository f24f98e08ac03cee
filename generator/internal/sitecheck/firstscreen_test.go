package sitecheck

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/briefing/annotated/generator/internal/browser"
)

// firstScreen measures an article page as laid out: the top of the first
// paragraph of its text and the height of a line of it, whether the summary
// is shown above or below the text, and what of the provenance (outlet,
// headline, each label and value of the metadata, the summary, the notice
// that the text is reproduced) is not shown.
const firstScreen = `(() => {
  const q = s => document.querySelector(s), shown = e => e && e.getClientRects().length > 0 && e.getBoundingClientRect().height > 0;
  const p = q(".article .body > p"), lede = q(".article .lede"), body = q(".article .body");
  const parts = [q(".article .outlet"), q(".article h1"), ...document.querySelectorAll(".article .meta dt, .article .meta dd"), q(".article .reproduced")];
  const missing = parts.filter(e => !shown(e)).map(e => e ? e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + " " + JSON.stringify(e.textContent.trim().slice(0, 30)) : "a part");
  if (lede && !shown(lede)) missing.push("the summary");
  return {
    top: p.getBoundingClientRect().top + scrollY,
    line: parseFloat(getComputedStyle(p).lineHeight),
    ledeBelow: lede ? lede.getBoundingClientRect().top > body.getBoundingClientRect().bottom : false,
    ledeFirst: lede ? !!(lede.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING) : true,
    endnotesAfter: !lede || !q(".endnotes") || q(".endnotes").getBoundingClientRect().top > lede.getBoundingClientRect().bottom,
    missing,
  };
})()`

// firstScreenLayout is what firstScreen measures.
type firstScreenLayout struct {
	Top, Line     float64
	LedeBelow     bool
	LedeFirst     bool
	EndnotesAfter bool
	Missing       []string
}

// TestPhoneTextOnFirstScreen: on a phone, an article's text starts on the
// first screen. At 360 and 390 px wide, with the 740 px high screen of a
// small phone (360 by 740; the review found the text at 800 to 1,271 px),
// at least three lines of the first paragraph are in view before any
// scroll: the header, outlet, headline and metadata above them take at
// most 740 px less three lines. Nothing of the provenance is lost: every
// label and value of the metadata and the reproduced notice is shown, the
// summary after the text and before the notes; in the markup, which
// screen readers read, it stays before the text. On a wide screen and on
// paper the summary stays above the text.
func TestPhoneTextOnFirstScreen(t *testing.T) {
	const height = 740
	b := browser.New(t)
	for _, page := range articlePages(t, sites(t)[0]) {
		for _, width := range []int{360, 390} {
			t.Run(fmt.Sprintf("%s/%d", filepath.Base(page), width), func(t *testing.T) {
				p := b.Open(t, browser.FileURL(page), width, height)
				got := browser.Eval[firstScreenLayout](p, firstScreen)
				t.Logf("the text starts %.0f px down", got.Top)
				if bottom := got.Top + 3*got.Line; bottom > height {
					t.Errorf("the first paragraph starts %.0f px down: its third line ends at %.0f px, below the first screen (%d px)", got.Top, bottom, height)
				}
				for _, m := range got.Missing {
					t.Errorf("not shown: %s", m)
				}
				if !got.LedeBelow || !got.EndnotesAfter {
					t.Errorf("the summary is not between the text and the notes (below the text: %v, above the notes: %v)", got.LedeBelow, got.EndnotesAfter)
				}
				if !got.LedeFirst {
					t.Error("the summary follows the text in the markup, which screen readers read")
				}
			})
		}
	}
	for _, media := range []string{"", "print"} {
		t.Run(fmt.Sprintf("1280/%s", map[string]string{"": "screen", "print": "print"}[media]), func(t *testing.T) {
			for _, page := range articlePages(t, sites(t)[0]) {
				p := b.Open(t, browser.FileURL(page), 1280, height)
				p.Media(media)
				if got := browser.Eval[firstScreenLayout](p, firstScreen); got.LedeBelow || len(got.Missing) > 0 {
					t.Errorf("%s: the summary below the text: %v; not shown: %v", filepath.Base(page), got.LedeBelow, got.Missing)
				}
			}
		})
	}
}
