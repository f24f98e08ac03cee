package anchor

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// normalizeRef is the plain rune-by-rune definition of normalize, with the
// range of the original text each folded byte stands for, kept to check
// normalize and origRange against.
func normalizeRef(s string) refNormalized {
	var b strings.Builder
	n := refNormalized{start: []int{}, end: []int{}}
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

// refNormalized is a folded text with, for each of its bytes, the range of
// the original text it stands for.
type refNormalized struct {
	text       string
	start, end []int
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
		if got := normalize(s).text; got != want.text {
			t.Fatalf("normalize(%q) = %q, want %q", s, got, want.text)
		}
		// Every range of the folded text maps back as the reference's
		// offsets say (in a long text, the ranges from a sample of starts).
		step := max(1, len(want.text)/40)
		for ns := 0; ns < len(want.text); ns += step {
			for ne := ns + 1; ne <= len(want.text); ne++ {
				start, end := origRange(s, ns, ne)
				if start != want.start[ns] || end != want.end[ne-1] {
					t.Fatalf("origRange(%q, %d, %d) = %d, %d, want %d, %d", s, ns, ne, start, end, want.start[ns], want.end[ne-1])
				}
			}
		}
		if got, want := Fold(s), strings.TrimSpace(want.text); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}
