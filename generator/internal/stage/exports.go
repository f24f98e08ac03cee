// The ClaimReview JSON-LD of pages.

package stage

import (
	"bytes"
	"io"
)

// A page that carries a verdict ends with its ClaimReview JSON-LD (made
// by package export, with <, > and & escaped) in a data block, written
// into its body by the generator rather than by the theme: a file fewer
// for Hugo to read and a template call fewer per page. Browsers never run
// the block, and the Content-Security-Policy does not apply to it.
const (
	ldOpen  = `<script type="application/ld+json">`
	ldClose = "</script>\n"
)

// ldBraces is what a JSON-LD block writes for the second "{" of "{{": a
// JSON escape, which the <script> element keeps, where appendBody writes
// character references, which it would not decode. "{{" can only be in a
// string of the JSON (which is indented: every "{" that opens an object
// ends its line), where the escape means the same.
const ldBraces = `\u007b`

// ldSize is how long appendLD makes the block of ld.
func ldSize(ld []byte) int {
	if ld == nil {
		return 0
	}
	return len(ldOpen) + len(ld) + bytes.Count(ld, []byte("{{"))*(len(ldBraces)-1) + len(ldClose)
}

// appendLD appends the JSON-LD block of ld to dst, nothing when ld is nil.
func appendLD(dst, ld []byte) []byte {
	if ld == nil {
		return dst
	}
	brace := false
	dst = append(dst, ldOpen...)
	dst = appendLDText(dst, ld, &brace)
	return append(dst, ldClose...)
}

// appendLDText appends p to dst with the second "{" of every "{{" written
// as ldBraces, left to right as strings.ReplaceAll would. *brace says
// whether the byte before p was a "{" kept as it is, and is updated: so
// JSON written in pieces comes out as it would whole.
func appendLDText(dst, p []byte, brace *bool) []byte {
	for {
		i := bytes.IndexByte(p, '{')
		if i < 0 {
			if len(p) > 0 {
				*brace = false
			}
			return append(dst, p...)
		}
		if i == 0 && *brace {
			dst = append(dst, ldBraces...)
			*brace = false
		} else {
			dst = append(dst, p[:i+1]...)
			*brace = true
		}
		p = p[i+1:]
	}
}

// ldWriter writes a JSON-LD block into w as the JSON comes: the opening
// tag first, then the JSON (as appendLD does), and the closing tag on
// Close, which leaves w open.
type ldWriter struct {
	w     io.Writer
	brace bool
	buf   []byte
}

func newLDWriter(w io.Writer) (*ldWriter, error) {
	if _, err := io.WriteString(w, ldOpen); err != nil {
		return nil, err
	}
	return &ldWriter{w: w}, nil
}

// Write writes p into w, escaped: from a buffer of its own that it reuses,
// or, where w keeps what it is handed (see put), from a new one each time.
func (l *ldWriter) Write(p []byte) (int, error) {
	if _, keeps := l.w.(keeper); keeps || cap(l.buf) < len(p) {
		// Room for p and a few escapes: appendLDText appends p a run at a
		// time, and a buffer grown run by run is copied again and again.
		l.buf = make([]byte, 0, len(p)+len(p)/64+len(ldBraces))
	}
	l.buf = appendLDText(l.buf[:0], p, &l.brace)
	if err := put(l.w, l.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (l *ldWriter) Close() error {
	_, err := io.WriteString(l.w, ldClose)
	return err
}

// baseURL is the site's absolute address ending in "/", or "" for a site
// that works from any folder.
func baseURL(opt Options) string {
	u := opt.BaseURL
	if u == "" || u == "/" {
		return ""
	}
	if u[len(u)-1] != '/' {
		u += "/"
	}
	return u
}
