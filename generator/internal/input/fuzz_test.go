package input

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad feeds arbitrary article and notes files to the loader: it must
// never panic, and every problem it reports must carry a position.
func FuzzLoad(f *testing.F) {
	b := base()
	f.Add(b["content/articles/one.md"].Data, b["annotations/one.yaml"].Data, b["annotations/sources.yaml"].Data)
	f.Add([]byte("---\ntitle: [\n---\n"), []byte("notes: {"), []byte("[{\"id\": 1}]"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nx"), []byte("notes:\n  - &a {id: a}\n  - *a\n"), []byte("references: [{issued: {date-parts: [[]]}}]"))
	f.Fuzz(func(t *testing.T, article, notes, sources []byte) {
		fs := base()
		fs["content/articles/one.md"] = &fstest.MapFile{Data: article}
		fs["annotations/one.yaml"] = &fstest.MapFile{Data: notes}
		fs["annotations/sources.yaml"] = &fstest.MapFile{Data: sources}
		_, err := Load(fs)
		if err == nil {
			return
		}
		for _, line := range errLinesNoFail(err) {
			if line.Pos.File == "" || line.Pos.Line < 1 || line.Pos.Col < 1 {
				t.Errorf("problem without a position: %v", line)
			}
		}
	})
}
