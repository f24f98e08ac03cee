// Package export writes the briefing in the forms other tools read:
//
//   - a W3C Web Annotation collection (annotations.jsonld), one annotation
//     per note, anchored by text quote and text position;
//   - schema.org ClaimReview JSON-LD for every page that carries a verdict;
//   - a JSON dump of the whole briefing model (briefing.json).
//
// It works on data only (the loaded briefing and its rendered articles) and
// returns bytes; package stage puts them in the Hugo project.
//
// # Addresses
//
// With a base URL (build --base-url) every address is absolute. Without one
// the exports use references relative to the file they are in, which JSON-LD
// resolves against the document's own address, so a copy opened from disk
// still points at its own pages.
//
// # Characters
//
// Text positions count Unicode code points (characters, as the Web
// Annotation model says), not bytes, in the article's text as a reader sees
// it, paragraphs separated by one blank line; briefing.json carries that text
// as "text" for each article.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

// Briefing is what the exports are made from.
type Briefing struct {
	*briefing.Briefing
	Order    []*briefing.Article        // the articles in the briefing's reading order
	Rendered map[string]*render.Article // by slug
	BaseURL  string                     // "" or an absolute address ending in "/"
}

// ArticlePage is the site path of an article's page.
func ArticlePage(slug string) string { return "articles/" + slug + ".html" }

// ClaimsPage is the site path of the claims page.
const ClaimsPage = "claims.html"

// url returns the address of a site path (no leading slash) as seen from a
// document at site path from: absolute with a base URL, relative otherwise.
func (b *Briefing) url(from, path string) string {
	if b.BaseURL != "" {
		return b.BaseURL + path
	}
	if path == from {
		return ""
	}
	if i := lastSlash(path); i >= 0 && i == lastSlash(from) && path[:i] == from[:i] {
		return path[i+1:]
	}
	up := ""
	for range count(from, '/') {
		up += "../"
	}
	return up + path
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}

func count(s string, c byte) int {
	n := 0
	for i := range len(s) {
		if s[i] == c {
			n++
		}
	}
	return n
}

// Characters converts a byte offset in s to a count of code points.
func Characters(s string, byteOff int) int {
	return utf8.RuneCountInString(s[:byteOff])
}

// passages returns, for each note of ra, the start and end of its passage
// in code points of ra.Text: Characters of every note's offsets, counted in
// one pass over the text rather than from its start for each offset.
func passages(ra *render.Article) [][2]int {
	offs := make([]int, 0, 2*len(ra.Notes))
	for _, n := range ra.Notes {
		offs = append(offs, n.Start, n.End)
	}
	slices.Sort(offs)
	offs = slices.Compact(offs)
	chars := make(map[int]int, len(offs))
	at, count := 0, 0
	for _, off := range offs {
		count += utf8.RuneCountInString(ra.Text[at:off])
		at = off
		chars[off] = count
	}
	out := make([][2]int, len(ra.Notes))
	for i, n := range ra.Notes {
		out[i] = [2]int{chars[n.Start], chars[n.End]}
	}
	return out
}

// marshal encodes v as JSON. For a <script> element (inScript), <, > and &
// are written as \u escapes, so that the result never contains "</script"
// or "<!--", and the JSON is indented for a reader of the page's source;
// files of their own keep <, > and & as they are and are not indented:
// briefing.json and annotations.jsonld grow with the briefing (tens of
// megabytes at a thousand articles), and indenting them took a third of
// their time and a fifth of their size.
func marshal(v any, inScript bool) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(inScript)
	if inScript {
		enc.SetIndent("", " ")
	}
	if err := enc.Encode(v); err != nil {
		// Only plain structs, strings and numbers are encoded.
		panic(fmt.Sprintf("export: %v", err))
	}
	return buf.Bytes()
}
