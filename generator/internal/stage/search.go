// The search page and its index, and links to passages.

package stage

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/export"
	"github.com/briefing/annotated/generator/internal/render"
	"golang.org/x/text/unicode/norm"
)

// The search index is a classic script that sets window.BRIEFING_SEARCH,
// so that the search page works from file:// (no fetch), to
// {"docs": [[kind, title, href, text], …], "kinds": searchKinds}: every
// paragraph of every article, then every note, every claim and every
// source. A document with words in another language than the site's (a
// German article's title, text and quoted passages, a source's German
// title) has a fifth element, [lang, titleFrom, titleTo, from, to]: the
// title's [titleFrom, titleTo) and the text's [from, to), counted in UTF-16
// code units as JavaScript counts, are in lang, which search.js marks. Its
// name carries a hash of its contents, so that a host may cache it for
// good. It is JSON as encoding/json writes it (<, >, &, U+2028 and
// U+2029 escaped), which is a JavaScript expression; "</" cannot end a
// script that is a file.
const (
	searchHead = `window.BRIEFING_SEARCH={"docs":`
	searchTail = `,"kinds":["Article text","Note","Claim","Source"]};` + "\n"
)

// searchDocs returns an article's paragraphs and its notes as search
// documents, each after a comma.
func searchDocs(a *briefing.Article, ra *render.Article) (text, notes []byte) {
	title := a.Outlet + ": " + a.Title
	lang := briefing.Foreign(a.Language)
	w := &export.JSON{B: make([]byte, 0, len(ra.Text)+len(ra.Text)/2), HTML: true}
	w.Within(2)
	off := 0
	for para := range strings.SplitSeq(ra.Text, "\n\n") {
		if strings.TrimSpace(para) != "" {
			var l *searchLang
			if lang != "" {
				l = &searchLang{lang, utf16Len(a.Outlet + ": "), utf16Len(title), 0, utf16Len(para)}
			}
			searchDoc(w, 0, title, paragraphHref(a, ra, off, off+len(para)), para, l)
		}
		off += len(para) + 2
	}
	text = w.B
	size := 0
	for _, n := range ra.Notes {
		size += 256 + len(n.HTML) + len(n.Quote)
	}
	w = &export.JSON{B: make([]byte, 0, size), HTML: true}
	w.Within(2)
	for _, n := range ra.Notes {
		title := a.Outlet + ", note " + strconv.Itoa(n.Number) + " (" + n.Kind.Label()
		if n.Verdict != "" {
			title += ": " + n.Verdict.Label()
		}
		// Who made the claim, as the pages show it: found by a search
		// for the State Department, say.
		if c := shownClaimant(n.Claimant, a.Outlet); c != "" {
			title += "; claim by " + c
		}
		// The passage quoted in the article's language, the note in the
		// site's.
		var l *searchLang
		if lang != "" {
			l = &searchLang{Lang: lang, From: 1, To: 1 + utf16Len(n.Quote)}
		}
		searchDoc(w, 1, title+")", "articles/"+a.Slug+".html#note-"+n.ID, "“"+n.Quote+"” "+plainText(n.HTML), l)
	}
	return text, w.B
}

// searchLang is where a search document's words are in another language
// than the site's: its title's [TitleFrom, TitleTo) and its text's
// [From, To), in UTF-16 code units (utf16Len), are in Lang.
type searchLang struct {
	Lang                         string
	TitleFrom, TitleTo, From, To int
}

// searchDoc writes a search document; l, where its words are in another
// language, may be nil. Its title and text are written composed (NFC):
// the search folds accents away by decomposing, and marks the terms found
// only where folding keeps the text's length, which a letter written
// decomposed ("e" and a combining accent, as some Mac software writes
// them) would not.
func searchDoc(w *export.JSON, kind int, title, href, text string, l *searchLang) {
	w.Open('[')
	w.Int(kind)
	w.String(norm.NFC.String(title))
	w.String(href)
	w.String(norm.NFC.String(text))
	if l != nil {
		w.Open('[')
		w.String(l.Lang)
		w.Int(l.TitleFrom)
		w.Int(l.TitleTo)
		w.Int(l.From)
		w.Int(l.To)
		w.Close(']')
	}
	w.Close(']')
}

// utf16Len is the length of s as JavaScript counts it, in UTF-16 code
// units, composed as searchDoc writes it.
func utf16Len(s string) int {
	n := 0
	for _, r := range norm.NFC.String(s) {
		n += utf16.RuneLen(r)
	}
	return n
}

// referenceText is the text of a source's reference (plainText of ref,
// its HTML) for the search, and where in it the source's title is when the
// reference marks it with another language than the site's (lang, from
// render.TitleLang), or nil.
func referenceText(ref, lang string) (string, *searchLang) {
	text := plainText(ref)
	open := `<span lang="` + lang + `">`
	i := strings.Index(ref, open)
	if lang == "" || i < 0 {
		return text, nil
	}
	j := strings.Index(ref[i:], "</span>")
	if j < 0 {
		return text, nil
	}
	j += i
	// The title's text follows the text before it, after a space when
	// there is one between them.
	before, title := plainText(ref[:i]), plainText(ref[i+len(open):j])
	if !strings.HasPrefix(text, before) {
		return text, nil
	}
	from := len(before)
	if from > 0 && strings.HasPrefix(text[from:], " ") {
		from++
	}
	if title == "" || !strings.HasPrefix(text[from:], title) {
		return text, nil
	}
	return text, &searchLang{Lang: lang, From: utf16Len(text[:from]), To: utf16Len(text[:from+len(title)])}
}

// searchShared is the search documents of the claims and the sources, each
// after a comma.
func searchShared(b *briefing.Briefing, r *render.Renderer) []byte {
	w := &export.JSON{B: make([]byte, 0, 1024+len(b.Claims)*1024+len(b.Sources)*512), HTML: true}
	w.Within(2)
	var quiet diag.List // problems in claims are reported by the claims page
	for _, c := range b.Claims {
		title := c.Statement + " (" + c.Verdict.Label()
		if c.Claimant.Name != "" {
			title += "; claim by " + c.Claimant.Name
		}
		searchDoc(w, 2, title+")", "claims.html#claim-"+c.ID,
			plainText(r.Markdown(c.Body, "a claim", &quiet)), nil)
	}
	for _, s := range b.Sources {
		text, l := referenceText(r.Reference(s), render.TitleLang(s))
		searchDoc(w, 3, r.Label(s.ID), "sources.html#src-"+s.ID, text, l)
	}
	return w.B
}

// searchIndex writes the search index as its documents come, hashing it
// for its name. The first write error is kept and reported by end's caller
// through err.
type searchIndex struct {
	w     io.Writer // the index's file
	sum   hash.Hash
	first bool // no document yet
	err   error
}

func newSearchIndex(w io.Writer) *searchIndex {
	s := &searchIndex{w: w, sum: sha256.New(), first: true}
	s.write([]byte(searchHead))
	return s
}

func (s *searchIndex) write(p []byte) {
	if s.err == nil {
		s.sum.Write(p)
		_, s.err = s.w.Write(p)
	}
}

// keep is write for p that is never changed afterwards, which the index's
// file may keep rather than copy (see put).
func (s *searchIndex) keep(p []byte) {
	if s.err == nil {
		s.sum.Write(p)
		s.err = put(s.w, p)
	}
}

// add writes documents, each after a comma, when p is never changed
// afterwards.
func (s *searchIndex) add(p []byte) { s.addFrom(p, true) }

// addFrom is add for p that the caller may change afterwards (kept false).
func (s *searchIndex) addFrom(p []byte, kept bool) {
	if len(p) == 0 {
		return
	}
	if s.first {
		s.write([]byte{'['})
		p, s.first = p[1:], false // no comma before the first
	}
	if kept {
		s.keep(p)
	} else {
		s.write(p)
	}
}

// end finishes the index and returns its name.
func (s *searchIndex) end() string {
	if s.first {
		s.write([]byte("null"))
	} else {
		s.write([]byte{']'})
	}
	s.write([]byte(searchTail))
	return "js/search-index." + hex.EncodeToString(s.sum.Sum(nil)) + ".js"
}

// plainText is the text of rendered HTML: every tag (from < to the next >)
// taken for a space, except the tags of inline text (inlineTags), which
// can sit inside a word ("U.S.<em>-backed</em>") and are taken for
// nothing; character references resolved, then runs of white space
// (unicode.IsSpace) as one space, none at either end.
func plainText(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(h[:i])
		if !inlineTag(h[i+1 : i+j]) {
			b.WriteByte(' ')
		}
		h = h[i+j+1:]
	}
	b.WriteString(h)
	t := b.String()
	if strings.IndexByte(t, '&') >= 0 {
		t = html.UnescapeString(t)
	}
	out := make([]byte, 0, len(t))
	space := false // white space since the last word
	for i := 0; i < len(t); {
		c := t[i]
		size := 1
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				space = true
				i++
				continue
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(t[i:])
			if unicode.IsSpace(r) {
				space = true
				i += size
				continue
			}
		}
		if space && len(out) > 0 {
			out = append(out, ' ')
		}
		space = false
		out = append(out, t[i:i+size]...)
		i += size
	}
	return string(out)
}

// inlineTags are the elements of HTML's phrasing content that hold text
// and break no line: a tag of one of them does not end a word.
var inlineTags = []string{"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
	"kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}

// inlineTag says whether tag, the text between < and >, opens or closes
// one of inlineTags, its name in any case.
func inlineTag(tag string) bool {
	tag = strings.TrimPrefix(tag, "/")
	if k := strings.IndexAny(tag, " \t\n\f\r/"); k >= 0 {
		tag = tag[:k]
	}
	for _, name := range inlineTags {
		if strings.EqualFold(tag, name) {
			return true
		}
	}
	return false
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
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
	if first == "" || len(leadingWords(ra.Text[start:cut], 4)) == 4 {
		return page + textFragment(ra.Text[start:cut])
	}
	return page + "#anno-" + first
}

// textFragment returns a text directive for t: all of it when short, else
// its first and last words.
func textFragment(t string) string {
	words := leadingWords(t, 9)
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
	return "#:~:text=" + enc(words[:4]) + "," + enc(trailingWords(t, 4))
}

// leadingWords returns the first n words of s, or all of them when there
// are fewer: the words strings.Fields would give, without splitting all of
// s (a paragraph's link needs only its first and last few).
func leadingWords(s string, n int) []string {
	words := make([]string, 0, n)
	start := -1 // where the current word began
	for i := 0; i < len(s) && len(words) < n; {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch space := unicode.IsSpace(r); {
		case space && start >= 0:
			words, start = append(words, s[start:i]), -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 && len(words) < n {
		words = append(words, s[start:])
	}
	return words
}

// trailingWords returns the last n words of s in their order, or all of
// them when there are fewer, as leadingWords does from the start.
func trailingWords(s string, n int) []string {
	words := make([]string, n)
	k := n    // words[k:] are found
	end := -1 // where the current word ends
	for i := len(s); i > 0 && k > 0; {
		r, size := rune(s[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeLastRuneInString(s[:i])
		}
		switch space := unicode.IsSpace(r); {
		case space && end >= 0:
			k--
			words[k], end = s[i:end], -1
		case !space && end < 0:
			end = i
		}
		i -= size
	}
	if end >= 0 && k > 0 {
		k--
		words[k] = s[:end]
	}
	return words[k:]
}
