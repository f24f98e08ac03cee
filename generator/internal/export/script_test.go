package export

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONInScript: JSON-LD inside <script> can never close the element
// or open a comment, whatever the briefing's text says.
func TestJSONInScript(t *testing.T) {
	hostile := `</script><script>alert(1)</script><!-- & </SCRIPT`
	w := &JSON{HTML: true, Indent: true}
	w.Open('{')
	w.Field("claimReviewed", hostile)
	w.Close('}')
	data := w.B
	for _, bad := range []string{"</script", "</SCRIPT", "<!--", "<", ">"} {
		if strings.Contains(string(data), bad) {
			t.Errorf("JSON for a script contains %q: %s", bad, data)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(data, &back); err != nil || back["claimReviewed"] != hostile {
		t.Errorf("round trip = %q, %v", back["claimReviewed"], err)
	}
	file := &JSON{}
	file.String(hostile)
	if !strings.Contains(string(file.B), "<!--") {
		t.Errorf("a file of its own keeps < as it is: %s", file.B)
	}
}

func TestURL(t *testing.T) {
	b := &Briefing{}
	for _, c := range []struct{ from, path, want string }{
		{"annotations.jsonld", "articles/a.html", "articles/a.html"},
		{"articles/a.html", "articles/a.html", ""},
		{"articles/a.html", "articles/b.html", "b.html"},
		{"articles/a.html", "index.html", "../index.html"},
		{"claims.html", "index.html", "index.html"},
	} {
		if got := b.url(c.from, c.path); got != c.want {
			t.Errorf("url(%q, %q) = %q, want %q", c.from, c.path, got, c.want)
		}
	}
	b.BaseURL = "https://example.org/sub/"
	if got := b.url("articles/a.html", "index.html"); got != "https://example.org/sub/index.html" {
		t.Errorf("with a base URL: %q", got)
	}
}

func TestContextChars(t *testing.T) {
	for _, c := range []struct {
		s           string
		n           int
		first, last string
	}{
		{"", 3, "", ""},
		{"ab", 3, "ab", "ab"},
		{"abcdef", 3, "abc", "def"},
		{"é—“x”ü", 2, "é—", "”ü"},
		{"éé", 0, "", ""},
	} {
		if got := firstChars(c.s, c.n); got != c.first {
			t.Errorf("firstChars(%q, %d) = %q, want %q", c.s, c.n, got, c.first)
		}
		if got := lastChars(c.s, c.n); got != c.last {
			t.Errorf("lastChars(%q, %d) = %q, want %q", c.s, c.n, got, c.last)
		}
	}
}
