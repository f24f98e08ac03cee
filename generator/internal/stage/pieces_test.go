package stage

import (
	"bytes"
	"io"
	"testing"
)

func TestPiecesEqual(t *testing.T) {
	text := []byte("the quick brown fox jumps over the lazy dog")
	other := bytes.Clone(text)
	other[20] = 'J'
	for _, tc := range []struct {
		name string
		a, b Pieces
		want bool
	}{
		{"both empty", nil, Pieces{{}, nil}, true},
		{"one piece each", Pieces{text}, Pieces{bytes.Clone(text)}, true},
		{"cut differently", cut(text, []int{3, 10, 11}), cut(text, []int{4, 5, 30}), true},
		{"the same memory", Pieces{text[:9], text[9:]}, Pieces{text[:9], text[9:]}, true},
		{"a byte differs", cut(text, []int{3, 10}), cut(other, []int{25}), false},
		{"a byte differs at the end", Pieces{text}, Pieces{text[:len(text)-1], []byte("x")}, false},
		{"shorter", Pieces{text}, Pieces{text[:10]}, false},
		{"empty pieces between", Pieces{text[:5], nil, {}, text[5:]}, Pieces{text}, true},
	} {
		if got := tc.a.Equal(tc.b); got != tc.want {
			t.Errorf("%s: Equal = %v, want %v", tc.name, got, tc.want)
		}
		if got := tc.b.Equal(tc.a); got != tc.want {
			t.Errorf("%s, the other way: Equal = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPieceFilesKeep checks that a file of PieceFiles keeps what it is
// handed to keep, as it is, and copies what is written to it, so that a
// writer may reuse its buffer.
func TestPieceFilesKeep(t *testing.T) {
	f := PieceFiles{}
	w, err := f.Create("a")
	if err != nil {
		t.Fatal(err)
	}
	kept := []byte("kept part")
	buf := []byte("written")
	w.Write(buf)
	copy(buf, "WRITTEN") // the writer reuses its buffer
	if err := put(w, kept); err != nil {
		t.Fatal(err)
	}
	w.Write(buf[:3])
	w.Write([]byte(", end"))
	if _, ok := f["a"]; ok {
		t.Error("the file is there before it is closed")
	}
	w.Close()
	got := f["a"]
	if want := "writtenkept partWRI, end"; string(got.Join()) != want {
		t.Fatalf("the file holds %q, want %q", got.Join(), want)
	}
	if len(got) != 3 || &got[1][0] != &kept[0] {
		t.Errorf("the kept part was copied: pieces %q", got)
	}

	// A spool hands what it kept on to be kept, and its copies.
	sp, _ := f.Spool()
	sp.Write([]byte("x"))
	put(sp, kept)
	into, _ := f.Create("b")
	if _, err := sp.WriteTo(into); err != nil {
		t.Fatal(err)
	}
	into.Close()
	if b := f["b"]; string(b.Join()) != "xkept part" || &b[1][0] != &kept[0] {
		t.Errorf("the spool's pieces: %q", b)
	}

	// Into Files, whose files have no Keep, everything is written.
	var plain bytes.Buffer
	if err := put(struct{ io.Writer }{&plain}, kept); err != nil || plain.String() != "kept part" {
		t.Errorf("put to a plain writer: %q, %v", plain.String(), err)
	}
}
