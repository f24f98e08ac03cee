package anchor

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCorpusFindsAsEveryText checks Corpus.Each, which looks for a quote
// only in the texts that have each of its words, against looking in every
// text: the same texts and offsets, in order, for every quote, found or
// not, and the first alone when it is told to stop there. The texts
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
	// Where each text, in order, has it (a text's index and the
	// offset), as every text gives it and as the corpus does; and the
	// first, where the corpus stops after it.
	type place [2]int
	every := func(q string, skip int) []place {
		var out []place
		for i, tx := range texts {
			if i != skip && tx != nil {
				if off := tx.Find(q); off >= 0 {
					out = append(out, place{i, off})
				}
			}
		}
		return out
	}
	corpus := func(q string, skip int, first bool) []place {
		var out []place
		c.Each(q, skip, func(i, off int) bool {
			out = append(out, place{i, off})
			return !first
		})
		return out
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
	found := 0
	for _, q := range quotes {
		for _, skip := range []int{-1, 0, 2, len(texts) - 1} {
			want := every(q, skip)
			if got := corpus(q, skip, false); !slices.Equal(got, want) {
				t.Errorf("quote %q, text %d left out: the corpus finds it at %v, every text at %v", q, skip, got, want)
			}
			if got := corpus(q, skip, true); len(want) > 0 && (len(got) != 1 || got[0] != want[0]) || len(want) == 0 && len(got) > 0 {
				t.Errorf("quote %q, text %d left out: the corpus stopping at the first finds it at %v, every text first at %v", q, skip, got, want)
			}
			if len(want) > 0 {
				found++
			}
		}
	}
	if found < len(quotes) {
		t.Errorf("only %d finds of %d quotes: the test tries too few that are there", found, len(quotes))
	}
}
