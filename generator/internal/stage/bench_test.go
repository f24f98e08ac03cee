package stage_test

import (
	"os"
	"testing"

	"github.com/briefing/annotated/generator/internal/site"
	"github.com/briefing/annotated/generator/internal/stage"
)

// BenchmarkCompile loads, renders and stages the project's own briefing,
// every page included.
func BenchmarkCompile(b *testing.B) {
	fsys := os.DirFS("../../..")
	for b.Loop() {
		if _, err := site.Compile(fsys, stage.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
