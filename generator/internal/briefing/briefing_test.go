package briefing

import (
	"testing"

	"github.com/briefing/annotated/generator/internal/diag"
)

// Positions.At must agree with PosAt at every offset, for the three ways a
// Markdown text maps to its file: plain, indented (a block scalar) and with
// a line map (a folded scalar).
func TestPositionsAgreeWithPosAt(t *testing.T) {
	texts := []Markdown{
		{Text: "first line\nsecond “line”\n\nfourth", Pos: diag.Pos{File: "a.md", Line: 7, Col: 1}},
		{Text: "note text\nmore é text\n", Pos: diag.Pos{File: "n.yaml", Line: 8, Col: 7}, Indent: 6},
		{Text: "folded a\nb\n", Pos: diag.Pos{File: "n.yaml", Line: 3, Col: 7}, Lines: []int{3, 5}, Indent: 6},
		{Text: "", Pos: diag.Pos{File: "e.md", Line: 1, Col: 1}},
		{Text: "\n\n\n", Pos: diag.Pos{File: "nl.md", Line: 2, Col: 1}},
		{Text: "é“x”\n\u00e9é\nz", Pos: diag.Pos{File: "u.md", Line: 3, Col: 2}},
	}
	for _, m := range texts {
		idx := m.Positions()
		for off := -1; off <= len(m.Text)+1; off++ {
			if got, want := idx.At(off), m.PosAt(off); got != want {
				t.Errorf("%q at %d: Positions.At = %v, PosAt = %v", m.Text, off, got, want)
			}
		}
	}
	// In any order, offsets inside characters included: the remembered
	// last offset must not change an answer.
	for _, m := range texts {
		idx := m.Positions()
		n := len(m.Text) + 3
		for k := 0; k < 4*n; k++ {
			off := (k*7919)%n - 1
			if k%3 == 0 {
				off = k/3%n - 1 // runs of increasing offsets
			}
			if got, want := idx.At(off), m.PosAt(off); got != want {
				t.Errorf("%q at %d (query %d): Positions.At = %v, PosAt = %v", m.Text, off, k, got, want)
			}
		}
	}
	m := texts[0]
	if got := m.PosAt(len("first line\nsecond “")).String(); got != "a.md:8:9" {
		t.Errorf("PosAt = %s, want a.md:8:9", got)
	}
}

func TestNumberIsText(t *testing.T) {
	for rest, want := range map[string]bool{
		"Januar 2024: Das Gesetz tritt in Kraft.": true,
		"Mai 2024: Der Bundestag stimmt zu.":      true,
		"Jan. 2025: Die Behörden beginnen.":       true,
		"**Januar 2024:** Die Regierung":          true,
		"und 6. Mai 2024: zwei Tage":              true,
		"May 2024, the vote":                      true,
		"FC Köln gewinnt.":                        true,
		"Bundesliga: der neue Platz.":             true,
		"First point.":                            false,
		"may be so.":                              false,
		"und dann":                                false,
		// A month that is also a first name is a month only as a date
		// writes it: shortened with a full stop, before a figure or a
		// colon or comma, or alone.
		"Jan Müller, the spokesman, spoke first.": false,
		"May Lin, the mayor, spoke second.":       false,
		"May the law pass.":                       false,
		"Jan: the first":                          true,
		"May, the vote":                           true,
		"Jan 2025":                                true,
		"May":                                     true,
		"Mai 2024":                                true,
		// English writes the day after the month: the number before it
		// is a list's ("1. July 4: Independence Day").
		"July 4: Independence Day.":    false,
		"December 25: Christmas.":      false,
		"July 4th: Independence Day.":  false,
		"July 4–5: the holiday.":       false,
		"July 4 we start.":             false,
		"und 2. Weltkrieg lagen":       true,
		"bis zum 2. Oktober.":          true,
		"und dem 2. Oktober.":          true,
		"und dann 2. Oktober":          false,
		"Bis zum 3. Oktober anmelden.": false,
		"Bis 3. Oktober anmelden.":     false,
		// A figure after a German date is the hour.
		"Oktober 15 Uhr: Start.": true,
		"November 10 Uhr: Ende.": true,
		"Dezember 2024":          true,
		"":                       false,
	} {
		if got := NumberIsText(rest); got != want {
			t.Errorf("NumberIsText(%q) = %v, want %v", rest, got, want)
		}
	}
}

// TestItemNumberIsText: in a list of more than one, every month is a
// date's only as a date writes it, not only "Jan" and "May".
func TestItemNumberIsText(t *testing.T) {
	for rest, want := range map[string]bool{
		"Januar 2024: Das Gesetz tritt in Kraft.": true,
		"**Januar 2024:** Die Regierung":          true,
		"Mai: Anhörung im Ausschuss.":             true,
		"März, dann April":                        true,
		"Okt. 2024":                               true,
		"Juni":                                    true,
		"Januar bis 3. März":                      true,
		"und 6. Mai 2024: zwei Tage":              true,
		"FC Köln, first.":                         true,
		"April Ryan, of TheGrio.":                 false,
		"June Carter, of the BBC.":                false,
		"Juli Zeh":                                false,
		"August Diehl":                            false,
		"March to the square.":                    false,
		"Jan Müller, the spokesman":               false,
		// A month that is no name or word is a month whatever follows.
		"November fiel die Mauer.":         true,
		"Oktober war der Tag der Einheit.": true,
	} {
		if got := ItemNumberIsText(rest); got != want {
			t.Errorf("ItemNumberIsText(%q) = %v, want %v", rest, got, want)
		}
	}
}
