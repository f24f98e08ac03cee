package input

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing/annotated/generator/internal/briefing"
)

const (
	refField = " contains the character reference "
	refPlain = ": this field is plain text, shown as written; "
)

// TestCharRefsInPlainText: an HTML character reference in a plain-text
// field (a headline pasted from a page's source or a content system) is
// told at its place, with the character it stands for and what to write;
// it passed, and the page showed "US &amp; Allies". Each case's advice,
// followed as written, gives a file that loads, with the text meant.
func TestCharRefsInPlainText(t *testing.T) {
	for _, c := range []struct {
		name      string
		file      string
		old, bad  string // bad in place of old in base()'s file
		want      []string
		fixed     string // bad with the advice followed
		got       func(b *briefing.Briefing) string
		wantValue string
	}{
		{
			name: "an article's title", file: "content/articles/one.md",
			old: `title: "A headline"`, bad: `title: "US &amp; Allies: A headline"`,
			want:  []string{`content/articles/one.md:2:12: title` + refField + `&amp;, HTML's way of writing "&"` + refPlain + `write & itself`},
			fixed: `title: "US & Allies: A headline"`,
			got:   func(b *briefing.Briefing) string { return b.Articles[0].Title }, wantValue: "US & Allies: A headline",
		},
		{
			name: "a no-break space in an outlet", file: "content/articles/one.md",
			old: `outlet: Outlet`, bad: `outlet: Armust&nbsp;News`,
			want:  []string{`content/articles/one.md:3:15: outlet` + refField + `&nbsp;, HTML's way of writing a no-break space (U+00A0)` + refPlain + `write a space in its place, or the character itself`},
			fixed: `outlet: Armust News`,
			got:   func(b *briefing.Briefing) string { return b.Articles[0].Outlet }, wantValue: "Armust News",
		},
		{
			name: "numbers, decimal and hexadecimal, in an author and a summary", file: "content/articles/one.md",
			old: "published: 2025-11-27\n", bad: "published: 2025-11-27\nauthor: Saif &#8211; staff\nsummary: \"The department&#x2019;s cable\n  says so &mdash; twice.\"\n",
			want: []string{
				`content/articles/one.md:6:14: author` + refField + `&#8211;, HTML's way of writing "–" (an en dash, U+2013)` + refPlain + `write – itself`,
				`content/articles/one.md:7:25: summary` + refField + `&#x2019;, HTML's way of writing "’"` + refPlain + `write ’ itself`,
				`content/articles/one.md:8:11: summary` + refField + `&mdash;, HTML's way of writing "—" (an em dash, U+2014)` + refPlain + `write — itself`,
			},
			fixed: "published: 2025-11-27\nauthor: Saif – staff\nsummary: \"The department’s cable\n  says so — twice.\"\n",
			got:   func(b *briefing.Briefing) string { return b.Articles[0].Author + " | " + b.Articles[0].Summary }, wantValue: "Saif – staff | The department’s cable says so — twice.",
		},
		{
			// A character that looks like a hyphen is named.
			name: "a non-breaking hyphen", file: "content/articles/one.md",
			old: "published: 2025-11-27\n", bad: "published: 2025-11-27\nsummary: A Canadian&#8209;angle story\n",
			want: []string{
				`content/articles/one.md:6:20: summary` + refField + `&#8209;, HTML's way of writing "‑" (a non-breaking hyphen, U+2011)` + refPlain + `write ‑ itself`,
			},
			fixed: "published: 2025-11-27\nsummary: A Canadian‑angle story\n",
			got:   func(b *briefing.Briefing) string { return b.Articles[0].Summary }, wantValue: "A Canadian‑angle story",
		},
		{
			name: "a quote mark inside double quotes, after an escape", file: "content/articles/one.md",
			old: "published: 2025-11-27\n", bad: "published: 2025-11-27\ndate_note: \"the \\\"site\\\" &quot;timestamp&quot;\"\n",
			want: []string{
				`content/articles/one.md:6:26: date_note` + refField + `&quot;, HTML's way of writing the quote mark "` + refPlain + `write it as \", as a quote mark is written inside double quotes`,
				`content/articles/one.md:6:41: date_note` + refField + `&quot;, HTML's way of writing the quote mark "` + refPlain + `write it as \", as a quote mark is written inside double quotes`,
			},
			fixed: "published: 2025-11-27\ndate_note: \"the \\\"site\\\" \\\"timestamp\\\"\"\n",
			got:   func(b *briefing.Briefing) string { return b.Articles[0].DateNote }, wantValue: `the "site" "timestamp"`,
		},
		{
			name: "an apostrophe inside single quotes", file: "content/articles/one.md",
			old: `title: "A headline"`, bad: `title: 'Don&#39;t look'`,
			want:  []string{`content/articles/one.md:2:12: title` + refField + `&#39;, HTML's way of writing "'"` + refPlain + `write it as '', as an apostrophe is written inside single quotes`},
			fixed: `title: 'Don''t look'`,
			got:   func(b *briefing.Briefing) string { return b.Articles[0].Title }, wantValue: "Don't look",
		},
		{
			name: "a # that would start a comment without quotes", file: "content/articles/one.md",
			old: "published: 2025-11-27\n", bad: "published: 2025-11-27\nsummary: The &#35;1 issue\n",
			want:  []string{`content/articles/one.md:6:14: summary` + refField + `&#35;, HTML's way of writing "#"` + refPlain + `write # itself, and put the whole text in double quotes`},
			fixed: "published: 2025-11-27\nsummary: \"The #1 issue\"\n",
			got:   func(b *briefing.Briefing) string { return b.Articles[0].Summary }, wantValue: "The #1 issue",
		},
		{
			name: "in relies_on", file: "content/articles/one.md",
			old: "published: 2025-11-27\n", bad: "published: 2025-11-27\nrelies_on: [Reuters, Dow&nbsp;Jones]\n",
			want:  []string{`content/articles/one.md:6:25: relies_on` + refField + `&nbsp;, HTML's way of writing a no-break space (U+00A0)` + refPlain + `write a space in its place, or the character itself`},
			fixed: "published: 2025-11-27\nrelies_on: [Reuters, Dow Jones]\n",
			got:   func(b *briefing.Briefing) string { return strings.Join(b.Articles[0].ReliesOn, ", ") }, wantValue: "Reuters, Dow Jones",
		},
		{
			// "&amp;amp;": writing "&" for "&amp;" would leave "&amp;".
			name: "escaped twice", file: "content/articles/one.md",
			old: `title: "A headline"`, bad: `title: "US &amp;amp; Allies&amp;#8217; headline"`,
			want: []string{
				`content/articles/one.md:2:12: title` + refField + `&amp;amp;, HTML's way of writing "&" (escaped twice)` + refPlain + `write & itself`,
				`content/articles/one.md:2:28: title` + refField + `&amp;#8217;, HTML's way of writing "’" (escaped twice)` + refPlain + `write ’ itself`,
			},
			fixed: `title: "US & Allies’ headline"`,
			got:   func(b *briefing.Briefing) string { return b.Articles[0].Title }, wantValue: "US & Allies’ headline",
		},
		{
			name: "the briefing's title", file: "content/_index.md",
			old: "title: Test briefing", bad: "title: \"The State Department&rsquo;s cables\"",
			want:  []string{`content/_index.md:2:29: title` + refField + `&rsquo;, HTML's way of writing "’"` + refPlain + `write ’ itself`},
			fixed: "title: \"The State Department’s cables\"",
			got:   func(b *briefing.Briefing) string { return b.Index.Title }, wantValue: "The State Department’s cables",
		},
		{
			name: "a claim's statement", file: "annotations/claims.yaml",
			old: `statement: "The department called`, bad: `statement: "US &amp; The department called`,
			want:  []string{`annotations/claims.yaml:3:20: statement` + refField + `&amp;, HTML's way of writing "&"` + refPlain + `write & itself`},
			fixed: `statement: "US & The department called`,
			got:   func(b *briefing.Briefing) string { return b.Claims[0].Statement }, wantValue: "US & The department called migration an existential threat.",
		},
		{
			name: "a source's title and a name", file: "annotations/sources.yaml",
			old: "title: A report\n    author: [{family: Doe, given: Jane}]", bad: "title: Crime &amp; Migration\n    author: [{family: Garc&iacute;a, given: Jane}]",
			want: []string{
				`annotations/sources.yaml:4:18: title` + refField + `&amp;, HTML's way of writing "&"` + refPlain + `write & itself`,
				`annotations/sources.yaml:5:27: family` + refField + `&iacute;, HTML's way of writing "í"` + refPlain + `write í itself`,
			},
			fixed: "title: Crime & Migration\n    author: [{family: García, given: Jane}]",
			got:   func(b *briefing.Briefing) string { return b.Sources[0].Title + " | " + b.Sources[0].Author[0].Family }, wantValue: "Crime & Migration | García",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := base()
			text := string(fs[c.file].Data)
			if !strings.Contains(text, c.old) {
				t.Fatalf("%s has no %q", c.file, c.old)
			}
			fs[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(text, c.old, c.bad, 1))}
			sameLines(t, errLines(t, fs), c.want)
			fs[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(text, c.old, c.fixed, 1))}
			b, err := Load(fs)
			if err != nil {
				t.Fatalf("with the advice followed: %v", err)
			}
			if got := c.got(b); got != c.wantValue {
				t.Errorf("with the advice followed, the text is %q, want %q", got, c.wantValue)
			}
		})
	}
}

// TestCharRefsInCSLJSON: a character reference in a CSL-JSON source is
// told at its column, counted through JSON's escapes, and a quote mark
// is told to be written as JSON writes it in a text; followed, the
// advice gives the title meant.
func TestCharRefsInCSLJSON(t *testing.T) {
	fs := base()
	delete(fs, "annotations/sources.yaml")
	source := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("[\n {\"id\": \"src-a\", \"type\": \"report\", \"title\": \"" + title + "\"}\n]")}
	}
	fs["annotations/sources.json"] = source(`The \"Law\" &amp; &quot;Order&quot;`)
	sameLines(t, errLines(t, fs), []string{
		`annotations/sources.json:2:58: title` + refField + `&amp;, HTML's way of writing "&"` + refPlain + `write & itself`,
		`annotations/sources.json:2:64: title` + refField + `&quot;, HTML's way of writing the quote mark "` + refPlain + `write it as \", as a quote mark is written inside double quotes`,
		`annotations/sources.json:2:75: title` + refField + `&quot;, HTML's way of writing the quote mark "` + refPlain + `write it as \", as a quote mark is written inside double quotes`,
	})
	fs["annotations/sources.json"] = source(`The \"Law\" & \"Order\"`)
	b, err := Load(fs)
	if err != nil {
		t.Fatalf("with the advice followed: %v", err)
	}
	if got := b.Sources[0].Title; got != `The "Law" & "Order"` {
		t.Errorf("with the advice followed, the title is %q", got)
	}
}

// TestCharRefsNotMistaken: an & that is no whole character reference
// is text, as are references in a Markdown text (which shows them as the
// characters) and in an address.
func TestCharRefsNotMistaken(t *testing.T) {
	fs := base()
	replace := func(file, old, new string) {
		t.Helper()
		text := string(fs[file].Data)
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %q", file, old)
		}
		fs[file] = &fstest.MapFile{Data: []byte(strings.Replace(text, old, new, 1))}
	}
	titles := []string{"AT&T and Q&A", "R&D spending", "Tom & Jerry", "Books &c.", "AT&Tsomething;", "Fish &chips;",
		"&ampx; and &copy 2024 without their ;", "M&A: Ernst & Young", "Ciência & Tecnologia", "Москва & Петербург", "بيروت & دمشق"}
	replace("content/articles/one.md", `title: "A headline"`, `title: "`+titles[0]+`"`)
	replace("content/articles/one.md", "published: 2025-11-27\n", "published: 2025-11-27\nauthor: Smith & Jones\nsummary: \""+strings.Join(titles[1:], " | ")+"\"\n")
	replace("content/_index.md", "title: Test briefing", "title: \"Q&A on the cables\"")
	replace("annotations/one.yaml", "The post said so.", "It said so &mdash; in the U.S.&nbsp;cable, as AT&amp;T's did.")
	replace("annotations/sources.yaml", "title: A report", "title: R&D report")
	replace("annotations/sources.yaml", "URL: https://example.org/r", "URL: \"https://example.org/r?a=1&amp;b=2&copy=3\"")
	b, err := Load(fs)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if a := b.Articles[0]; a.Title != titles[0] || a.Summary != strings.Join(titles[1:], " | ") {
		t.Errorf("the article is %+v", a)
	}
}
