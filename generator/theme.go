// The theme a briefing is built with: the bundled one, with the files of
// the briefing's own themes/briefing in place of its own.

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	annotated "github.com/briefing/annotated"
	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/integrity"
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
	if path.Dir(p) == "i18n" && path.Ext(p) == ".toml" {
		// TOML, as Hugo reads it, ends no line with a lone CR: every
		// strings file, a language's the bundled theme lacks too (Hugo
		// reads them all).
		own = []byte(briefing.NormalizeLines(string(own)))
		if base != nil {
			return mergeStrings(base, own)
		}
	}
	return own
}

// checkOtherStrings reports, at its place, a strings file of a briefing's
// own theme (in dir) other than en.toml that is not valid TOML: the site
// shows only English's, but Hugo reads every i18n/*.toml, and fails the
// build on one it cannot.
func checkOtherStrings(dir fs.FS, errs *diag.List) {
	files, _ := fs.Glob(dir, "i18n/*.toml")
	for _, p := range files {
		if p == stage.TextFile {
			continue
		}
		data, err := fs.ReadFile(dir, p)
		if err != nil {
			continue // read again, and reported, where the theme is staged
		}
		var v map[string]any
		var de *toml.DecodeError
		data = over(p, nil, data)
		if err := toml.Unmarshal(data, &v); errors.As(err, &de) {
			line, col := stage.TOMLPosition(data, de)
			errs.Add(diag.Pos{File: stage.ThemeDir + "/" + p, Line: line, Col: col},
				"the theme's strings for %s are not valid TOML (%s): the site shows only the strings of %s, but Hugo reads every strings file and would fail; mend it, or remove the file",
				strings.TrimSuffix(path.Base(p), ".toml"), strings.TrimPrefix(de.Error(), "toml: "), stage.TextFile)
			continue
		}
		// The file is read as a table: one string, when its keys are a
		// string's own, or a group of strings; each problem told once.
		for _, pr := range stringsProblems("", v) {
			line, col := keyPathLine(data, pr.at)
			errs.Add(diag.Pos{File: stage.ThemeDir + "/" + p, Line: line, Col: col},
				"%s: the site shows only the strings of %s, but Hugo reads every strings file and would fail", pr.why, stage.TextFile)
		}
	}
}

// ownKeys are go-i18n's reserved keys, as Hugo reads a strings file: a
// table with any of them is one string (its text in other, or in one of
// the plural forms), a table with none a group of strings, and one with
// both fails the build.
var ownKeys = map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true, "translation": true}

// ownKey says whether the key f of a table, with its value v, is one of a
// string's own, as go-i18n reads it (isReserved): named so, in any case,
// with text as its value, or "translation" whatever its value.
func ownKey(f string, v any) bool {
	_, text := v.(string)
	return ownKeys[strings.ToLower(f)] && (text || f == "translation")
}

// stringsProblem is a problem of a strings file: why Hugo fails to read
// it, and the key, with its path ("group.key"), to place it at.
type stringsProblem struct{ at, why string }

// stringsProblems are the problems of the value v of the key k ("" for
// the file) in a strings file, as go-i18n reads it: a value that is
// neither text, a table nor a list (a number, true or false, a date); a
// table that mixes a string's own keys (ownKey) with others, told once;
// and so on inside a group of strings ([group], its keys read as
// "group.key") and a list.
func stringsProblems(k string, v any) []stringsProblem {
	join := func(f string) string {
		if k == "" {
			return f
		}
		return k + "." + f
	}
	switch v := v.(type) {
	case nil, string:
		return nil
	case map[string]any:
		var own, others []string
		for _, f := range slices.Sorted(maps.Keys(v)) {
			if ownKey(f, v[f]) {
				own = append(own, f)
			} else {
				others = append(others, f)
			}
		}
		if len(own) == 0 {
			var all []stringsProblem
			for _, f := range others {
				all = append(all, stringsProblems(join(f), v[f])...)
			}
			return all
		}
		for _, f := range others {
			if ownKeys[strings.ToLower(f)] {
				return []stringsProblem{{join(f), fmt.Sprintf("%q's %s must be text in quotes, not %v", k, f, v[f])}}
			}
		}
		if len(others) > 0 {
			what := fmt.Sprintf("%q has", k)
			if k == "" {
				what = "the file has"
			}
			return []stringsProblem{{join(others[0]), fmt.Sprintf("%s a string's own keys (%s) and a key %q that is none of them (a string's own keys are id, description, hash, leftdelim, rightdelim, zero, one, two, few, many, other and translation): a table is one string or a group of strings, not both",
				what, strings.Join(own, ", "), others[0])}}
		}
		if t, ok := v["translation"]; ok {
			// go-i18n's first format: the text, or its forms, under
			// translation.
			switch t := t.(type) {
			case string:
			case map[string]any:
				for _, f := range slices.Sorted(maps.Keys(t)) {
					if _, text := t[f].(string); !text && t[f] != nil {
						return []stringsProblem{{join("translation"), fmt.Sprintf("%q's translation.%s must be text in quotes, not %v", k, f, t[f])}}
					}
				}
			default:
				return []stringsProblem{{join("translation"), fmt.Sprintf("%q's translation must be text in quotes, or a table of plural forms, not %v", k, t)}}
			}
		}
		return nil
	case []any:
		var all []stringsProblem
		for _, e := range v {
			all = append(all, stringsProblems(k, e)...)
		}
		return all
	}
	return []stringsProblem{{k, fmt.Sprintf("%q must be text in quotes, or a table of plural forms (one, other, …), not %v", k, v)}}
}

// keyPathLine is the line of the TOML data that gives the key path
// ("group.deep": "group.deep = …", "deep = …" under [group], or the
// header [group.deep]), and the column of its first character; or,
// when none does, its table's (1, 1 for none).
func keyPathLine(data []byte, key string) (int, int) {
	for p := key; p != ""; {
		table := ""
		for i, l := range strings.Split(string(data), "\n") {
			t := strings.TrimSpace(l)
			col := 1 + len(l) - len(strings.TrimLeft(l, " \t"))
			if strings.HasPrefix(t, "[") {
				h := strings.Trim(strings.TrimSpace(strings.SplitN(t, "#", 2)[0]), "[]")
				table = tomlPath(h)
				if table == p {
					return i + 1, col
				}
				continue
			}
			if name, _, ok := strings.Cut(t, "="); ok {
				full := tomlPath(name)
				if table != "" {
					full = table + "." + full
				}
				if full == p {
					return i + 1, col
				}
			}
		}
		p = p[:max(strings.LastIndexByte(p, '.'), 0)]
	}
	return 1, 1
}

// tomlPath is the TOML key k ("a . \"b\"") as a path of its parts,
// their quotes and spaces taken away: "a.b".
func tomlPath(k string) string {
	var parts []string
	var cur strings.Builder
	var quote rune
	for _, r := range k {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote = r
		case r == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	return strings.Join(append(parts, strings.TrimSpace(cur.String())), ".")
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

// stringVariants are the theme's strings shown in place of another in some
// briefings: the footer when every note cites a source, the line above the
// home page's cards when there is no methodology to send readers to.
var stringVariants = map[string]string{
	"footer_cited":                  "footer",
	"articles_intro_no_methodology": "articles_intro",
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
		// A plural table takes the forms it gives: one that rewords
		// "one" keeps the bundled "other".
		if bt, ok := b[k].(map[string]any); ok {
			if ot, ok := v.(map[string]any); ok {
				for form, s := range ot {
					bt[form] = s
				}
				continue
			}
		}
		b[k] = v
	}
	// A string shown in place of another in some briefings takes the
	// other's rewording when it has none of its own: the briefing's words
	// everywhere, rather than the bundled English in those briefings.
	for variant, of := range stringVariants {
		if _, own := o[variant]; !own {
			if v, ok := o[of]; ok {
				b[variant] = v
			}
		}
	}
	data, err := toml.Marshal(b)
	if err != nil {
		return own
	}
	return data
}

// themeText reads the strings of the theme a briefing is built with, as
// theme gives them, reading that one file of each theme (every compile
// and check does, before it stages the whole theme); and checks the
// briefing's own theme, when it has one: its strings, and its stylesheets
// and layouts for loads from elsewhere and for files Hugo would not read.
// The own theme's problems come back as a *diag.ListError with the bundled
// theme's strings, with which the briefing is still checked, so that one
// run reports its problems and the theme's together (diag.Join); any other
// error with no strings.
func themeText(root string) (*stage.Text, error) {
	data, err := fs.ReadFile(annotated.Theme(), stage.TextFile)
	if err != nil {
		return nil, fmt.Errorf("the bundled theme: %w", err)
	}
	bundled := data
	var errs diag.List
	var notTOML error // said at its place in the own strings
	if dir, ok := ownThemeDir(root); !ok {
		otherThemes(root, &errs)
	} else {
		theme := os.DirFS(dir)
		own, err := fs.ReadFile(theme, stage.TextFile)
		own = []byte(briefing.NormalizeLines(string(own))) // as over reads it
		switch {
		case err == nil:
			if _, notTOML = stage.ParseText(own); notTOML == nil {
				checkOwnStrings(data, own, theme, &errs)
				data = over(stage.TextFile, data, own)
			}
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
		checkOtherStrings(theme, &errs)
		checkNothingRemote(theme, &errs)
		checkUnread(theme, &errs)
		checkThemeFolders(theme, &errs)
		if notTOML == nil {
			checkLayoutStrings(theme, bundled, own, &errs)
		}
	}
	if problems := diag.Join(notTOML, errs.Err()); problems != nil {
		var l *diag.ListError
		if !errors.As(problems, &l) {
			return nil, problems
		}
		text, err := stage.ParseText(bundled)
		if err != nil {
			return nil, err
		}
		return text, problems
	}
	return stage.ParseText(data)
}

// checkUnread reports the files of a briefing's own theme (in dir) that
// Hugo would not read in place of the bundled theme's: a layout in the
// folders Hugo used before 0.146 (layouts/partials/, layouts/_default/),
// which the bundled theme's layout of the same name, where Hugo now
// looks, takes the place of; and strings in another format than the
// theme's en.toml.
func checkUnread(dir fs.FS, errs *diag.List) {
	bundled := annotated.Theme()
	_ = fs.WalkDir(dir, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		at := diag.Pos{File: stage.ThemeDir + "/" + p, Line: 1, Col: 1}
		var now string
		switch {
		case strings.HasPrefix(p, "layouts/partials/"):
			now = "layouts/_partials/" + strings.TrimPrefix(p, "layouts/partials/")
		case p == "layouts/_default/single.html":
			now = "layouts/page.html"
		case strings.HasPrefix(p, "layouts/_default/"):
			now = "layouts/" + strings.TrimPrefix(p, "layouts/_default/")
		case path.Dir(p) == "i18n" && p != stage.TextFile && strings.HasPrefix(path.Base(p), "en."):
			errs.Add(at, "this file is not read: the theme's strings are read from %s, in TOML; write the strings you reword there", stage.TextFile)
			return nil
		default:
			return nil
		}
		if _, err := fs.Stat(bundled, now); err == nil {
			errs.Add(at, "this file is not read: since Hugo 0.146 the theme's layout is %s, which Hugo reads in its place; move it there", now)
		}
		return nil
	})
}

var (
	// cssRemote is a stylesheet's load of a file from elsewhere: @import
	// or url() of an address with a scheme or a host.
	cssRemote = regexp.MustCompile(`(?i)(?:@import\s+(?:url\(\s*)?|url\(\s*)["']?((?:https?:)?//[^"')\s]*)`)
	// remote is an address of elsewhere: with a scheme and a host, or a
	// host alone.
	remote = regexp.MustCompile(`(?i)^\s*(?:https?:)?//`)
	// htmlRemote is an element's load of a file from elsewhere: its src
	// (a script, an image, a frame), a <link>'s href (a stylesheet, a
	// font, an icon), or the href or xlink:href of an SVG <image>, <use>
	// or <feImage>. A link to follow (<a href>) loads nothing.
	htmlRemote = regexp.MustCompile(`(?i)(?:\s(?:src|srcset|poster|data)\s*=\s*|<(?:link|image|use|feImage)\b[^>]*?\s(?:xlink:)?href\s*=\s*)["']?((?:https?:)?//[^"'\s>]*)`)
)

// checkNothingRemote reports, at its place, each file of a briefing's own
// theme (in dir) that would have the site load something from elsewhere: a
// font, a stylesheet, a script, an image. The site is read offline and
// loads nothing from outside itself, and on a host its Content-Security-
// Policy would block the load without a word.
func checkNothingRemote(dir fs.FS, errs *diag.List) {
	_ = fs.WalkDir(dir, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		var res []*regexp.Regexp
		switch path.Ext(p) {
		case ".css", ".scss":
			res = []*regexp.Regexp{cssRemote}
		case ".html", ".svg":
			res = []*regexp.Regexp{htmlRemote, cssRemote}
		default:
			return nil
		}
		data, err := fs.ReadFile(dir, p)
		if err != nil {
			return nil
		}
		// Lines counted as the input counts them (a lone CR ends one).
		data = []byte(briefing.NormalizeLines(string(data)))
		// Where each address from elsewhere starts and ends.
		var at [][2]int
		for _, re := range res {
			for _, m := range re.FindAllSubmatchIndex(data, -1) {
				at = append(at, [2]int{m[2], m[3]})
			}
		}
		// image-set("https://…" 1x) names its images as strings too.
		for _, s := range integrity.ImageSetStrings(data) {
			if remote.Match(data[s[0]:s[1]]) {
				at = append(at, s)
			}
		}
		slices.SortFunc(at, func(a, b [2]int) int { return a[0] - b[0] })
		for _, s := range at {
			line := 1 + bytes.Count(data[:s[0]], []byte("\n"))
			// Columns count characters, as the input's do.
			col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:s[0]], '\n')+1:s[0]])
			errs.Add(diag.Pos{File: stage.ThemeDir + "/" + p, Line: line, Col: col},
				"the theme would load %s from elsewhere: the site loads nothing from outside itself (it is read offline, and on a host its Content-Security-Policy blocks it); put the file in the theme's assets/ or static/ folder and refer to it there", data[s[0]:s[1]])
		}
		return nil
	})
}

// checkOwnStrings reports, at their lines in a briefing's own en.toml, the
// strings that would be published wrong: a value that is not text or a
// table of plural forms; a key the bundled theme does not have and no
// layout of the briefing's own theme (in dir) names, most likely a typo;
// and a string without the count ({{ . }}) where the bundled one has it,
// which would give "note" for "note 3" on every marker.
func checkOwnStrings(base, own []byte, dir fs.FS, errs *diag.List) {
	var b, o map[string]any
	if toml.Unmarshal(base, &b) != nil || toml.Unmarshal(own, &o) != nil {
		return // ParseText says why
	}
	const file = stage.ThemeDir + "/" + stage.TextFile
	// The place of a key, or of a plural form of one ("note.other"), or
	// of the key when the form is not written in a table of its own.
	pos := func(path string) diag.Pos {
		line, col := keyPathLine(own, path)
		return diag.Pos{File: file, Line: line, Col: col}
	}
	formAt := func(k, form string) diag.Pos { return pos(k + "." + form) }
	keys := slices.Sorted(maps.Keys(o))
	for _, k := range keys {
		at := pos(k)
		bv, known := b[k]
		if !known && !namedInLayouts(dir, k) {
			errs.Add(at, "%q is not one of the theme's strings: check its spelling against the bundled theme's i18n/en.toml, or use it in a layout of your own (T %q)", k, k)
			continue
		}
		forms := map[string]any{"other": o[k]}
		switch v := o[k].(type) {
		case string:
		case map[string]any:
			forms = v
			for _, form := range slices.Sorted(maps.Keys(v)) {
				if form != "one" && form != "other" {
					errs.Add(formAt(k, form), "%q has a form %q: English has one (the singular) and other", k, form)
				} else if _, ok := v[form].(string); !ok {
					errs.Add(formAt(k, form), "%q's %s must be text in quotes, not %v", k, form, v[form])
				}
			}
		default:
			errs.Add(at, "%q must be text in quotes, or a table of one and other, not %v", k, v)
			continue
		}
		if !counts(bv) {
			continue
		}
		for _, form := range []string{"one", "other"} {
			s, ok := forms[form].(string)
			if !ok {
				continue
			}
			switch {
			case strings.Contains(s, ".Count"):
				errs.Add(formAt(k, form), "%q's %s puts the count as {{ .Count }}: these strings give it as {{ . }}, like \"{{ . }} notes\"", k, form)
			case !stage.HasCount(s):
				errs.Add(formAt(k, form), "%q's %s has no {{ . }} where the count goes: without it every %s would lose its number", k, form, k)
			}
		}
	}
}

// counts says whether a bundled string (text or a plural table) puts in a
// count.
func counts(v any) bool {
	switch v := v.(type) {
	case string:
		return stage.HasCount(v)
	case map[string]any:
		for _, s := range v {
			if s, ok := s.(string); ok && stage.HasCount(s) {
				return true
			}
		}
	}
	return false
}

// themeFolders are the folders of a theme that Hugo reads.
var themeFolders = []string{"archetypes", "assets", "data", "i18n", "layouts", "static"}

// checkThemeFolders reports a folder at the top of the briefing's own
// theme (in dir) that Hugo does not read, layout/ for layouts/ say: the
// files in it would be left out without a word.
func checkThemeFolders(dir fs.FS, errs *diag.List) {
	entries, _ := fs.ReadDir(dir, ".")
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, ".") || slices.Contains(themeFolders, name) {
			continue
		}
		meant := ""
		for _, f := range themeFolders {
			if diag.EditDistance(strings.ToLower(name), f) <= 2 {
				meant = fmt.Sprintf(" (%s/, perhaps)", f)
				break
			}
		}
		errs.Add(diag.Pos{File: stage.ThemeDir + "/" + name, Line: 1, Col: 1},
			"this folder is not read: a theme's folders are %s/%s; rename it, or move its files where they belong", strings.Join(themeFolders, "/, "), meant)
	}
}

// otherThemes reports, when the briefing has no theme of its own in
// themes/briefing, a folder of themes/ that looks like one (holding
// layouts/, i18n/ or assets/): only themes/briefing is read, and the
// briefing would be built with the bundled theme without a word.
func otherThemes(root string, errs *diag.List) {
	entries, err := os.ReadDir(filepath.Join(root, "themes"))
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		for _, f := range []string{"layouts", "i18n", "assets"} {
			if st, err := os.Stat(filepath.Join(root, "themes", e.Name(), f)); err == nil && st.IsDir() {
				errs.Add(diag.Pos{File: "themes/" + e.Name(), Line: 1, Col: 1},
					"this theme is not read: a briefing's own theme is %s, the theme it changes; rename the folder %s", stage.ThemeDir, stage.ThemeDir)
				break
			}
		}
	}
}

// layoutString matches a layout's call for a string of the theme by its
// key, as Hugo's T, i18n or lang.Translate takes it: the key (group 1).
var layoutString = regexp.MustCompile("\\b(?:T|i18n|lang\\.Translate)\\s+[\"`]([^\"`]+)[\"`]")

// checkLayoutStrings reports, at its place, each call in a layout of the
// briefing's own theme (in dir) for a string that neither the bundled
// theme's strings (base) nor the briefing's (own, TOML or nil) have: Hugo
// prints nothing for it, and the page would be published with a word
// missing ({{ T "not_a_key" }}).
func checkLayoutStrings(dir fs.FS, base, own []byte, errs *diag.List) {
	var b, o map[string]any
	if toml.Unmarshal(base, &b) != nil {
		return
	}
	if own != nil && toml.Unmarshal(own, &o) != nil {
		return // ParseText says why
	}
	_ = fs.WalkDir(dir, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(dir, p)
		if err != nil {
			return nil
		}
		for i, line := range strings.Split(briefing.NormalizeLines(string(data)), "\n") {
			for _, m := range layoutString.FindAllStringSubmatchIndex(line, -1) {
				key := line[m[2]:m[3]]
				if _, ok := b[key]; ok {
					continue
				}
				if _, ok := o[key]; ok {
					continue
				}
				at := diag.Pos{File: stage.ThemeDir + "/" + p, Line: i + 1, Col: 1 + utf8.RuneCountInString(line[:m[2]])}
				errs.Add(at, "the theme has no string %q, so the page would show nothing here: check its spelling against the bundled theme's i18n/en.toml, or add it to the theme's %s", key, stage.TextFile)
			}
		}
		return nil
	})
}

// namedInLayouts says whether a layout of the theme in dir names the
// string key, as "key" or `key`.
func namedInLayouts(dir fs.FS, key string) bool {
	found := false
	_ = fs.WalkDir(dir, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || found {
			return nil
		}
		data, err := fs.ReadFile(dir, p)
		found = err == nil && (strings.Contains(string(data), `"`+key+`"`) || strings.Contains(string(data), "`"+key+"`"))
		return nil
	})
	return found
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
