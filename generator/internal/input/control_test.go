package input

import (
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/diag"
)

// BenchmarkCheckControl measures the check on an article-sized text with no
// control character: what every article pays.
func BenchmarkCheckControl(b *testing.B) {
	text := strings.Repeat("Spokesman parties release’s crime voters prisons decade officials autumn release parties children quotas west 1,050.\n\n", 70)
	var errs diag.List
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		checkControl("x.md", text, &errs)
	}
}
