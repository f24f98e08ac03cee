package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// marshalString is encoding/json's encoding of s, the oracle of
// AppendString.
func marshalString(t testing.TB, s string, html bool) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(html)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

var stringCases = []string{
	"", "plain", `"quoted" \ back`, "<script>&amp;</script>", "tab\tnew\nline\rret\bbs\fff",
	"\x00\x01\x1f\x7f", "“curly” — dash … é ü 漢字 🙂", "line\u2028para\u2029end",
	"bad \xff utf8 \xc3 cut", "\xe2\x80", "\xed\xa0\x80 surrogate", "end with \xe2\x80\xa8",
}

func TestAppendString(t *testing.T) {
	for _, s := range stringCases {
		for _, html := range []bool{false, true} {
			got := AppendString([]byte("x"), s, html)
			if want := append([]byte("x"), marshalString(t, s, html)...); !bytes.Equal(got, want) {
				t.Errorf("AppendString(%q, %v) = %s, want %s", s, html, got, want)
			}
		}
	}
}

// FuzzAppendString holds AppendString to encoding/json on any string.
func FuzzAppendString(f *testing.F) {
	for _, s := range stringCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, html := range []bool{false, true} {
			if got, want := AppendString(nil, s, html), marshalString(t, s, html); !bytes.Equal(got, want) {
				t.Fatalf("AppendString(%q, %v) = %s, want %s", s, html, got, want)
			}
		}
	})
}

// TestJSONWriter writes the same values through JSON and encoding/json,
// compact and indented.
func TestJSONWriter(t *testing.T) {
	type inner struct {
		A []string `json:"a"`
		B []int    `json:"b"`
		C struct{} `json:"c"`
	}
	v := struct {
		Name  string  `json:"name"`
		N     int     `json:"n"`
		Items []any   `json:"items"`
		In    inner   `json:"in"`
		Empty []inner `json:"empty"`
		Null  *inner  `json:"null"`
		OK    bool    `json:"ok"`
	}{Name: "<a&b>", N: -3, Items: []any{1, "two", []string{}, inner{A: []string{"x"}, B: []int{}}}, In: inner{A: []string{}, B: []int{1, 2}}, Empty: []inner{}, OK: true}
	write := func(w *JSON) {
		w.Open('{')
		w.Field("name", v.Name)
		w.Key("n")
		w.Int(v.N)
		w.Key("items")
		w.Open('[')
		w.Int(1)
		w.String("two")
		w.Strings(nil)
		w.Open('{')
		w.Key("a")
		w.Strings([]string{"x"})
		w.Key("b")
		w.Open('[')
		w.Close(']')
		w.Key("c")
		w.Open('{')
		w.Close('}')
		w.Close('}')
		w.Close(']')
		w.Key("in")
		w.Open('{')
		w.Key("a")
		w.Strings([]string{})
		w.Key("b")
		w.Open('[')
		w.Int(1)
		w.Int(2)
		w.Close(']')
		w.Key("c")
		w.Open('{')
		w.Close('}')
		w.Close('}')
		w.Key("empty")
		w.Open('[')
		w.Close(']')
		w.Key("null")
		w.Null()
		w.Key("ok")
		w.Bool(v.OK)
		w.Close('}')
	}
	for _, indent := range []bool{false, true} {
		for _, html := range []bool{false, true} {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(html)
			if indent {
				enc.SetIndent("", " ")
			}
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			w := &JSON{HTML: html, Indent: indent}
			write(w)
			if got, want := string(w.B)+"\n", buf.String(); got != want {
				t.Errorf("indent %v, html %v:\n%s\nwant\n%s", indent, html, got, want)
			}
		}
	}
}

// TestJSONWithin: an array made of parts, each written on its own Within
// the array, is the array written at once.
func TestJSONWithin(t *testing.T) {
	for _, indent := range []bool{false, true} {
		whole := &JSON{Indent: indent}
		whole.Open('{')
		whole.Key("list")
		whole.Open('[')
		for _, s := range []string{"a", "b", "c"} {
			whole.Open('{')
			whole.Field("s", s)
			whole.Close('}')
		}
		whole.Close(']')
		whole.Close('}')

		var parts []byte
		for _, s := range []string{"a", "b", "c"} {
			p := &JSON{Indent: indent}
			p.Within(2)
			p.Open('{')
			p.Field("s", s)
			p.Close('}')
			parts = append(parts, p.B...)
		}
		head := `{"list":[`
		tail := `]}`
		if indent {
			head, tail = "{\n \"list\": [", "\n ]\n}"
		}
		if got := head + string(parts[1:]) + tail; got != string(whole.B) {
			t.Errorf("indent %v: parts give\n%s\nwant\n%s", indent, got, whole.B)
		}
	}
}

// BenchmarkAppendString encodes a paragraph of prose with a few curly
// quotes and dashes, as most strings in the exports are.
func BenchmarkAppendString(b *testing.B) {
	s := strings.Repeat("The ministry’s report, published in May, found that 1,011 “irregular” crossings — fewer than the year before — were recorded at the border. ", 20)
	b.SetBytes(int64(len(s)))
	var buf []byte
	for b.Loop() {
		buf = AppendString(buf[:0], s, true)
	}
}
