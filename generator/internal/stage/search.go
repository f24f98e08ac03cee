// The search page and its index, and links to passages.

package stage

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/render"
)

// The kinds of search result, in the order the index names them.
var searchKinds = []string{"Article text", "Note", "Claim", "Source"}

// searchDoc is one searchable passage: [kind, title, href, text].
type searchDoc [4]any

// searchFiles returns the search page and its index: a classic script
// that sets window.BRIEFING_SEARCH, so that the page works from file://
// (no fetch). The index's name carries a hash of its contents, so that a
// host may cache it for good.
func searchFiles(b *briefing.Briefing, r *render.Renderer, order []*briefing.Article, arts map[string]*render.Article) (Files, string) {
	var docs []searchDoc
	for _, a := range order {
		ra := arts[a.Slug]
		if ra == nil {
			continue
		}
		off := 0
		for _, para := range strings.Split(ra.Text, "\n\n") {
			if strings.TrimSpace(para) != "" {
				docs = append(docs, searchDoc{0, a.Outlet + ": " + a.Title, paragraphHref(a, ra, off, off+len(para)), para})
			}
			off += len(para) + 2
		}
	}
	for _, a := range order {
		if ra := arts[a.Slug]; ra != nil {
			for _, n := range ra.Notes {
				title := a.Outlet + ", note " + strconv.Itoa(n.Number) + " (" + n.Kind.Label()
				if n.Verdict != "" {
					title += ": " + n.Verdict.Label()
				}
				docs = append(docs, searchDoc{1, title + ")", "articles/" + a.Slug + ".html#note-" + n.ID,
					"“" + n.Quote + "” " + plainText(n.HTML)})
			}
		}
	}
	var quiet diag.List // problems in claims are reported by the claims page
	for _, c := range b.Claims {
		docs = append(docs, searchDoc{2, c.Statement + " (" + c.Verdict.Label() + ")", "claims.html#claim-" + c.ID,
			plainText(r.Markdown(c.Body, "a claim", &quiet))})
	}
	for _, s := range b.Sources {
		docs = append(docs, searchDoc{3, r.Label(s.ID), "sources.html#src-" + s.ID, plainText(render.Reference(s))})
	}
	data, err := json.Marshal(map[string]any{"kinds": searchKinds, "docs": docs})
	if err != nil {
		panic("stage: the search index does not encode: " + err.Error()) // only strings and numbers
	}
	// JSON is a JavaScript expression once U+2028 and U+2029 are escaped,
	// which encoding/json does; "</" cannot end a script that is a file.
	js := append([]byte("window.BRIEFING_SEARCH="), data...)
	js = append(js, ";\n"...)
	sum := sha256.Sum256(js)
	name := "js/search-index." + hex.EncodeToString(sum[:]) + ".js"
	return Files{"static/" + name: js}, name
}

var tags = regexp.MustCompile(`<[^>]*>`)

// plainText is the text of rendered HTML.
func plainText(h string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tags.ReplaceAllString(h, " "))), " ")
}

// passageHref links, from the site's root, to bytes [start, end) of an
// article's visible text: to the annotated passage that overlaps it most,
// or else to the text itself with a text fragment (#:~:text=), which
// browsers that support it scroll to and highlight; others open the
// article at its top.
func passageHref(a *briefing.Article, ra *render.Article, start, end int) string {
	page := "articles/" + a.Slug + ".html"
	if ra == nil {
		return page
	}
	best, bestID := 0, ""
	for _, n := range ra.Notes {
		if o := min(end, n.End) - max(start, n.Start); o > best {
			best, bestID = o, n.ID
		}
	}
	if bestID != "" {
		return page + "#anno-" + bestID
	}
	return page + textFragment(ra.Text[start:end])
}

// paragraphHref links to a paragraph: with a text fragment of its first
// words when no note marker interrupts them, or else to its first
// annotated passage.
func paragraphHref(a *briefing.Article, ra *render.Article, start, end int) string {
	page := "articles/" + a.Slug + ".html"
	cut, first := end, ""
	for _, n := range ra.Notes {
		if n.Start >= start && n.End <= end && n.End < cut {
			cut, first = n.End, n.ID
		}
	}
	words := strings.Fields(ra.Text[start:cut])
	if len(words) >= 4 || first == "" {
		return page + textFragment(strings.Join(words, " "))
	}
	return page + "#anno-" + first
}

// textFragment returns a text directive for t: all of it when short, else
// its first and last words.
func textFragment(t string) string {
	words := strings.Fields(t)
	if len(words) == 0 {
		return ""
	}
	enc := func(ws []string) string {
		s := url.QueryEscape(strings.Join(ws, " "))
		s = strings.ReplaceAll(s, "+", "%20")
		return strings.ReplaceAll(s, "-", "%2D")
	}
	if len(words) <= 8 {
		return "#:~:text=" + enc(words)
	}
	return "#:~:text=" + enc(words[:4]) + "," + enc(words[len(words)-4:])
}
