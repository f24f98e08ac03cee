package stage

import (
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestEdgeWordsMatchFields checks leadingWords and trailingWords against
// strings.Fields on strings of words, ASCII and Unicode white space (NBSP,
// U+2028, U+3000) and non-ASCII letters, and textFragment against the
// fragment made from strings.Fields' words.
func TestEdgeWordsMatchFields(t *testing.T) {
	pieces := []string{"a", "bc", "café", "“quoted”", "—", " ", "  ", "\t", "\n\n", "\u00a0", "\u2028", "\u3000", "x-y", "1,011"}
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []string{"", " ", "one", " one ", "one two three four five six seven eight nine"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		all := strings.Fields(s)
		for _, n := range []int{1, 4, 9} {
			want := all[:min(n, len(all))]
			if got := leadingWords(s, n); !slices.Equal(got, want) {
				t.Fatalf("leadingWords(%q, %d) = %q, want %q", s, n, got, want)
			}
			want = all[max(0, len(all)-n):]
			if got := trailingWords(s, n); !slices.Equal(got, want) {
				t.Fatalf("trailingWords(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
		if got, want := textFragment(s), fieldsFragment(all); got != want {
			t.Fatalf("textFragment(%q) = %q, want %q", s, got, want)
		}
	}
}

// fieldsFragment is textFragment as it was written first, from all the
// words of the text.
func fieldsFragment(words []string) string {
	enc := func(ws []string) string {
		s := strings.Join(ws, " ")
		return strings.NewReplacer("+", "%20", "-", "%2D").Replace(url.QueryEscape(s))
	}
	switch {
	case len(words) == 0:
		return ""
	case len(words) <= 8:
		return "#:~:text=" + enc(words)
	}
	return "#:~:text=" + enc(words[:4]) + "," + enc(words[len(words)-4:])
}
