package preview

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	annotated "github.com/briefing/annotated"
	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
	"github.com/briefing/annotated/generator/internal/synth"
)

// BenchmarkRefreshNote is the preview's part of a note edit at 1,000
// articles, after the compile: from the staged project to the new version
// of the site, without Hugo (a stand-in for Hugo lays out the first one).
func BenchmarkRefreshNote(b *testing.B) {
	files := synth.Briefing(synth.Options{Articles: 1000})
	slug := "annotations/article-00500.yaml"
	edited := map[string][]byte{}
	for name, data := range files {
		edited[name] = data
	}
	edited[slug] = []byte(strings.Replace(string(files[slug]), "    note: |\n      ", "    note: |\n      Edited ", 1))
	projects := make([]map[string]stage.Pieces, 2)
	c := site.NewCompiler() // as serve compiles
	for i, f := range []map[string][]byte{files, edited} {
		fsys := briefingtest.MapFS(f)
		text, err := stage.LoadText(annotated.Theme())
		if err != nil {
			b.Fatal(err)
		}
		res, err := c.Compile(fsys, stage.Options{Text: text})
		if err != nil {
			b.Fatal(err)
		}
		p := map[string]stage.Pieces(res.Pieces)
		err = fs.WalkDir(annotated.Theme(), ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(annotated.Theme(), name)
			p["themes/briefing/"+name] = stage.Pieces{data}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		projects[i] = p
	}
	var h fakeHugo
	builder := NewBuilder(b.TempDir(), h.build)
	if _, _, err := builder.Refresh(context.Background(), projects[0]); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		_, r, err := builder.Refresh(context.Background(), projects[(i+1)%2])
		if err != nil || r.Kind != Spliced {
			b.Fatalf("%v, %s", err, r.Kind)
		}
	}
}
