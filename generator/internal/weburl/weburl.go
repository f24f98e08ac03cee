// Package weburl holds the checks of a web address that every part of the
// generator makes alike, wherever the address is written: front matter,
// the bibliography, the editors' Markdown and the command line.
package weburl

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// HostProblem says what is wrong with the part of an http or https
// address before its path, or "": a user name or password in it (a
// published page would give them to every reader), or a port that is no
// number from 1 to 65535.
func HostProblem(u *url.URL) string {
	if u.User != nil {
		return "holds a user name or password (the part before the @), which every reader of the page would be given: remove it, and the @"
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "has a port (" + p + ", after the host name's colon) that is no number from 1 to 65535: copy the address again from the browser"
		}
	}
	return ""
}

// AbsoluteProblem says what is wrong with u, an http or https address as
// parsed, once its scheme is known: no host name, HostProblem's, or a host
// name with no dot; or "".
func AbsoluteProblem(u *url.URL) string {
	return absoluteProblem(u, true)
}

// AnyHostProblem is AbsoluteProblem for an address whose host may have no
// dot (http://intranet/): one in a text as it was published elsewhere.
func AnyHostProblem(u *url.URL) string {
	return absoluteProblem(u, false)
}

// absoluteProblem is AbsoluteProblem, which tells a host name with no dot
// only when public.
func absoluteProblem(u *url.URL, public bool) string {
	if u.Host == "" {
		return "has no host name: write the full address, like https://www.example.com/page"
	}
	if msg := HostProblem(u); msg != "" || !public {
		return msg
	}
	return publicHostProblem(u)
}

// publicHostProblem says what is wrong with u's host name as a public
// site's, or "": one with no dot in it ("www", "https" of an address
// whose scheme was written twice) is a slip, as the sites a briefing
// links to are on the web, not on the editor's network. localhost and
// IP addresses are hosts too (an IPv6 address has colons, not dots);
// a host name written in Chinese or Japanese may have an ideographic
// full stop for its dot, which browsers read as one.
func publicHostProblem(u *url.URL) string {
	h := u.Hostname()
	if strings.ContainsAny(h, ".:\u3002\uff0e\uff61") || strings.EqualFold(h, "localhost") {
		return ""
	}
	return fmt.Sprintf("has a host name with no dot in it (%s), which no site on the web has: copy the address again from the browser, like https://www.example.com/page", h)
}

// schemeTwiceRE is an address whose scheme is written twice, the second
// perhaps without its colon or a slash: https://https://…, http://https//…,
// https://https:/…, https:// https://… (a field prefilled with https://
// and an address pasted after it, perhaps after a space).
var schemeTwiceRE = regexp.MustCompile(`(?i)^https?://+\s*(https?)(?::/*|//+)([^/\s].*)$`)

// SchemeTwiceProblem says, for an address whose scheme is written twice,
// to write it once, and what the address then is; or "". The scheme kept
// is the second, the one of the address pasted.
func SchemeTwiceProblem(s string) string {
	once := strings.TrimSpace(s)
	m := schemeTwiceRE.FindStringSubmatch(once)
	if m == nil {
		return ""
	}
	for ; m != nil; m = schemeTwiceRE.FindStringSubmatch(once) {
		once = m[1] + "://" + m[2] // https://https://https://… too
	}
	return fmt.Sprintf("has its scheme written twice: write it once, as %q", once)
}

// twoAddressesRE is an address followed, after white space (and perhaps
// a comma), by another: two addresses pasted into one field.
var twoAddressesRE = regexp.MustCompile(`(?i)\S\s+(https?:|www\.)`)

// URLProblem says what is wrong with an address in the briefing's files,
// or "" when it is a usable absolute http or https address.
func URLProblem(s string) string {
	return urlProblem(s, true)
}

// SiteURLProblem is URLProblem for the address a site is published at,
// which may be on an intranet, where a host name has no dot
// (http://staging/): the sites a briefing links to are on the web.
func SiteURLProblem(s string) string {
	return urlProblem(s, false)
}

// urlProblem is URLProblem, which tells a host name with no dot only when
// public.
func urlProblem(s string, public bool) string {
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
		// Markdown's way of writing an address, where a field wants it bare.
		return "is written between < and >, which are no part of an address: remove them"
	}
	if msg := SchemeTwiceProblem(s); msg != "" {
		return msg
	}
	if twoAddressesRE.MatchString(strings.TrimSpace(s)) {
		// Told as %20 would have them one address that leads nowhere.
		return "is two addresses with a space between them: keep the one meant, and remove the other"
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		// Say what is wrong in it: the address may well start with https://.
		var e *url.Error
		msg := err.Error()
		if errors.As(err, &e) {
			msg = e.Err.Error()
		}
		switch {
		case strings.Contains(msg, "invalid URL escape"):
			return "is not a valid web address: a % in it must be followed by two hexadecimal digits (write a % itself as %25); copy the address again from the browser"
		case strings.Contains(msg, "in host name"):
			return "is not a valid web address: its host name has a character no host name has (a space, say); copy the address again from the browser"
		case !strings.Contains(s, "://"):
			return "is not a valid web address: write the full address, starting with https://"
		}
		return fmt.Sprintf("is not a valid web address (%s): copy the address again from the browser", msg)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		t := strings.ToLower(strings.TrimSpace(s))
		for _, scheme := range []string{"https", "http"} {
			if strings.HasPrefix(t, scheme+"//") {
				// Told to start with https://, it would have it twice.
				return fmt.Sprintf("has no colon after %s: write %s:// in place of %s//", scheme, scheme, scheme)
			}
		}
		if strings.HasPrefix(t, "//") {
			return "has no scheme before its //: write https: before it"
		}
		return "is not a full web address: start it with https://"
	default:
		return "is not a web address: only http:// and https:// addresses are allowed"
	}
	if msg := absoluteProblem(u, public); msg != "" {
		return msg
	}
	if strings.ContainsAny(s, " \t\n<>\"") {
		return "contains spaces or characters that are not allowed in an address: encode them (a space as %20)"
	}
	return ""
}
