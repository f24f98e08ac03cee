package diag

import "testing"

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
