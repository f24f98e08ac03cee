package integrity

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A small site that is whole: an index, an article with two notes, a
// stylesheet with a relative url().
func whole() fstest.MapFS {
	return fstest.MapFS{
		"index.html": {Data: []byte(`<!DOCTYPE html><html><head>
<link rel="stylesheet" href="css/site.css"><link rel="canonical" href="https://example.org/">
</head><body><a href="articles/one.html#note-a">note a</a> <a href="https://example.com/">out</a>
<a href="mailto:x@example.org">mail</a> <a href="#top" id="top">top</a></body></html>`)},
		"articles/one.html": {Data: []byte(`<!DOCTYPE html><html><head><link rel="stylesheet" href="../css/site.css"></head><body>
<p><mark class="anno" id="anno-a">one <mark class="anno" id="anno-b">two</mark><sup><a href="#note-b" id="ref-b" role="doc-noteref">1</a></sup></mark><sup><a href="#note-a" id="ref-a" role="doc-noteref">2</a></sup></p>
<div class="sidenote" id="side-b" role="note"><span class="side-num">1</span> B. <a href="#note-b">in full</a></div>
<div class="sidenote" id="side-a" role="note"><span class="side-num">2</span> A. <a href="#note-a">in full</a></div>
<section role="doc-endnotes"><ol>
<li id="note-b"><p>B.</p><a href="#ref-b" role="doc-backlink">back</a></li>
<li id="note-a"><p>A, see <a href="../index.html">home</a>.</p><a href="#ref-a" role="doc-backlink">back</a></li>
</ol></section>
<script src="../js/classic.js"></script></body></html>`)},
		"css/site.css":  {Data: []byte(`@font-face { src: url("../fonts/f.woff2"); } .x { background: url(data:image/png;base64,AAAA); filter: url(#f); }`)},
		"fonts/f.woff2": {Data: []byte("font")},
		"js/classic.js": {Data: []byte("document.querySelectorAll('a').forEach(function (a) {});\n")},
	}
}

func problems(t *testing.T, fs fstest.MapFS) []string {
	t.Helper()
	ps, err := Check(fs)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestWholeSite(t *testing.T) {
	if got := problems(t, whole()); len(got) > 0 {
		t.Errorf("problems in a whole site:\n%s", strings.Join(got, "\n"))
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string // replaces file; "" deletes it
		want []string
	}{
		{
			name: "missing page",
			file: "articles/one.html",
			want: []string{`index.html: <a href="articles/one.html#note-a">: articles/one.html does not exist`},
		},
		{
			name: "missing fragment",
			file: "index.html",
			data: `<a href="articles/one.html#note-z">z</a>`,
			want: []string{`index.html: <a href="articles/one.html#note-z">: there is no id "note-z" in articles/one.html`},
		},
		{
			name: "outside loads and root-relative links",
			file: "index.html",
			data: `<html><head><link rel="stylesheet" href="https://cdn.example.com/x.css"><script src="//cdn.example.com/x.js"></script>
<link rel="icon" href="/favicon.ico"></head><body style="background: url('http://x.example/b.png')"><img srcset="a.png 1x, https://x.example/b.png 2x">
<iframe src="https://example.com/embed"></iframe><a href="/articles/one.html">root</a><a href="articles/">folder</a></body></html>`,
			want: []string{
				`index.html: <link rel="stylesheet" href="https://cdn.example.com/x.css">: loads "https://cdn.example.com/x.css" from outside the site`,
				`index.html: <script src="//cdn.example.com/x.js">: loads "//cdn.example.com/x.js" from outside the site`,
				`index.html: <link rel="icon" href="/favicon.ico">: "/favicon.ico" is root-relative and breaks when the site is opened from disk`,
				`index.html: CSS url('http://x.example/b.png'): loads from outside the site`,
				`index.html: <img srcset="a.png 1x, https://x.example/b.png 2x">: a.png does not exist`,
				`index.html: <img srcset="a.png 1x, https://x.example/b.png 2x">: loads "https://x.example/b.png" from outside the site`,
				`index.html: <iframe src="https://example.com/embed">: loads "https://example.com/embed" from outside the site`,
				`index.html: <a href="/articles/one.html">: "/articles/one.html" is root-relative and breaks when the site is opened from disk`,
				`index.html: <a href="articles/">: articles is a folder, which opens as a file listing from disk: link to a file in it`,
			},
		},
		{
			name: "the 404 page may link root-relative, but loads nothing from outside",
			file: "404.html",
			data: `<link rel="stylesheet" href="/css/site.css"><a href="/index.html">home</a><script src="https://x.example/a.js"></script>`,
			want: []string{`404.html: <script src="https://x.example/a.js">: loads "https://x.example/a.js" from outside the site`},
		},
		{
			name: "script injection",
			file: "index.html",
			data: `<a href="javascript:alert(1)">x</a><img src="x.png" onerror="alert(1)"><script type="module" src="js/classic.js"></script>`,
			want: []string{
				`index.html: <a href="javascript:alert(1)">: a javascript: address`,
				`index.html: <a href="javascript:alert(1)">: "javascript:alert(1)" is not an http, https, mailto or relative link`,
				`index.html: <img src="x.png" onerror="alert(1)">: an inline event handler (onerror)`,
				`index.html: <img src="x.png" onerror="alert(1)">: x.png does not exist`,
				`index.html: <script type="module" src="js/classic.js">: a module script, which browsers do not run from file://`,
			},
		},
		{
			name: "css and js that call out",
			file: "css/site.css",
			data: `@import "https://fonts.example.com/css"; .a { background: url(/img/a.png) } .b { background: image-set("//img.example/b.png" 1x, "c.png" type("image/png") 2x) }`,
			want: []string{
				`css/site.css: CSS url(/img/a.png): root-relative, breaks when the site is opened from disk`,
				`css/site.css: CSS @import "https://fonts.example.com/css": loads from outside the site`,
				`css/site.css: CSS image-set("//img.example/b.png"): loads from outside the site`,
				`css/site.css: CSS image-set("c.png"): css/c.png does not exist`,
			},
		},
		{
			name: "fetching script",
			file: "js/classic.js",
			data: "var x = 1;\nfetch('index.json').then(function (r) { return r.json(); });\n",
			want: []string{`js/classic.js: script uses "fetch(": scripts must be classic and fetch nothing`},
		},
		{
			name: "broken sidenotes",
			file: "articles/one.html",
			data: `<div class="sidenote" id="side-a" role="note"><span class="side-num">1</span><a href="#note-a">in full</a></div>
<p><mark class="anno" id="anno-a">one</mark><a href="#note-a" id="ref-a" role="doc-noteref">1</a>
<mark class="anno" id="anno-b">two</mark><a href="#note-b" id="ref-b" role="doc-noteref">2</a>
<mark class="anno" id="anno-c">three</mark><a href="#note-c" id="ref-c" role="doc-noteref">3</a></p>
<div class="sidenote" id="side-c"><span class="side-num">2</span><a href="#note-c">in full</a></div>
<aside class="sidenote" id="side-b" role="note"><span class="side-num">2</span></aside>
<section role="doc-endnotes"><ol>
<li id="note-a"><a href="#ref-a" role="doc-backlink">back</a></li>
<li id="note-b"><a href="#ref-b" role="doc-backlink">back</a></li>
<li id="note-c"><a href="#ref-c" role="doc-backlink">back</a></li>
</ol></section>`,
			want: []string{
				`articles/one.html: <div id="side-c">: the in-text note of c has role "", want "note"`,
				`articles/one.html: the in-text note of b has no link to its endnote #note-b`,
				`articles/one.html: the in-text note of a comes before its marker`,
				`articles/one.html: the in-text note of c is numbered "2", its marker 3`,
				`articles/one.html: the in-text notes are not in the order of their markers`,
			},
		},
		{
			name: "print edition: notes of two articles, prefixed",
			file: "handout.html",
			data: `<p><mark class="anno" id="one--anno-a">x</mark><a href="#one--note-a" id="one--ref-a" role="doc-noteref">1</a>
<mark class="anno" id="two--anno-a">y</mark><a href="#two--note-a" id="two--ref-a" role="doc-noteref">1</a>
<mark class="anno" id="two--anno-b">z</mark><a href="#two--note-b" id="two--ref-b" role="doc-noteref">3</a></p>
<section role="doc-endnotes"><ol><li id="one--note-a"><a href="#one--ref-a" role="doc-backlink">back</a></li></ol></section>
<section role="doc-endnotes"><ol><li id="two--note-a"><a href="#two--ref-a" role="doc-backlink">back</a></li>
<li id="two--note-b"><a href="#one--ref-a" role="doc-backlink">back</a></li></ol></section>
<a href="articles/one.html#:~:text=one%20two">text</a> <a href="articles/one.html#:~:text=see-,home,-.">text</a>
<a href="articles/one.html#note-a:~:text=nowhere">text</a>`,
			want: []string{
				`handout.html: <a href="articles/one.html#note-a:~:text=nowhere">: the text fragment "nowhere" is not on articles/one.html`,
				`handout.html: <a href="#one--ref-a" role="doc-backlink">: the back-link of note two--b goes to "#one--ref-a", not to its marker #two--ref-b`,
				`handout.html: marker of note two--b reads "3", want 2 (reading order)`,
			},
		},
		{
			name: "broken notes",
			file: "articles/one.html",
			data: `<p><mark class="anno" id="anno-a">one</mark><a href="#note-b" id="ref-a" role="doc-noteref">2</a>
<mark class="anno" id="anno-c">c</mark><a href="#note-c" id="ref-c" role="doc-noteref">2</a>
<a href="#note-d" id="ref-d" role="doc-noteref">3</a></p>
<section role="doc-endnotes"><ol>
<li id="note-a"><a href="#ref-x" role="doc-backlink">back</a></li>
<li id="note-c"></li>
<li id="note-e"><a href="#ref-e" role="doc-backlink">back</a></li>
<li id="note-c"></li>
</ol></section>`,
			want: []string{
				`articles/one.html: id "note-c" is used by 2 elements: fragments to it are ambiguous`,
				`articles/one.html: <a href="#note-b" id="ref-a" role="doc-noteref">: there is no id "note-b" in articles/one.html`,
				`articles/one.html: <a href="#note-d" id="ref-d" role="doc-noteref">: there is no id "note-d" in articles/one.html`,
				`articles/one.html: <a href="#ref-x" role="doc-backlink">: there is no id "ref-x" in articles/one.html`,
				`articles/one.html: <a href="#ref-e" role="doc-backlink">: there is no id "ref-e" in articles/one.html`,
				`articles/one.html: <a href="#note-b" id="ref-a" role="doc-noteref">: the marker of note a links to "#note-b", not to its endnote #note-a`,
				`articles/one.html: <a href="#ref-x" role="doc-backlink">: the back-link of note a goes to "#ref-x", not to its marker #ref-a`,
				`articles/one.html: note a has no in-text note (div.sidenote id=side-a)`,
				`articles/one.html: note c has no back-link to its marker`,
				`articles/one.html: note c has no in-text note (div.sidenote id=side-c)`,
				`articles/one.html: note d has a marker but no endnote`,
				`articles/one.html: note d has no in-text note (div.sidenote id=side-d)`,
				`articles/one.html: note d has no highlighted passage (mark id=anno-d)`,
				`articles/one.html: note e has no marker in the text`,
				`articles/one.html: note e has no in-text note (div.sidenote id=side-e)`,
				`articles/one.html: note e has no highlighted passage (mark id=anno-e)`,
				`articles/one.html: marker of note a reads "2", want 1 (reading order)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := whole()
			if tt.data == "" {
				delete(fs, tt.file)
			} else {
				fs[tt.file] = &fstest.MapFile{Data: []byte(tt.data)}
			}
			got := problems(t, fs)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
