package pdf

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeChromium writes a stand-in for Chromium that dies of a segmentation
// fault the first crashes times it is run, then writes a PDF where
// --print-to-pdf says, and points $CHROMIUM at it.
func fakeChromium(t *testing.T, crashes int) {
	t.Helper()
	dir := t.TempDir()
	script := `#!/bin/sh
n=$(cat "` + dir + `/runs" 2>/dev/null || echo 0)
echo $((n + 1)) > "` + dir + `/runs"
if [ "$n" -lt ` + strconv.Itoa(crashes) + ` ]; then kill -SEGV $$; fi
for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4\n' > "${a#--print-to-pdf=}";; esac; done
`
	bin := filepath.Join(dir, "chromium")
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CHROMIUM", bin)
}

// TestPrintSurvivesACrash: a Chromium that crashes while it prints is run
// again, up to three times in all; one that crashes every time is an error.
func TestPrintSurvivesACrash(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for the stand-in Chromium")
	}
	src := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(src, []byte("<p>Hello</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		crashes int
		ok      bool
	}{{0, true}, {2, true}, {3, false}} {
		fakeChromium(t, tt.crashes)
		dst := filepath.Join(t.TempDir(), "page.pdf")
		err := Print(context.Background(), src, dst, time.Time{}, "", "", Description{})
		switch {
		case tt.ok && err != nil:
			t.Errorf("%d crashes: %v", tt.crashes, err)
		case !tt.ok && (err == nil || !strings.Contains(err.Error(), "chromium could not print")):
			t.Errorf("%d crashes: %v, want that chromium could not print", tt.crashes, err)
		}
	}
}

// TestBesideLinks: in the copy printed, a link to a file beside the page
// takes the site's address, or without one loses its href; fragments and
// addresses with a scheme or host stay as they are.
func TestBesideLinks(t *testing.T) {
	page := `<p><a href="search.html?q=cap">search</a> <a class="x" href="#note-a">1</a> <a href="https://example.org/">out</a> <a href="mailto:a@example.org">mail</a> <a href="//cdn.example/x">cdn</a> <a href="briefing-offline.zip">zip</a> <link rel="icon" href="icon.png"></p>`
	want := map[string]string{
		"":                       `<p><a>search</a> <a class="x" href="#note-a">1</a> <a href="https://example.org/">out</a> <a href="mailto:a@example.org">mail</a> <a href="//cdn.example/x">cdn</a> <a>zip</a> <link rel="icon" href="icon.png"></p>`,
		"https://example.org/b/": `<p><a href="https://example.org/b/search.html?q=cap">search</a> <a class="x" href="#note-a">1</a> <a href="https://example.org/">out</a> <a href="mailto:a@example.org">mail</a> <a href="//cdn.example/x">cdn</a> <a href="https://example.org/b/briefing-offline.zip">zip</a> <link rel="icon" href="icon.png"></p>`,
	}
	for base, w := range want {
		if got := string(besideLinks([]byte(page), base)); got != w {
			t.Errorf("base %q:\n got %s\nwant %s", base, got, w)
		}
	}
}

// TestPrintedLinksLeadSomewhere prints, with the real Chromium, a page
// with a link to a file beside it: the PDF has no link into the temporary
// folder it was printed from (which named the build's folders and changed
// at every build), and with the site's address the link is to the site.
func TestPrintedLinksLeadSomewhere(t *testing.T) {
	if _, err := Browser(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "handout.html")
	if err := os.WriteFile(src, []byte(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p id="top"><a href="search.html?q=cap">search</a> <a href="#top">top</a></p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	for base, want := range map[string]string{"": "", "https://example.org/b/": "https://example.org/b/search.html?q=cap"} {
		dst := filepath.Join(dir, "out.pdf")
		if err := Print(context.Background(), src, dst, time.Time{}, "", base, Description{}); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(dst)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "file:") || want != "" && !strings.Contains(string(data), want) {
			t.Errorf("base %q: the PDF's links: %q", base, regexp.MustCompile(`/URI \([^)]*\)`).FindAll(data, -1))
		}
	}
}

// TestBookmarks prints, with the real Chromium, a page whose headings wrap,
// one of them written over two lines with a double space: each bookmark
// of the PDF (poppler's XML lists them) is its heading's words with one
// space between each, where Chromium joined the words either side of a
// wrap ("migrantcrime").
func TestBookmarks(t *testing.T) {
	if _, err := Browser(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if _, err := exec.LookPath("pdftohtml"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "handout.html")
	page := `<!DOCTYPE html><html lang="en"><head><title>t</title><style>h1, h2 { width: 9em; }</style></head><body>
<h1>Alpha bravo charlie delta echo foxtrot golf</h1><p>One.</p>
<h2 id="x">Hotel india juliet
kilo  lima <em>mike</em> november</h2><p>Two.</p></body></html>`
	if err := os.WriteFile(src, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "out.pdf")
	if err := Print(context.Background(), src, dst, time.Time{}, "a4", "", Description{}); err != nil {
		t.Fatal(err)
	}
	xml, err := exec.Command("pdftohtml", "-xml", "-i", "-q", "-stdout", dst).Output()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range regexp.MustCompile(`<item page="\d+">([^<]*)</item>`).FindAllSubmatch(xml, -1) {
		got = append(got, string(m[1]))
	}
	want := []string{"Alpha bravo charlie delta echo foxtrot golf", "Hotel india juliet kilo lima mike november"}
	if !slices.Equal(got, want) {
		t.Errorf("bookmarks %q, want %q", got, want)
	}
	// A viewer opens it with the bookmarks shown: the catalog, written
	// again at the end of the file, says so, and qpdf reads the file
	// whole.
	if _, err := exec.LookPath("qpdf"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if out, err := exec.Command("qpdf", "--check", dst).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	trailer, err := exec.Command("qpdf", "--show-object=trailer", dst).Output()
	root := regexp.MustCompile(`/Root (\d+) 0 R`).FindSubmatch(trailer)
	if err != nil || root == nil {
		t.Fatalf("qpdf --show-object=trailer: %v %s", err, trailer)
	}
	catalog, err := exec.Command("qpdf", "--show-object="+string(root[1]), dst).Output()
	if err != nil || !strings.Contains(string(catalog), "/PageMode /UseOutlines") || !strings.Contains(string(catalog), "/Outlines") {
		t.Errorf("the catalog does not ask for the bookmarks shown: %v %s", err, catalog)
	}
}

// TestShowOutlines: a PDF without bookmarks, or one that asks for a page
// mode already, or that is not laid out as Chromium writes it, is left as
// it was; once is enough.
func TestShowOutlines(t *testing.T) {
	pdf := func(catalog string) []byte {
		s := "%PDF-1.4\n1 0 obj\n<</Pages 2 0 R>>\nendobj\n3 0 obj\n<</Type /Catalog\n" + catalog + ">>\nendobj\nxref\n0 4\n"
		return []byte(s + "trailer\n<</Size 4\n/Root 3 0 R>>\nstartxref\n60\n%%EOF\n")
	}
	encrypted := bytes.Replace(pdf("/Outlines 5 0 R"), []byte("/Root 3 0 R"), []byte("/Root 3 0 R\n/Encrypt 9 0 R"), 1)
	for _, in := range [][]byte{pdf("/Pages 2 0 R"), pdf("/Outlines 5 0 R\n/PageMode /UseThumbs"), []byte("%PDF-1.5 not classic"), encrypted} {
		if got := ShowOutlines(in); !bytes.Equal(got, in) {
			t.Errorf("changed %q into %q", in, got)
		}
	}
	in := pdf("/Outlines 5 0 R")
	once := ShowOutlines(in)
	if !bytes.HasPrefix(once, in) || !bytes.Contains(once[len(in):], []byte("3 0 obj\n<</PageMode /UseOutlines\n/Type /Catalog\n/Outlines 5 0 R>>\nendobj")) ||
		!bytes.Contains(once, []byte("/Prev 60>>")) {
		t.Errorf("got %q", once)
	}
	if twice := ShowOutlines(once); !bytes.Equal(twice, once) {
		t.Errorf("a second time changed it again: %q", twice[len(once):])
	}
}

func TestHeadingSpaces(t *testing.T) {
	in := "<h2 id=\"a\"\n class=\"b\">\n  Two\n lines,  <em>one</em> heading\n</h2><p>a\n  b</p><H3>x  y <em> z</em> <b></b> w</H3 >"
	want := "<h2 id=\"a\" class=\"b\">Two lines, <em>one</em> heading</h2><p>a\n  b</p><H3>x y <em>z</em> <b></b>w</H3 >"
	if got := string(headingSpaces([]byte(in))); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestDescribe: the document information is written again with the
// description, Chromium's producer kept, beside an XMP stream the catalog
// points at, in an update at the end; an empty description, a PDF with
// XMP already (so a second time) or one not laid out as Chromium writes it
// is left as it was.
func TestDescribe(t *testing.T) {
	in := []byte("%PDF-1.4\n1 0 obj\n<</Title <FEFF0074>\n/Creator (Mozilla/5.0 \\(X11\\))\n/Producer (Skia/PDF m148)>>\nendobj\n" +
		"3 0 obj\n<</Type /Catalog\n/Lang (en)>>\nendobj\nxref\n0 4\ntrailer\n<</Size 4\n/Root 3 0 R\n/Info 1 0 R>>\nstartxref\n90\n%%EOF\n")
	d := Description{Title: "Brief’s title", Author: "A & B", Creator: "Annotated briefing generator", Lang: "en"}
	date := time.Date(2025, 12, 30, 0, 0, 0, 0, time.UTC)
	for _, same := range [][]byte{Describe(in, Description{}, date), Describe([]byte("%PDF-1.5 not classic"), d, date)} {
		if !bytes.Equal(same, in) && !bytes.Equal(same, []byte("%PDF-1.5 not classic")) {
			t.Errorf("changed: %q", same)
		}
	}
	once := Describe(in, d, date)
	update := string(once[len(in):])
	for _, want := range []string{
		"1 0 obj\n<</Title " + textString("Brief’s title") + "\n/Author <FEFF00410020002600200042>\n/Creator " + textString("Annotated briefing generator") +
			"\n/Producer (Skia/PDF m148)\n/CreationDate (D:20251230000000+00'00')\n/ModDate (D:20251230000000+00'00')>>\nendobj\n",
		"4 0 obj\n<</Type /Metadata\n/Subtype /XML\n/Length ",
		"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Brief’s title</rdf:li></rdf:Alt></dc:title>",
		"<dc:creator><rdf:Seq><rdf:li>A &amp; B</rdf:li></rdf:Seq></dc:creator>",
		"<pdf:Producer>Skia/PDF m148</pdf:Producer>",
		"3 0 obj\n<</Metadata 4 0 R\n/Type /Catalog\n/Lang (en)>>\nendobj\n",
		"trailer\n<</Size 5\n/Root 3 0 R\n/Info 1 0 R\n/Prev 90>>",
	} {
		if !strings.Contains(update, want) {
			t.Errorf("the update lacks %q:\n%s", want, update)
		}
	}
	if !bytes.HasPrefix(once, in) || strings.Contains(update, "Mozilla") {
		t.Errorf("the file before the update changed, or Chromium's creator stayed:\n%s", once)
	}
	if twice := Describe(once, d, date); !bytes.Equal(twice, once) {
		t.Errorf("a second time changed it again: %q", twice[len(once):])
	}
}
