package sitecheck

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/briefing/annotated/generator/internal/browser"
)

// wideProblems lists, in the page, every way the sidenotes fail the wide
// layout: not shown, not in the margin right of the text column, outside
// the viewport, overlapping text or each other, numbered unlike their
// marker, or above their marker.
const wideProblems = `(() => {
  const out = [], body = document.querySelector(".article .body");
  if (!body) return ["no article body"];
  const col = body.getBoundingClientRect();
  const notes = [...body.querySelectorAll(".sidenote")];
  const blocks = [...body.children].filter(e => !e.classList.contains("sidenote"));
  const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const rects = notes.map(n => n.getBoundingClientRect());
  notes.forEach((n, i) => {
    const r = rects[i], id = n.id;
    if (r.width === 0 || r.height === 0) { out.push(id + " is not shown"); return; }
    if (r.left < col.right) out.push(id + " starts at x=" + r.left + ", inside the text column, which ends at " + col.right);
    if (r.right > innerWidth) out.push(id + " ends at x=" + r.right + ", beyond the viewport (" + innerWidth + ")");
    for (const b of blocks) if (meet(r, b.getBoundingClientRect())) out.push(id + " overlaps the text of " + b.tagName);
    for (let j = 0; j < i; j++) if (meet(r, rects[j])) out.push(id + " overlaps " + notes[j].id);
    const ref = document.getElementById("ref-" + n.dataset.note);
    if (!ref) { out.push(id + " has no marker"); return; }
    const num = n.querySelector(".side-num");
    if (!num || num.textContent.trim() !== ref.textContent.trim()) out.push(id + " is numbered " + (num && num.textContent) + ", its marker " + ref.textContent);
    if (r.top < ref.getBoundingClientRect().top - 24) out.push(id + " sits above its marker");
    if (n.classList.contains("clamped")) {
      // A shortened note ends where a line of its text ends and keeps at
      // least three of them, or (brief, where the next marker leaves no
      // room for three) as many as fit, or none, and has no link.
      const clip = n.querySelector(".side-body").getBoundingClientRect().bottom, walk = document.createTreeWalker(n.querySelector(".side-text"), NodeFilter.SHOW_TEXT);
      const tops = [], all = [];
      let cut = "";
      for (let t = walk.nextNode(); t; t = walk.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(t);
        for (const l of range.getClientRects()) {
          if (l.top < clip - 1 && l.bottom > clip + 1) cut = t.textContent.trim().slice(0, 30);
          if (l.bottom <= clip + 1) tops.push(l.top);
          all.push(l.top);
        }
      }
      if (cut) out.push(id + " is cut through a line (" + JSON.stringify(cut) + ")");
      const count = ts => ts.sort((a, b) => a - b).filter((t, i, a) => i === 0 || t - a[i - 1] > 6).length;
      const lines = count(tops), want = Math.min(3, count(all));
      if (lines < want && !n.classList.contains("brief")) out.push(id + " is shortened to " + lines + " lines of its text");
      const more = n.querySelector(".side-more");
      if (n.classList.contains("brief") && more.offsetHeight > 0) out.push(id + " shows only its head or a few lines, and a link to its endnote as well");
      const head = n.querySelector(".side-head").getBoundingClientRect();
      if (head.bottom > clip + 1) out.push(id + " is shortened through its head");
    }
  });
  return out;
})()`

// drift is how far, with JavaScript, the sidenotes sit below their
// markers: on average and at most, in px.
const drift = `(() => {
  const gaps = [...document.querySelectorAll(".article .body .sidenote")].map(n =>
    n.getBoundingClientRect().top - document.getElementById("ref-" + n.dataset.note).getBoundingClientRect().top);
  return [gaps.reduce((a, g) => a + Math.abs(g), 0) / gaps.length, Math.max(...gaps)];
})()`

// lastNoteOverruns lays the notes out again three times, as a resize or
// the page's load event does, and returns, for each time, how far the
// last sidenote runs past the end of the text: the text keeps room for it
// (none past the text, beside the endnotes).
const lastNoteOverruns = `(() => {
  const out = [], body = document.querySelector(".article .body");
  for (let i = 0; i < 3; i++) {
    dispatchEvent(new Event("load"));
    const end = Math.max(...[...body.querySelectorAll(".sidenote")].map(n => n.getBoundingClientRect().bottom));
    out.push(end - body.getBoundingClientRect().bottom);
  }
  return out;
})()`

// TestWideSidenotes checks the margin notes at 1400 px on every article,
// with JavaScript (notes lined up with their markers) and without it (no
// sidenotes: the markers lead to the endnotes). With JavaScript, the notes
// of a dense passage stay beside it, shortened to what fits (the real
// briefing's drifted 748–1,122 px on average, 2,197 px at most, before a
// note could show fewer than three lines), and laid out again they keep
// the text's room for the last of them. Without it they used to float,
// each below the last, and ran down the margin 2,700–8,300 px on average
// from their markers, beside the endnotes.
func TestWideSidenotes(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range articlePages(t, site) {
			for _, js := range []bool{true, false} {
				mode := "js"
				var opts []browser.Option
				if !js {
					mode, opts = "nojs", append(opts, browser.NoScript)
				}
				t.Run(name(page)+"/"+mode, func(t *testing.T) {
					p := b.Open(t, browser.FileURL(page), 1400, 1000, opts...)
					n := browser.Eval[int](p, `document.querySelectorAll(".article .body .sidenote").length`)
					want := browser.Eval[int](p, `document.querySelectorAll(".endnotes li.note").length`)
					if n == 0 || n != want {
						t.Errorf("%d sidenotes for %d endnotes", n, want)
					}
					if !js {
						shown := browser.Eval[int](p, `[...document.querySelectorAll(".article .body .sidenote")].filter(n => n.offsetHeight > 0).length`)
						toEnd := browser.Eval[int](p, `[...document.querySelectorAll(".article .body a.noteref")].filter(a => document.getElementById(new URL(a.href).hash.slice(1))?.closest(".endnotes")).length`)
						if shown != 0 || toEnd != n {
							t.Errorf("without JavaScript %d sidenotes are shown (want none) and %d markers of %d lead to an endnote", shown, toEnd, n)
						}
						return
					}
					for _, over := range browser.Eval[[]float64](p, lastNoteOverruns) {
						if over > 1 {
							t.Errorf("laid out again, the last sidenote ends %.0f px below the text, beside the endnotes", over)
						}
					}
					for _, problem := range browser.Eval[[]string](p, wideProblems) {
						t.Error(problem)
					}
					if js {
						// Five notes' heads a line apart, at most, on average
						// one's, and a quarter of a screen at the worst.
						if d := browser.Eval[[2]float64](p, drift); d[0] > 60 || d[1] > 250 {
							t.Errorf("the sidenotes sit %.0f px below their markers on average, %.0f px at most", d[0], d[1])
						}
					}
				})
			}
		}
	}
}

type box struct{ Top, Bottom, Height, Full float64 }

// TestLongNoteGivesWay checks, on the edge cases at 1400 px, that a note
// too long for the room before the next marker is shortened, with a link to
// its endnote, so that the next note sits level with its own marker; and
// that focusing the long note's marker shows it whole.
func TestLongNoteGivesWay(t *testing.T) {
	b := browser.New(t)
	sites(t)
	p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[1], "articles", "edge.html")), 1400, 1000)
	get := func(id string) box {
		return browser.Eval[box](p, fmt.Sprintf(`(() => {
		  const r = document.getElementById(%q).getBoundingClientRect();
		  const inner = document.querySelector("#side-long .side-body");
		  return {Top: r.top, Bottom: r.bottom, Height: r.height, Full: inner.scrollHeight};
		})()`, id))
	}
	long, second, ref2 := get("side-long"), get("side-second"), get("ref-second")
	if !browser.Eval[bool](p, `document.getElementById("side-long").classList.contains("clamped")`) {
		t.Errorf("the long note is not shortened (height %.0f)", long.Height)
	}
	if long.Height >= long.Full {
		t.Errorf("the long note shows %.0f px of its %.0f", long.Height, long.Full)
	}
	if math.Abs(second.Top-ref2.Top) > 2 {
		t.Errorf("the note after the long one starts at y=%.0f, its marker at y=%.0f", second.Top, ref2.Top)
	}
	more := browser.Eval[string](p, `(() => { const a = document.querySelector("#side-long .side-more a");
	  return a && a.offsetHeight > 0 ? a.getAttribute("href") : ""; })()`)
	if more != "#note-long" {
		t.Errorf("the shortened note's link to its endnote is %q, want a visible #note-long", more)
	}
	p.Keys("\t")
	for i := 0; i < 20 && browser.Eval[string](p, `document.activeElement.id`) != "ref-long"; i++ {
		p.Keys("\t")
	}
	if got := browser.Eval[string](p, `document.activeElement.id`); got != "ref-long" {
		t.Fatalf("Tab never reached the long note's marker (at %q)", got)
	}
	if h := get("side-long").Height; h+1 < long.Full { // its height in px, the text's scrollHeight rounded
		t.Errorf("with its marker focused the long note shows %.0f px of %.0f", h, long.Full)
	}
	// Shown whole, it no longer offers to be read in full.
	if browser.Eval[int](p, `document.querySelector("#side-long .side-more").offsetHeight`) > 0 {
		t.Error("the long note, shown whole with its marker focused, still ends with its link to be read in full")
	}
	if outline := browser.Eval[string](p, `getComputedStyle(document.activeElement).outlineStyle`); outline == "none" {
		t.Error("the focused marker has no visible focus outline")
	}
}

// markerState is what the narrow-screen test reads after each key.
type markerState struct {
	ID, Role, Expanded, Controls string
	Shown, BelowBlock            bool
	ScrollY, MarkerTop           float64
	Focused                      bool
}

const readMarker = `(() => {
  const a = document.activeElement, id = a.dataset.note, sn = document.getElementById("side-" + id);
  let prev = sn && sn.previousElementSibling;
  while (prev && prev.classList.contains("sidenote")) prev = prev.previousElementSibling;
  return {
    ID: id, Role: a.getAttribute("role") || "", Expanded: a.getAttribute("aria-expanded") || "",
    Controls: a.getAttribute("aria-controls") || "",
    Shown: !!sn && sn.getBoundingClientRect().height > 0,
    BelowBlock: !!prev && prev.contains(a) && sn.getBoundingClientRect().top >= prev.getBoundingClientRect().bottom - 1,
    ScrollY: scrollY, MarkerTop: a.getBoundingClientRect().top, Focused: a.matches(":focus-visible"),
  };
})()`

// TestNarrowNotesByKeyboard goes through every article at 375 px with the
// keyboard alone: Tab to each marker, Enter opens its note right below the
// block, Space closes it; the page does not scroll and the marker does not
// move.
func TestNarrowNotesByKeyboard(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range articlePages(t, site) {
			t.Run(name(page), func(t *testing.T) {
				p := b.Open(t, browser.FileURL(page), 375, 700)
				total := browser.Eval[int](p, `document.querySelectorAll(".article .body .sidenote").length`)
				if browser.Eval[int](p, `[...document.querySelectorAll(".article .body .sidenote")].filter(s => s.offsetHeight > 0).length`) != 0 {
					t.Error("notes are open before the reader opens them")
				}
				seen := map[string]bool{}
				for tabs := 0; len(seen) < total && tabs < 10*total+50; tabs++ {
					p.Keys("\t")
					if !browser.Eval[bool](p, `document.activeElement.matches(".article .body a.noteref")`) {
						continue
					}
					before := browser.Eval[markerState](p, readMarker)
					id := before.ID
					seen[id] = true
					if before.Role != "button" || before.Expanded != "false" || before.Controls != "side-"+id {
						t.Errorf("marker %s: role=%q aria-expanded=%q aria-controls=%q, want a collapsed button controlling side-%s",
							id, before.Role, before.Expanded, before.Controls, id)
					}
					if !before.Focused {
						t.Errorf("marker %s has no visible focus", id)
					}
					p.Keys("\r")
					open := browser.Eval[markerState](p, readMarker)
					if open.ID != id || open.Expanded != "true" || !open.Shown {
						t.Errorf("Enter on marker %s: focus on %s, aria-expanded=%q, shown=%v", id, open.ID, open.Expanded, open.Shown)
					}
					if !open.BelowBlock {
						t.Errorf("note %s does not open right below the block of its marker", id)
					}
					if open.ScrollY != before.ScrollY || math.Abs(open.MarkerTop-before.MarkerTop) > 0.5 {
						t.Errorf("opening note %s moved the page: scroll %.0f→%.0f, marker %.0f→%.0f",
							id, before.ScrollY, open.ScrollY, before.MarkerTop, open.MarkerTop)
					}
					p.Keys(" ")
					closed := browser.Eval[markerState](p, readMarker)
					if closed.ID != id || closed.Expanded != "false" || closed.Shown {
						t.Errorf("Space on marker %s: focus on %s, aria-expanded=%q, shown=%v", id, closed.ID, closed.Expanded, closed.Shown)
					}
					if closed.ScrollY != before.ScrollY || math.Abs(closed.MarkerTop-before.MarkerTop) > 0.5 {
						t.Errorf("closing note %s moved the page: scroll %.0f→%.0f", id, before.ScrollY, closed.ScrollY)
					}
				}
				if len(seen) != total {
					t.Errorf("the keyboard reached %d of %d markers", len(seen), total)
				}
			})
		}
	}
}

// TestEscapeClosesNote opens a note at 375 px, tabs into it and presses
// Escape: the note closes and focus returns to its marker.
func TestEscapeClosesNote(t *testing.T) {
	b := browser.New(t)
	sites(t)
	p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[1], "articles", "edge.html")), 375, 700)
	for i := 0; i < 40 && browser.Eval[string](p, `document.activeElement.id`) != "ref-second"; i++ {
		p.Keys("\t")
	}
	p.Keys("\r")
	p.Keys("\t") // the next focusable is the citation inside the open note
	if in := browser.Eval[bool](p, `!!document.activeElement.closest("#side-second")`); !in {
		t.Fatalf("Tab after opening went to %q, not into the note", browser.Eval[string](p, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	p.Keys("\u001b")
	if got := browser.Eval[string](p, `document.activeElement.id`); got != "ref-second" {
		t.Errorf("Escape left focus on %q, want the marker", got)
	}
	if browser.Eval[bool](p, `document.getElementById("side-second").offsetHeight > 0`) {
		t.Error("Escape did not close the note")
	}
	// Escape on the marker of an open note closes it too.
	p.Keys("\r")
	p.Keys("\u001b")
	if browser.Eval[bool](p, `document.getElementById("side-second").offsetHeight > 0`) {
		t.Error("Escape on the marker did not close its open note")
	}
	if got := browser.Eval[string](p, `document.activeElement.id`); got != "ref-second" {
		t.Errorf("Escape on the marker left focus on %q", got)
	}
}

// pinState is what TestMarkerBringsNoteBeside reads of a note and its
// marker.
type pinState struct {
	Pinned, Whole, OnTop, Clear bool
	Top, MarkerTop, ScrollY     float64
	Hash                        string
}

const readPin = `((id) => {
  const sn = document.getElementById("side-" + id), r = sn.getBoundingClientRect();
  const m = document.getElementById("ref-" + id).getBoundingClientRect();
  const inner = sn.querySelector(".side-body"), col = document.querySelector(".article .body").getBoundingClientRect();
  const x = r.left + r.width / 2, y = Math.min(r.top + 10, innerHeight - 1), at = document.elementFromPoint(x, y);
  return {Pinned: sn.classList.contains("pinned"), Whole: inner.scrollHeight <= inner.clientHeight + 1,
    OnTop: !!at && sn.contains(at), Clear: r.left >= col.right, Top: r.top, MarkerTop: m.top, ScrollY: scrollY, Hash: location.hash};
})`

// TestMarkerBringsNoteBeside: on a wide screen a dense article's notes
// drift below their markers. Enter on a marker (or a click) brings its
// note, whole and above the others, level with the marker, in the margin,
// and moves focus to it, without leaving the page or scrolling it; Escape
// puts it back and focus on the marker, and so do the marker again, a click
// elsewhere and Tab out of the note. Every note of every article, at
// 1400 px.
func TestMarkerBringsNoteBeside(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range articlePages(t, site) {
			t.Run(name(page), func(t *testing.T) {
				p := b.Open(t, browser.FileURL(page), 1400, 1000)
				ids := browser.Eval[[]string](p, `[...document.querySelectorAll(".endnotes li.note")].map(li => li.id.slice(5))`)
				read := func(id string) pinState { return browser.Eval[pinState](p, fmt.Sprintf("%s(%q)", readPin, id)) }
				focused := func() string { return browser.Eval[string](p, `document.activeElement.id`) }
				part := browser.Eval[int](p, `document.querySelectorAll(".sidenote.clamped").length`)
				for _, id := range ids {
					browser.Eval[bool](p, fmt.Sprintf(`(document.getElementById("ref-%s").scrollIntoView({block: "center"}), document.getElementById("ref-%[1]s").focus(), true)`, id))
					before := read(id)
					p.Keys("\r")
					got := read(id)
					switch {
					case !got.Pinned:
						t.Errorf("note %s: Enter on its marker did not bring it beside", id)
					case math.Abs(got.Top-got.MarkerTop) > 2:
						t.Errorf("note %s brought to y=%.0f, its marker at y=%.0f", id, got.Top, got.MarkerTop)
					case !got.Whole || !got.OnTop || !got.Clear:
						t.Errorf("note %s brought beside: whole %v, above the others %v, clear of the text %v", id, got.Whole, got.OnTop, got.Clear)
					case got.Hash != before.Hash || got.ScrollY != before.ScrollY:
						t.Errorf("note %s: Enter on its marker went to %q, scrolled from %.0f to %.0f", id, got.Hash, before.ScrollY, got.ScrollY)
					case focused() != "side-"+id:
						t.Errorf("note %s brought beside, focus on %q", id, focused())
					}
					p.Keys("\u001b")
					if back := read(id); back.Pinned || math.Abs(back.Top-before.Top) > 1 {
						t.Errorf("note %s after Escape: brought beside %v, at y=%.0f, was at %.0f", id, back.Pinned, back.Top, before.Top)
					}
					if focused() != "ref-"+id {
						t.Errorf("note %s after Escape: focus on %q, not its marker", id, focused())
					}
				}
				// Tab through the note and out of it.
				browser.Eval[bool](p, fmt.Sprintf(`(document.getElementById("ref-%s").focus(), true)`, ids[0]))
				p.Keys("\r")
				for i := 0; i < 20 && read(ids[0]).Pinned; i++ {
					p.Keys("\t")
				}
				if read(ids[0]).Pinned || browser.Eval[bool](p, fmt.Sprintf(`!!document.activeElement.closest("#side-%s")`, ids[0])) {
					t.Errorf("note %s stays beside its marker with focus on %q", ids[0], focused())
				}
				if site == realSite && part == 0 {
					t.Error("no note is shown in part: the article cannot tell whether bringing one beside it whole works")
				}
				// Shift+Tab from the note brought beside its marker puts it
				// back and focus on the marker, as Escape does; so does
				// Shift+Tab from its first link.
				browser.Eval[bool](p, fmt.Sprintf(`(document.getElementById("ref-%s").focus(), true)`, ids[0]))
				p.Keys("\r")
				shiftTab := func() { p.Do(chromedp.KeyEvent("\t", chromedp.KeyModifiers(chromedp.ModifierShift))) }
				shiftTab()
				if read(ids[0]).Pinned || focused() != "ref-"+ids[0] {
					t.Errorf("Shift+Tab from note %s brought beside its marker: beside %v, focus on %q", ids[0], read(ids[0]).Pinned, focused())
				}
				p.Keys("\r")
				p.Keys("\t")
				if !browser.Eval[bool](p, fmt.Sprintf(`document.activeElement.matches("#side-%s a")`, ids[0])) {
					t.Errorf("Tab from note %s brought beside its marker went to %q, not into the note", ids[0], focused())
				} else if shiftTab(); read(ids[0]).Pinned || focused() != "ref-"+ids[0] {
					t.Errorf("Shift+Tab from note %s's first link: beside %v, focus on %q", ids[0], read(ids[0]).Pinned, focused())
				}
				// The mouse, pressed and released at the element's middle:
				// a click brings the note, a second click or a click on the
				// headline puts it back, a click on another marker brings
				// that one instead.
				first, second := ids[0], ids[len(ids)-1]
				click := func(sel string) {
					at := browser.Eval[[2]float64](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q);
					  e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect();
					  return [r.left + r.width / 2, r.top + r.height / 2]; })()`, sel))
					p.Do(chromedp.MouseClickXY(at[0], at[1]))
				}
				click("#ref-" + first)
				if !read(first).Pinned {
					t.Errorf("a click on marker %s does not bring its note beside it", first)
				}
				click("#ref-" + first)
				if read(first).Pinned {
					t.Errorf("note %s stays beside its marker after a second click", first)
				}
				click("#ref-" + first)
				click("#ref-" + second)
				if read(first).Pinned || !read(second).Pinned {
					t.Errorf("after a click on marker %s: note %s beside %v, note %s beside %v", second, first, read(first).Pinned, second, read(second).Pinned)
				}
				click("h1")
				if read(second).Pinned {
					t.Errorf("note %s stays beside its marker after a click on the headline", second)
				}
				// Placed again while a shortened note is beside its marker
				// (the page's load, a resize, the reader's text spacing),
				// the others keep their places; a narrow screen in between
				// puts it back, focus having gone with it.
				short := browser.Eval[string](p, `(document.querySelector(".sidenote.clamped") || {dataset: {}}).dataset.note || ""`)
				if short == "" {
					if site == realSite {
						t.Error("no note is shortened")
					}
					return
				}
				tops := `[...document.querySelectorAll(".sidenote")].map(s => s.id + " " + Math.round(s.getBoundingClientRect().top + scrollY))`
				before := browser.Eval[[]string](p, tops)
				browser.Eval[bool](p, fmt.Sprintf(`(document.getElementById("ref-%s").focus(), true)`, short))
				p.Keys("\r")
				browser.Eval[bool](p, `(dispatchEvent(new Event("load")), true)`)
				after := browser.Eval[[]string](p, tops)
				for i := range before {
					if i < len(after) && after[i] != before[i] && !strings.HasPrefix(after[i], "side-"+short+" ") {
						t.Errorf("placed again while note %s is beside its marker: %s, was %s", short, after[i], before[i])
					}
				}
				if got := read(short); !got.Pinned || math.Abs(got.Top-got.MarkerTop) > 2 {
					t.Errorf("note %s placed again: beside %v, at y=%.0f, its marker at %.0f", short, got.Pinned, got.Top, got.MarkerTop)
				}
				p.Resize(600, 1000)
				p.Resize(1400, 1000)
				if read(short).Pinned {
					t.Errorf("note %s is beside its marker again after a narrow screen, where no key reaches it", short)
				}
			})
		}
	}
}

// TestTabOutOfNoteGoesOnFromMarker Tabs through a paragraph with two
// markers or more at 1400 px: Enter on the first brings its note beside
// it, Tab goes through the note's links and out of it to what follows the
// marker in the text (the paragraph's next marker), as if the note stood
// right after its marker; Shift+Tab from there goes back to the first
// marker, and Shift+Tab from the note's first link to its marker. Tab out
// of the note went to the next paragraph, past the later markers.
func TestTabOutOfNoteGoesOnFromMarker(t *testing.T) {
	b := browser.New(t)
	tried := 0
	for _, site := range sites(t) {
		for _, page := range articlePages(t, site) {
			t.Run(name(page), func(t *testing.T) {
				p := b.Open(t, browser.FileURL(page), 1400, 1000)
				// The first paragraph with two markers: its first marker and
				// the Tab stop after it in the text.
				pair := browser.Eval[[]string](p, `(() => {
				  for (const para of document.querySelectorAll(".article .body > p")) {
				    const marks = para.querySelectorAll("a.noteref");
				    if (marks.length < 2) continue;
				    const stops = [...para.querySelectorAll("a[href]")], after = stops[stops.indexOf(marks[0]) + 1];
				    return [marks[0].id, after.id || after.outerHTML.slice(0, 80)];
				  }
				  return [];
				})()`)
				if len(pair) == 0 {
					return
				}
				tried++
				first, next := pair[0], pair[1]
				id := strings.TrimPrefix(first, "ref-")
				focused := func() string {
					return browser.Eval[string](p, `document.activeElement.id || document.activeElement.outerHTML.slice(0, 80)`)
				}
				inNote := func() bool {
					return browser.Eval[bool](p, fmt.Sprintf(`!!document.activeElement.closest("#side-%s")`, id))
				}
				pinned := func() bool {
					return browser.Eval[bool](p, fmt.Sprintf(`document.getElementById("side-%s").classList.contains("pinned")`, id))
				}
				shiftTab := func() { p.Do(chromedp.KeyEvent("\t", chromedp.KeyModifiers(chromedp.ModifierShift))) }
				// Tab to the first marker from the Tab stop before it.
				browser.Eval[bool](p, fmt.Sprintf(`(document.getElementById(%q).scrollIntoView({block: "center"}), document.getElementById(%[1]q).focus(), true)`, first))
				shiftTab()
				p.Keys("\t")
				if got := focused(); got != first {
					t.Fatalf("Tab to marker %s went to %q", first, got)
				}
				p.Keys("\r")
				if !pinned() || !inNote() {
					t.Fatalf("Enter on marker %s: note beside it %v, focus on %q", first, pinned(), focused())
				}
				links := browser.Eval[int](p, fmt.Sprintf(`[...document.querySelectorAll("#side-%s a[href]")].filter(a => a.getClientRects().length).length`, id))
				for i := 0; i < links; i++ {
					p.Keys("\t")
					if !inNote() {
						t.Fatalf("Tab %d from note %s (%d links) left it for %q", i+1, id, links, focused())
					}
				}
				p.Keys("\t")
				if got := focused(); got != next || pinned() {
					t.Errorf("Tab out of note %s, brought beside marker %s: focus on %q, want %q (what follows the marker); note still beside it: %v", id, first, got, next, pinned())
				}
				shiftTab()
				if got := focused(); got != first || pinned() {
					t.Errorf("Shift+Tab from %q: focus on %q, want marker %s; its note beside it: %v", next, got, first, pinned())
				}
				// Shift+Tab from the note's first link (or from the note,
				// with none): back to its marker.
				p.Keys("\r")
				if links > 0 {
					p.Keys("\t")
				}
				if !inNote() {
					t.Fatalf("Tab from note %s brought beside its marker went to %q", id, focused())
				}
				shiftTab()
				if got := focused(); got != first || pinned() {
					t.Errorf("Shift+Tab from note %s's first link: focus on %q, want its marker; note beside it: %v", id, got, pinned())
				}
			})
		}
	}
	if tried == 0 {
		t.Error("no article has a paragraph with two markers")
	}
}

// TestMarkerToEndnoteAndBack follows, for every note, the marker to its
// endnote and the endnote's back-link to the marker, by keyboard (Enter,
// Tab), at a wide and a narrow width without JavaScript, where markers are
// plain links: the page lands on each, and the next Tab continues from
// there.
func TestMarkerToEndnoteAndBack(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range articlePages(t, site) {
			for _, width := range []int{1400, 375} {
				t.Run(fmt.Sprintf("%s/%d", name(page), width), func(t *testing.T) {
					p := b.Open(t, browser.FileURL(page), width, 800, browser.NoScript)
					ids := browser.Eval[[]string](p, `[...document.querySelectorAll(".endnotes li.note")].map(li => li.id.slice(5))`)
					for _, id := range ids {
						browser.Eval[bool](p, fmt.Sprintf(`(document.getElementById("ref-%s").focus(), true)`, id))
						p.Keys("\r")
						if got := browser.Eval[string](p, `location.hash`); got != "#note-"+id {
							t.Errorf("Enter on marker %s went to %q", id, got)
							continue
						}
						if !inView(p, "note-"+id) {
							t.Errorf("endnote %s is not in view after following its marker", id)
						}
						// The back-link is the endnote's last link.
						found, links := false, browser.Eval[int](p, fmt.Sprintf(`document.querySelectorAll("#note-%s a[href]").length`, id))
						for i := 0; i < links+1; i++ {
							p.Keys("\t")
							if browser.Eval[bool](p, fmt.Sprintf(`document.activeElement.matches("#note-%s a[role=doc-backlink]")`, id)) {
								found = true
								break
							}
						}
						if !found {
							t.Errorf("Tab from endnote %s never reached its back-link", id)
							continue
						}
						p.Keys("\r")
						if got := browser.Eval[string](p, `location.hash`); got != "#ref-"+id {
							t.Errorf("the back-link of note %s went to %q", id, got)
						}
						if !inView(p, "ref-"+id) {
							t.Errorf("marker %s is not in view after its back-link", id)
						}
						p.Keys("\t")
						after := browser.Eval[bool](p, fmt.Sprintf(`(() => {
						  const all = [...document.querySelectorAll("a[href], button, [tabindex]")].filter(e => e.getClientRects().length > 0);
						  return all[all.indexOf(document.getElementById("ref-%s")) + 1] === document.activeElement;
						})()`, id))
						if !after {
							t.Errorf("after the back-link of note %s, Tab went to %q, not to what follows the marker", id,
								browser.Eval[string](p, `document.activeElement.outerHTML.slice(0, 80)`))
						}
					}
				})
			}
		}
	}
}

func inView(p *browser.Page, id string) bool {
	return browser.Eval[bool](p, fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect();
	  return r.bottom > 0 && r.top < innerHeight; })()`, id))
}

// TestPrint emulates print media on every article, with one note opened
// first at a narrow width: the in-text notes are hidden, every endnote is
// shown.
func TestPrint(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range articlePages(t, site) {
			t.Run(name(page), func(t *testing.T) {
				p := b.Open(t, browser.FileURL(page), 375, 700)
				browser.Eval[bool](p, `(document.querySelector(".article a.noteref").click(), true)`)
				if !browser.Eval[bool](p, `[...document.querySelectorAll(".sidenote")].some(s => s.offsetHeight > 0)`) {
					t.Fatal("clicking a marker opened no note")
				}
				p.Media("print")
				shown := browser.Eval[[]string](p, `[...document.querySelectorAll(".sidenote")].filter(s => s.offsetHeight > 0).map(s => s.id)`)
				if len(shown) > 0 {
					t.Errorf("in print, in-text notes are shown: %s", strings.Join(shown, ", "))
				}
				hidden := browser.Eval[[]string](p, `[...document.querySelectorAll(".endnotes li.note")].filter(s => s.offsetHeight === 0).map(s => s.id)`)
				if len(hidden) > 0 {
					t.Errorf("in print, endnotes are hidden: %s", strings.Join(hidden, ", "))
				}
				if browser.Eval[int](p, `document.querySelectorAll(".endnotes li.note").length`) == 0 {
					t.Error("no endnotes")
				}
				if browser.Eval[int](p, `[...document.querySelectorAll("a.noteref")].filter(a => a.offsetHeight === 0).length`) > 0 {
					t.Error("in print, some markers are hidden")
				}
			})
		}
	}
}

// TestNarrowFits checks every page at 320 px, with every note of an article
// open: nothing is wider than the screen.
func TestNarrowFits(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range htmlPages(t, site) {
			t.Run(name(page), func(t *testing.T) {
				p := b.Open(t, browser.FileURL(page), 320, 640)
				browser.Eval[bool](p, `([...document.querySelectorAll(".article a.noteref")].forEach(a => a.click()), true)`)
				if w := browser.Eval[int](p, `document.documentElement.scrollWidth`); w > 320 {
					// Name the outermost elements that stick out, to say what to fix.
					wide := browser.Eval[string](p, `[...document.querySelectorAll("body *")]
					  .filter(e => e.getBoundingClientRect().right > 321 && !(e.parentElement.getBoundingClientRect().right > 321))
					  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + [...e.classList].join(".") : "") +
					    " (" + Math.round(e.getBoundingClientRect().right) + " px)").join(", ") ||
					  // Text that overflows its box (a word longer than the line) widens
					  // the page without its box sticking out: the innermost such box.
					  [...document.querySelectorAll("body *")]
					  .filter(e => e.scrollWidth > 321 && ![...e.children].some(c => c.scrollWidth > 321))
					  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? "." + [...e.classList].join(".") : "") +
					    " (its text " + e.scrollWidth + " px wide)").join(", ")`)
					t.Errorf("the page is %d px wide at 320 px; sticking out: %s", w, wide)
				}
				// The print edition's claims, in three columns, left the
				// verdict and the places 41 and 64 px at 390 px: a letter
				// a line. Each claim's parts are a column's width now.
				if cells := browser.Eval[[]string](p, `[...document.querySelectorAll(".claims-table tbody th, .claims-table td")]
				  .filter(c => c.getBoundingClientRect().width < 200).slice(0, 3).map(c => c.textContent.trim().slice(0, 30) + " (" + Math.round(c.getBoundingClientRect().width) + " px)")`); len(cells) > 0 {
					t.Errorf("claims' cells narrower than 200 px at 320 px: %s", strings.Join(cells, ", "))
				}
			})
		}
	}
}

// TestColumnsLineUp checks, on every page at a phone's, a tablet's and a
// desktop's width, that the header's links, the page's text and the
// footer's text start at the same left edge: one column, whatever the
// page's width (an article's is wider, for its sidenotes).
func TestColumnsLineUp(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range htmlPages(t, site) {
			for _, width := range []int{390, 1024, 1400} {
				t.Run(fmt.Sprintf("%s/%d", name(page), width), func(t *testing.T) {
					p := b.Open(t, browser.FileURL(page), width, 900)
					// The left edge of each box's content: its border box's left
					// plus its left padding.
					edges := browser.Eval[map[string]float64](p, `(() => {
					  const out = {};
					  for (const [what, sel] of [["header", ".site-header nav"], ["main", "main"], ["footer", ".site-footer"]]) {
					    const e = document.querySelector(sel);
					    if (e) out[what] = e.getBoundingClientRect().left + parseFloat(getComputedStyle(e).paddingLeft);
					  }
					  return out;
					})()`)
					main, ok := edges["main"]
					if !ok {
						t.Fatal("no main element")
					}
					for _, what := range []string{"header", "footer"} {
						if x, ok := edges[what]; ok && math.Abs(x-main) > 1 {
							t.Errorf("the %s's text starts at x=%.0f, the page's at x=%.0f", what, x, main)
						}
					}
				})
			}
		}
	}
}

// TestHandoutArticlesFullWidth checks that on a wide screen the print
// edition's articles, which have no sidenotes, fill the column the rest
// of it fills, rather than keep a margin for notes (they had 423 px of
// 735 at 1400 px).
func TestHandoutArticlesFullWidth(t *testing.T) {
	b := browser.New(t)
	for _, width := range []int{1024, 1400} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[0], "handout.html")), width, 900)
			w := browser.Eval[[]float64](p, `[document.querySelector(".handout-part").getBoundingClientRect().width,
			  ...[...document.querySelectorAll(".handout-article .body")].map(b => b.getBoundingClientRect().width)]`)
			if len(w) < 2 {
				t.Fatalf("widths %v: want the first part's and the articles'", w)
			}
			for i, aw := range w[1:] {
				if math.Abs(aw-w[0]) > 1 {
					t.Errorf("article %d's text is %.0f px wide, the handout's parts %.0f px", i+1, aw, w[0])
				}
			}
		})
	}
}

// TestNoLayoutShift loads each article at a wide and a narrow width and
// adds up the layout shifts Chromium reports while it loads.
func TestNoLayoutShift(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range articlePages(t, site) {
			for _, width := range []int{1400, 375} {
				t.Run(fmt.Sprintf("%s/%d", name(page), width), func(t *testing.T) {
					p := b.Open(t, browser.FileURL(page), width, 900)
					cls := browser.Eval[float64](p, `new Promise(resolve => {
					  let sum = 0;
					  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
					    .observe({type: "layout-shift", buffered: true});
					  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(sum), 100)));
					})`)
					if cls > 0.01 {
						t.Errorf("cumulative layout shift %.3f while loading", cls)
					}
				})
			}
		}
	}
}

// TestAddressOfNoteLandsOnIt opens article pages at the address of a note
// (the endnote's "Link to note N", a shared link) and of a passage (the
// claims page, search and the all-notes page link there), on a wide and a
// narrow screen with the notes script: the target is in view near the top
// of the window (or the page is scrolled to its end), although the script
// moves the sidenotes after the browser has scrolled.
func TestAddressOfNoteLandsOnIt(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, page := range articlePages(t, site) {
			for _, width := range []int{1400, 375} {
				t.Run(fmt.Sprintf("%s/%d", name(page), width), func(t *testing.T) {
					p := b.Open(t, browser.FileURL(page), width, 800)
					ids := browser.Eval[[]string](p, `[...document.querySelectorAll(".endnotes li.note")].map(li => li.id.slice(5))`)
					if len(ids) == 0 {
						t.Skip("no notes")
					}
					for _, target := range []string{"note-" + ids[0], "note-" + ids[len(ids)/2], "anno-" + ids[len(ids)-1]} {
						q := b.Open(t, browser.FileURL(page)+"#"+target, width, 800)
						where := browser.Eval[[]float64](q, fmt.Sprintf(`new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => {
						  const r = document.getElementById(%q).getBoundingClientRect();
						  resolve([r.top, innerHeight, scrollY + innerHeight, document.documentElement.scrollHeight]);
						})))`, target))
						top, height, seen, total := where[0], where[1], where[2], where[3]
						if top < -1 || (top > height/3 && seen < total-2) {
							t.Errorf("#%s: the target is %.0f px from the top of an %.0f px window", target, top, height)
						}
						// A passage led to is told from the passages around it.
						if strings.HasPrefix(target, "anno-") && browser.Eval[string](q, fmt.Sprintf(`getComputedStyle(document.getElementById(%q)).outlineStyle`, target)) == "none" {
							t.Errorf("#%s: the passage looks like every other", target)
						}
						if target != "note-"+ids[0] {
							continue
						}
						// Reloaded (as the preview reloads a page) after the
						// reader went elsewhere, the page stays where the
						// browser puts it back, not at the target.
						browser.Eval[bool](q, `(scrollTo(0, 300), window.beforeReload = true)`)
						if _, err := chromedp.Run(q.Context(), chromedp.Reload()); err != nil {
							t.Fatal(err)
						}
						if y := browser.Eval[float64](q, `new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.beforeReload ? -1 : scrollY))))`); math.Abs(y-300) > 2 {
							t.Errorf("#%s reloaded at 300 px from the top: now at %.0f px", target, y)
						}
					}
				})
			}
		}
	}
}

// TestAddressOnListPagesLandsOnIt opens addresses of entries of the pages
// whose sections are laid out only when near the view (content-visibility:
// auto): a bibliography entry, a claim, a note on the notes page. The
// browser scrolls to where it estimated the sections above the target,
// which then move it as they are laid out: the target must end
// at the top of the window all the same (or the page be scrolled to its
// end).
func TestAddressOnListPagesLandsOnIt(t *testing.T) {
	b := browser.New(t)
	for _, site := range sites(t) {
		for _, c := range []struct{ page, entries string }{
			{"sources.html", ".bibliography > li[id]"},
			{"claims.html", ".claim[id]"},
			{"notes.html", ".notes-article li[id]"},
		} {
			page := filepath.Join(site, c.page)
			for _, width := range []int{1280, 390} {
				t.Run(fmt.Sprintf("%s/%d", name(page), width), func(t *testing.T) {
					p := b.Open(t, browser.FileURL(page), width, 800)
					ids := browser.Eval[[]string](p, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(e => e.id)`, c.entries))
					if len(ids) == 0 {
						t.Skipf("no %s", c.entries)
					}
					var targets []string
					for i := len(ids) / 3; i < len(ids); i += max(1, len(ids)/12) {
						targets = append(targets, ids[i])
					}
					for _, target := range append(targets, ids[len(ids)-1]) {
						q := b.Open(t, browser.FileURL(page)+"#"+target, width, 800)
						// Let the sections around the target be laid out: the
						// place is read once it has held for three frames
						// 100 ms apart (within 5 s), which a busy machine
						// takes longer to reach.
						where := browser.Eval[[]float64](q, fmt.Sprintf(`new Promise(resolve => {
						  const at = () => { const r = document.getElementById(%q).getBoundingClientRect();
						    return [r.top, innerHeight, scrollY + innerHeight, document.documentElement.scrollHeight]; };
						  let last = null, same = 0, start = performance.now();
						  const tick = () => requestAnimationFrame(() => {
						    const now = at();
						    same = last && now.every((v, i) => Math.abs(v - last[i]) < 0.5) ? same + 1 : 0;
						    last = now;
						    if (same >= 3 || performance.now() - start > 5000) resolve(now); else setTimeout(tick, 100);
						  });
						  setTimeout(tick, 300);
						})`, target))
						top, height, seen, total := where[0], where[1], where[2], where[3]
						// Below the top by the target's scroll-margin-top
						// (1rem), so that its outline, 4 px out, shows whole
						// (a source's was cut off at the top), unless the
						// page ends first.
						if top < 8 && seen < total-2 || top > 24 && seen < total-2 {
							t.Errorf("#%s: the target is %.0f px from the top of an %.0f px window", target, top, height)
						}
					}
				})
			}
		}
	}
}

// TestAddressLetsAssistiveScroll: on a list page opened at an entry, a
// scroll that comes with no wheel, key, touch or mouse event (a screen
// reader's browse mode, voice control, a magnifier) is the reader's: what
// it brought into view stays there, and the page is not pulled back to the
// entry. (Sections laid out as they come into view resize the page above
// the view, and the browser then changes scrollY to keep what is in view
// still: the test follows what is seen, not scrollY.)
func TestAddressLetsAssistiveScroll(t *testing.T) {
	b := browser.New(t)
	site := sites(t)[0]
	for _, c := range []struct{ page, entries string }{
		{"claims.html", ".claim[id]"},
		{"sources.html", ".bibliography > li[id]"},
		{"notes.html", ".notes-article li[id]"},
	} {
		t.Run(c.page, func(t *testing.T) {
			page := filepath.Join(site, c.page)
			p := b.Open(t, browser.FileURL(page), 1280, 800)
			ids := browser.Eval[[]string](p, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(e => e.id)`, c.entries))
			if len(ids) < 4 {
				t.Skipf("%d entries", len(ids))
			}
			q := b.Open(t, browser.FileURL(page)+"#"+ids[len(ids)*3/4], 1280, 800)
			settle := `new Promise(resolve => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))), 400))`
			browser.Eval[bool](q, settle)
			for step := 1; step <= 3; step++ {
				// Scroll, and note the entry then at the middle of the view
				// (or the first below it, where the middle falls between two
				// entries: the list around them moves as the entries above
				// are laid out, while what the reader sees stays put).
				seen := browser.Eval[float64](q, fmt.Sprintf(`(() => {
				  scrollBy(0, -1200);
				  for (let y = innerHeight / 2; y < innerHeight; y += 8) {
				    const e = document.elementFromPoint(innerWidth / 2, y);
				    window.seen = e && e.closest(%q);
				    if (window.seen) break;
				  }
				  if (!window.seen) window.seen = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
				  return seen.getBoundingClientRect().top;
				})()`, c.entries))
				browser.Eval[bool](q, settle)
				if now := browser.Eval[float64](q, `seen.getBoundingClientRect().top`); now < seen-4 || now > seen+4 {
					t.Errorf("step %d: what the scroll brought into view at %.0f px moved to %.0f px", step, seen, now)
				}
			}
			// Opened at the last entry, which the page's end keeps below the
			// top: a scroll down past it, the page growing in the same
			// moment (a section laid out as it comes into view), is the
			// reader's too, though it leaves the entry nearer the top than
			// the script left it.
			q = b.Open(t, browser.FileURL(page)+"#"+ids[len(ids)-1], 1280, 800)
			browser.Eval[bool](q, settle)
			if top := browser.Eval[float64](q, fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect().top`, ids[len(ids)-1])); top < 100 {
				t.Skipf("the last entry is %.0f px from the top: the page's end does not hold it lower", top)
			}
			after := browser.Eval[float64](q, `(() => {
			  const grow = document.createElement("div");
			  grow.style.height = "3000px";
			  document.body.append(grow);
			  scrollBy(0, 600);
			  return scrollY;
			})()`)
			browser.Eval[bool](q, settle)
			if now := browser.Eval[float64](q, `scrollY`); now < after-4 || now > after+4 {
				t.Errorf("a scroll down past the last entry, the page growing, was pulled back: scrollY %.0f, then %.0f", after, now)
			}
		})
	}
}

// TestWideNotesKeepFocusInView tabs through the first 80 stops of every
// article at 1280 px: each focused element is in view, and none is inside
// a sidenote (its links are in the endnotes, and Tab stops in the margin
// took a reader's focus down the page; a note's links are stops while
// Enter on its marker has brought it beside it). A shortened note's marker
// focused shows the note whole; Escape shortens it again, focus staying.
func TestWideNotesKeepFocusInView(t *testing.T) {
	b := browser.New(t)
	for _, page := range articlePages(t, sites(t)[0]) {
		t.Run(name(page), func(t *testing.T) {
			p := b.Open(t, browser.FileURL(page), 1280, 900)
			off, clamped := 0, ""
			for i := 0; i < 80; i++ {
				p.Keys("\t")
				where := browser.Eval[string](p, `(() => {
				  const e = document.activeElement, r = e.getBoundingClientRect();
				  return r.top >= -1 && r.bottom <= innerHeight + 1 ? "" : (e.textContent.trim().slice(0, 40) + " at " + Math.round(r.top) + "–" + Math.round(r.bottom));
				})()`)
				if where != "" {
					off++
					if off <= 3 {
						t.Errorf("stop %d is out of the 900 px view: %s", i+1, where)
					}
				}
				if in := browser.Eval[string](p, `(document.activeElement.closest(".sidenote") || {id: ""}).id`); in != "" {
					t.Errorf("stop %d is in %s, a sidenote no key brought beside its marker", i+1, in)
				}
			}
			if off > 3 {
				t.Errorf("%d of 80 stops out of view", off)
			}
			clamped = browser.Eval[string](p, `(document.querySelector(".sidenote.clamped") || {dataset: {}}).dataset.note || ""`)
			if clamped == "" {
				return // no shortened note among the first stops
			}
			browser.Eval[bool](p, fmt.Sprintf(`(document.getElementById("ref-%s").focus(), true)`, clamped))
			shown := fmt.Sprintf(`document.getElementById("side-%s").classList.contains("hl")`, clamped)
			if !browser.Eval[bool](p, shown) {
				t.Fatalf("note %s is not shown whole while its marker has focus", clamped)
			}
			p.Keys("\u001b")
			if browser.Eval[bool](p, shown) {
				t.Errorf("Escape did not shorten note %s again", clamped)
			}
			if got := browser.Eval[string](p, `document.activeElement.id`); got != "ref-"+clamped {
				t.Errorf("Escape moved focus to %q", got)
			}
		})
	}
}

// TestHoveredNoteEscape: on a wide screen, the pointer resting on the
// marker of a shortened sidenote shows the note whole, over the next ones;
// Escape puts it back with focus anywhere (WCAG 1.4.13: dismissible
// without moving the pointer), and it stays back while the pointer stays;
// the pointer leaving and coming back shows it again.
func TestHoveredNoteEscape(t *testing.T) {
	b := browser.New(t)
	for _, page := range articlePages(t, sites(t)[0]) {
		t.Run(name(page), func(t *testing.T) {
			p := b.Open(t, browser.FileURL(page), 1400, 900)
			at := browser.Eval[[]float64](p, `(() => {
			  const sn = document.querySelector(".sidenote.clamped");
			  if (!sn) return [];
			  const r = document.getElementById("ref-" + sn.getAttribute("data-note"));
			  r.scrollIntoView({block: "center"});
			  document.activeElement.blur();
			  const b = r.getBoundingClientRect();
			  window.hovered = sn;
			  return [b.left + b.width / 2, b.top + b.height / 2];
			})()`)
			if len(at) == 0 {
				t.Skip("no shortened note")
			}
			whole := `hovered.classList.contains("hl")`
			p.Do(chromedp.MouseEvent("mouseMoved", at[0], at[1]))
			if !browser.Eval[bool](p, whole) {
				t.Fatal("the hovered marker's note is not shown whole")
			}
			p.Keys("\u001b")
			if browser.Eval[bool](p, whole) {
				t.Fatal("Escape, focus on the page, did not put the hovered note back")
			}
			p.Do(chromedp.MouseEvent("mouseMoved", at[0]+1, at[1]))
			if browser.Eval[bool](p, whole) {
				t.Error("the note came back whole while the pointer stayed on its marker")
			}
			p.Do(chromedp.MouseEvent("mouseMoved", 5, 5), chromedp.MouseEvent("mouseMoved", at[0], at[1]))
			if !browser.Eval[bool](p, whole) {
				t.Error("the pointer coming back to the marker does not show the note whole again")
			}
		})
	}
}

// TestForcedColorsNestedMarkers: in forced colours (a Windows contrast
// theme), a marker inside a highlighted passage keeps a background of its
// own, not the passage's Mark colour behind LinkText: in a dark theme both
// are yellow and the marker vanished.
func TestForcedColorsNestedMarkers(t *testing.T) {
	b := browser.New(t)
	found := 0
	for _, page := range append(articlePages(t, sites(t)[0]), filepath.Join(sites(t)[0], "handout.html")) {
		for _, scheme := range []string{"dark", "light"} {
			p := b.Open(t, browser.FileURL(page), 1400, 900)
			p.Media("", "forced-colors", "active", "prefers-color-scheme", scheme)
			bad := browser.Eval[[]string](p, `[...document.querySelectorAll("mark.anno a.noteref")].map(a => {
			  const s = getComputedStyle(a);
			  return s.backgroundColor === "rgba(0, 0, 0, 0)" || s.backgroundColor === s.color ? a.id + ": " + s.color + " on " + s.backgroundColor : "";
			}).filter(Boolean)`)
			for _, m := range bad {
				t.Errorf("%s, %s forced colours: marker %s", name(page), scheme, m)
			}
			found += browser.Eval[int](p, `document.querySelectorAll("mark.anno a.noteref").length`)
		}
	}
	if found == 0 {
		t.Error("no marker inside a highlighted passage in the project's briefing: the test checks nothing")
	}
}

// TestMarkersNamedAsNotes: a note's marker, seen as "[3]", is named "Note
// 3" for a screen reader (the stylesheet's alternative text for the
// brackets, and an aria-label), as a link on a wide screen and as the
// button that opens the note on a narrow one, and in the print edition,
// whose articles are not yet laid out (content-visibility) when the name
// is read, so that it cannot come from the stylesheet alone. The names are
// read from a browser in a screen reader's accessibility mode.
func TestMarkersNamedAsNotes(t *testing.T) {
	b := browser.ScreenReader(t)
	page := articlePages(t, sites(t)[0])[0]
	for _, c := range []struct {
		url   string
		width int
		role  string
	}{
		{browser.FileURL(page), 1280, "doc-noteref"},
		{browser.FileURL(page), 390, "button"},
		{browser.FileURL(filepath.Join(sites(t)[0], "handout.html")), 1280, "doc-noteref"},
	} {
		p := b.Open(t, c.url, c.width, 800)
		for _, n := range []int{1, 3} {
			marker := fmt.Sprintf(`[...document.querySelectorAll("a.noteref")].find(a => a.textContent.trim() === "%d")`, n)
			name, role := browser.AccessibleName(p, marker)
			if want := fmt.Sprintf("Note %d", n); name != want || role != c.role {
				t.Errorf("%s at %d px: marker %d is a %s named %q, want a %s named %q", c.url, c.width, n, role, name, c.role, want)
			}
		}
	}
}

// TestScreenReaderHearsNoteOnce reads what a screen reader is given of an
// article's sidenotes, from a browser in a screen reader's accessibility
// mode. On a wide screen, where the sidenotes are shown in the margin, a
// note is given only while its marker has brought it beside (and the
// endnotes hold every note): before, the text read each note after its
// paragraph and then all of them again as endnotes. On a narrow screen a
// note is given while it is open. Narrowing the window with a note brought
// beside its marker puts it back and focus on its marker, as Escape does
// (focus went to the page, and the next Tab to its top).
func TestScreenReaderHearsNoteOnce(t *testing.T) {
	b := browser.ScreenReader(t)
	page := articlePages(t, realSite)[0]
	p := b.Open(t, browser.FileURL(page), 1400, 900)
	given := func() []string {
		var names []string
		for _, n := range browser.Nodes(p, "note") {
			names = append(names, n.Name)
		}
		return names
	}
	first := browser.Eval[string](p, `document.querySelector(".article .body .sidenote").dataset.note`)
	if got := given(); len(got) != 0 {
		t.Errorf("at 1400 px a screen reader is given %d sidenotes beside the text (%q), besides the endnotes", len(got), got)
	}
	if n := len(browser.Nodes(p, "doc-backlink")); n == 0 {
		t.Error("at 1400 px a screen reader is given no endnote")
	}
	browser.Eval[bool](p, fmt.Sprintf(`(document.getElementById("ref-%s").focus(), true)`, first))
	p.Keys("\r")
	if got := given(); len(got) != 1 || got[0] != "Note 1" {
		t.Errorf("at 1400 px, with note 1 brought beside its marker, a screen reader is given %q, want only note 1", got)
	}
	p.Keys("\u001b")
	if got := given(); len(got) != 0 {
		t.Errorf("at 1400 px, after Escape, a screen reader is given %q", got)
	}

	p.Keys("\r")
	p.Resize(700, 900)
	if got := browser.Eval[string](p, `document.activeElement.id`); got != "ref-"+first {
		t.Errorf("narrowed with note 1 beside its marker: focus on %q, want its marker", got)
	}
	if got := given(); len(got) != 0 {
		t.Errorf("at 700 px, no note open, a screen reader is given %q", got)
	}
	p.Keys("\r")
	if got := given(); len(got) != 1 || got[0] != "Note 1" {
		t.Errorf("at 700 px, with note 1 open, a screen reader is given %q, want only note 1", got)
	}
	// Focus in the open note: widening the window shortens it and hides it
	// from screen readers, and takes focus to its marker.
	p.Keys("\t")
	if in := browser.Eval[bool](p, fmt.Sprintf(`!!document.activeElement.closest("#side-%s")`, first)); !in {
		t.Fatalf("Tab from the marker of the open note 1 went to %q, not into the note", browser.Eval[string](p, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	p.Resize(1400, 900)
	if got := given(); len(got) != 0 {
		t.Errorf("widened to 1400 px with note 1 open: a screen reader is given %q", got)
	}
	if got := browser.Eval[string](p, `document.activeElement.id`); got != "ref-"+first {
		t.Errorf("widened with focus in the open note 1: focus on %q, want its marker", got)
	}
}

// TestSidenotesFollowTextSpacing applies WCAG 1.4.12's text spacing (as a
// reader's bookmarklet or extension does, after the page has loaded) to
// every article at 1400 px: the sidenotes are placed again, level with
// their markers, none over another or over the text.
func TestSidenotesFollowTextSpacing(t *testing.T) {
	const spacing = `(() => { const s = document.createElement("style");
  s.id = "spacing";
  s.textContent = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
  document.head.append(s); return true; })()`
	const frames = `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))`
	// How far the last sidenote runs past the end of the text: none, the
	// text keeps room for it.
	const overrun = `Math.max(...[...document.querySelectorAll(".article .body .sidenote")].map(n => n.getBoundingClientRect().bottom)) - document.querySelector(".article .body").getBoundingClientRect().bottom`
	b := browser.New(t)
	for _, page := range articlePages(t, sites(t)[0]) {
		t.Run(name(page), func(t *testing.T) {
			p := b.Open(t, browser.FileURL(page), 1400, 1000)
			browser.Eval[bool](p, spacing)
			// Frames for the layout, the observer's callback and the
			// placing it asks for.
			browser.Eval[bool](p, frames)
			for _, problem := range browser.Eval[[]string](p, wideProblems) {
				t.Error(problem)
			}
			// The spacing taken off again, the text keeps room for the
			// last note (the room went with the spacing: 343–1,044 px
			// of note over the endnotes).
			browser.Eval[bool](p, `(document.getElementById("spacing").remove(), true)`)
			browser.Eval[bool](p, frames)
			if over := browser.Eval[float64](p, overrun); over > 1 {
				t.Errorf("with the spacing taken off, the last sidenote ends %.0f px below the text", over)
			}
		})
	}
}

// markerTargets lists, in the page, each note marker smaller than a
// finger's target (24 px high, WCAG 2.2's minimum), whose target meets
// another marker's, or which stands apart from the punctuation after it.
const markerTargets = `(() => {
  const out = [], refs = [...document.querySelectorAll("a.noteref")];
  const rects = refs.map(a => a.getBoundingClientRect());
  const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  refs.forEach((a, i) => {
    const r = rects[i];
    if (r.height < 24) out.push(a.id + " is " + r.height.toFixed(1) + " px high");
    for (let j = i + 1; j < refs.length; j++) if (meet(r, rects[j])) out.push(a.id + " meets " + refs[j].id);
  });
  return out;
})()`

// TestMarkerTargets: on a phone, and on a wide touch screen (a tablet held
// sideways), each note marker is a target for a finger, at least 24 px
// high, and no two markers' targets meet, however close their notes'
// passages end (the real briefing's nested notes put two markers side by
// side); its height taken back by a margin, the lines of text keep their
// height; on the wide screen the notes still stand beside their markers.
func TestMarkerTargets(t *testing.T) {
	b := browser.New(t)
	for _, page := range []string{"dailywire-latin-america-cable.html", "al-mayadeen-allies-restrict-immigration.html"} {
		for _, width := range []int{360, 390, 1280} {
			p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[0], "articles", page)), width, 740)
			if width > 1024 {
				p.Touch()
				browser.Eval[bool](p, `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
				if got := browser.Eval[[]string](p, wideProblems); len(got) > 0 {
					t.Errorf("%s at %d px, touch: %s", page, width, strings.Join(got, "; "))
				}
			}
			if got := browser.Eval[[]string](p, markerTargets); len(got) > 0 {
				t.Errorf("%s at %d px: %s", page, width, strings.Join(got, "; "))
			}
			// A paragraph with a marker is laid out in lines of the text's
			// own height: its height is a whole number of lines.
			lines := browser.Eval[[]float64](p, `(() => {
  const p = document.querySelector("a.noteref").closest("p"), lh = parseFloat(getComputedStyle(p).lineHeight);
  return [p.getBoundingClientRect().height / lh];
})()`)
			if n := lines[0]; math.Abs(n-math.Round(n)) > 0.05 {
				t.Errorf("%s at %d px: a paragraph with a marker is %.2f lines high", page, width, n)
			}
		}
	}
}

// markersApart lists, in the page, every note marker that starts a line
// away from the last character of the passage it follows: a footnote
// number belongs with its word.
const markersApart = `(() => {
  const out = [];
  let checked = 0;
  for (const a of document.querySelectorAll("sup.noteref-wrap a.noteref")) {
    const digits = document.createRange();
    digits.selectNodeContents(a);
    const m = digits.getClientRects()[0];
    if (!m || m.height === 0) continue;
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    walk.currentNode = a.parentElement;
    let t = walk.previousNode();
    while (t && !/\S/.test(t.textContent)) t = walk.previousNode();
    if (!t) continue;
    const i = t.textContent.search(/\S\s*$/), ch = document.createRange();
    ch.setStart(t, i);
    ch.setEnd(t, i + 1);
    const c = ch.getClientRects();
    if (!c.length) continue;
    checked++;
    if (m.top > c[c.length - 1].bottom - 2) out.push(a.id + " starts a line after " + JSON.stringify(t.textContent.slice(Math.max(0, i - 24), i + 1)));
  }
  return checked ? out : ["no marker was checked"];
})()`

// TestMarkersStayWithPassages lays each article and the print edition out
// at phone widths and for print on A4 and Letter, where lines are short,
// and checks that no note marker is carried to a line of its own or to the
// start of the next line, away from its passage.
func TestMarkersStayWithPassages(t *testing.T) {
	type layout struct {
		name  string
		width int
		print bool
	}
	layouts := []layout{{"320", 320, false}, {"360", 360, false}, {"390", 390, false}, {"414", 414, false}}
	for _, paper := range papers {
		layouts = append(layouts, layout{paper.name, paper.width, true})
	}
	b := browser.New(t)
	for _, site := range sites(t) {
		pages := append(articlePages(t, site), filepath.Join(site, "handout.html"))
		for _, page := range pages {
			for _, l := range layouts {
				t.Run(name(page)+"/"+l.name, func(t *testing.T) {
					p := b.Open(t, browser.FileURL(page), l.width, 800)
					if l.print {
						p.Media("print")
					}
					for _, problem := range browser.Eval[[]string](p, markersApart) {
						t.Error(problem)
					}
				})
			}
		}
	}
}

// TestVerdictsLeadToDefinitions: a verdict on a note or a claim links to
// what the verdict means, in the methodology's list of definitions (in the
// handout, its part of the methodology): following each page's links, one
// for each verdict, lands on the definition, in view, which starts with
// the verdict's label, outlined. (The verdicts of contents lists and of the matrix,
// beside links of their own, are not links.)
func TestVerdictsLeadToDefinitions(t *testing.T) {
	b := browser.New(t)
	site := sites(t)[0] // the edge briefing has no methodology
	for _, page := range []string{"articles/armust-news-diplomats-oppose-migration.html", "claims.html", "notes.html", "handout.html"} {
		t.Run(page, func(t *testing.T) {
			p := b.Open(t, browser.FileURL(filepath.Join(site, page)), 1280, 800)
			// Each verdict linked, once: its label and where it goes; and
			// the heads of notes whose verdict is not a link.
			links := browser.Eval[[][]string](p, `(() => {
			  const seen = {};
			  const icon = e => e ? getComputedStyle(e, "::before").content : "none";
			  for (const a of document.querySelectorAll("main a.verdict")) seen[a.textContent.trim()] = [a.href, icon(a.querySelector(".verdict-icon"))];
			  return Object.entries(seen).map(([label, [href, shape]]) => [label, href, shape]);
			})()`)
			if len(links) < 2 {
				t.Fatalf("%d verdicts linked: the page is not the one this test expects", len(links))
			}
			if bare := browser.Eval[int](p, `document.querySelectorAll(":is(.note-head, .side-head, .claim > p, .claims-table td) > span.verdict").length`); bare > 0 {
				t.Errorf("%d verdicts of notes or claims are not links", bare)
			}
			for _, l := range links {
				label, href := l[0], l[1]
				q := b.Open(t, href, 1280, 800)
				got := browser.Eval[[]string](q, `new Promise(resolve => setTimeout(() => {
				  const e = document.querySelector(":target");
				  if (!e) { resolve(["", "", "", "", ""]); return; }
				  const r = e.getBoundingClientRect(), icon = e.querySelector(":scope > strong:first-child .verdict-icon");
				  resolve([e.tagName, e.textContent.trim(), String(r.top >= 0 && r.bottom <= innerHeight), getComputedStyle(e).outlineStyle,
				    icon ? getComputedStyle(icon, "::before").content : "none"]);
				}, 300))`)
				if got[0] != "LI" || !strings.HasPrefix(got[1], label) || got[2] != "true" || got[3] == "none" {
					t.Errorf("the verdict %q leads to %s: the target is %s %.40q, in view: %s, outlined: %s", label, href, got[0], got[1], got[2], got[3])
				}
				// The definition shows the verdict's icon, which the
				// reader followed, beside its meaning.
				if shape := l[2]; shape == "none" || got[4] != shape {
					t.Errorf("the verdict %q (icon %s) leads to a definition whose label shows the icon %s", label, shape, got[4])
				}
			}
		})
	}
}

// TestVerdictDefinitionsHang: in the methodology's list of what the
// verdicts mean, a definition's icon stands where the list's bullet
// would, in the text's column, and its wrapped lines start under the
// verdict's name, not under the icon (they ran under it, and the icon
// stood outside the column, on a phone 10 px from the screen's edge).
func TestVerdictDefinitionsHang(t *testing.T) {
	b := browser.New(t)
	site := sites(t)[0]
	for _, width := range []int{390, 1280} {
		p := b.Open(t, browser.FileURL(filepath.Join(site, "methodology.html")), width, 800)
		problems := browser.Eval[[]string](p, `(() => {
		  const out = [], items = [...document.querySelectorAll("main li[id^='verdict-']")];
		  if (items.length < 6) return ["only " + items.length + " verdict definitions"];
		  const column = items[0].parentElement.previousElementSibling.getBoundingClientRect().left;
		  for (const li of items) {
		    const icon = li.querySelector(".verdict-icon"), name = icon.nextSibling;
		    const r = document.createRange();
		    r.selectNodeContents(name);
		    const nameLeft = r.getClientRects()[0].left;
		    const glyph = icon.getBoundingClientRect();
		    if (glyph.left < column - 1) out.push(li.id + ": its icon stands " + (column - glyph.left).toFixed(0) + " px outside the text's column");
		    r.selectNodeContents(li);
		    const lines = [...r.getClientRects()].filter(q => q.width > 0 && q.top > glyph.bottom);
		    if (!lines.length) continue;
		    const left = Math.min(...lines.map(q => q.left));
		    if (Math.abs(left - nameLeft) > 1) out.push(li.id + ": its second line starts at " + left.toFixed(0) + ", its name at " + nameLeft.toFixed(0));
		  }
		  return out;
		})()`)
		for _, problem := range problems {
			t.Errorf("at %d px: %s", width, problem)
		}
	}
}

// TestHandoutPlacesHang: in the print edition's claims table, each place
// a claim appears ("Al Mayadeen English, note 5") hangs, its wrapped
// lines further in than its first, and stands apart from the next: in
// the narrow column, printed, "Al Mayadeen / English, note 5 / Middle
// East / Bulletin, note 11" read as one run of lines.
func TestHandoutPlacesHang(t *testing.T) {
	b := browser.New(t)
	p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[0], "handout.html")), 700, 900)
	p.Media("print")
	got := browser.Eval[struct {
		Wrapped  int
		Problems []string
	}](p, `(() => {
	  const out = {Wrapped: 0, Problems: []}, lists = [...document.querySelectorAll(".claims-table .appearances")];
	  if (!lists.length) return {Wrapped: 0, Problems: ["no list of places in the claims table"]};
	  for (const ul of lists) {
	    const items = [...ul.children];
	    items.forEach((li, i) => {
	      const r = document.createRange();
	      r.selectNodeContents(li);
	      const lines = [...r.getClientRects()].filter(q => q.width > 0);
	      const first = lines[0], later = lines.filter(q => q.top >= first.bottom - 1);
	      const name = li.textContent.trim();
	      if (later.length) {
	        out.Wrapped++;
	        const left = Math.min(...later.map(q => q.left));
	        if (left < first.left + 6) out.Problems.push(name + ": a wrapped line starts at " + left.toFixed(0) + ", the first at " + first.left.toFixed(0));
	      }
	      if (i > 0) {
	        const gap = li.getBoundingClientRect().top - items[i - 1].getBoundingClientRect().bottom;
	        if (gap < 2) out.Problems.push(name + ": " + gap.toFixed(0) + " px below the place before it");
	      }
	    });
	  }
	  return out;
	})()`)
	for _, problem := range got.Problems {
		t.Error(problem)
	}
	if got.Wrapped == 0 {
		t.Error("no place in the printed claims table wraps at 700 px, so their hanging is not tested")
	}
}
