package pdf

import (
	"bytes"
	"regexp"
	"strconv"
)

// The handout's contents give each part's page in the PDF: Chromium cannot
// (CSS's target-counter() is not in it), so Print prints twice. The first
// print has room kept at each entry of the contents for a page number;
// destPages reads from it the page each entry's link leads to; the second
// print has the numbers in that room, and lays out as the first did.

var (
	objRE   = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)
	destsRE = regexp.MustCompile(`/Dests\s+(\d+)\s+0\s+R`)
	pagesRE = regexp.MustCompile(`/Pages\s+(\d+)\s+0\s+R`)
	kidsRE  = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
	refRE   = regexp.MustCompile(`(\d+)\s+0\s+R`)
	// a named destination, /name [page 0 R ...
	destRE = regexp.MustCompile(`/([^\s/\[\]()<>{}%]+)\s*\[\s*(\d+)\s+0\s+R`)
)

// destPages returns the page, counted from 1, of each named destination of
// a PDF as Chromium writes it: a /Dests dictionary in the catalog, which
// names each element id a link leads to, and a page tree of plain
// objects. It returns nil for a PDF it does not read so (a compressed
// object stream, no destinations).
func destPages(data []byte) map[string]int {
	objs := map[int][]byte{}
	ms := objRE.FindAllSubmatchIndex(data, -1)
	for i, m := range ms {
		end := len(data)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		body := data[m[1]:end]
		if e := bytes.Index(body, []byte("endobj")); e >= 0 {
			body = body[:e]
		}
		n, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		objs[n] = body // a later update's object in place of the first
	}
	var catalog []byte
	for _, body := range objs {
		if bytes.Contains(body, []byte("/Type /Catalog")) {
			catalog = body
		}
	}
	d, p := destsRE.FindSubmatch(catalog), pagesRE.FindSubmatch(catalog)
	if d == nil || p == nil {
		return nil
	}
	number := map[int]int{} // page object to page number
	var walk func(n, depth int)
	walk = func(n, depth int) {
		body := objs[n]
		kids := kidsRE.FindSubmatch(body)
		if kids == nil || depth > 64 {
			number[n] = len(number) + 1
			return
		}
		for _, r := range refRE.FindAllSubmatch(kids[1], -1) {
			k, _ := strconv.Atoi(string(r[1]))
			walk(k, depth+1)
		}
	}
	root, _ := strconv.Atoi(string(p[1]))
	walk(root, 0)
	dests, _ := strconv.Atoi(string(d[1]))
	pages := map[string]int{}
	for _, m := range destRE.FindAllSubmatch(objs[dests], -1) {
		page, _ := strconv.Atoi(string(m[2]))
		if n, ok := number[page]; ok {
			pages[unescapeName(m[1])] = n
		}
	}
	return pages
}

// unescapeName is a PDF name's characters, its #xx escapes undone.
func unescapeName(name []byte) string {
	var out []byte
	for i := 0; i < len(name); i++ {
		if name[i] == '#' && i+2 < len(name) {
			if b, err := strconv.ParseUint(string(name[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(b))
				i += 2
				continue
			}
		}
		out = append(out, name[i])
	}
	return string(out)
}

var (
	tocRE     = regexp.MustCompile(`(?s)<nav class="toc"[^>]*>.*?</nav>`)
	tocItemRE = regexp.MustCompile(`<li><a href="#([^"]+)"`)
)

// tocPageStyle keeps room at the right of each entry of the contents for
// its page number, the same in both prints, and sets the number level
// with the entry's last line, as a book's contents do: a title wrapped
// onto two lines ends at its page number.
const tocPageStyle = `.toc li { position: relative; padding-right: 4em; } .toc-page { position: absolute; right: 0; bottom: 0; width: 3em; text-align: right; }`

// tocPages returns page with each entry of its contents (the links of
// <nav class="toc">, to parts of the page) given its page number from
// pages, or, with pages nil, the room for one.
func tocPages(page []byte, pages map[string]int) []byte {
	return tocRE.ReplaceAllFunc(page, func(nav []byte) []byte {
		return tocItemRE.ReplaceAllFunc(nav, func(item []byte) []byte {
			n := ""
			if p, ok := pages[string(tocItemRE.FindSubmatch(item)[1])]; ok {
				n = strconv.Itoa(p)
			}
			return append([]byte(`<li><span class="toc-page">`+n+`</span>`), item[len("<li>"):]...)
		})
	})
}
