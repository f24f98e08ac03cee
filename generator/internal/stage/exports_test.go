package stage

import (
	"bytes"
	"strings"
	"testing"
)

// TestLDWriter writes JSON-LD through an ldWriter cut at every byte, and
// whole with appendLD: both give the block with every "{{" escaped as one
// strings.ReplaceAll would, however the "{" fall across the pieces.
func TestLDWriter(t *testing.T) {
	for _, ld := range []string{
		"{\n \"a\": \"b\"\n}\n",
		`{"t": "{{% x %}} {{{{{ y {{< z >}} {"}`,
		`{"t": "{{{"}`,
		`{"t": "{ { {{"}`,
		"{{",
		"{",
		"",
	} {
		want := `<script type="application/ld+json">` + strings.ReplaceAll(ld, "{{", `{\u007b`) + "</script>\n"
		if got := string(appendLD(nil, []byte(ld))); got != want {
			t.Errorf("appendLD(%q) = %q, want %q", ld, got, want)
		}
		if n := ldSize([]byte(ld)); n != len(want) {
			t.Errorf("ldSize(%q) = %d, want %d", ld, n, len(want))
		}
		for cut := 0; cut <= len(ld); cut++ {
			for cut2 := cut; cut2 <= len(ld); cut2++ {
				var out bytes.Buffer
				w, err := newLDWriter(&out)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range []string{ld[:cut], ld[cut:cut2], ld[cut2:]} {
					if n, err := w.Write([]byte(p)); n != len(p) || err != nil {
						t.Fatalf("Write(%q) = %d, %v", p, n, err)
					}
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if out.String() != want {
					t.Errorf("%q cut at %d and %d: %q, want %q", ld, cut, cut2, out.String(), want)
				}
			}
		}
	}
	if got := appendLD([]byte("x"), nil); string(got) != "x" {
		t.Errorf("appendLD of no JSON-LD = %q", got)
	}
}
