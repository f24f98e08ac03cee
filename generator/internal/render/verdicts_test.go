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
	for _, want := range []string{
		`<li id="verdict-accurate"><strong>Accurate:</strong> the claim`,
		`<li id="verdict-needs-context"><strong>needs context</strong>: it`,
		`<li id="verdict-misleading"><strong>Misleading</strong> – framed`,
		`<li><strong>Inaccurate</strong> is the verdict`,
		`<li id="verdict-disputed"><strong>Disputed.</strong> A full stop`,
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
		p, _ := r.localProblem("../methodology.html#verdict-"+string(v), "articles/a.html", true)
		if (p == "") != (want != "") {
			t.Errorf("a link to the definition of %s: %q", v, p)
		}
	}
	want := "points to no definition of a verdict: the methodology defines only Accurate, Needs context, Misleading, Disputed (a verdict's definition is an item of a list in content/methodology.md that starts with its label in bold, like - **Unsupported:** …)"
	if p, _ := r.localProblem("../methodology.html#verdict-unsupported", "articles/a.html", true); p != want {
		t.Errorf("a link to an undefined verdict's definition:\n got %q\nwant %q", p, want)
	}
	// Other ways to end a label: a comma, "=", a bracket, the end of the
	// line.
	forms := md("- **Accurate**, it holds.\n- **Needs context** (◐) leaves out.\n- **Misleading**\n  framed to mislead.\n- **Inaccurate** = contradicted.\n- **Unsupported** - nothing found.\n")
	fr := New(&briefing.Briefing{Methodology: &briefing.Page{Body: forms}})
	for _, v := range briefing.Verdicts[:5] {
		if fr.VerdictHref(v, "") == "" {
			t.Errorf("%s is not defined by %q", v, forms.Text)
		}
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
