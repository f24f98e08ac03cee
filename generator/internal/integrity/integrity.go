// Package integrity checks a built site as a reader's browser would meet it,
// opened from disk or from a static host. The tests run it over every site
// they build.
//
// # What it checks
//
//   - Every internal link and every #fragment resolves: the file exists (a
//     file, not a folder, so that it opens from file://), and the element
//     with that id is in it (a text fragment, #:~:text=, must find its text
//     there). Links are relative: a link starting with / or // breaks when
//     the folder is opened from disk. The one exception is 404.html, which
//     a static host serves at any address: its links are root-relative by
//     design, and are not followed (its copy in the offline zip, opened
//     from disk, links home relatively: offline.ForDisk).
//   - Nothing is loaded from outside: no stylesheet, script, image, frame,
//     media, font or @import with an address of its own (http:, https:,
//     //host) or a root-relative one; no form posting elsewhere; no
//     javascript: address anywhere; scripts are classic (not modules) and do
//     not fetch.
//   - Every page's ids are unique.
//   - On an article page, every note has its marker (role="doc-noteref",
//     linking to its endnote, numbered in reading order), its highlighted
//     passage, its in-text form (<div class="sidenote" id="side-ID"
//     role="note">, after its marker, numbered like it and linking to the
//     endnote), and its endnote in the role="doc-endnotes" list with a
//     back-link (role="doc-backlink") to its marker. The markup is described
//     in package render.
package integrity

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Problem is one thing wrong in a built site.
type Problem struct {
	File string // slash-separated, relative to the site's folder
	Msg  string
}

func (p Problem) String() string { return p.File + ": " + p.Msg }

type page struct {
	name string
	doc  *html.Node
	ids  map[string]int // how many elements carry each id
	text string         // its text, lower case, white space collapsed; filled when needed
}

type checker struct {
	fsys     fs.FS
	pages    map[string]*page
	problems []Problem
}

func (c *checker) add(file, format string, args ...any) {
	c.problems = append(c.problems, Problem{File: file, Msg: fmt.Sprintf(format, args...)})
}

// Check checks the site in fsys and returns its problems, sorted; none
// means the site is whole.
func Check(fsys fs.FS) ([]Problem, error) {
	c := &checker{fsys: fsys, pages: map[string]*page{}}
	var htmlFiles, cssFiles, jsFiles []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch path.Ext(p) {
		case ".html", ".htm":
			htmlFiles = append(htmlFiles, p)
		case ".css":
			cssFiles = append(cssFiles, p)
		case ".js":
			jsFiles = append(jsFiles, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, name := range htmlFiles {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			c.add(name, "cannot be parsed as HTML: %v", err)
			continue
		}
		pg := &page{name: name, doc: doc, ids: map[string]int{}}
		walk(doc, func(n *html.Node) {
			if id, ok := attr(n, "id"); ok {
				pg.ids[id]++
			}
		})
		c.pages[name] = pg
	}
	for _, name := range htmlFiles {
		if pg := c.pages[name]; pg != nil {
			c.checkPage(pg)
			c.checkNotes(pg)
		}
	}
	for _, name := range cssFiles {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		c.checkCSS(name, string(data))
	}
	for _, name := range jsFiles {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		c.checkJS(name, string(data))
	}
	sort.SliceStable(c.problems, func(i, j int) bool { return c.problems[i].File < c.problems[j].File })
	return c.problems, nil
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

// describe shows an element as its start tag, for messages.
func describe(n *html.Node) string {
	var b strings.Builder
	b.WriteString("<" + n.Data)
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "style" {
			continue
		}
		v := a.Val
		if len(v) > 80 {
			v = v[:80] + "…"
		}
		fmt.Fprintf(&b, " %s=%q", a.Key, v)
	}
	return b.String() + ">"
}

// loadedBy lists, for each element, the attributes whose address the
// browser fetches by itself, without the reader clicking.
var loadedBy = map[atom.Atom][]string{
	atom.Script: {"src"}, atom.Img: {"src", "srcset"}, atom.Iframe: {"src"}, atom.Frame: {"src"},
	atom.Embed: {"src"}, atom.Object: {"data"}, atom.Source: {"src", "srcset"}, atom.Track: {"src"},
	atom.Video: {"src", "poster"}, atom.Audio: {"src"}, atom.Input: {"src"}, atom.Body: {"background"},
}

// linkLoads lists the rel values of <link> that make the browser fetch.
var linkLoads = map[string]bool{
	"stylesheet": true, "icon": true, "shortcut": true, "apple-touch-icon": true, "preload": true,
	"prefetch": true, "modulepreload": true, "manifest": true, "dns-prefetch": true, "preconnect": true,
	"prerender": true, "mask-icon": true,
}

func (c *checker) checkPage(pg *page) {
	for id, n := range pg.ids {
		if n > 1 {
			c.add(pg.name, "id %q is used by %d elements: fragments to it are ambiguous", id, n)
		}
	}
	walk(pg.doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				c.add(pg.name, "%s: a javascript: address", describe(n))
			}
			if strings.HasPrefix(a.Key, "on") {
				c.add(pg.name, "%s: an inline event handler (%s)", describe(n), a.Key)
			}
		}
		if s, ok := attr(n, "style"); ok {
			c.checkCSS(pg.name, s)
		}
		switch n.DataAtom {
		case atom.Style:
			if n.FirstChild != nil {
				c.checkCSS(pg.name, n.FirstChild.Data)
			}
		case atom.Script:
			if t, _ := attr(n, "type"); t == "module" {
				c.add(pg.name, "%s: a module script, which browsers do not run from file://", describe(n))
			}
			if n.FirstChild != nil {
				c.checkJS(pg.name, n.FirstChild.Data)
			}
		case atom.A, atom.Area:
			if href, ok := attr(n, "href"); ok {
				c.checkLink(pg, n, href)
			}
		case atom.Form:
			if action, ok := attr(n, "action"); ok && action != "" {
				c.checkLoad(pg.name, n, action)
			}
		case atom.Link:
			href, _ := attr(n, "href")
			rel, _ := attr(n, "rel")
			loads := false
			for _, r := range strings.Fields(strings.ToLower(rel)) {
				loads = loads || linkLoads[r]
			}
			if loads {
				c.checkLoad(pg.name, n, href)
			}
		case atom.Meta:
			if eq, _ := attr(n, "http-equiv"); strings.EqualFold(eq, "refresh") {
				content, _ := attr(n, "content")
				if _, u, ok := strings.Cut(content, "="); ok {
					c.checkLoad(pg.name, n, strings.Trim(u, `'" `))
				}
			}
		}
		if n.Namespace == "svg" && (n.Data == "image" || n.Data == "use" || n.Data == "feImage") {
			for _, a := range n.Attr {
				if a.Key == "href" { // href or xlink:href
					c.checkLoad(pg.name, n, a.Val)
				}
			}
		}
		for _, key := range loadedBy[n.DataAtom] {
			v, ok := attr(n, key)
			if !ok {
				continue
			}
			if key == "srcset" {
				for _, cand := range strings.Split(v, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						c.checkLoad(pg.name, n, f[0])
					}
				}
				continue
			}
			c.checkLoad(pg.name, n, v)
		}
	})
}

// checkLoad checks an address the browser fetches by itself: it must be
// a relative address of a file in the site (or data: inline content).
func (c *checker) checkLoad(file string, n *html.Node, ref string) {
	ref = strings.TrimSpace(ref)
	u, err := url.Parse(ref)
	switch {
	case err != nil:
		c.add(file, "%s: %q is not a valid address", describe(n), ref)
	case strings.EqualFold(u.Scheme, "data"):
	case u.Scheme != "" || strings.HasPrefix(ref, "//"):
		c.add(file, "%s: loads %q from outside the site", describe(n), ref)
	case strings.HasPrefix(ref, "/") && file == notFoundPage:
	case strings.HasPrefix(ref, "/"):
		c.add(file, "%s: %q is root-relative and breaks when the site is opened from disk", describe(n), ref)
	default:
		c.resolve(file, describe(n), u, false)
	}
}

// notFoundPage is the page a static host serves for a missing address.
const notFoundPage = "404.html"

// checkLink checks an address the reader follows: outside addresses are
// fine (the reader chooses to go there); one inside the site must resolve,
// fragment included.
func (c *checker) checkLink(pg *page, n *html.Node, href string) {
	href = strings.TrimSpace(href)
	u, err := url.Parse(href)
	switch {
	case err != nil:
		c.add(pg.name, "%s: %q is not a valid address", describe(n), href)
	case u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto":
	case u.Scheme != "" || strings.HasPrefix(href, "//"):
		c.add(pg.name, "%s: %q is not an http, https, mailto or relative link", describe(n), href)
	case strings.HasPrefix(href, "/") && pg.name == notFoundPage:
	case strings.HasPrefix(href, "/"):
		c.add(pg.name, "%s: %q is root-relative and breaks when the site is opened from disk", describe(n), href)
	default:
		c.resolve(pg.name, describe(n), u, true)
	}
}

// resolve checks that relative address u, found in file, names a file of
// the site and, when it has one, an id in it.
func (c *checker) resolve(file, what string, u *url.URL, fragment bool) {
	target := file
	if u.Path != "" {
		target = path.Join(path.Dir(file), u.Path)
		if strings.HasPrefix(target, "../") || target == ".." {
			c.add(file, "%s: %q leads out of the site's folder", what, u.String())
			return
		}
	}
	st, err := fs.Stat(c.fsys, target)
	switch {
	case err != nil:
		c.add(file, "%s: %s does not exist", what, target)
		return
	case st.IsDir():
		c.add(file, "%s: %s is a folder, which opens as a file listing from disk: link to a file in it", what, target)
		return
	}
	if u.Fragment == "" || !fragment {
		return
	}
	pg := c.pages[target]
	if pg == nil {
		c.add(file, "%s: #%s points into %s, which is not a page", what, u.Fragment, target)
		return
	}
	id, directive, _ := strings.Cut(u.Fragment, ":~:")
	if id != "" && pg.ids[id] == 0 {
		c.add(file, "%s: there is no id %q in %s", what, id, target)
	}
	if directive != "" {
		c.checkTextFragment(file, what, pg, directive)
	}
}

// checkTextFragment checks a text fragment (#:~:text=start,end, with an
// optional prefix- and -suffix): the text it asks the browser to scroll to
// must be on the target page.
func (c *checker) checkTextFragment(file, what string, pg *page, directive string) {
	if pg.text == "" {
		pg.text = strings.ToLower(strings.Join(strings.Fields(text(pg.doc)), " "))
	}
	for _, d := range strings.Split(directive, "&") {
		spec, ok := strings.CutPrefix(d, "text=")
		if !ok {
			continue
		}
		for _, part := range strings.Split(spec, ",") {
			if strings.HasSuffix(part, "-") || strings.HasPrefix(part, "-") {
				continue // the context around the text, not the text itself
			}
			// u.Fragment is decoded once already; the directive encodes its
			// own commas, hyphens and ampersands once more.
			t, err := url.PathUnescape(part)
			if err != nil {
				t = part
			}
			t = strings.ToLower(strings.Join(strings.Fields(t), " "))
			if !strings.Contains(pg.text, t) {
				c.add(file, "%s: the text fragment %q is not on %s", what, t, pg.name)
			}
		}
	}
}

var (
	cssURLRE    = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)`)
	cssImportRE = regexp.MustCompile(`(?i)@import\s+(?:"([^"]*)"|'([^']*)')`)
)

// checkCSS checks the addresses in a stylesheet, a <style> element or a
// style attribute.
func (c *checker) checkCSS(file, css string) {
	// Each address: the text that names it, and the address.
	var refs [][2]string
	for _, re := range []*regexp.Regexp{cssURLRE, cssImportRE} {
		for _, m := range re.FindAllStringSubmatch(css, -1) {
			refs = append(refs, [2]string{m[0], strings.Join(m[1:], "")})
		}
	}
	for _, s := range ImageSetStrings([]byte(css)) {
		refs = append(refs, [2]string{"image-set(" + css[s[0]-1:s[1]+1] + ")", css[s[0]:s[1]]})
	}
	for _, r := range refs {
		what, ref := r[0], r[1]
		if strings.HasPrefix(ref, "#") { // an SVG filter or marker in the same document
			continue
		}
		u, err := url.Parse(strings.TrimSpace(ref))
		switch {
		case err != nil:
			c.add(file, "CSS %s: not a valid address", what)
		case strings.EqualFold(u.Scheme, "data"):
		case u.Scheme != "" || strings.HasPrefix(ref, "//"):
			c.add(file, "CSS %s: loads from outside the site", what)
		case strings.HasPrefix(ref, "/"):
			c.add(file, "CSS %s: root-relative, breaks when the site is opened from disk", what)
		default:
			c.resolve(file, "CSS "+what, u, false)
		}
	}
}

var jsFetchRE = regexp.MustCompile(`\bfetch\s*\(|\bXMLHttpRequest\b|\bimport\s*\(|\bnew\s+WebSocket\b|\bEventSource\b|\bsendBeacon\b|^\s*import\s|^\s*export\s`)

// checkJS checks that a script neither fetches nor is a module: from
// file:// both fail, and the site must not call out.
func (c *checker) checkJS(file, js string) {
	for _, line := range strings.Split(js, "\n") {
		if m := jsFetchRE.FindString(line); m != "" {
			c.add(file, "script uses %q: scripts must be classic and fetch nothing", strings.TrimSpace(m))
		}
	}
}

// checkNotes checks the notes of a page: markers, passages, in-text notes,
// endnotes and back-links, each for each. A page may hold the notes of
// several articles (the print edition does), each article's ids starting
// with its own prefix ("SLUG--"); notes are told apart by prefix and id, and
// numbered per prefix. In-text notes are required on article pages.
func (c *checker) checkNotes(pg *page) {
	type note struct {
		prefix, id                      string
		marker, side, endnote, backlink *html.Node
		passage                         bool
		sideAfterMarker                 bool
	}
	notes := map[string]*note{}
	var keys []string
	get := func(prefix, id string) *note {
		k := prefix + " " + id
		if notes[k] == nil {
			notes[k] = &note{prefix: prefix, id: id}
			keys = append(keys, k)
		}
		return notes[k]
	}
	// split cuts an element id into its article prefix, its kind of
	// element and the note id: "slug--ref-cap" is "slug--", "ref-", "cap".
	// Ids and slugs never hold "--", so the last one ends the prefix.
	split := func(elemID, kind string) (prefix, id string, ok bool) {
		if i := strings.LastIndex(elemID, "--"); i >= 0 {
			prefix, elemID = elemID[:i+2], elemID[i+2:]
		}
		id, ok = strings.CutPrefix(elemID, kind)
		return prefix, id, ok && id != ""
	}
	order := map[string][]*note{} // markers by prefix, in reading order
	sideOrder := map[string][]*note{}
	walk(pg.doc, func(n *html.Node) {
		role, _ := attr(n, "role")
		elemID, _ := attr(n, "id")
		switch {
		case role == "doc-noteref":
			prefix, id, ok := split(elemID, "ref-")
			if !ok {
				c.add(pg.name, "%s: a note marker whose id does not end in ref-ID", describe(n))
				return
			}
			nt := get(prefix, id)
			if nt.marker != nil {
				c.add(pg.name, "note %s%s has two markers", prefix, id)
			}
			nt.marker = n
			order[prefix] = append(order[prefix], nt)
			if href, _ := attr(n, "href"); href != "#"+prefix+"note-"+id {
				c.add(pg.name, "%s: the marker of note %s%s links to %q, not to its endnote #%snote-%s", describe(n), prefix, id, href, prefix, id)
			}
		case hasClass(n, "sidenote"):
			prefix, id, ok := split(elemID, "side-")
			if !ok {
				c.add(pg.name, "%s: an in-text note whose id does not end in side-ID", describe(n))
				return
			}
			nt := get(prefix, id)
			if nt.side != nil {
				c.add(pg.name, "note %s%s has two in-text notes", prefix, id)
			}
			nt.side, nt.sideAfterMarker = n, nt.marker != nil
			sideOrder[prefix] = append(sideOrder[prefix], nt)
			if role != "note" {
				c.add(pg.name, "%s: the in-text note of %s%s has role %q, want \"note\"", describe(n), prefix, id, role)
			}
			linked := false
			walk(n, func(a *html.Node) {
				href, _ := attr(a, "href")
				linked = linked || a.DataAtom == atom.A && href == "#"+prefix+"note-"+id
			})
			if !linked {
				c.add(pg.name, "the in-text note of %s%s has no link to its endnote #%snote-%s", prefix, id, prefix, id)
			}
		case n.DataAtom == atom.Mark && hasClass(n, "anno"):
			if prefix, id, ok := split(elemID, "anno-"); ok {
				get(prefix, id).passage = true
			} else if elemID != "" {
				c.add(pg.name, "%s: a highlighted passage whose id does not end in anno-ID", describe(n))
			}
		case role == "doc-endnotes":
			walk(n, func(li *html.Node) {
				lid, _ := attr(li, "id")
				prefix, id, ok := split(lid, "note-")
				if li.DataAtom != atom.Li || !ok {
					return
				}
				nt := get(prefix, id)
				nt.endnote = li
				walk(li, func(a *html.Node) {
					if r, _ := attr(a, "role"); r == "doc-backlink" {
						nt.backlink = a
						if href, _ := attr(a, "href"); href != "#"+prefix+"ref-"+id {
							c.add(pg.name, "%s: the back-link of note %s%s goes to %q, not to its marker #%sref-%s", describe(a), prefix, id, href, prefix, id)
						}
					}
				})
			})
		}
	})
	sort.Strings(keys)
	sideRequired := strings.HasPrefix(pg.name, "articles/")
	for _, k := range keys {
		nt := notes[k]
		name := nt.prefix + nt.id
		switch {
		case nt.marker == nil:
			c.add(pg.name, "note %s has no marker in the text", name)
		case nt.endnote == nil:
			c.add(pg.name, "note %s has a marker but no endnote", name)
		case nt.backlink == nil:
			c.add(pg.name, "note %s has no back-link to its marker", name)
		}
		switch {
		case nt.side == nil && sideRequired:
			c.add(pg.name, "note %s has no in-text note (div.sidenote id=%sside-%s)", name, nt.prefix, nt.id)
		case nt.side != nil && !nt.sideAfterMarker:
			c.add(pg.name, "the in-text note of %s comes before its marker", name)
		}
		if !nt.passage {
			c.add(pg.name, "note %s has no highlighted passage (mark id=%sanno-%s)", name, nt.prefix, nt.id)
		}
	}
	prefixes := make([]string, 0, len(order))
	for p := range order {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	for _, p := range prefixes {
		// Markers are numbered in reading order, from 1, and in-text notes
		// follow them, numbered alike.
		for i, nt := range order[p] {
			name := nt.prefix + nt.id
			if got := text(nt.marker); got != fmt.Sprint(i+1) {
				c.add(pg.name, "marker of note %s reads %q, want %d (reading order)", name, got, i+1)
			}
			if nt.side == nil {
				continue
			}
			var num string
			walk(nt.side, func(n *html.Node) {
				if num == "" && hasClass(n, "side-num") {
					num = text(n)
				}
			})
			if num != fmt.Sprint(i+1) {
				c.add(pg.name, "the in-text note of %s is numbered %q, its marker %d", name, num, i+1)
			}
		}
		if so := sideOrder[p]; len(so) == len(order[p]) {
			for i := range so {
				if so[i] != order[p][i] {
					c.add(pg.name, "the in-text notes are not in the order of their markers")
					break
				}
			}
		}
	}
}

func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(t *html.Node) {
		if t.Type == html.TextNode {
			b.WriteString(t.Data)
		}
	})
	return strings.TrimSpace(b.String())
}

// imageSetRE starts an image-set() of a stylesheet, which may name its
// images as strings, without url(): image-set("a.png" 1x, "b.png" 2x).
var imageSetRE = regexp.MustCompile(`(?i)(?:-webkit-)?image-set\(`)

// ImageSetStrings returns where each string of css's image-set()s is:
// the start and end of its text, inside its quote marks. Each is an
// address the browser loads, as url() names one; not a string inside a
// function of the set, type("image/avif"), nor a url(), which cssURLRE
// finds.
func ImageSetStrings(css []byte) [][2]int {
	var out [][2]int
	for _, m := range imageSetRE.FindAllIndex(css, -1) {
		depth := 1
		for i := m[1]; i < len(css) && depth > 0; i++ {
			switch c := css[i]; c {
			case '(':
				depth++
			case ')':
				depth--
			case '"', '\'':
				end := bytes.IndexByte(css[i+1:], c)
				if end < 0 {
					return out
				}
				if depth == 1 {
					out = append(out, [2]int{i + 1, i + 1 + end})
				}
				i += 1 + end
			}
		}
	}
	return out
}
