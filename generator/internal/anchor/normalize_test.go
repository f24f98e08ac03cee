package anchor

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// normalizeRef is the plain rune-by-rune definition of normalize, kept to
// check the one-pass version against.
func normalizeRef(s string) normalized {
	var b strings.Builder
	n := normalized{start: []int{}, end: []int{}}
	space := false
	for i, r := range s {
		_, size := utf8.DecodeRuneInString(s[i:])
		f := fold(r)
		if f == ' ' {
			if space {
				n.end[len(n.end)-1] = i + size
				continue
			}
			space = true
		} else {
			space = false
		}
		before := b.Len()
		b.WriteRune(f)
		for j := before; j < b.Len(); j++ {
			n.start = append(n.start, i)
			n.end = append(n.end, i+size)
		}
	}
	n.text = b.String()
	return n
}

var normalizeCases = []string{
	"", " ", "plain words", " lead", "trail ", "two  spaces", "tab\tand\nnewline\r\n",
	"“curly” ‘quotes’ — dashes – and `back` ticks", "non\u00a0breaking\u2003spaces",
	"invalid \xff byte", "\xe2\x80", "émigré’s naïve café", "a\u2028b", "x\x01y",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range normalizeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := normalizeRef(s)
		got := normalize(s, true)
		if got.text != want.text || !slices.Equal(got.start, want.start) || !slices.Equal(got.end, want.end) {
			t.Fatalf("normalize(%q) = %+v, want %+v", s, got, want)
		}
		if text := normalize(s, false).text; text != want.text {
			t.Fatalf("normalize(%q) without offsets = %q, want %q", s, text, want.text)
		}
		if got, want := Fold(s), strings.TrimSpace(want.text); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}
