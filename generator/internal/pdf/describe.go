package pdf

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"time"
	"unicode/utf16"
)

// Description is what the PDF says about itself, in its document
// information dictionary (a viewer's Properties) and in XMP metadata, the
// form that archives and catalogues read. Chromium gives the page's
// <title> as the title, its own user agent as the creator (untrue: it
// printed the document, which the generator made) and no author, and
// writes no XMP.
type Description struct {
	Title   string // the document's title
	Author  string // who publishes it
	Creator string // the program that made the document printed
	Lang    string // its language, a BCP 47 tag (the catalog's /Lang, which Chromium writes from <html lang>)
}

var (
	infoRefRE  = regexp.MustCompile(`/Info\s+(\d+)\s+(\d+)\s+R`)
	producerRE = regexp.MustCompile(`/Producer\s*(\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>)`)
	langRE     = regexp.MustCompile(`/Lang\s*\(`)
)

// Describe returns the PDF data with d as its document information (the
// producer, Chromium's PDF library, and the dates, set to date, kept) and
// as XMP metadata, written in an incremental update at the end of the
// file as ShowOutlines writes its own, the rest left byte for byte. A PDF
// it does not read as Chromium writes it, or that has XMP already, is
// returned as it was, and so is any PDF for a Description with nothing in
// it.
func Describe(data []byte, d Description, date time.Time) []byte {
	if d == (Description{}) {
		return data
	}
	t := lastTrailer(data)
	if t == nil {
		return data
	}
	trailer := data[t[2]:t[3]]
	root, size, info := rootRE.FindSubmatch(trailer), sizeRE.FindSubmatch(trailer), infoRefRE.FindSubmatch(trailer)
	if root == nil || size == nil || bytes.Contains(trailer, []byte("/Encrypt")) {
		return data
	}
	catalog := latestObject(data[:t[0]], root[1], root[2])
	if catalog == nil || bytes.Contains(catalog, []byte("/Metadata")) {
		return data
	}
	next, err := strconv.Atoi(string(size[1]))
	if err != nil {
		return data
	}
	var producer []byte
	infoNum, infoGen := strconv.Itoa(next), "0"
	if info != nil {
		infoNum, infoGen = string(info[1]), string(info[2])
		if old := latestObject(data[:t[0]], info[1], info[2]); old != nil {
			if m := producerRE.FindSubmatch(old); m != nil {
				producer = m[1]
			}
		}
	} else {
		next++
	}
	meta := strconv.Itoa(next)
	next++

	out := append([]byte{}, data...)
	if out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	type entry struct {
		num, gen string
		at       int
	}
	var xref []entry
	// The information dictionary, in place of Chromium's.
	xref = append(xref, entry{infoNum, infoGen, len(out)})
	stamp := "(D:" + date.UTC().Format("20060102150405") + "+00'00')"
	out = fmt.Appendf(out, "%s %s obj\n<</Title %s", infoNum, infoGen, textString(d.Title))
	if d.Author != "" {
		out = fmt.Appendf(out, "\n/Author %s", textString(d.Author))
	}
	out = fmt.Appendf(out, "\n/Creator %s", textString(d.Creator))
	if producer != nil {
		out = fmt.Appendf(out, "\n/Producer %s", producer)
	}
	out = fmt.Appendf(out, "\n/CreationDate %s\n/ModDate %s>>\nendobj\n", stamp, stamp)
	// The XMP, saying the same.
	xmp := xmpPacket(d, date, pdfString(producer))
	xref = append(xref, entry{meta, "0", len(out)})
	out = fmt.Appendf(out, "%s 0 obj\n<</Type /Metadata\n/Subtype /XML\n/Length %d>>\nstream\n%s\nendstream\nendobj\n", meta, len(xmp), xmp)
	// The catalog, pointing at the XMP, and giving the language if
	// Chromium did not.
	xref = append(xref, entry{string(root[1]), string(root[2]), len(out)})
	out = fmt.Appendf(out, "%s %s obj\n<</Metadata %s 0 R", root[1], root[2], meta)
	if d.Lang != "" && !langRE.Match(catalog) {
		out = fmt.Appendf(out, "\n/Lang %s", textString(d.Lang))
	}
	out = fmt.Appendf(out, "\n%s\nendobj\n", catalog[2:])
	at := len(out)
	out = append(out, "xref\n"...)
	for _, e := range xref {
		gen, _ := strconv.Atoi(e.gen)
		out = fmt.Appendf(out, "%s 1\n%010d %05d n\r\n", e.num, e.at, gen)
	}
	out = fmt.Appendf(out, "trailer\n<</Size %d\n/Root %s %s R\n/Info %s %s R", next, root[1], root[2], infoNum, infoGen)
	if m := idRE.Find(trailer); m != nil {
		out = fmt.Appendf(out, "\n%s", m)
	}
	return fmt.Appendf(out, "\n/Prev %s>>\nstartxref\n%d\n%%%%EOF\n", data[t[4]:t[5]], at)
}

// latestObject returns the dictionary of object num gen as last written in
// data ("<<…>>", without endobj), or nil.
func latestObject(data, num, gen []byte) []byte {
	head := fmt.Sprintf("\n%s %s obj", num, gen)
	i := bytes.LastIndex(data, []byte(head))
	if i < 0 {
		return nil
	}
	body := data[i+len(head):]
	end := bytes.Index(body, []byte("endobj"))
	if end < 0 {
		return nil
	}
	dict := bytes.TrimSpace(body[:end])
	if !bytes.HasPrefix(dict, []byte("<<")) || !bytes.HasSuffix(dict, []byte(">>")) {
		return nil
	}
	return dict
}

// textString writes s as a PDF text string: UTF-16BE with its byte order
// mark, in hexadecimal, as Chromium writes the title.
func textString(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfString returns the text of a PDF literal string without escapes
// ("(Skia/PDF m148)"), or "" for any other.
func pdfString(s []byte) string {
	if len(s) < 2 || s[0] != '(' || bytes.IndexByte(s, '\\') >= 0 {
		return ""
	}
	return string(s[1 : len(s)-1])
}

// xmpPacket is d as an XMP packet: Dublin Core's title, creator (the
// author) and language, the creator tool, the dates and the producer.
func xmpPacket(d Description, date time.Time, producer string) string {
	x := html.EscapeString
	when := date.UTC().Format("2006-01-02T15:04:05Z")
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n" +
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n" +
		`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">` + "\n" +
		"<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", x(d.Title))
	if d.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", x(d.Author))
	}
	if d.Lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", x(d.Lang))
	}
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", x(d.Creator), when, when, when)
	if producer != "" {
		fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", x(producer))
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.String()
}
