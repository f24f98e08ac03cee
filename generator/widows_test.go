package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"

	"github.com/briefing/annotated/generator/internal/pdf"
)

// TestPrintKeepsParagraphsTogether prints the briefing's print edition on
// A4 and on Letter and reads each page break in the PDFs: no page may open
// with the last line of a paragraph alone (a widow, "come." at the top of
// a page) or end with its first line alone (an orphan). A paragraph is
// found by its letters, which the PDF's text and the page's share (the
// markers' brackets, the addresses written out after links and the
// spacing are not compared). The claims table's rows break over sheets
// without leaving sheets empty or a claim's sources alone
// (checkClaimsSheets).
func TestPrintKeepsParagraphsTogether(t *testing.T) {
	needTool(t, "chromium", "pdftotext", "pdfinfo")
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			out := buildReal(t, "--pdf", "--paper", paper)
			paras := blockLetters(t, readFile(t, out, "handout.html"))
			pdf := filepath.Join(out, "handout.pdf")
			pages, _ := pdfPages(t, pdf)
			var prev []line
			for p := 1; p <= pages; p++ {
				text, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdf, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				lines := letterLines(text)
				if len(prev) >= 1 && len(lines) >= 1 {
					if problem := breakProblem(paras, prev, lines); problem != "" {
						t.Errorf("page %d of %d: %s", p, pages, problem)
					}
				}
				prev = lines
			}
			checkClaimsSheets(t, pdf)
		})
	}
}

// breakProblem says what is wrong with the break between a page that
// ends with the lines before and one that starts with the lines after, or
// "": a paragraph of paras that runs across it, its last line and the
// next page's first in a row, with one line alone on either side. Each
// line is taken as it is and, when it starts with a list's number, without
// it: the paragraph that holds them is the shortest that holds either.
func breakProblem(paras []string, before, after []line) string {
	var para, last, first, join string
	for _, l := range before[len(before)-1].forms() {
		for _, f := range after[0].forms() {
			for _, p := range paras {
				if strings.Contains(p, l+f) && (para == "" || len(p) < len(para)) {
					para, last, first, join = p, l, f, l+f
				}
			}
		}
	}
	if para == "" {
		return "" // the page starts a block of its own
	}
	i := strings.Index(para, join)
	switch {
	case para[i+len(join):] == "":
		return "a paragraph's last line is alone at the top: " + strconv.Quote(first)
	case i == 0:
		return "a paragraph's first line is alone at the foot of the page before: " + strconv.Quote(last)
	}
	return ""
}

// line is a line of a page's text as its letters and digits, lower case:
// as it is, and without the number a numbered list puts before its
// first line ("12. "), which the page's HTML does not hold as text (""
// when it has none). Which it is, a line starting "2023. The report…"
// or an endnote's first, the paragraphs tell.
type line struct{ text, unnumbered string }

func (l line) forms() []string {
	if l.unnumbered == "" {
		return []string{l.text}
	}
	return []string{l.text, l.unnumbered}
}

// letterLines are the lines of a page's text, leaving out the page number
// ("3 / 64") and lines with neither letters nor digits. A line of digits
// alone ("1992.") is a line: without its digits, the line above it was
// taken for a paragraph's last, alone at the top of a page.
func letterLines(text []byte) []line {
	var out []line
	for _, l := range bytes.Split(text, []byte("\n")) {
		if pageNumber.Match(l) {
			continue
		}
		if s := letters(string(l)); s != "" {
			out = append(out, line{s, letters(string(listNumber.ReplaceAll(l, nil)))})
			if !listNumber.Match(l) {
				out[len(out)-1].unnumbered = ""
			}
		}
	}
	return out
}

var (
	pageNumber = regexp.MustCompile(`^\s*\d+ / \d+\s*$`)
	listNumber = regexp.MustCompile(`^\s*\d+\.\s`)
)

func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// blockLetters are the letters of each paragraph of the page: every p,
// dd, td, th and heading, and each li that holds no p of its own.
func blockLetters(t *testing.T, page string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var text func(n *html.Node, b *strings.Builder)
	text = func(n *html.Node, b *strings.Builder) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c, b)
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style":
				return
			case "li":
				if hasP(n) {
					break
				}
				fallthrough
			case "p", "dd", "td", "th", "h1", "h2", "h3", "h4":
				var b strings.Builder
				text(n, &b)
				if s := letters(b.String()); s != "" {
					out = append(out, s)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func hasP(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "p" || hasP(c) {
			return true
		}
	}
	return false
}

// TestPrintNoFooter prints each article page, the print edition, the home
// page and the sources, claims and notes pages as a reader's browser
// would, on Chromium's paper (Letter): none prints the footer's line (each
// article's notice at its top says the same; Chromium printed the line
// alone on a last sheet, whatever its break was marked), and none ends
// with a sheet that holds nothing but a page number.
func TestPrintNoFooter(t *testing.T) {
	needTool(t, "chromium", "pdftotext")
	out := buildReal(t)
	pages, _ := filepath.Glob(filepath.Join(out, "articles", "*.html"))
	for _, p := range []string{"handout.html", "index.html", "sources.html", "claims.html", "notes.html"} {
		pages = append(pages, filepath.Join(out, p))
	}
	// The footer's first line, which print shows (its links are not).
	_, foot, ok := strings.Cut(readFile(t, out, "index.html"), `<footer class="site-footer">`)
	if !ok {
		t.Fatal("index.html has no site footer")
	}
	foot, _, _ = strings.Cut(foot, "</p>")
	footer := letters(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(foot, ""))
	for _, page := range pages {
		name, _ := filepath.Rel(out, page)
		t.Run(name, func(t *testing.T) {
			dst := filepath.Join(t.TempDir(), "page.pdf")
			if err := pdf.Print(context.Background(), page, dst, time.Time{}, "", "", pdf.Description{}); err != nil {
				t.Fatal(err)
			}
			text, err := exec.Command("pdftotext", "-enc", "UTF-8", dst, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			sheets := bytes.Split(text, []byte("\f"))
			if len(sheets) > 1 && len(bytes.TrimSpace(sheets[len(sheets)-1])) == 0 {
				sheets = sheets[:len(sheets)-1] // pdftotext ends with a form feed
			}
			if strings.Contains(letters(string(text)), footer) {
				t.Errorf("the page prints the footer's line")
			}
			// A sheet of its own holds more than its number ("12 / 12",
			// which letters drops).
			if letters(string(sheets[len(sheets)-1])) == "" && len(sheets) > 1 {
				t.Errorf("the last of %d sheets holds nothing but its number", len(sheets))
			}
		})
	}
}

// TestBreakProblem checks the reading of a page break itself.
func TestBreakProblem(t *testing.T) {
	paras := []string{"oneparagraphofthreelinesendshere", "thenextparagraphstartsonthenewpage", "shortone", "twolinesonly"}
	for _, tt := range []struct {
		before, after []string
		want          string // in the problem; "" for none
	}{
		{[]string{"oneparagraph", "ofthreelines"}, []string{"endshere", "thenextparagraph"}, "last line is alone"},
		{[]string{"shortone", "oneparagraph"}, []string{"ofthreelines", "endshere"}, "first line is alone"},
		{[]string{"twolines"}, []string{"only"}, "last line is alone"},
		{[]string{"oneparagraphofthreelines", "endshere"}, []string{"thenextparagraph"}, ""},
		{[]string{"oneparagraph"}, []string{"ofthree", "linesendshere"}, "first line is alone"},
		{[]string{"x", "one"}, []string{"paragraphofthree", "linesendshere"}, "first line is alone"},
		{[]string{"oneparagraph", "ofthree"}, []string{"linesends", "here"}, ""},
		// A list's number before a line is the PDF's, not the HTML's
		// text; a year that starts a line is both's.
		{[]string{"Short one", "12. The next paragraph"}, []string{"starts on the new page"}, "last line is alone"},
		{[]string{"Short one", "2023. Then"}, []string{"the year is", "alone", "3 / 9"}, "first line is alone"},
		{[]string{"x", "2023. Then the year"}, []string{"is alone"}, "last line is alone"},
	} {
		got := breakProblem(append(paras, "2023thentheyearisalone"), letterLines([]byte(strings.Join(tt.before, "\n"))), letterLines([]byte(strings.Join(tt.after, "\n"))))
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%v | %v: %q, want %q", tt.before, tt.after, got, tt.want)
		}
	}
}
