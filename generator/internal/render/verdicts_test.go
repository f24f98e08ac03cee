package render

import (
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// TestVerdictDefinitions: an item of a list in the methodology that
// starts with a verdict's label in bold defines it, with the colon inside
// the bold or after it and in any case; the first of each verdict's gets
// the id verdict-<verdict>, and the verdicts defined, and only they, have
// an address (VerdictHref) that a link may name.
func TestVerdictDefinitions(t *testing.T) {
	text := `Only fact-checks carry one.

- **Accurate:** the claim matches the sources.
- **needs context**: it leaves something out.
- **Misleading** framed to mislead, without a colon.
- The **Inaccurate** verdict, not at the item's start.
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
		`<li id="verdict-misleading"><strong>Misleading</strong> framed`,
		`<li>The <strong>Inaccurate</strong>`,
		`<li><em>Unsupported:</em>`,
		`<li><strong>Accurate:</strong> a second`,
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
		briefing.VerdictDisputed:     "",
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
	if got := New(&briefing.Briefing{}).VerdictHref(briefing.VerdictAccurate, ""); got != "" {
		t.Errorf("without a methodology, VerdictHref = %q", got)
	}
}
