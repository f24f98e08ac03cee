package export

import (
	"github.com/briefing/annotated/generator/internal/briefing"
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

// schema.org types (https://schema.org/ClaimReview).
type (
	graph struct {
		Context string        `json:"@context"`
		Graph   []claimReview `json:"@graph"`
	}
	claimReview struct {
		Type          string       `json:"@type"`
		URL           string       `json:"url"`
		ClaimReviewed string       `json:"claimReviewed"`
		ReviewRating  rating       `json:"reviewRating"`
		ItemReviewed  claim        `json:"itemReviewed"`
		Author        organization `json:"author"`
	}
	rating struct {
		Type          string `json:"@type"`
		AlternateName string `json:"alternateName"`
		RatingValue   int    `json:"ratingValue,omitempty"`
		BestRating    int    `json:"bestRating,omitempty"`
		WorstRating   int    `json:"worstRating,omitempty"`
	}
	claim struct {
		Type       string         `json:"@type"`
		Author     *organization  `json:"author,omitempty"`
		Appearance []creativeWork `json:"appearance"`
	}
	creativeWork struct {
		Type          string       `json:"@type"`
		URL           string       `json:"url"`
		Headline      string       `json:"headline"`
		DatePublished string       `json:"datePublished,omitempty"`
		Author        *person      `json:"author,omitempty"`
		Publisher     organization `json:"publisher"`
	}
	organization struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	person struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
)

func (b *Briefing) rating(v briefing.Verdict) rating {
	r := rating{Type: "Rating", AlternateName: v.Label()}
	if n, ok := RatingValue(v); ok {
		r.RatingValue, r.BestRating, r.WorstRating = n, 5, 1
	}
	return r
}

// reviewer is the author of every review: the briefing itself.
func (b *Briefing) reviewer(from string) organization {
	return organization{Type: "Organization", Name: b.Index.Title, URL: b.url(from, "index.html")}
}

// appearance is an article as the place a claim appears: the original, by
// its outlet.
func appearance(a *briefing.Article) creativeWork {
	w := creativeWork{Type: "NewsArticle", URL: a.URL, Headline: a.Title,
		Publisher: organization{Type: "Organization", Name: a.Outlet}}
	if a.Published != nil {
		w.DatePublished = a.Published.ISO()
	}
	if a.Author != "" {
		w.Author = &person{Type: "Person", Name: a.Author}
	}
	return w
}

// ArticleReviews returns the ClaimReview JSON-LD of an article page: one
// review per fact-check note, the passage as the claim reviewed, the
// article as the claim's appearance and its outlet as the claim's author.
// It returns nil when the article has no verdict.
func ArticleReviews(b *Briefing, a *briefing.Article) []byte {
	ra := b.Rendered[a.Slug]
	if ra == nil {
		return nil
	}
	from := ArticlePage(a.Slug)
	var reviews []claimReview
	for _, n := range ra.Notes {
		if n.Verdict == "" {
			continue
		}
		reviews = append(reviews, claimReview{
			Type:          "ClaimReview",
			URL:           b.url(from, from) + "#note-" + n.ID,
			ClaimReviewed: n.Quote,
			ReviewRating:  b.rating(n.Verdict),
			ItemReviewed: claim{Type: "Claim", Author: &organization{Type: "Organization", Name: a.Outlet},
				Appearance: []creativeWork{appearance(a)}},
			Author: b.reviewer(from),
		})
	}
	if reviews == nil {
		return nil
	}
	return marshal(graph{Context: "https://schema.org", Graph: reviews}, true)
}

// ClaimReviews returns the ClaimReview JSON-LD of the claims page: one review
// per claim, its statement as the claim reviewed and every article that makes
// it as an appearance. It returns nil when there are no claims.
func ClaimReviews(b *Briefing) []byte {
	where := map[string][]*briefing.Article{}
	for _, a := range b.Order {
		ra := b.Rendered[a.Slug]
		if ra == nil {
			continue
		}
		seen := map[string]bool{}
		for _, n := range ra.Notes {
			if id := n.Claim.ID; id != "" && !seen[id] {
				seen[id] = true
				where[id] = append(where[id], a)
			}
		}
	}
	var reviews []claimReview
	for _, c := range b.Claims {
		apps := []creativeWork{}
		for _, a := range where[c.ID] {
			apps = append(apps, appearance(a))
		}
		reviews = append(reviews, claimReview{
			Type:          "ClaimReview",
			URL:           b.url(ClaimsPage, ClaimsPage) + "#claim-" + c.ID,
			ClaimReviewed: c.Statement,
			ReviewRating:  b.rating(c.Verdict),
			ItemReviewed:  claim{Type: "Claim", Appearance: apps},
			Author:        b.reviewer(ClaimsPage),
		})
	}
	if reviews == nil {
		return nil
	}
	return marshal(graph{Context: "https://schema.org", Graph: reviews}, true)
}
