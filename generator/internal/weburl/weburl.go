// Package weburl holds the checks of a web address that every part of the
// generator makes alike, wherever the address is written: front matter,
// the bibliography, the editors' Markdown and the command line.
package weburl

import (
	"errors"
	"fmt"
	"net/url"
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
// parsed, once its scheme is known: no host name, or HostProblem's; or "".
func AbsoluteProblem(u *url.URL) string {
	if u.Host == "" {
		return "has no host name: write the full address, like https://www.example.com/page"
	}
	return HostProblem(u)
}

// URLProblem says what is wrong with an address, or "" when it is a usable
// absolute http or https address.
func URLProblem(s string) string {
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
		// Markdown's way of writing an address, where a field wants it bare.
		return "is written between < and >, which are no part of an address: remove them"
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
		return "is not a full web address: start it with https://"
	default:
		return "is not a web address: only http:// and https:// addresses are allowed"
	}
	if msg := AbsoluteProblem(u); msg != "" {
		return msg
	}
	if strings.ContainsAny(s, " \t\n<>\"") {
		return "contains spaces or characters that are not allowed in an address: encode them (a space as %20)"
	}
	return ""
}
