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

// TestBylineInAuthor: an author pasted with the byline's "By" is told to
// be written alone (the page writes "By" before it, and showed "By By
// Saif", and each review of a claim named "By Saif"); the advice
// followed, the author is the name. A name that starts with the letters
// is a name.
func TestBylineInAuthor(t *testing.T) {
	for _, c := range []struct{ author, want, name string }{
		{"By Saif", `content/articles/one.md:6:9: author starts with "By", which the article's page writes before the name itself (it would show "By By Saif"): write the name alone, like author: Saif`, "Saif"},
		{"by Jane Doe and John Roe", `content/articles/one.md:6:9: author starts with "by", which the article's page writes before the name itself (it would show "By by Jane Doe and John Roe"): write the name alone, like author: Jane Doe and John Roe`, "Jane Doe and John Roe"},
		{"BY SAIF", `content/articles/one.md:6:9: author starts with "BY", which the article's page writes before the name itself (it would show "By BY SAIF"): write the name alone, like author: SAIF`, "SAIF"},
		{`"By: Saif"`, `content/articles/one.md:6:10: author starts with "By:", which the article's page writes before the name itself (it would show "By By: Saif"): write the name alone, like author: Saif`, "Saif"},
		{`"  By Saif, Reuters"`, `content/articles/one.md:6:12: author starts with "By", which the article's page writes before the name itself (it would show "By By Saif, Reuters"): write the name alone, like author: Saif, Reuters`, "Saif, Reuters"},
		{"By\u00a0Saif", `content/articles/one.md:6:9: author starts with "By", which the article's page writes before the name itself (it would show "By By` + "\u00a0" + `Saif"): write the name alone, like author: Saif`, "Saif"},
		{`"By: #1 reporter"`, `content/articles/one.md:6:10: author starts with "By:", which the article's page writes before the name itself (it would show "By By: #1 reporter"): write the name alone, like author: "#1 reporter"`, "#1 reporter"},
	} {
		fs := base()
		article := string(fs["content/articles/one.md"].Data)
		withAuthor := func(a string) fstest.MapFS {
			fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte(strings.Replace(article, "published: 2025-11-27\n", "published: 2025-11-27\nauthor: "+a+"\n", 1))}
			return fs
		}
		sameLines(t, errLines(t, withAuthor(c.author)), []string{c.want})
		// Followed: the name alone, as the message writes it.
		_, like, _ := strings.Cut(c.want, "like author: ")
		b, err := Load(withAuthor(like))
		if err != nil {
			t.Fatalf("%s: with author: %s: %v", c.author, like, err)
		}
		if got := b.Articles[0].Author; got != c.name {
			t.Errorf("%s: with author: %s, the author is %q, want %q", c.author, like, got, c.name)
		}
	}
	// Names that start with the letters, and bylines' words elsewhere.
	for _, name := range []string{"Byron Smith", "Byung-chul Han", "Bye Bye Productions", "Jane Byrd", "By-Tor Media",
		"Saif and Jane Doe", "Staff, by agreement with Reuters", "By", "Björn By", "Býček Novák"} {
		fs := base()
		fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fs["content/articles/one.md"].Data), "published: 2025-11-27\n", "published: 2025-11-27\nauthor: "+name+"\n", 1))}
		b, err := Load(fs)
		if err != nil {
			t.Errorf("author: %s: %v", name, err)
			continue
		}
		if got := b.Articles[0].Author; got != name {
			t.Errorf("author: %s is read as %q", name, got)
		}
	}
}
