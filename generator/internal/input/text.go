package input

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/weburl"
)

// checkURL reports an address that is not an absolute http or https URL.
func (d *decoder) checkURL(m map[string]*yaml.Node, name string, value string) {
	if value == "" {
		return
	}
	if msg := URLProblem(value); msg != "" {
		d.errs.AddErr(d.pos(resolve(m[name])), diag.ErrUnsafeInput, "%s %q %s", name, value, msg)
	}
}

// URLProblem says what is wrong with an address, or "" when it is a usable
// absolute http or https address.
func URLProblem(s string) string {
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
	if u.Host == "" {
		return "has no host name: write the full address, like https://www.example.com/page"
	}
	if msg := weburl.HostProblem(u); msg != "" {
		return msg
	}
	if strings.ContainsAny(s, " \t\n<>\"") {
		return "contains spaces or characters that are not allowed in an address: encode them (a space as %20)"
	}
	return ""
}

var htmlTagRE = regexp.MustCompile(`<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9-]*\s*|!--.*?--)>`)

// checkPlain reports HTML in a plain-text field: front matter and titles are
// text, never markup.
func (d *decoder) checkPlain(m map[string]*yaml.Node, name, value string) {
	if loc := htmlTagRE.FindStringIndex(value); loc != nil {
		p := d.pos(resolve(m[name]))
		d.errs.AddErr(p, diag.ErrUnsafeInput, "%s contains HTML (%s): this field is plain text; remove the tag",
			name, value[loc[0]:loc[1]])
	}
}
