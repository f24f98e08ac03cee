package input

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// FuzzLoad feeds arbitrary article and notes files to the loader: it must
// never panic, and every problem it reports must carry a position.
func FuzzLoad(f *testing.F) {
	b := base()
	f.Add(b["content/articles/one.md"].Data, b["annotations/one.yaml"].Data, b["annotations/sources.yaml"].Data)
	f.Add([]byte("---\ntitle: [\n---\n"), []byte("notes: {"), []byte("[{\"id\": 1}]"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nx"), []byte("notes:\n  - &a {id: a}\n  - *a\n"), []byte("references: [{issued: {date-parts: [[]]}}]"))
	f.Add([]byte("---\nsummary: |\nA: b\n---\nx"), []byte("notes:\n  - id:a\n    note: |\nText: at the margin.\n\tkind: x\n    cites: [a, {b"), []byte("references:\n - {id: a\n"))
	f.Add([]byte("---\ntitle: \"T\n\toutlet: O\nurl: x\npublished: 2925-13-01\n  \t- a\n---\nx"), []byte("notes: []"), []byte("references: []"))
	f.Fuzz(func(t *testing.T, article, notes, sources []byte) {
		fs := base()
		fs["content/articles/one.md"] = &fstest.MapFile{Data: article}
		fs["annotations/one.yaml"] = &fstest.MapFile{Data: notes}
		fs["annotations/sources.yaml"] = &fstest.MapFile{Data: sources}
		_, err := Load(fs)
		if err == nil {
			return
		}
		files := map[string][]byte{"content/articles/one.md": article, "annotations/one.yaml": notes, "annotations/sources.yaml": sources}
		for _, e := range errLinesNoFail(err) {
			if e.Pos.File == "" || e.Pos.Line < 1 || e.Pos.Col < 1 {
				t.Errorf("problem without a position: %v", e)
			}
			// A position in one of the fuzzed files is inside it.
			data, ok := files[e.Pos.File]
			if !ok {
				continue
			}
			text := strings.TrimPrefix(string(data), "\xef\xbb\xbf")
			lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n")
			if e.Pos.Line > len(lines) {
				t.Errorf("problem at line %d of a file of %d lines: %v", e.Pos.Line, len(lines), e)
			} else if n := utf8.RuneCountInString(lines[e.Pos.Line-1]); e.Pos.Col > n+1 {
				t.Errorf("problem at column %d of a line of %d characters: %v", e.Pos.Col, n, e)
			}
		}
	})
}
