// Package weburl holds the checks of a web address that every part of the
// generator makes alike, wherever the address is written: front matter,
// the bibliography, the editors' Markdown and the command line.
package weburl

import (
	"net/url"
	"strconv"
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
