package export

import (
	"bytes"
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
	"io"
)

// RatingValue places a verdict on the ClaimReview's numeric scale, from 1
// (inaccurate) to 5 (accurate). "Unsupported" and "disputed" say that the
// evidence does not settle the claim, so they have no place on a scale of
// truth: their Rating carries the verdict's name only (ok is false).
func RatingValue(v briefing.Verdict) (value int, ok bool) {
	switch v {
	case briefing.VerdictAccurate:
		return 5, true
	case briefing.VerdictNeedsContext:
		return 4, true
	case briefing.VerdictMisleading:
		return 2, true
	case briefing.VerdictInaccurate:
		return 1, true
	}
	return 0, false
}

// The JSON-LD is indented, one space a level, for a reader of the page's
// source, and escaped for a <script> element: <, > and & as \u escapes, so
// that it never contains "</script" or "<!--".

// rating writes the ReviewRating of a verdict.
func rating(w *JSON, v briefing.Verdict) {
	w.Open('{')
	w.Field("@type", "Rating")
	w.Field("alternateName", v.Label())
	if n, ok := RatingValue(v); ok {
		w.Key("ratingValue")
		w.Int(n)
		w.Key("bestRating")
		w.Int(5)
		w.Key("worstRating")
		w.Int(1)
	}
	w.Close('}')
}

// organization writes a schema.org Organization.
func organization(w *JSON, name, url string) { agent(w, "Organization", name, url) }

// agent writes a schema.org Person or Organization (typ) by its name and,
// unless "", its address.
func agent(w *JSON, typ, name, url string) {
	w.Open('{')
	w.Field("@type", typ)
	w.Field("name", name)
	w.OmitEmpty("url", url)
	w.Close('}')
}

// appearance writes an article as the place a claim appears: the original,
// by its outlet, and its language (inLanguage) when not the site's.
func appearance(w *JSON, a *briefing.Article) {
	w.Open('{')
	w.Field("@type", "NewsArticle")
	w.Field("url", a.URL)
	w.Field("headline", a.Title)
	w.OmitEmpty("inLanguage", briefing.Foreign(a.Language))
	if a.Published != nil {
		w.Field("datePublished", a.Published.ISO())
	}
	if a.Author != "" {
		w.Key("author")
		agent(w, "Person", a.Author, "")
	}
	w.Key("publisher")
	organization(w, a.Outlet, "")
	w.Close('}')
}

// review writes a ClaimReview, up to the claim's appearances: the caller
// writes them and calls endReview. A claim that appears nowhere (appears
// false: a claim no note points at) has no appearance property, rather than
// an empty list that says nothing. lang is the language claim is in, when
// not the site's ("" when it is): the Claim's inLanguage (schema.org gives
// a CreativeWork one; claimReviewed is text, and has none of its own).
func (b *Briefing) review(w *JSON, url, claim, lang string, v briefing.Verdict, author briefing.Claimant, appears bool) {
	w.Open('{')
	w.Field("@type", "ClaimReview")
	w.Field("url", url)
	w.Field("claimReviewed", claim)
	w.Key("reviewRating")
	rating(w, v)
	w.Key("itemReviewed")
	w.Open('{')
	w.Field("@type", "Claim")
	w.OmitEmpty("inLanguage", lang)
	if author.Name != "" {
		w.Key("author")
		typ := "Organization"
		if author.Person {
			typ = "Person"
		}
		agent(w, typ, author.Name, "")
	}
	if appears {
		w.Key("appearance")
		w.Open('[')
	}
}

// endReview ends a review: its author is the briefing's publisher, when it
// names one, or else the briefing itself; its date the briefing's, when it
// gives one. appears is review's.
func (b *Briefing) endReview(w *JSON, from string, appears bool) {
	if appears {
		w.Close(']')
	}
	w.Close('}')
	w.Key("author")
	if p := b.Index.Publisher; p != "" {
		organization(w, p, b.Index.PublisherURL)
	} else {
		organization(w, b.Index.Title, b.home(from))
	}
	if d := b.Index.Published; d != nil {
		w.Field("datePublished", d.ISO())
	}
	w.Close('}')
}

// appearanceDepth is how deep a claim's appearances are in the claims
// page's JSON-LD: {"@graph": [{"itemReviewed": {"appearance": [.
const appearanceDepth = 5

// graph starts the JSON-LD of a page: its reviews follow.
func graph(size int) *JSON {
	w := &JSON{B: make([]byte, 0, size), HTML: true, Indent: true}
	w.Open('{')
	w.Field("@context", "https://schema.org")
	w.Key("@graph")
	w.Open('[')
	return w
}

func endGraph(w *JSON) []byte {
	w.Close(']')
	w.Close('}')
	return append(w.B, '\n')
}

// ArticleReviews returns the ClaimReview JSON-LD of an article page: one
// review per fact-check note, the passage as the claim reviewed (in the
// article's language, which the Claim gives when it is not the site's),
// the article as the claim's appearance and the note's claimant, when it
// names one, as the claim's author. It returns nil when the article has no
// verdict.
func ArticleReviews(b *Briefing, a *briefing.Article) []byte {
	if ra := b.Rendered[a.Slug]; ra != nil {
		return b.articleReviews(a, ra)
	}
	return nil
}

func (b *Briefing) articleReviews(a *briefing.Article, ra *render.Article) []byte {
	reviews := 0
	for _, n := range ra.Notes {
		if n.Verdict != "" {
			reviews++
		}
	}
	if reviews == 0 {
		return nil
	}
	from := ArticlePage(a.Slug)
	self := b.url(from, from)
	w := graph(reviews * (1024 + 2*len(a.Title)))
	lang := briefing.Foreign(a.Language)
	for _, n := range ra.Notes {
		if n.Verdict == "" {
			continue
		}
		b.review(w, self+"#note-"+n.ID, n.Quote, lang, n.Verdict, n.Claimant, true)
		appearance(w, a)
		b.endReview(w, from, true)
	}
	return endGraph(w)
}

// ClaimReviews returns the ClaimReview JSON-LD of the claims page: one review
// per claim, its statement as the claim reviewed and every article that makes
// it as an appearance. It returns nil when there are no claims.
func ClaimReviews(b *Briefing) []byte { return ClaimReviewsOf(b, b.Parts()) }

// ClaimReviewsOf is ClaimReviews made of the articles' parts (parts[i] is
// Part of b.Order[i]).
func ClaimReviewsOf(b *Briefing, parts []*Part) []byte {
	if len(b.Claims) == 0 {
		return nil
	}
	where := map[string][][]byte{}
	for _, p := range parts {
		p.appearIn(where)
	}
	var out bytes.Buffer
	_ = b.writeClaimReviews(&out, where) // a bytes.Buffer does not fail
	return out.Bytes()
}

// appearIn adds the part's article, as an appearance, to where (by claim
// id) for every claim its notes point at.
func (p *Part) appearIn(where map[string][][]byte) {
	for _, id := range p.claims {
		where[id] = append(where[id], p.appearance)
	}
}

// writeClaimReviews writes the claims page's JSON-LD to out, claim by
// claim, with the appearances of each (by claim id, from appearIn).
func (b *Briefing) writeClaimReviews(out io.Writer, where map[string][][]byte) error {
	w := graph(64 * 1024)
	self := b.url(ClaimsPage, ClaimsPage)
	for _, c := range b.Claims {
		appears := len(where[c.ID]) > 0
		b.review(w, self+"#claim-"+c.ID, c.Statement, "", c.Verdict, c.Claimant, appears)
		for i, app := range where[c.ID] {
			if i == 0 {
				app = app[1:] // the first appearance has no comma before it
			}
			w.B = append(w.B, app...)
			w.empty = false
			if len(w.B) >= 32*1024 {
				if _, err := out.Write(w.B); err != nil {
					return err
				}
				w.B = w.B[:0]
			}
		}
		b.endReview(w, ClaimsPage, appears)
	}
	_, err := out.Write(endGraph(w))
	return err
}
