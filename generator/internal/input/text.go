package input

import (
	"regexp"

	"gopkg.in/yaml.v3"

	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/weburl"
)

// checkURL reports an address that is not an absolute http or https URL.
func (d *decoder) checkURL(m map[string]*yaml.Node, name string, value string) {
	if value == "" {
		return
	}
	if msg := weburl.URLProblem(value); msg != "" {
		d.errs.AddErr(d.pos(resolve(m[name])), diag.ErrUnsafeInput, "%s %q %s", name, value, msg)
	}
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
