// The theme a briefing is built with: the bundled one, with the files of
// the briefing's own themes/briefing in place of its own.

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"

	annotated "github.com/briefing/annotated"
	"github.com/briefing/annotated/generator/internal/stage"
)

// theme returns the theme's files by path under its folder: the bundled
// theme's, each replaced by the file of the same path in the briefing's
// own themes/briefing, when it has one, which may also add files. A
// briefing changes a template, a stylesheet or its words by keeping only
// that file. The strings (i18n/*.toml) are merged string by string: a
// briefing's en.toml may hold only the strings it rewords; one that is not
// valid TOML is taken as it is, to be reported at its line.
func theme(root string) (map[string][]byte, error) {
	files, err := readTree(annotated.Theme())
	if err != nil {
		return nil, fmt.Errorf("the bundled theme: %w", err)
	}
	dir, ok := ownThemeDir(root)
	if !ok {
		return files, nil
	}
	own, err := readTree(os.DirFS(dir))
	if err != nil {
		return nil, err
	}
	for p, data := range own {
		files[p] = over(p, files[p], data)
	}
	return files, nil
}

// over is the file p of a briefing's own theme, own, in place of the
// bundled theme's, base (nil when it has none): own itself, or for the
// strings (i18n/*.toml) base's with own's in their place (mergeStrings).
func over(p string, base, own []byte) []byte {
	if base != nil && path.Dir(p) == "i18n" && path.Ext(p) == ".toml" {
		return mergeStrings(base, own)
	}
	return own
}

// readTree reads every file of fsys.
func readTree(fsys fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		files[p] = data
		return err
	})
	return files, err
}

// mergeStrings returns the strings of base with those of own in their
// place (a plural table whole), as TOML; own itself when either is not
// valid TOML.
func mergeStrings(base, own []byte) []byte {
	var b, o map[string]any
	if toml.Unmarshal(base, &b) != nil || toml.Unmarshal(own, &o) != nil {
		return own
	}
	for k, v := range o {
		b[k] = v
	}
	data, err := toml.Marshal(b)
	if err != nil {
		return own
	}
	return data
}

// themeText reads the strings of the theme a briefing is built with, as
// theme gives them, reading that one file of each theme (every compile
// does, before it stages the whole theme).
func themeText(root string) (*stage.Text, error) {
	data, err := fs.ReadFile(annotated.Theme(), stage.TextFile)
	if err != nil {
		return nil, fmt.Errorf("the bundled theme: %w", err)
	}
	if dir, ok := ownThemeDir(root); ok {
		own, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(stage.TextFile)))
		switch {
		case err == nil:
			data = over(stage.TextFile, data, own)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
	}
	return stage.ParseText(data)
}

// ownThemeDir is the folder of the briefing's own theme, and whether it has
// one.
func ownThemeDir(root string) (string, bool) {
	own := filepath.Join(root, filepath.FromSlash(stage.ThemeDir))
	st, err := os.Stat(own)
	return own, err == nil && st.IsDir()
}

// themePaths rewrites, in an error from Hugo, the paths of the theme's
// files staged in the project to those of the briefing's own theme under
// root, for the files it has, which are the files to edit: a template that
// does not parse is then reported as themes/briefing/layouts/page.html:3:5,
// not as a file in a temporary folder. A file of the bundled theme keeps
// its staged path, as with no theme of the briefing's own.
func themePaths(err error, project, root string) error {
	if err == nil {
		return nil
	}
	own, ok := ownThemeDir(root)
	if !ok {
		return err
	}
	sep := string(filepath.Separator)
	staged := filepath.Join(project, filepath.FromSlash(stage.ThemeDir)) + sep
	msg := err.Error()
	if !strings.Contains(msg, staged) {
		return err
	}
	re := regexp.MustCompile(regexp.QuoteMeta(staged) + `([^\s:"]+)`)
	return fmt.Errorf("%s", re.ReplaceAllStringFunc(msg, func(m string) string {
		rel := m[len(staged):]
		if _, err := os.Stat(filepath.Join(own, rel)); err != nil {
			return m
		}
		return filepath.Join(own, rel)
	}))
}
