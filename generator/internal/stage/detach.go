// Keeping the bulk of the site out of Hugo's way in a one-shot build.

package stage

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// BodyMark stands for a page's body in a detached project (see Detach). It
// is an HTML comment, which Hugo passes through .Content as it is.
const BodyMark = "<!--briefing:body-->"

// Detached is what Detach took out of a project: page bodies, to put in
// place of BodyMark in the pages Hugo writes, and files to write to the
// site as they are; both keyed by their path in the built site, and kept
// as the pieces they were staged in.
type Detached struct {
	Bodies map[string]Pieces
	Files  map[string]Pieces
}

// Detach takes the bodies of the content files of f (the HTML the
// generator wrote: article texts with their notes, the all-notes page, the
// matrix, the handout…) and the files under static/ out of the project,
// and returns the rest, with BodyMark in place of each body: the skeleton
// that Hugo lays out. Hugo then lays out pages of a
// few kilobytes each: it keeps every page's content in memory several
// times over while it builds (as read, as parsed, as rendered), which for
// the bodies themselves is tens of megabytes at a thousand articles, and
// copying the static files is only reading and writing. The theme's
// templates print .Content once, as it is, so putting each body where its
// mark is gives the pages Hugo would have written (Splice, in package
// main, does so and checks that every mark is there).
//
// The live preview detaches, and refills the pages Hugo laid out without
// running Hugo when only bodies changed (package preview). What Detach
// takes out keeps f's pieces, not copies of them; f is not changed.
func Detach(f map[string]Pieces) (map[string][]byte, *Detached) {
	skeleton := make(map[string][]byte, len(f))
	d := &Detached{Bodies: map[string]Pieces{}, Files: map[string]Pieces{}}
	for name, data := range f {
		if rest, ok := detachedFile(name); ok {
			d.Files[rest] = data
			continue
		}
		if isPage(name) {
			if head, body, ok := splitPieces(data); ok {
				d.Bodies[OutputPath(name)] = body
				skeleton[name] = append(head[:len(head):len(head)], BodyMark...)
				continue
			}
		}
		skeleton[name] = data.Join()
	}
	return skeleton, d
}

// detachedFile returns the path in the site of a staged file that Hugo
// only copies (under static/), which a detached project keeps aside.
func detachedFile(name string) (string, bool) { return strings.CutPrefix(name, "static/") }

// isPage reports whether the staged file name is a page whose body a
// detached project keeps aside.
func isPage(name string) bool {
	return strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".html")
}

// splitPieces splits a staged page after its JSON front matter's line;
// ok is false when no body follows it.
func splitPieces(data Pieces) (head []byte, body Pieces, ok bool) {
	for i, p := range data {
		j := bytes.IndexByte(p, '\n')
		if j < 0 {
			continue
		}
		head = p[:j+1]
		if i > 0 {
			head = append(data[:i].Join(), head...)
		}
		if j+1 < len(p) {
			body = append(body, p[j+1:])
		}
		body = append(body, data[i+1:]...)
		return head, body, body.Len() > 0
	}
	return nil, nil, false
}

// splitBody is splitPieces for a page in one piece.
func splitBody(data []byte) (head, body []byte, ok bool) {
	head, b, ok := splitPieces(Pieces{data})
	return head, b.Join(), ok
}

// OutputPath is the path in the built site of the page staged as the
// content file name (the site has ugly URLs: content/claims.html is
// claims.html, content/_index.html index.html).
func OutputPath(name string) string {
	p := strings.TrimPrefix(name, "content/")
	if path.Base(p) == "_index.html" {
		return path.Join(path.Dir(p), "index.html")
	}
	return p
}

// action is a template action; pageContent a use, in one, of a page's
// content: .Content or a page method Hugo derives from it. A use through a
// variable ($r.Content, a resource's content, say) is not a page's, unless
// the variable is $ (the page the template is for) or was given a page
// (assigned, or ranged over, from something of pages: pageVar).
var (
	action       = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	pageContent  = regexp.MustCompile(`(\$\w*)?\.(Content|RawContent|Plain|PlainWords|Summary|Truncated|TableOfContents|Fragments|WordCount|FuzzyWordCount|ReadingTime|Len)\b`)
	plainContent = regexp.MustCompile(`^\{\{-?\s*\$?\.Content\s*-?\}\}$`)
	assignment   = regexp.MustCompile(`\$(\w+)\s*:?=\s*([^}]*)`)
	ofPages      = regexp.MustCompile(`Pages|GetPage|\.Page\b|\bHome\b|\$\.|^\s*\$\s*$|\.(Next|Prev)(InSection)?\b|\.Parent\b`)
)

// CanDetach reports whether every template among the theme files of f
// (paths under themes/…/layouts/) prints a page's content only as
// {{ .Content }}, as it is, so that a detached build gives the pages a whole
// one would. A theme that transforms .Content, or uses what Hugo derives
// from it (a summary, a word count), needs Hugo to see every body. (A
// resource's content is to be used through a variable, $r.Content, which
// this check tells apart from a page's.)
func CanDetach(f map[string][]byte) bool {
	for name, data := range f {
		if !strings.HasPrefix(name, "themes/") || !strings.Contains(name, "/layouts/") {
			continue
		}
		acts := action.FindAll(data, -1)
		pageVar := map[string]bool{"$": true}
		for _, act := range acts {
			for _, m := range assignment.FindAllSubmatch(act, -1) {
				if ofPages.Match(m[2]) {
					pageVar["$"+string(m[1])] = true
				}
			}
		}
		for _, act := range acts {
			if plainContent.Match(act) {
				continue
			}
			for _, m := range pageContent.FindAllSubmatch(act, -1) {
				if len(m[1]) == 0 || pageVar[string(m[1])] {
					return false
				}
			}
		}
	}
	return true
}
