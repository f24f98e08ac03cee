// Package pdf prints a page of the built site to PDF with headless
// Chromium, the browser the tests use too (Debian's chromium package). It
// runs Chromium as a program, the way a reader's browser would print the
// page, so the print stylesheet decides the layout. The PDF has bookmarks,
// an outline of the page's headings, for a reader to go from article to
// article in a PDF viewer's sidebar.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/briefing/annotated/generator/internal/owned"
	"github.com/briefing/annotated/generator/internal/render"
)

// profilePrefix starts the names of the folders that hold Chromium's
// profiles while it prints.
const profilePrefix = "briefing-chromium"

// ErrNoChromium is returned when no Chromium can be found.
var ErrNoChromium = errors.New("Chromium is not installed: install it (apt-get install chromium) or set $CHROMIUM to a Chromium or Chrome binary")

// Browser returns the Chromium to print with: $CHROMIUM when set, else the
// first of chromium, chromium-browser and google-chrome on the PATH.
func Browser() (string, error) {
	if c := os.Getenv("CHROMIUM"); c != "" {
		p, err := exec.LookPath(c)
		if err != nil {
			// Chromium may well be installed: it is $CHROMIUM that is wrong.
			why := err
			if e, ok := err.(*exec.Error); ok {
				why = e.Err
			}
			return "", fmt.Errorf("$CHROMIUM is %s, which is not a program that can be run (%v): set it to a Chromium or Chrome binary, or unset it to use chromium, chromium-browser or google-chrome from the PATH", c, why)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Papers are the paper sizes Print takes, by the name --paper gives them,
// as CSS names them for @page.
var Papers = map[string]string{"a4": "A4", "letter": "letter"}

// Timeout bounds one print; a cold start of Chromium on a slow machine takes
// a few seconds.
const Timeout = 2 * time.Minute

// Print prints the HTML file src to the PDF file dst, without the browser's
// own header and footer lines, on paper (a key of Papers; "" for the
// browser's default, Letter). The PDF's creation and modification dates
// are set to date, so that printing the same page twice gives the same
// bytes. about, unless empty, is what the PDF says about itself
// (Describe).
//
// A paper is asked for as a reader's browser would be: by an @page size,
// in a copy of src with that rule added (src must then stand alone, as
// the handout does, with nothing to load beside it). The copy printed
// also has its links to files beside src (search.html?q=…, the offline
// zip: a page the handout does not hold) made absolute with base, the
// site's address, or, without one, left as their text: Chromium would
// make them links to the copy's temporary folder, dead for every reader,
// naming the build's folders, and different at every build.
func Print(ctx context.Context, src, dst string, date time.Time, paper, base string, about Description) error {
	bin, err := Browser()
	if err != nil {
		return err
	}
	src, err = filepath.Abs(src)
	if err != nil {
		return err
	}
	if dst, err = filepath.Abs(dst); err != nil {
		return err
	}
	// Chromium's profiles go in a folder of this process's, which a print
	// killed with it leaves for the next print to remove.
	owned.Clean(os.TempDir(), profilePrefix)
	dir, unlock, err := owned.Make(os.TempDir(), profilePrefix)
	if err != nil {
		return err
	}
	defer func() { os.RemoveAll(dir); unlock() }()
	size := ""
	if paper != "" {
		var ok bool
		if size, ok = Papers[paper]; !ok {
			return fmt.Errorf("%q is not a paper size this can print on", paper)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	c := chromium{bin: bin, profiles: dir, name: filepath.Base(src)}
	// The contents' page numbers (pages.go): a first print with room for
	// them, and a second with them, kept if it laid out as the first.
	data, toc, err := c.print(ctx, src, dst, size, base, nil)
	if err != nil {
		return err
	}
	if pages := destPages(data); toc && len(pages) > 0 {
		numbered, _, err := c.print(ctx, src, dst, size, base, pages)
		if err != nil {
			return err
		}
		if maps.Equal(destPages(numbered), pages) {
			data = numbered
		}
	}
	return os.WriteFile(dst, Describe(ShowOutlines(SetDates(data, date)), about, date), 0o644)
}

// chromium prints with the browser bin, each run with a profile of its own
// in the folder profiles; name is the page's, for messages.
type chromium struct {
	bin, profiles, name string
	runs                int
}

// print prints a copy of src (printCopy, with the contents' page numbers
// from pages) to dst and returns the PDF, and whether the copy has a
// contents with room for page numbers.
func (c *chromium) print(ctx context.Context, src, dst, size, base string, pages map[string]int) ([]byte, bool, error) {
	cp, toc, err := printCopy(src, size, base, pages)
	if err != nil {
		return nil, false, err
	}
	defer os.Remove(cp)
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(cp)}).String()
	var out bytes.Buffer
	// Headless Chromium now and then dies of a signal while it prints (a
	// segmentation fault, a few prints in a hundred on this project's
	// machine): a crash is tried again, twice at most, each time with a
	// profile of its own; an error it reports is not.
	for try := 1; ; try++ {
		c.runs++
		profile := filepath.Join(c.profiles, fmt.Sprintf("profile-%d", c.runs))
		cmd := exec.CommandContext(ctx, c.bin,
			"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
			"--disable-extensions", "--disable-background-networking", "--disable-dev-shm-usage",
			"--user-data-dir="+profile, "--no-pdf-header-footer", "--generate-pdf-document-outline",
			"--print-to-pdf="+dst, page)
		out.Reset()
		cmd.Stdout, cmd.Stderr = &out, &out
		owned.DieWithParent(cmd) // or it prints on, into a folder no build will publish
		err := cmd.Run()
		if err == nil {
			break
		}
		// Killed by a signal, not stopped by the timeout: ExitCode is -1.
		var exit *exec.ExitError
		if try < 3 && ctx.Err() == nil && errors.As(err, &exit) && exit.ExitCode() == -1 {
			continue
		}
		return nil, false, fmt.Errorf("chromium could not print %s: %v\n%s", c.name, err, strings.TrimSpace(out.String()))
	}
	data, err := os.ReadFile(dst)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, false, fmt.Errorf("chromium wrote no PDF for %s:\n%s", c.name, strings.TrimSpace(out.String()))
	}
	return data, toc, nil
}

var (
	trailerRE = regexp.MustCompile(`(?s)trailer\s*<<(.*?)>>\s*startxref\s+(\d+)\s+%%EOF\s*$`)
	rootRE    = regexp.MustCompile(`/Root\s+(\d+)\s+(\d+)\s+R`)
	sizeRE    = regexp.MustCompile(`/Size\s+(\d+)`)
	infoRE    = regexp.MustCompile(`/Info\s+\d+\s+\d+\s+R`)
	idRE      = regexp.MustCompile(`/ID\s*\[[^\]]*\]`)
)

// lastTrailer returns where trailerRE finds data's last trailer (that of
// its last update) and its parts, as offsets in data, or nil.
func lastTrailer(data []byte) []int {
	last := bytes.LastIndex(data, []byte("trailer"))
	if last < 0 {
		return nil
	}
	t := trailerRE.FindSubmatchIndex(data[last:])
	for i := range t {
		t[i] += last
	}
	return t
}

// ShowOutlines returns the PDF data with its catalog asking a viewer to
// open with the bookmarks shown (/PageMode /UseOutlines), so that a
// reader sees the outline of the handout without looking for it:
// Chromium has no way to ask for it. The catalog is written again in an
// incremental update at the end of the file, as PDF provides for
// changing an object, and the rest is left byte for byte. A PDF this does
// not read as Chromium writes it (a cross-reference stream, no outline,
// a page mode already set, encryption) is returned as it was.
func ShowOutlines(data []byte) []byte {
	t := lastTrailer(data)
	if t == nil {
		return data
	}
	trailer := data[t[2]:t[3]]
	root, size := rootRE.FindSubmatch(trailer), sizeRE.FindSubmatch(trailer)
	if root == nil || size == nil || bytes.Contains(trailer, []byte("/Encrypt")) {
		return data // an encrypted file's catalog is encrypted too
	}
	head := fmt.Sprintf("\n%s %s obj", root[1], root[2])
	i := bytes.LastIndex(data[:t[0]], []byte(head))
	if i < 0 {
		return data
	}
	start := i + 1 // the object's first byte
	body := data[start+len(head)-1:]
	end := bytes.Index(body, []byte("endobj"))
	if end < 0 {
		return data
	}
	dict := bytes.TrimSpace(body[:end])
	if !bytes.HasPrefix(dict, []byte("<<")) || !bytes.Contains(dict, []byte("/Outlines")) || bytes.Contains(dict, []byte("/PageMode")) {
		return data
	}
	gen, err := strconv.Atoi(string(root[2]))
	if err != nil {
		return data
	}
	out := append([]byte{}, data...)
	if out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	obj := len(out)
	out = fmt.Appendf(out, "%s %s obj\n<</PageMode /UseOutlines\n%s\nendobj\n", root[1], root[2], dict[2:])
	xref := len(out)
	out = fmt.Appendf(out, "xref\n%s 1\n%010d %05d n\r\ntrailer\n<</Size %s\n/Root %s %s R", root[1], obj, gen, size[1], root[1], root[2])
	for _, re := range []*regexp.Regexp{infoRE, idRE} {
		if m := re.Find(trailer); m != nil {
			out = fmt.Appendf(out, "\n%s", m)
		}
	}
	return fmt.Appendf(out, "\n/Prev %s>>\nstartxref\n%d\n%%%%EOF\n", data[t[4]:t[5]], xref)
}

// printCopy writes the copy of the HTML file src that Print prints, and
// returns its path: with an @page rule for size (unless "") at the end of
// its head, its links to files beside it made absolute with base or left
// as their text (besideLinks), and its contents given their page numbers
// from pages, or room for them (tocPages), which it reports it has. The
// copy is beside src, under a hidden name, so that what src loads beside
// itself (a page of the site its stylesheet) loads for the copy too; the
// caller removes it.
func printCopy(src, size, base string, pages map[string]int) (string, bool, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return "", false, err
	}
	// The PDF's bookmarks are made from the headings as laid out, and
	// Chromium joins the words either side of a heading's line wrap
	// ("migrantcrime") unless the space there is kept (pre-wrap); which
	// would also keep a line break or a double space written in the
	// heading's source, so those are made one space first.
	style := "<style>h1, h2, h3, h4, h5, h6 { white-space: pre-wrap; }" + tocPageStyle
	if size != "" {
		style += "@page { size: " + size + "; }"
	}
	style += "</style>"
	i := bytes.Index(data, []byte("</head>"))
	switch {
	case i >= 0:
		data = append(append(append([]byte{}, data[:i]...), style...), data[i:]...)
	case size != "":
		return "", false, fmt.Errorf("%s has no </head> to add the page size to", filepath.Base(src))
	}
	numbered := tocPages(data, pages)
	out := filepath.Join(filepath.Dir(src), ".print-"+filepath.Base(src))
	return out, len(numbered) != len(data), os.WriteFile(out, besideLinks(headingSpaces(numbered), base), 0o644)
}

var (
	heading = regexp.MustCompile(`(?is)(<h[1-6]\b[^>]*>)(.*?)(</h[1-6]\s*>)`)
	spaces  = regexp.MustCompile(`[ \t\r\n\f]+`)
	// a space, tags, and a space after them
	spaceTagSpace = regexp.MustCompile(` ((?:<[^>]*>)+) `)
)

// headingSpaces returns page with the white space in each heading, its
// attributes' included, made single spaces, none at its ends.
func headingSpaces(page []byte) []byte {
	var out []byte
	last := 0
	for _, m := range heading.FindAllSubmatchIndex(page, -1) {
		text := bytes.TrimSpace(spaces.ReplaceAll(page[m[4]:m[5]], []byte(" ")))
		// One space, not two, either side of a tag: "a <em> b</em>".
		text = spaceTagSpace.ReplaceAll(text, []byte(" $1"))
		out = append(out, page[last:m[2]]...)
		out = append(out, spaces.ReplaceAll(page[m[2]:m[3]], []byte(" "))...)
		out = append(append(out, text...), page[m[6]:m[7]]...)
		last = m[1]
	}
	if out == nil {
		return page
	}
	return append(out, page[last:]...)
}

// linkHref matches a link up to its href, written as the generator and the
// theme write attributes (in double quotes): the link before the attribute
// (group 1) and the href's value (group 2).
var linkHref = regexp.MustCompile(`(<a\b[^>]*?)\shref="([^"]*)"`)

// besideLinks returns page with each link to a file beside it (an href
// relative to the page, render.IsRelative, and not a fragment, "#…") made
// absolute with base, or without a base left without its href: a link to
// nowhere in a PDF that travels alone.
func besideLinks(page []byte, base string) []byte {
	var out []byte
	last := 0
	for _, m := range linkHref.FindAllSubmatchIndex(page, -1) {
		href := string(page[m[4]:m[5]])
		if !render.IsRelative(href) || href[0] == '#' {
			continue
		}
		out = append(out, page[last:m[3]]...) // up to the href attribute
		if base != "" {
			out = append(out, ` href="`+base+href+`"`...)
		}
		last = m[1]
	}
	if out == nil {
		return page
	}
	return append(out, page[last:]...)
}

var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:\d{14}`)

// SetDates replaces the creation and modification dates in a PDF's
// information dictionary with t (UTC). The new dates have the same length
// as the old, so the file's cross-reference offsets stay right.
func SetDates(data []byte, t time.Time) []byte {
	stamp := t.UTC().Format("20060102150405")
	return pdfDate.ReplaceAllFunc(data, func(m []byte) []byte {
		return append(m[:len(m)-14:len(m)-14], stamp...)
	})
}
