package main

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

var inlineStyle = regexp.MustCompile(`(?is)<style\b[^>]*>(.*?)</style\s*>`)

// warnCSP warns when the briefing has a netlify.toml whose headers do not
// allow an inline stylesheet of the built site (handout.html and 404.html
// carry one, whose hash changes with the theme's CSS): the host would serve
// those pages unstyled. It only reads; a problem here is not a build error.
func warnCSP(root string, site fs.FS, stderr io.Writer) {
	fmt.Fprint(stderr, cspWarnings(root, site))
}

// cspWarnings returns warnCSP's warnings, a line each, or "".
func cspWarnings(root string, site fs.FS) string {
	toml, err := os.ReadFile(filepath.Join(root, "netlify.toml"))
	if err != nil || !strings.Contains(string(toml), "Content-Security-Policy") {
		return ""
	}
	missing := map[string][]string{}
	var order []string
	for _, page := range []string{"handout.html", "404.html"} {
		data, err := fs.ReadFile(site, page)
		if err != nil {
			continue
		}
		for _, m := range inlineStyle.FindAllSubmatch(data, -1) {
			sum := sha256.Sum256(m[1])
			src := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
			if strings.Contains(string(toml), src) {
				continue
			}
			if missing[src] == nil {
				order = append(order, src)
			}
			missing[src] = append(missing[src], page)
		}
	}
	var b strings.Builder
	for _, src := range order {
		fmt.Fprintf(&b, "warning: %s: the Content-Security-Policy does not allow the inline stylesheet of %s, which a host would then serve unstyled: add %s to its style-src\n",
			rootPath(root, "netlify.toml"),
			strings.Join(missing[src], " and "), src)
	}
	return b.String()
}
