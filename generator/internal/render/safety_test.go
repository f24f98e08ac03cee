package render

import (
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
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

// TestArticleLinksToHostsWithoutDot: an article's text, reproduced as its
// outlet published it, may link a host of the outlet's own network
// (http://intranet/…), which the briefing's own words may not (review
// h92f C7: refused there, a briefing that built before failed); a
// scheme written twice is told in both, a link that leads nowhere.
func TestArticleLinksToHostsWithoutDot(t *testing.T) {
	r := New(&briefing.Briefing{})
	for _, c := range []struct{ body, want string }{
		{"See [the memo](http://intranet/memo) and <http://go/cable>.\n", ""},
		{"See [the memo](https://https://example.org/memo).\n", "has its scheme written twice"},
	} {
		var errs diag.List
		r.Article(&briefing.Article{Slug: "a", Title: "A", Body: md(c.body)}, &errs)
		if got := listString(&errs); c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("article %q: %s, want %q", c.body, got, c.want)
		}
	}
	var errs diag.List
	r.Markdown(md("See [the memo](http://intranet/memo).\n"), "a note", &errs)
	if got := listString(&errs); !strings.Contains(got, "has a host name with no dot in it (intranet)") {
		t.Errorf("a note's link to http://intranet/memo: %q", got)
	}
}

// listString is the problems of errs, one a line, or "".
func listString(errs *diag.List) string {
	var lines []string
	for _, e := range errs.Errors() {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}
