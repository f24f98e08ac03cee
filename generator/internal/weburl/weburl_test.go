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
