package weburl

import (
	"net/url"
	"strings"
	"testing"
)

// TestHostProblem: a user name or password, even an empty one, and a port
// outside 1–65535 are problems; a host with or without a usable port is not.
func TestHostProblem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://example.org/a", ""},
		{"https://example.org:1/", ""},
		{"https://example.org:65535/", ""},
		{"http://[::1]:8080/", ""},
		{"https://example.org:0/", "has a port (0,"},
		{"https://example.org:65536/", "has a port (65536,"},
		{"https://[::1]:99999/", "has a port (99999,"},
		{"https://user@example.org/", "user name or password"},
		{"https://user:pw@example.org/", "user name or password"},
		{"https://:@example.org/", "user name or password"},
	} {
		u, err := url.Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		got := HostProblem(u)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("HostProblem(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestURLProblem: each kind of mistake in an address field is told in
// words, and a usable address is not told anything.
func TestURLProblem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://www.example.org/a?b=c#d", ""},
		{"<https://www.junonews.com/p/us-directs>", "is written between < and >, which are no part of an address: remove them"},
		{"https://example.org/100%", "a % in it must be followed by two hexadecimal digits"},
		{"https://exa mple.org/", "its host name has a character no host name has"},
		{"www.example.org/a", "is not a full web address: start it with https://"},
		{"ftp://example.org/a", "only http:// and https:// addresses are allowed"},
		{"https:///a", "has no host name"},
		{"https://example.org/a report", "contains spaces or characters that are not allowed"},
	} {
		got := URLProblem(c.in)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("URLProblem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestURLProblemSlips: an address pasted after a field's https://, one
// whose colon is missing, two pasted into one field and a host name with
// no dot are told, each with advice that, followed as written, gives an
// address that passes; the hosts an address may have without a dot
// (localhost, IP addresses) and host names in other scripts pass.
func TestURLProblemSlips(t *testing.T) {
	for _, c := range []struct{ in, want, fixed string }{
		{"https://https://www.example.com/a", `has its scheme written twice: write it once, as "https://www.example.com/a"`, "https://www.example.com/a"},
		{"https://http://www.example.com/a?b=c#d", `as "http://www.example.com/a?b=c#d"`, "http://www.example.com/a?b=c#d"},
		{"http://https//www.example.com/a", `as "https://www.example.com/a"`, "https://www.example.com/a"},
		{"HTTPS://HTTPS:/www.example.com/", `as "HTTPS://www.example.com/"`, "HTTPS://www.example.com/"},
		{"https://https://https://www.example.com/", `as "https://www.example.com/"`, "https://www.example.com/"},
		// Not two addresses, as it was told (review h92f C4).
		{"https:// https://www.example.com/a", `has its scheme written twice: write it once, as "https://www.example.com/a"`, "https://www.example.com/a"},
		{"https//www.example.com/a", "has no colon after https: write https:// in place of https//", "https://www.example.com/a"},
		{"http//www.example.com/a", "has no colon after http: write http:// in place of http//", "http://www.example.com/a"},
		{"//www.example.com/a", "has no scheme before its //: write https: before it", "https://www.example.com/a"},
		{"https://a.example/x https://b.example/y", "is two addresses with a space between them: keep the one meant, and remove the other", "https://a.example/x"},
		{"https://a.example https://b.example/y", "is two addresses", "https://b.example/y"},
		{"https://a.example/x,\nwww.b.example/y", "is two addresses", "https://a.example/x"},
		{"http://www/report", "has a host name with no dot in it (www), which no site on the web has: copy the address again from the browser", "http://www.example.com/report"},
		{"https://intranet:8080/a", "has a host name with no dot in it (intranet)", "https://intranet.example.org:8080/a"},
		{"https://http/a", "has a host name with no dot in it (http)", "https://www.example.com/a"},
	} {
		if got := URLProblem(c.in); !strings.Contains(got, c.want) {
			t.Errorf("URLProblem(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := URLProblem(c.fixed); got != "" {
			t.Errorf("URLProblem(%q), the address as the advice has it, = %q", c.fixed, got)
		}
	}
	for _, ok := range []string{
		"https://www.example.com/a",
		"http://localhost:1313/",
		"http://LOCALHOST/a",
		"http://127.0.0.1:8080/a",
		"http://[::1]:8080/a",
		"https://[2001:db8::1]/a",
		"https://www.https.example/http://",
		"https://http.example.org/https//a",
		"https://web.archive.org/web/2020/https://www.example.com/a",
		"https://example.org/?u=https://www.example.com/a",
		"https://bücher.de/über",
		"https://例子。测试/路径",
		"https://example.com./a",
		"https://xn--exmple-cua.org/",
	} {
		if got := URLProblem(ok); got != "" {
			t.Errorf("URLProblem(%q) = %q, want no problem", ok, got)
		}
	}
	// The address a site is published at may be on an intranet.
	if got := SiteURLProblem("http://staging/briefing/"); got != "" {
		t.Errorf("SiteURLProblem(http://staging/briefing/) = %q, want no problem", got)
	}
	if got := SiteURLProblem("https://https://example.org/b/"); !strings.Contains(got, "scheme written twice") {
		t.Errorf("SiteURLProblem(https://https://example.org/b/) = %q, want the scheme told", got)
	}
}
