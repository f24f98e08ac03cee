package export

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestMarshalInScript: JSON-LD inside <script> can never close the element
// or open a comment, whatever the briefing's text says.
func TestMarshalInScript(t *testing.T) {
	hostile := `</script><script>alert(1)</script><!-- & </SCRIPT`
	data := marshal(map[string]string{"claimReviewed": hostile}, true)
	for _, bad := range []string{"</script", "</SCRIPT", "<!--", "<", ">"} {
		if strings.Contains(string(data), bad) {
			t.Errorf("JSON for a script contains %q: %s", bad, data)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(data, &back); err != nil || back["claimReviewed"] != hostile {
		t.Errorf("round trip = %q, %v", back["claimReviewed"], err)
	}
	if file := marshal(hostile, false); !strings.Contains(string(file), "<!--") {
		t.Errorf("a file of its own keeps < as it is: %s", file)
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
