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
