package stage

import (
	"io/fs"
	"testing"

	annotated "github.com/briefing/annotated"
)

func TestCanDetach(t *testing.T) {
	for _, tc := range []struct {
		layout string
		want   bool
	}{
		{`<main>{{ .Content }}</main>`, true},
		{`{{- .Content -}}{{ .Title }}`, true},
		{`{{ .Content | upper | safeHTML }}`, false},
		{`{{ replace .Content "a" "b" | safeHTML }}`, false},
		{`{{ with .Content }}{{ . }}{{ end }}`, false},
		{`<meta name="description" content="{{ .Summary }}">`, false},
		{`{{ .ReadingTime }} minutes`, false},
		{`{{ .Params.content }}`, true},
		{`{{ with resources.Get "x" }}{{ $r := . }}{{ $r.Content | safeJS }}{{ end }}`, true},
		{`{{ $css.Content | safeCSS }}`, true},
		{`{{ .Page.Content | upper }}`, false},
		{"{{ .Content\n | upper }}", false},
		// $ is the page; so is a variable given pages.
		{`{{ $.Content }}`, true},
		{`{{ with .Params.x }}{{ $.WordCount }}{{ end }}`, false},
		{`{{ $.Content | replaceRE "a" "b" | safeHTML }}`, false},
		{`{{ range $p := site.RegularPages }}{{ $p.WordCount }}{{ end }}`, false},
		{`{{ range $i, $p := where .Site.Pages "Kind" "page" }}{{ $p.Summary }}{{ end }}`, false},
		{`{{ $home := site.Home }}{{ $home.Summary }}`, false},
		{`{{ $page := . }}{{ $r := resources.Get "x" }}{{ $r.Content }}`, true},
	} {
		f := map[string][]byte{
			"themes/briefing/layouts/page.html": []byte(tc.layout),
			"content/x.html":                    []byte(`{{ .Content | upper }}`), // not a template
		}
		if got := CanDetach(f); got != tc.want {
			t.Errorf("%s: CanDetach = %v, want %v", tc.layout, got, tc.want)
		}
	}
}

// The bundled theme prints content only as {{ .Content }}, so builds with
// it are detached.
func TestBundledThemeDetaches(t *testing.T) {
	f := map[string][]byte{}
	err := fs.WalkDir(annotated.Theme(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f["themes/briefing/"+p], err = fs.ReadFile(annotated.Theme(), p)
		return err
	})
	if err != nil || len(f) == 0 {
		t.Fatalf("reading the theme: %v (%d files)", err, len(f))
	}
	if !CanDetach(f) {
		t.Error("the bundled theme uses page content other than as {{ .Content }}: builds would not be detached")
	}
}
