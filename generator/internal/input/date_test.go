package input

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestDateWithTime: a date given with a time of day, as a timestamp
// (copied from a page's metadata) or with its hour, is told to be written
// alone, one way for both: the timestamp passed, its time dropped without
// a word, while the hour was refused. The date advised is the one
// written, the day where it was written (23:30 at -08:00 is the 28th in
// UTC, and the 27th where the article appeared); followed, the advice
// gives a date that passes and means that day.
func TestDateWithTime(t *testing.T) {
	for _, c := range []struct {
		file, field, value, want string
	}{
		{"content/articles/one.md", "published", "2025-11-27T23:30:00-08:00", "2025-11-27"},
		{"content/articles/one.md", "published", "2025-11-27T10:00:00Z", "2025-11-27"},
		{"content/articles/one.md", "published", "2025-11-27 10:00", "2025-11-27"},
		{"content/articles/one.md", "published", `"2025-11-27 10:00:00.5 +01:00"`, "2025-11-27"},
		{"content/articles/one.md", "published", "2025-11-27 10:00 pm", "2025-11-27"},
		{"content/_index.md", "published", "2025-12-01T08:00:00+02:00", "2025-12-01"},
		{"content/_index.md", "date", "2025-11-21T14:02:00Z", "2025-11-21"},
	} {
		fs := base()
		var text, wantAt string
		switch c.field {
		case "date":
			text = "---\ntitle: Test briefing\ntimeline:\n  - date: " + c.value + "\n    text: The cable is sent.\n---\nOverview.\n"
			wantAt = "content/_index.md:4:11"
		case "published":
			if c.file == "content/_index.md" {
				text = "---\ntitle: Test briefing\npublished: " + c.value + "\n---\nOverview.\n"
				wantAt = "content/_index.md:3:12"
			} else {
				text = strings.Replace(string(fs[c.file].Data), "2025-11-27", c.value, 1)
				wantAt = "content/articles/one.md:5:12"
			}
		}
		fs[c.file] = &fstest.MapFile{Data: []byte(text)}
		shown := `"` + strings.Trim(c.value, `"`) + `"`
		sameLines(t, errLines(t, fs), []string{
			wantAt + ": " + c.field + " " + shown + " has a time of day: write the date alone, as YYYY-MM-DD, like " + c.field + ": " + c.want,
		})
		// The advice followed: the date alone passes, as that day.
		fs[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(text, c.value, c.want, 1))}
		b, err := Load(fs)
		if err != nil {
			t.Fatalf("%s: %s: with the date alone: %v", c.value, c.field, err)
		}
		got := ""
		switch {
		case c.field == "date":
			got = b.Index.Timeline[0].Date.ISO()
		case c.file == "content/_index.md":
			got = b.Index.Published.ISO()
		default:
			got = b.Articles[0].Published.ISO()
		}
		if got != c.want {
			t.Errorf("%s: %s: with the date alone, it is %s, want %s", c.value, c.field, got, c.want)
		}
	}
}

// TestDateWithTimeNotMistaken: what is no date with a time is told as it
// was.
func TestDateWithTimeNotMistaken(t *testing.T) {
	for value, want := range map[string]string{
		"2025-11-31T10:00:00Z": `content/articles/one.md:5:12: published "2025-11-31T10:00:00Z" is not a valid date: write it as YYYY-MM-DD, like 2025-11-27`,
		"2025-11-27 draft":     `content/articles/one.md:5:12: published "2025-11-27 draft" is not a valid date: write it as YYYY-MM-DD, like 2025-11-27`,
		"2025-11":              `content/articles/one.md:5:12: published "2025-11" needs its day, as YYYY-MM-DD: if only the month or the year is known, leave published out and say so in date_note`,
	} {
		fs := base()
		fs["content/articles/one.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fs["content/articles/one.md"].Data), "2025-11-27", value, 1))}
		sameLines(t, errLines(t, fs), []string{want})
	}
}
