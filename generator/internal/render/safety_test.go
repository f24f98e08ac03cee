package render

import (
	"strings"
	"testing"
)

// TestLinkProblemCharacterReferences: an address is judged as CommonMark
// reads it, a character reference closed by its semicolon decoded (so a
// scheme spelt with one is the scheme), one without left as written (a
// query's &copy= is not ©=).
func TestLinkProblemCharacterReferences(t *testing.T) {
	for _, c := range []struct{ dest, want string }{
		{"java&#115;cript:alert(1)", "uses the javascript: scheme"},
		{"&#x6A;avascript:x", "uses the javascript: scheme"},
		{"&#106;avascript:x", "uses the javascript: scheme"},
		{"javascript&colon;x", "uses the javascript: scheme"},
		{"java&#115cript:x", ""}, // no semicolon: a relative link, as CommonMark reads it
		{"https://example.org/?a=1&copy=2&lang=en&para=3", ""},
		{"https://example.org/?a=1&amp;b=2", ""},
		{"../claims.html?x=1&copy=2", ""},
		{"mailto:desk@example.org?subject=a&body=b", ""},
		{"https://example.org:8080/a", ""},
		{"https:example.org", "has no host name"},
		{"https://user:pw@example.org/", "holds a user name or password"},
		{"https://https://x.com/StateDept", `has its scheme written twice: write it once, as "https://x.com/StateDept"`},
		{"https://http//x.com/StateDept", `has its scheme written twice: write it once, as "http://x.com/StateDept"`},
		{"http://www/report", "has a host name with no dot in it (www)"},
		{"http://localhost:8080/a", ""},
		{"http://[::1]:8080/a", ""},
		{"https://web.archive.org/web/2020/https://x.com/StateDept", ""},
		{"“https://example.org/x”", "is between quote marks, which are no part of an address: remove them"},
		{"\"https://example.org/x\"", "is between quote marks"},
		{"«www.example.org/x»", "is between quote marks"},
		{"‘odd’.html", ""}, // relative, checked against the site's pages
	} {
		got := linkProblem(c.dest)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("linkProblem(%q) = %q, want %q", c.dest, got, c.want)
		}
	}
}
