package render

import (
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// TestVerdictDefinitions: an item of a list in the methodology that
// starts with a verdict's label in bold defines it, with a colon, a full
// stop or a dash inside the bold or after it, and in any case (a bold
// word that starts a sentence does not); the first of each verdict's gets
// the id verdict-<verdict>, and the verdicts defined, and only they, have
// an address (VerdictHref) that a link may name.
func TestVerdictDefinitions(t *testing.T) {
	text := `Only fact-checks carry one.

- **Accurate:** the claim matches the sources.
- **needs context**: it leaves something out.
- **Misleading** – framed to mislead, after a dash.
- **Inaccurate** is the verdict when the sources contradict the claim.
- **Disputed.** A full stop in the bold.
- The **Inaccurate** verdict, not at the item's start.
- **Unsupported**-ish is a word, not a definition.
- *Unsupported:* in italics.

1. **Accurate:** a second definition, which keeps no id.

**Disputed:** in a paragraph, not a list.
`
	b := &briefing.Briefing{Methodology: &briefing.Page{Body: md(text)}}
	r := New(b)
	var errs diag.List
	got := r.Page(b.Methodology.Body, "the methodology", "methodology.html", &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	// A definition's label shows its verdict's icon and colour.
	const icon = `<span class="verdict-icon" aria-hidden="true"></span>`
	for _, want := range []string{
		`<li id="verdict-accurate"><strong class="verdict-def verdict-accurate">` + icon + `Accurate:</strong> the claim`,
		`<li id="verdict-needs-context"><strong class="verdict-def verdict-needs-context">` + icon + `needs context</strong>: it`,
		`<li id="verdict-misleading"><strong class="verdict-def verdict-misleading">` + icon + `Misleading</strong> – framed`,
		`<li><strong>Inaccurate</strong> is the verdict`,
		`<li id="verdict-disputed"><strong class="verdict-def verdict-disputed">` + icon + `Disputed.</strong> A full stop`,
		`<li>The <strong>Inaccurate</strong>`,
		`<li><em>Unsupported:</em>`,
		`<li><strong>Accurate:</strong> a second`,
		`<li><strong>Unsupported</strong>-ish`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the methodology lacks %s:\n%s", want, got)
		}
	}
	for v, want := range map[briefing.Verdict]string{
		briefing.VerdictAccurate:     "../methodology.html#verdict-accurate",
		briefing.VerdictMisleading:   "../methodology.html#verdict-misleading",
		briefing.VerdictInaccurate:   "",
		briefing.VerdictUnsupported:  "",
		briefing.VerdictDisputed:     "../methodology.html#verdict-disputed",
		briefing.VerdictNeedsContext: "../methodology.html#verdict-needs-context",
	} {
		if got := r.VerdictHref(v, "../"); got != want {
			t.Errorf("VerdictHref(%s) = %q, want %q", v, got, want)
		}
		p, _ := r.localProblem(Link{Dest: "../methodology.html#verdict-" + string(v), Page: "articles/a.html"}, true)
		if (p == "") != (want != "") {
			t.Errorf("a link to the definition of %s: %q", v, p)
		}
	}
	want := "points to no definition of a verdict: the methodology defines only Accurate, Needs context, Misleading, Disputed (a verdict's definition is an item of a list in content/methodology.md that starts with its label in bold, like - **Unsupported:** …)"
	if p, _ := r.localProblem(Link{Dest: "../methodology.html#verdict-unsupported", Page: "articles/a.html"}, true); p != want {
		t.Errorf("a link to an undefined verdict's definition:\n got %q\nwant %q", p, want)
	}
	// Other ways to end a label: a comma, "=", a bracket, the end of the
	// line.
	forms := md("- **Misleading**, **Inaccurate** and **Accurate** verdicts are reviewed twice.\n- **Needs context** (◐) leaves out.\n- **Misleading**\n  framed to mislead.\n- **Inaccurate** = contradicted.\n- **Unsupported** - nothing found.\n")
	fr := New(&briefing.Briefing{Methodology: &briefing.Page{Body: forms}})
	for _, v := range briefing.Verdicts[1:5] {
		if fr.VerdictHref(v, "") == "" {
			t.Errorf("%s is not defined by %q", v, forms.Text)
		}
	}
	// The comma names verdicts: the first item defines none of them.
	page := fr.Page(forms, "the methodology", "methodology.html", &errs)
	if !strings.Contains(page, `<li><strong>Misleading</strong>, <strong>Inaccurate</strong>`) || fr.VerdictHref(briefing.VerdictAccurate, "") != "" {
		t.Errorf("a list of verdicts, comma after the first, taken for a definition:\n%s", page)
	}
	// Of the ids starting verdict-, a heading is refused only those of
	// the definitions.
	heads := md("## Verdict scale\n\n## Verdict: accurate\n")
	got = New(&briefing.Briefing{Methodology: &briefing.Page{Body: heads}}).Page(heads, "the methodology", "methodology.html", &errs)
	if !strings.Contains(got, `<h2 id="verdict-scale">`) || !strings.Contains(got, `<h2 id="section-verdict-accurate">`) {
		t.Errorf("headings named Verdict…: %s", got)
	}
	if got := New(&briefing.Briefing{}).VerdictHref(briefing.VerdictAccurate, ""); got != "" {
		t.Errorf("without a methodology, VerdictHref = %q", got)
	}
}

// TestNearMissDefinitions: a label a letter off a verdict's is an error
// only in a list of definitions, for a verdict defined nowhere else: a
// glossary of ordinary words (Supported, Inaccuracy, Disputes) is not.
func TestNearMissDefinitions(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"- **Accurate:** fine.\n- **Disputed:** disagree.\n\nA glossary:\n\n- **Supported:** a claim with sources.\n- **Inaccuracy:** an error.\n- **Disputes:** quarrels.\n", ""},
		{"- **Accurate:** fine.\n- **Disputed:** disagree.\n- **Disputes:** quarrels.\n", ""},
		{"- **Accurate:** fine.\n- **Misleding:** facts framed to mislead.\n", `n.yaml:6:11: the label "Misleding" looks like the verdict Misleading misspelt`},
		{"- **Misleding:** facts framed to mislead.\n", ""}, // no list of definitions
	} {
		b := &briefing.Briefing{Methodology: &briefing.Page{Body: md(c.text)}}
		var errs diag.List
		New(b).Page(b.Methodology.Body, "the methodology", "methodology.html", &errs)
		got := ""
		if err := errs.Err(); err != nil {
			got = err.Error()
		}
		if c.want == "" && got != "" || c.want != "" && !strings.HasPrefix(got, c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}
