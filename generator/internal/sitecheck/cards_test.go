package sitecheck

import (
	"fmt"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/briefing/annotated/generator/internal/browser"
)

// TestCardNotesRead checks the line under each article's card on the home
// page as a reader reads it: "17 notes: 7 Accurate, 4 Needs context, 6
// without a verdict", with no space before a comma, the counts adding up to
// the notes. (Its text, with white space as the browser
// shows it, not innerText, which is empty for a card not yet laid out.)
func TestCardNotesRead(t *testing.T) {
	b := browser.New(t)
	verdict := `\d+ [A-Za-z-]+( [A-Za-z-]+)*` // "4 Needs context"
	line := regexp.MustCompile(`^(\d+) notes?(: ` + verdict + `(, ` + verdict + `)*)?$`)
	p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[0], "index.html")), 1280, 800)
	got := browser.Eval[[]string](p, `[...document.querySelectorAll(".card-notes")].map(e => e.textContent.replace(/\s+/g, " ").trim())`)
	if len(got) == 0 {
		t.Fatal("no cards on the home page")
	}
	for _, s := range got {
		m := line.FindStringSubmatch(s)
		if m == nil {
			t.Errorf("a card reads %q", s)
			continue
		}
		// The counts after the colon add up to the notes.
		total, sum := 0, 0
		fmt.Sscan(m[1], &total)
		if m[2] != "" {
			for _, c := range regexp.MustCompile(`(?:: |, )(\d+) `).FindAllStringSubmatch(s, -1) {
				n := 0
				fmt.Sscan(c[1], &n)
				sum += n
			}
			if sum != total {
				t.Errorf("a card reads %q: its counts add up to %d", s, sum)
			}
		}
	}
	// On a phone each count stays on the line of its verdict.
	if n := browser.Eval[int](p, `document.querySelectorAll(".card-notes .tally").length`); n == 0 {
		t.Fatal("no card counts its notes by verdict")
	}
	for _, width := range []int{320, 360, 390} {
		p.Resize(width, 800)
		split := browser.Eval[[]string](p, `[...document.querySelectorAll(".card-notes .tally")].filter(e => {
  const r = [...e.getClientRects()];
  return r.length > 1 && r.some(x => Math.abs(x.top - r[0].top) > 2);
}).map(e => e.textContent.replace(/\s+/g, " ").trim())`)
		if len(split) > 0 {
			t.Errorf("at %d px, a count is on another line than its verdict: %q", width, split)
		}
	}
}

// TestMatrixCellsNameTheirOutlet: on a phone, where the claims-by-outlet
// table scrolls sideways and its column heads are soon out of view, each
// cell with a verdict names its outlet, the one at the head of its column;
// on a wide screen, and on paper (which repeats the heads on each page),
// none does.
func TestMatrixCellsNameTheirOutlet(t *testing.T) {
	const named = `(() => {
  const t = document.querySelector("table.matrix");
  if (!t) return {cells: -1};
  const heads = [...t.tHead.rows[0].cells].map(c => c.textContent.trim());
  const out = {cells: 0, named: 0, wrong: []};
  for (const row of t.tBodies[0].rows) [...row.cells].forEach((c, i) => {
    if (!c.querySelector(".matrix-link")) return;
    out.cells++;
    const o = c.querySelector(".matrix-outlet");
    if (!o || getComputedStyle(o).display === "none") return;
    out.named++;
    if (o.textContent.trim() !== heads[i]) out.wrong.push(o.textContent.trim() + " in the column of " + heads[i]);
  });
  return out;
})()`
	type result struct {
		Cells, Named int
		Wrong        []string
	}
	b := browser.New(t)
	for _, site := range sites(t) {
		p := b.Open(t, browser.FileURL(filepath.Join(site, "index.html")), 390, 800)
		got := browser.Eval[result](p, named)
		if got.Cells == -1 {
			continue // a briefing without claims has no matrix
		}
		if got.Cells == 0 || got.Named != got.Cells || len(got.Wrong) > 0 {
			t.Errorf("%s at 390 px: %d of %d cells with a verdict name their outlet; wrong: %v", site, got.Named, got.Cells, got.Wrong)
		}
		p.Resize(1280, 800)
		if got := browser.Eval[result](p, named); got.Named != 0 {
			t.Errorf("%s at 1280 px: %d cells name their outlet, under its head", site, got.Named)
		}
		p.Resize(390, 800)
		p.Media("print")
		if got := browser.Eval[result](p, named); got.Named != 0 {
			t.Errorf("%s printed: %d cells name their outlet, under its head", site, got.Named)
		}
	}
}

// TestMatrixFocusClearOfClaimColumn tabs through the claims-by-outlet
// table at widths where it scrolls sideways: each cell's link that takes
// focus is wholly in view, not under the claim column that stays at the
// left (WCAG 2.4.11 and 2.4.12). The browser scrolls a focused element
// only when it is out of view, to under the column (scroll-padding
// avoids that); one partly in view stays where it is (target.js brings
// it in).
func TestMatrixFocusClearOfClaimColumn(t *testing.T) {
	b := browser.New(t)
	for _, width := range []int{390, 640, 800} {
		p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[0], "index.html")), width, 800)
		browser.Eval[bool](p, `(() => { const r = document.querySelector(".table-scroll"); r.focus(); return true; })()`)
		hidden, cells := []string{}, 0
		for i := 0; i < 80; i++ {
			p.Keys("\t")
			got := browser.Eval[string](p, `(() => {
			  const a = document.activeElement;
			  // A claim's link, in the column that stays at the left: the
			  // row from its start, its first outlet's cell not under the
			  // column (the browser scrolled the table a few px, cutting
			  // "Armust News" to "rmust News").
			  if (a.closest("table.matrix tbody th")) {
			    const left = a.closest(".table-scroll").scrollLeft;
			    return left === 0 ? "in" : "hidden: the claim " + a.textContent.trim().slice(0, 30) + " with the table scrolled " + left + " px";
			  }
			  if (!a.closest("table.matrix td")) return a.closest("table.matrix") ? "in" : "out";
			  const r = a.getBoundingClientRect(), th = a.closest("tr").querySelector("th").getBoundingClientRect();
			  const region = a.closest(".table-scroll").getBoundingClientRect();
			  // Not all of it shows between the claim column and the
			  // region's right edge.
			  const shows = Math.min(r.right, region.right) - Math.max(r.left, th.right);
			  if (shows < r.width - 1) return "hidden: " + a.textContent.replace(/\s+/g, " ").trim().slice(0, 30) + " at " + Math.round(r.left) + " (claim column to " + Math.round(th.right) + ")";
			  return "cell";
			})()`)
			if got == "out" {
				break
			}
			if got == "cell" {
				cells++
			} else if got != "in" {
				hidden = append(hidden, got)
			}
		}
		if cells == 0 {
			t.Errorf("at %d px: no cell of the table took focus", width)
		}
		if len(hidden) > 0 {
			t.Errorf("at %d px: %d of %d focused cells not clear of the claim column, first %v", width, len(hidden), cells+len(hidden), hidden)
		}
	}
}

// TestLinkNamesTellPlacesApart: on every page, two links that go to
// different places have different names (their text, hidden text
// included, as a screen reader's list of links gives them; WCAG 2.4.9).
// "note 3" under an outlet's name, "passage" under a note's head, an
// outlet under a quote, a table cell under its column's head: each is
// named with what the page shows around it. In the print edition, which
// holds every article, the names are apart within each article ("Note 1"
// is each article's first marker).
func TestLinkNamesTellPlacesApart(t *testing.T) {
	const same = `(() => {
  const out = {};
  for (const a of document.querySelectorAll("main a[href]")) {
    const c = a.cloneNode(true);
    c.querySelectorAll("[aria-hidden=true]").forEach(e => e.remove());
    const part = a.closest(".handout-article"), where = part ? part.id + ": " : "";
    const name = where + (a.getAttribute("aria-label") || c.textContent).replace(/\s+/g, " ").trim();
    (out[name] = out[name] || new Set()).add(new URL(a.getAttribute("href"), location.href).href);
  }
  return Object.entries(out).filter(([n, s]) => s.size > 1).map(([n, s]) => "“" + n + "” for " + s.size + " places");
})()`
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range htmlPages(t, site) {
			p := b.Open(t, browser.FileURL(page), 1280, 800)
			if got := browser.Eval[[]string](p, same); len(got) > 0 {
				t.Errorf("%s: %v", name(page), got)
			}
		}
	}
}
