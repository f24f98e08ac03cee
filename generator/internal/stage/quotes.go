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
	Title    string         `json:"title"`          // the reference's first words
	Lang     string         `json:"lang,omitempty"` // the reference's language when not the site's
	Articles int            `json:"articles"`
	Wordings []quoteWording `json:"wordings"`
}

type quoteWording struct {
	HTML      string `json:"html"` // the wording, differences marked
	Reference bool   `json:"reference,omitempty"`
	Same      bool   `json:"same,omitempty"` // no word differs from the reference's
	Part      bool   `json:"part,omitempty"` // shorter than the reference: a part of it
	// Lang is the language of the articles it is in, when not the site's
	// and the same for all (briefing.Foreign): a German article's passage
	// is read in German.
	Lang   string       `json:"lang,omitempty"`
	Places []quotePlace `json:"places"`
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
		refLang := quotesLang(order, g.Quotes[0].Places)
		qg := quoteGroup{ID: "quote-" + strconv.Itoa(i+1), Articles: g.Articles, Title: firstWords(ref.Text, 8), Lang: refLang}
		seen := map[string]int{}
		for j, w := range g.Quotes {
			lang := quotesLang(order, w.Places)
			qw := quoteWording{HTML: piecesHTML(w.Pieces, lang, refLang), Reference: j == 0, Same: j > 0,
				Part: w.Places[0].Words() < ref.Words(), Lang: lang}
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

// quotesLang is the language of the articles of places when it is not the
// site's and the same for all (briefing.Foreign), else "".
func quotesLang(order []*briefing.Article, places []quotes.Quote) string {
	lang := briefing.Foreign(order[places[0].Article].Language)
	for _, q := range places[1:] {
		if briefing.Foreign(order[q.Article].Language) != lang {
			return ""
		}
	}
	return lang
}

// piecesHTML writes a compared wording: added words in <ins>, missing ones
// in <del>, each with a label for those who cannot see the marking. The
// wording is in lang, the reference, whose words the missing ones are, in
// refLang ("" for the site's language): the missing words are marked with
// refLang where the two differ, and a label inside words marked with
// another language than the site's with the site's again.
func piecesHTML(ps []quotes.Piece, lang, refLang string) string {
	var b []byte
	added := `<ins><span class="visually-hidden"` + siteAgain(lang) + `>[added: </span>`
	missing := `<del><span class="visually-hidden"` + siteAgain(lang) + `>[left out: </span>`
	if refLang != lang {
		l := refLang
		if l == "" {
			l = briefing.SiteLang
		}
		missing = `<del` + langAttr(l) + `><span class="visually-hidden"` + siteAgain(refLang) + `>[left out: </span>`
	}
	for _, p := range ps {
		t := html.EscapeString(p.Text)
		switch p.Op {
		case quotes.Added:
			b = append(b, added+t+`<span class="visually-hidden">]</span></ins>`...)
		case quotes.Missing:
			b = append(b, missing+t+`<span class="visually-hidden">]</span></del>`...)
		default:
			b = append(b, t...)
		}
	}
	return string(b)
}

// siteAgain is the lang attribute of the site's words inside words in
// lang: the site's language, or "" when lang is it ("").
func siteAgain(lang string) string {
	if lang == "" {
		return ""
	}
	return langAttr(briefing.SiteLang)
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
