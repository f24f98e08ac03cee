package anchor

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCorpusFindsAsEveryText checks Corpus.Find, which looks for a quote
// only in the texts that have each of its words, against looking in every
// text: the same text and offset for every quote, found or not. The texts
// are the real briefing's articles and texts written to try the edges of
// a word: other scripts, combining marks, an invisible hyphen, figures
// with separators, quote marks and dashes of every kind.
func TestCorpusFindsAsEveryText(t *testing.T) {
	files, err := filepath.Glob("../../../content/articles/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles to read: %v", err)
	}
	var raws []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		raws = append(raws, string(data))
	}
	raws = append(raws,
		"Die Straße in Köln: “7,500 refugees” — said the café’s owner, naïvely. Fund\u00ADing fell 3.5%.",
		"Москва заявила: «беженцы» — 7 500 человек. 東京では難民が増えた。 Cafe\u0301 au lait.",
		"The 7,500 cap; the 500 cap. \"Quoted\" and 'quoted' -- a dash - and a hyphen-ated word.",
		"",
	)
	texts := make([]*Text, len(raws)+1) // the last one nil: a file not read
	for i, s := range raws {
		texts[i] = NewText(s)
	}
	c := NewCorpus(texts)
	every := func(q string, skip int) (int, int) {
		for i, tx := range texts {
			if i != skip && tx != nil {
				if off := tx.Find(q); off >= 0 {
					return i, off
				}
			}
		}
		return -1, 0
	}
	quotes := []string{
		"7,500", "500", "7,500 refugees", "“7,500 refugees”", `"7,500 refugees"`, "café's owner", "cafe owner",
		"Funding", "Fund", "ing fell", "3.5%", "беженцы", "«беженцы» — 7 500", "難民", "Cafe\u0301 au", "Café au",
		"-- a dash", "— a dash", "hyphen-ated", "hyphen", "ated word", "“", "—", "...", " ", "",
		"State Department", "the the the", "not a passage of any article at all",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range raws {
		words := strings.Fields(s)
		for range 300 {
			if len(words) == 0 {
				break
			}
			i := rng.IntN(len(words))
			j := min(len(words), i+1+rng.IntN(12))
			q := strings.Join(words[i:j], " ")
			quotes = append(quotes, q, strings.Trim(q, ".,;:“”\"'’()"), q+" zzz")
		}
	}
	// Every text that has it, in order.
	all := func(q string, skip int) []Found {
		var out []Found
		for i, tx := range texts {
			if i != skip && tx != nil {
				if off := tx.Find(q); off >= 0 {
					out = append(out, Found{i, off})
				}
			}
		}
		return out
	}
	found := 0
	for _, q := range quotes {
		for _, skip := range []int{-1, 0, 2, len(texts) - 1} {
			if got, want := c.FindAll(q, skip), all(q, skip); !slices.Equal(got, want) {
				t.Errorf("quote %q, text %d left out: the corpus finds it at %v, every text at %v", q, skip, got, want)
			}
			wi, woff := every(q, skip)
			gi, goff := c.Find(q, skip)
			if gi != wi || goff != woff {
				t.Errorf("quote %q, text %d left out: the corpus finds it in text %d at %d, every text in text %d at %d", q, skip, gi, goff, wi, woff)
			}
			if wi >= 0 {
				found++
			}
		}
	}
	if found < len(quotes) {
		t.Errorf("only %d finds of %d quotes: the test tries too few that are there", found, len(quotes))
	}
}
