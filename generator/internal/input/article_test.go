package input

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestJSONFrontMatter: front matter in JSON, which Hugo reads and the
// generator does not, is told as such, with the two --- lines that make it
// YAML (of which JSON is a part); it was told that the article had no front
// matter, whose advice, followed, published the JSON as the text. The
// advice followed, the fields are read.
func TestJSONFrontMatter(t *testing.T) {
	const advice = `the front matter is in JSON (between { and }), which is not read: put a line of just --- above its { and another below `
	const yamlToo = `, and it is read as YAML (or write it in YAML between --- lines, with "key: value" lines)`
	for _, c := range []struct {
		name, file, json, want string
	}{
		{"an article's", "content/articles/one.md",
			"{\n  \"title\": \"A headline\",\n  \"outlet\": \"Outlet\",\n  \"url\": \"https://example.com/a\",\n  \"published\": \"2025-11-27\"\n}\n",
			"content/articles/one.md:1:1: " + advice + "its } on line 6" + yamlToo},
		{"on one line", "content/articles/one.md",
			"{\"title\": \"A headline\", \"outlet\": \"Outlet\", \"url\": \"https://example.com/a\"}\n",
			"content/articles/one.md:1:1: " + advice + "its } on line 1" + yamlToo},
		{"the overview's", "content/_index.md",
			"{ \"title\": \"Test briefing\" }\n",
			"content/_index.md:1:1: " + advice + "its } on line 1" + yamlToo},
		{"with CRLF line ends", "content/articles/one.md",
			"{\r\n  \"title\": \"A headline\",\r\n  \"outlet\": \"Outlet\",\r\n  \"url\": \"https://example.com/a\"\r\n}\r\n",
			"content/articles/one.md:1:1: " + advice + "its } on line 5" + yamlToo},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := base()
			body := "The cable calls it an “existential threat” to the West.\n"
			if c.file == "content/_index.md" {
				body = "Overview.\n"
			}
			fs[c.file] = &fstest.MapFile{Data: []byte(c.json + body)}
			sameLines(t, errLines(t, fs), []string{c.want})

			// Followed: a line of --- above the { and below the }.
			fs[c.file] = &fstest.MapFile{Data: []byte("---\n" + c.json + "---\n" + body)}
			b, err := Load(fs)
			if err != nil {
				t.Fatalf("with --- lines: %v", err)
			}
			title := b.Index.Title
			if c.file != "content/_index.md" {
				title = b.Articles[0].Title
				if a := b.Articles[0]; a.Outlet != "Outlet" || a.URL != "https://example.com/a" || strings.TrimSpace(a.Body.Text) != strings.TrimSpace(body) {
					t.Errorf("with --- lines: the article is %+v", a)
				}
			}
			if title == "" || strings.ContainsAny(title, `"{}`) {
				t.Errorf("with --- lines: the title is %q", title)
			}
		})
	}
}

// TestJSONFrontMatterNotMistaken: JSON that does not read as an object is
// still told as JSON, at its closing } as the words say, and a text that
// starts with a brace but is no JSON is told it has no front matter, as
// before.
func TestJSONFrontMatterNotMistaken(t *testing.T) {
	const noFrontMatter = "the article has no front matter: start the file with a --- line, then title, outlet and url, then another --- line"
	for text, want := range map[string]string{
		// A comma after the last field, which JSON does not allow.
		"{\n  \"title\": \"A headline\",\n}\nThe existential threat.\n": `the front matter is in JSON (between { and }), which is not read: put a line of just --- above its { and another below its closing }, and it is read as YAML (or write it in YAML between --- lines, with "key: value" lines)`,
		"{Updated 27 November} The existential threat.\n":               noFrontMatter,
		"{{< tweet 123 >}}\nThe existential threat.\n":                  noFrontMatter,
	} {
		fs := base()
		fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte(text)}
		sameLines(t, errLines(t, fs), []string{"content/articles/one.md:1:1: " + want})
	}
}
