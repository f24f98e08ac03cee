package render

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// The methodology's definitions of the verdicts: an item of a list that
// starts with a verdict's label in bold, followed by a colon, a full stop
// or a dash in the bold or after it ("**Accurate:** the claim matches…",
// as new writes them; "**Accurate** – the claim…") defines that verdict. The first item of
// each verdict's gets the id verdict-<verdict> (which a heading may not
// take: pageIDs), and a
// verdict shown on a note or a claim links to it (VerdictHref).

// verdictPrefix starts the id of a verdict's definition.
const verdictPrefix = "verdict-"

// verdictIDs are the ids of the verdicts' definitions, in the scale's
// order.
func verdictIDs() []string {
	ids := make([]string, len(briefing.Verdicts))
	for i, v := range briefing.Verdicts {
		ids[i] = verdictPrefix + string(v)
	}
	return ids
}

// verdictDefs returns the list items of doc, the methodology's text,
// that define a verdict, by verdict: the first of each.
func verdictDefs(doc ast.Node, src []byte) map[briefing.Verdict]*ast.ListItem {
	defs := map[briefing.Verdict]*ast.ListItem{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		item, ok := n.(*ast.ListItem)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if v, ok := definedVerdict(item, src); ok && defs[v] == nil {
			defs[v] = item
		}
		return ast.WalkContinue, nil
	})
	return defs
}

// definedVerdict returns the verdict whose label, in bold, starts item
// (with or without a colon after it, inside the bold or out).
func definedVerdict(item *ast.ListItem, src []byte) (briefing.Verdict, bool) {
	label, _ := definitionLabel(item, src)
	for _, v := range briefing.Verdicts {
		if label != "" && strings.EqualFold(label, v.Label()) {
			return v, true
		}
	}
	return "", false
}

// definitionLabel returns the label that item starts with, as a
// definition's (definedVerdict), and its bold, or "" when it starts with
// none.
func definitionLabel(item *ast.ListItem, src []byte) (string, *ast.Emphasis) {
	block := item.FirstChild()
	if block == nil {
		return "", nil
	}
	strong, ok := block.FirstChild().(*ast.Emphasis)
	if !ok || strong.Level != 2 {
		return "", nil
	}
	// The label ends with a separator, in the bold or just after it: a
	// bold word that starts a sentence ("**Accurate** and …") defines
	// nothing.
	label := strings.TrimSpace(headingText(strong, src))
	if l := strings.TrimRight(label, separators); l != label {
		return strings.TrimSpace(l), strong
	}
	if !separated(src, strong) {
		return "", nil
	}
	return label, strong
}

// separated reports whether the text after strong, in src, starts with
// what ends a definition's label: a separator (a dash with a space after
// it: "**Unsupported**-ish" is a word), "=", "(", or the end of the line.
// Not a comma: "**Misleading**, **Inaccurate** and …" names verdicts.
func separated(src []byte, strong *ast.Emphasis) bool {
	at := textEnd(strong)
	if at < 0 {
		return false
	}
	rest := strings.TrimLeft(string(src[at:min(len(src), at+32)]), "*_")
	rest = strings.TrimLeft(rest, " \t")
	switch {
	case rest == "" || rest[0] == '\n' || rest[0] == '\r':
		return true
	case strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—"):
		_, size := utf8.DecodeRuneInString(rest)
		next := rest[size:]
		return next == "" || next[0] == ' ' || next[0] == '\t' || next[0] == '\n'
	}
	return strings.ContainsRune(":.=(", rune(rest[0]))
}

// textEnd is the offset in the text just past n's last text, or -1.
func textEnd(n ast.Node) int {
	end := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			end = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	return end
}

// checkDefinitions reports, in errs, each item of a list in doc, the
// methodology's text md, that is written as a verdict's definition but
// whose label is a verdict's misspelt ("**Misleding:**"): no verdict
// would link to it. defs are doc's definitions (verdictDefs).
func checkDefinitions(doc ast.Node, src []byte, defs map[briefing.Verdict]*ast.ListItem, md briefing.Markdown, errs *diag.List) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		item, ok := n.(*ast.ListItem)
		if !entering || !ok || !amongDefinitions(item, src) {
			return ast.WalkContinue, nil
		}
		label, strong := definitionLabel(item, src)
		if label == "" {
			return ast.WalkContinue, nil
		}
		for _, v := range briefing.Verdicts {
			want := strings.ToLower(v.Label())
			d := diag.EditDistance(strings.ToLower(label), want)
			if d == 0 {
				return ast.WalkContinue, nil
			}
			// One letter off, or two in a long label ("Accuracy" is a
			// word of its own), of a verdict defined nowhere else: a
			// word of a glossary beside the definitions is left alone.
			if (d == 1 || d == 2 && len(want) >= 10) && defs[v] == nil {
				errs.Add(md.PosAt(textStart(strong)), "the label %q looks like the verdict %s misspelt: write **%s:**, as the site shows it, so that the site's %s verdicts link to this definition", label, v.Label(), v.Label(), v.Label())
				return ast.WalkContinue, nil
			}
		}
		return ast.WalkContinue, nil
	})
}

// amongDefinitions reports whether item's list defines a verdict with
// another of its items: only there is a label like a verdict's taken for
// one misspelt.
func amongDefinitions(item *ast.ListItem, src []byte) bool {
	for c := item.Parent().FirstChild(); c != nil; c = c.NextSibling() {
		if other, ok := c.(*ast.ListItem); ok && other != item {
			if _, ok := definedVerdict(other, src); ok {
				return true
			}
		}
	}
	return false
}

// textStart is the offset in the text of n's first text.
func textStart(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return 0
}

// separators end a verdict's label in its definition.
const separators = ":.—–-"

// definedVerdicts returns the verdicts that defs (verdictDefs) define.
func definedVerdicts(defs map[briefing.Verdict]*ast.ListItem) map[briefing.Verdict]bool {
	out := make(map[briefing.Verdict]bool, len(defs))
	for v := range defs {
		out[v] = true
	}
	return out
}

// markVerdicts gives each definition of a verdict, defs (verdictDefs, of
// src), its id, and its label the verdict's icon and colour, as a note's
// or a claim's verdict shows them: a reader who meets "◐" on a note, and
// follows it here, finds the icon beside its meaning (the scale below the
// text gave the icons, and the definitions their meanings).
func markVerdicts(defs map[briefing.Verdict]*ast.ListItem, src []byte) {
	for v, item := range defs {
		item.SetAttributeString("id", []byte(verdictPrefix+string(v)))
		if _, strong := definitionLabel(item, src); strong != nil {
			strong.SetAttributeString("class", []byte("verdict-def verdict-"+string(v)))
			icon := ast.NewString([]byte(`<span class="verdict-icon" aria-hidden="true"></span>`))
			icon.SetCode(true)
			strong.InsertBefore(strong, strong.FirstChild(), icon)
		}
	}
}

// Undefined returns the verdicts, in the scale's order, that the claims
// and the notes rendered so far give and the methodology does not define,
// when it defines some: their badges link nowhere, which the editors, who
// have written definitions, are told. None when it defines none.
func (r *Renderer) Undefined() []briefing.Verdict {
	if len(r.site.verdicts) == 0 {
		return nil
	}
	r.site.mu.Lock()
	defer r.site.mu.Unlock()
	var out []briefing.Verdict
	for _, v := range briefing.Verdicts {
		if r.site.used[v] && !r.site.verdicts[v] {
			out = append(out, v)
		}
	}
	return out
}

// DefinitionsAt returns where the methodology's last definition of a
// verdict is, in the text's order (its label): where the editors would
// add those Undefined returns. The zero Pos when it defines none.
func (r *Renderer) DefinitionsAt() diag.Pos { return r.site.lastDef }

// lastDefinition returns the position in md, the methodology, of the
// label of the last of defs (verdictDefs, of src, md's text) in the text.
func lastDefinition(defs map[briefing.Verdict]*ast.ListItem, src []byte, md briefing.Markdown) diag.Pos {
	last := -1
	for _, item := range defs {
		_, strong := definitionLabel(item, src)
		if strong != nil {
			last = max(last, textStart(strong))
		}
	}
	if last < 0 {
		return diag.Pos{}
	}
	return md.PosAt(last)
}

// VerdictHref returns the address of v's definition in the methodology
// from a page whose way to the site's root is root ("../" from an
// article, "" from a page at the root), or "" when the methodology does
// not define v.
func (r *Renderer) VerdictHref(v briefing.Verdict, root string) string {
	if !r.site.verdicts[v] {
		return ""
	}
	return root + "methodology.html#" + verdictPrefix + string(v)
}
