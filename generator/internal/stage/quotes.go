// The quotes page: passages quoted in two or more articles, every outlet's
// wording side by side with the differences marked.

package stage

import (
	"html"
	"strconv"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/quotes"
)

type quoteGroup struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"` // the reference's first words
	Articles int            `json:"articles"`
	Wordings []quoteWording `json:"wordings"`
}

type quoteWording struct {
	HTML      string       `json:"html"` // the wording, differences marked
	Reference bool         `json:"reference,omitempty"`
	Same      bool         `json:"same,omitempty"` // no word differs from the reference's
	Part      bool         `json:"part,omitempty"` // shorter than the reference: a part of it
	Places    []quotePlace `json:"places"`
}

type quotePlace struct {
	Outlet string `json:"outlet"`
	Href   string `json:"href"`
	// Again counts the outlet's places in the group before this one, when
	// there are any: its link is named apart from the outlet's first.
	Again int `json:"again,omitempty"`
}

// quoteHrefs holds the link to each quote that may be collated: by its
// article's place in the briefing's order and its place in the article.
type quoteHrefs map[[3]int]string

// quotesOf is the quotes page's groups, from every article's quotes that
// may be collated and their links, in the briefing's order.
func quotesOf(order []*briefing.Article, all []quotes.Quote, hrefs quoteHrefs) []quoteGroup {
	var out []quoteGroup
	for i, g := range quotes.CollateCandidates(all) {
		ref := g.Quotes[0].Places[0]
		qg := quoteGroup{ID: "quote-" + strconv.Itoa(i+1), Articles: g.Articles, Title: firstWords(ref.Text, 8)}
		seen := map[string]int{}
		for j, w := range g.Quotes {
			qw := quoteWording{HTML: piecesHTML(w.Pieces), Reference: j == 0, Same: j > 0,
				Part: w.Places[0].Words() < ref.Words()}
			for _, p := range w.Pieces {
				qw.Same = qw.Same && p.Op == quotes.Same
			}
			for _, q := range w.Places {
				outlet := order[q.Article].Outlet
				qw.Places = append(qw.Places, quotePlace{Outlet: outlet, Href: hrefs[[3]int{q.Article, q.Start, q.End}], Again: seen[outlet]})
				seen[outlet]++
			}
			qg.Wordings = append(qg.Wordings, qw)
		}
		out = append(out, qg)
	}
	return out
}

// piecesHTML writes a compared wording: added words in <ins>, missing ones
// in <del>, each with a label for those who cannot see the marking.
func piecesHTML(ps []quotes.Piece) string {
	var b []byte
	for _, p := range ps {
		t := html.EscapeString(p.Text)
		switch p.Op {
		case quotes.Added:
			b = append(b, `<ins><span class="visually-hidden">[added: </span>`+t+`<span class="visually-hidden">]</span></ins>`...)
		case quotes.Missing:
			b = append(b, `<del><span class="visually-hidden">[left out: </span>`+t+`<span class="visually-hidden">]</span></del>`...)
		default:
			b = append(b, t...)
		}
	}
	return string(b)
}

// firstWords returns the first n words of s, with an ellipsis when there
// are more.
func firstWords(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) <= n {
		return strings.Join(ws, " ")
	}
	return strings.TrimRight(strings.Join(ws[:n], " "), ",;:.") + "…"
}
