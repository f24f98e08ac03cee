package quotes

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestCollate runs the fixtures in testdata: each holds articles as plain
// text (paragraphs separated by blank lines) and the groups wanted, with
// added words as [+…] and missing ones as [-…].
func TestCollate(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			a, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var names, texts []string
			want := ""
			for _, f := range a.Files {
				if f.Name == "want" {
					want = string(f.Data)
					continue
				}
				names = append(names, f.Name)
				texts = append(texts, strings.TrimSpace(string(f.Data)))
			}
			if got := dump(Collate(texts), names); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func dump(groups []Group, names []string) string {
	var b strings.Builder
	for _, g := range groups {
		fmt.Fprintf(&b, "group of %d articles\n", g.Articles)
		for _, w := range g.Quotes {
			var where []string
			for _, p := range w.Places {
				where = append(where, names[p.Article])
			}
			fmt.Fprintf(&b, "  %s: ", strings.Join(where, " "))
			for _, p := range w.Pieces {
				switch p.Op {
				case Added:
					fmt.Fprintf(&b, "[+%s]", p.Text)
				case Missing:
					fmt.Fprintf(&b, "[-%s]", p.Text)
				default:
					b.WriteString(p.Text)
				}
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`He said “one two” and "three four".`, []string{"one two", "three four"}},
		{`“Outer ‘inner words’ end,” she said.`, []string{"Outer ‘inner words’ end,", "inner words"}},
		{`It's the migrants' rights, don't 'quote' this.`, []string{"quote"}},
		{`«Guillemets here» and „low-high“.`, []string{"Guillemets here", "low-high"}},
		{`Der Spiegel schreibt: »Das ist neu«, sagte sie. »Und das auch.«`, []string{"Das ist neu", "Und das auch."}},
		{`Il a dit « c'est nouveau » hier.`, []string{"c'est nouveau"}},
		{`Il a dit « Bonjour », puis il est parti. « Au revoir ».`, []string{"Bonjour", "Au revoir"}},
		{`An open quote “runs on to the end`, []string{"runs on to the end"}},
		{"Two paragraphs “one\n\n“and two” end", []string{"one", "and two"}},
		{`No quotes at all.`, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range Find(tt.in) {
			got = append(got, q.Text)
			if tt.in[q.Start:q.End] != q.Text {
				t.Errorf("%q: Start/End give %q, want %q", tt.in, tt.in[q.Start:q.End], q.Text)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Médecins":   "medecins",
		"don’t":      "don't",
		"U.S.":       "u.s.",
		"Darién Gap": "darien gap",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}
