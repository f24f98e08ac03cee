package diag

import (
	"errors"
	"testing"
)

// TestPosString: a position is path:line:col, with 1 for what is unknown;
// a path with a control character in it is quoted, so that a file named
// with a line break does not split the message's line.
func TestPosString(t *testing.T) {
	for _, c := range []struct {
		p    Pos
		want string
	}{
		{Pos{File: "content/articles/one.md", Line: 3, Col: 7}, "content/articles/one.md:3:7"},
		{Pos{File: "annotations/one.yaml"}, "annotations/one.yaml:1:1"},
		{Pos{File: "annotations/one.yaml", Line: 4}, "annotations/one.yaml:4:1"},
		{Pos{File: "content/articles/café.md", Line: 1, Col: 1}, "content/articles/café.md:1:1"},
		{Pos{File: "content/articles/one\ntwo.md", Line: 2, Col: 5}, `"content/articles/one\ntwo.md":2:5`},
		{Pos{File: "annotations/a\rb.yaml"}, `"annotations/a\rb.yaml":1:1`},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v: got %s, want %s", c.p, got, c.want)
		}
	}
	if got, want := Path("content/articles/sub\ndir/one.md"), `"content/articles/sub\ndir/one.md"`; got != want {
		t.Errorf("Path: got %s, want %s", got, want)
	}
}

// TestJoin: two runs' problems are one list, sorted; a failure that is not
// a list of problems is returned as it is; nil joins to the other.
func TestJoin(t *testing.T) {
	var a, b List
	a.Add(Pos{File: "themes/briefing/i18n/en.toml", Line: 1, Col: 1}, "theme")
	b.Add(Pos{File: "content/a.md", Line: 2, Col: 3}, "article")
	if got, want := Join(a.Err(), b.Err()).Error(), "content/a.md:2:3: article\nthemes/briefing/i18n/en.toml:1:1: theme"; got != want {
		t.Errorf("Join = %q, want %q", got, want)
	}
	failed := errors.New("disk gone")
	if Join(a.Err(), failed) != failed || Join(failed, b.Err()) != failed {
		t.Error("Join lost a failure that is not a list of problems")
	}
	if got := Join(nil, b.Err()); got == nil || got.Error() != b.Err().Error() || Join(nil, nil) != nil {
		t.Error("Join of nil is not the other")
	}
}

// TestOnly: a run's problems are all of a kind only when each wraps it
// and none was dropped unlisted; no problems, or a failure that is not a
// list of problems, are not.
func TestOnly(t *testing.T) {
	var all, mixed, many List
	all.AddErr(Pos{File: "content/_index.md", Line: 2, Col: 8}, ErrPlaceholder, "the briefing's title is empty")
	all.AddErr(Pos{File: "content/methodology.md", Line: 6, Col: 1}, ErrPlaceholder, "new's paragraph")
	mixed.Append(&all)
	mixed.AddErr(Pos{File: "content/articles/a.md", Line: 1, Col: 1}, ErrMissingField, "the article has no title")
	for range MaxErrors + 1 {
		many.AddErr(Pos{File: "content/_index.md", Line: 13, Col: 1}, ErrPlaceholder, "new's text")
	}
	for _, c := range []struct {
		name string
		err  error
		want bool
	}{
		{"all placeholders", all.Err(), true},
		{"and another problem", mixed.Err(), false},
		{"some dropped", many.Err(), false},
		{"none", nil, false},
		{"a failure", errors.New("hugo failed"), false},
		{"joined", Join(all.Err(), all.Err()), true},
	} {
		if got := Only(c.err, ErrPlaceholder); got != c.want {
			t.Errorf("%s: Only = %v, want %v", c.name, got, c.want)
		}
	}
}
