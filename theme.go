// Package annotated is the annotated-briefing generator's root: it embeds the
// bundled Hugo theme, which a briefing without a themes/ folder of its own
// is built with. The generator itself lives in ./generator.
package annotated

import (
	"embed"
	"io/fs"
)

//go:embed all:themes/briefing
var themeFS embed.FS

// Theme returns the bundled theme's files, rooted at the theme folder.
func Theme() fs.FS {
	sub, err := fs.Sub(themeFS, "themes/briefing")
	if err != nil {
		panic(err) // the path is fixed at compile time
	}
	return sub
}
