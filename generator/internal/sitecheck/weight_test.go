package sitecheck

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Budgets, uncompressed, over the built output.
const (
	cssBudget   = 18 * 1024 // minified, as Hugo writes it (15.2 KB on 2026-12-07)
	jsBudget    = 10 * 1024
	notesBudget = 5 * 1024
)

// TestWeight adds up every stylesheet and every script of the built real
// briefing. The search index (search-index*.js) is generated data, not code,
// so it is left out of the JavaScript budget.
func TestWeight(t *testing.T) {
	site := sites(t)[0]
	var css, js int64
	var notes int64 = -1
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		base := d.Name()
		switch {
		case strings.HasSuffix(base, ".css"):
			css += info.Size()
		case strings.HasSuffix(base, ".js") && strings.HasPrefix(base, "search-index"):
			t.Logf("%s: %d bytes of data, outside the budget", base, info.Size())
		case strings.HasSuffix(base, ".js"):
			js += info.Size()
			if strings.HasPrefix(base, "notes.") {
				notes = info.Size()
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("CSS %d bytes, JavaScript %d bytes (notes script %d)", css, js, notes)
	if css == 0 {
		t.Error("no stylesheet in the built site")
	}
	if css >= cssBudget {
		t.Errorf("CSS weighs %d bytes, over the %d budget", css, cssBudget)
	}
	if js >= jsBudget {
		t.Errorf("JavaScript weighs %d bytes, over the %d budget", js, jsBudget)
	}
	switch {
	case notes < 0:
		t.Error("the notes script is not in the built site")
	case notes > notesBudget:
		t.Errorf("the notes script weighs %d bytes, over its %d budget", notes, notesBudget)
	}
}
