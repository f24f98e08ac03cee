package sitecheck

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/briefing/annotated/generator/internal/browser"
)

// TestCardNotesRead checks the line under each article's card on the home
// page as a reader reads it: "17 notes: 7 Accurate, 4 Needs context", with
// no space before a comma. (Its text, with white space as the browser
// shows it, not innerText, which is empty for a card not yet laid out.)
func TestCardNotesRead(t *testing.T) {
	b := browser.New(t)
	verdict := `\d+ [A-Za-z-]+( [A-Za-z-]+)*` // "4 Needs context"
	line := regexp.MustCompile(`^\d+ notes?(: ` + verdict + `(, ` + verdict + `)*)?$`)
	p := b.Open(t, browser.FileURL(filepath.Join(sites(t)[0], "index.html")), 1280, 800)
	got := browser.Eval[[]string](p, `[...document.querySelectorAll(".card-notes")].map(e => e.textContent.replace(/\s+/g, " ").trim())`)
	if len(got) == 0 {
		t.Fatal("no cards on the home page")
	}
	for _, s := range got {
		if !line.MatchString(s) {
			t.Errorf("a card reads %q", s)
		}
	}
}
