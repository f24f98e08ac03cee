package export

import (
	"strconv"
	"unicode/utf8"
)

// JSON appends JSON to B exactly as encoding/json writes the same values:
// compact as json.Marshal, or indented as an Encoder with SetIndent("", " "),
// strings escaped as encoding/json escapes them (AppendString). The exports
// grow with the briefing, and writing them this way, without reflection and
// into a buffer of the right size, costs a fraction of encoding/json's
// time.
//
// Values are written in order: Key before each value of an object, Open
// and Close around objects and arrays; commas, and with Indent new lines,
// come by themselves. A JSON that starts Within a container writes, before
// its first value, the comma that separates it from an earlier one: that is
// how a part of an array is made on its own and put after other parts.
type JSON struct {
	B      []byte
	HTML   bool // escape <, > and & (encoding/json's default; needed in a <script> element)
	Indent bool // one value or key a line, indented one space a level
	depth  int
	empty  bool // the innermost container has no value yet
	key    bool // a key was written; its value comes next
}

// Within makes w write values as elements of a container depth levels
// deep that already holds some.
func (w *JSON) Within(depth int) {
	w.depth, w.empty, w.key = depth, false, false
}

// next writes what comes before a value or key.
func (w *JSON) next() {
	if w.key {
		w.key = false
		return
	}
	if w.depth == 0 {
		return
	}
	if !w.empty {
		w.B = append(w.B, ',')
	}
	w.empty = false
	if w.Indent {
		w.newline()
	}
}

func (w *JSON) newline() {
	w.B = append(w.B, '\n')
	for range w.depth {
		w.B = append(w.B, ' ')
	}
}

// Key writes an object's key, which must need no escaping.
func (w *JSON) Key(k string) {
	w.next()
	w.B = append(w.B, '"')
	w.B = append(w.B, k...)
	w.B = append(w.B, '"', ':')
	if w.Indent {
		w.B = append(w.B, ' ')
	}
	w.key = true
}

// Open starts an object ('{') or an array ('[').
func (w *JSON) Open(c byte) {
	w.next()
	w.B = append(w.B, c)
	w.depth++
	w.empty = true
}

// Close ends an object ('}') or an array (']').
func (w *JSON) Close(c byte) {
	w.depth--
	if !w.empty && w.Indent {
		w.newline()
	}
	w.B = append(w.B, c)
	w.empty = false
}

// String writes s as a JSON string.
func (w *JSON) String(s string) {
	w.next()
	w.B = AppendString(w.B, s, w.HTML)
}

// Int writes n.
func (w *JSON) Int(n int) {
	w.next()
	w.B = strconv.AppendInt(w.B, int64(n), 10)
}

// Bool writes b.
func (w *JSON) Bool(b bool) {
	w.next()
	w.B = strconv.AppendBool(w.B, b)
}

// Null writes null.
func (w *JSON) Null() {
	w.next()
	w.B = append(w.B, "null"...)
}

// Strings writes ss as an array of strings ([] when empty).
func (w *JSON) Strings(ss []string) {
	w.Open('[')
	for _, s := range ss {
		w.String(s)
	}
	w.Close(']')
}

// Field writes a key and its string value.
func (w *JSON) Field(k, s string) {
	w.Key(k)
	w.String(s)
}

// OmitEmpty writes the key and s unless s is "", as encoding/json's
// omitempty does.
func (w *JSON) OmitEmpty(k, s string) {
	if s != "" {
		w.Field(k, s)
	}
}

// Raw writes data, which must be JSON written in the same way, as the next
// value.
func (w *JSON) Raw(data []byte) {
	w.next()
	w.B = append(w.B, data...)
}

// safe marks the ASCII bytes that a JSON string holds as they are: not a
// control character, '"' or '\\'; htmlSafe leaves out <, > and & as well.
var safe, htmlSafe [utf8.RuneSelf]bool

func init() {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		safe[c] = c != '"' && c != '\\'
		htmlSafe[c] = safe[c] && c != '<' && c != '>' && c != '&'
	}
}

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string, escaped as encoding/json escapes
// it: '"', '\\' and control characters (\b, \f, \n, \r and \t by name, the
// others as \u00XX), U+2028 and U+2029 as \u2028 and \u2029, each byte of
// invalid UTF-8 as \ufffd, and with html also <, > and & as \u003c, \u003e
// and \u0026.
func AppendString(dst []byte, s string, html bool) []byte {
	set := &safe
	if html {
		set = &htmlSafe
	}
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if set[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
