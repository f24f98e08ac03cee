package offline

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"maps"
	"testing"
)

// previous reads an archive for PackReusing, failing the test when it
// cannot be used.
func previous(t *testing.T, data []byte) *Previous {
	t.Helper()
	p := readPrevious(bytes.NewReader(data), int64(len(data)))
	if p == nil {
		t.Fatal("the archive cannot be reused")
	}
	return p
}

// deflated counts the deflated files of an archive, and their pieces:
// those whose compressed bytes it keeps.
func deflated(t *testing.T, data []byte) (files, pieces int) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Method == zip.Deflate {
			files++
			pieces += int((f.UncompressedSize64 + pieceSize - 1) / pieceSize)
		}
	}
	return files, pieces
}

// TestPackReusing: packing the same files again from the earlier archive
// takes every deflated piece from it; after changes, the pieces that did
// not change; either way the archive is the one packing afresh gives.
func TestPackReusing(t *testing.T) {
	files := packFiles()
	first, _ := pack(t, files)
	_, all := deflated(t, first)
	if all < 8 {
		t.Fatalf("only %d deflated pieces: the test would show little", all)
	}

	prev := previous(t, first)
	again, _ := packReusing(t, files, prev)
	if !bytes.Equal(again, first) {
		t.Error("packing the same files from the earlier archive gave another archive")
	}
	if got := prev.Reused(); got != int64(all) {
		t.Errorf("reused %d pieces, want all %d", got, all)
	}

	changed := maps.Clone(files)
	text := bytes.Clone(files["big/text.json"]) // 5.4 MB: 6 pieces
	text[pieceSize+10] = 'X'                    // the second piece, same size
	changed["big/text.json"] = text
	changed["articles/a.html"] = append(bytes.Clone(files["articles/a.html"]), "<p>more</p>"...) // one piece, longer
	changed["big/exact.html"] = files["big/exact.html"][:pieceSize-1]                            // two pieces, now one
	changed["articles/new.html"] = bytes.Repeat([]byte("<p>new</p>"), 100)
	delete(changed, "big/noise.bin")
	fresh, _ := pack(t, changed)
	prev = previous(t, first)
	got, _ := packReusing(t, changed, prev)
	if !bytes.Equal(got, fresh) {
		t.Error("packing changed files from the earlier archive gave another archive than packing them afresh")
	}
	// Of the earlier deflated pieces: big/noise.bin's four are gone (its
	// incompressible pieces are deflated all the same, being several),
	// one of big/text.json's and articles/a.html's changed, and
	// big/exact.html's two pieces are now one piece, shorter.
	want := int64(all - 4 - 1 - 1 - 2)
	if prev.Reused() != want {
		t.Errorf("after changes, reused %d pieces, want %d", prev.Reused(), want)
	}
}

// TestPackReusingDamaged: a piece whose compressed bytes in the earlier
// archive are not what it recorded is compressed again.
func TestPackReusingDamaged(t *testing.T) {
	files := packFiles()
	first, _ := pack(t, files)
	_, all := deflated(t, first)
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var off int64 = -1
	for _, f := range zr.File {
		if f.Name == Folder+"/articles/a.html" {
			if off, err = f.DataOffset(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if off < 0 {
		t.Fatal("no articles/a.html in the archive")
	}
	damaged := bytes.Clone(first)
	damaged[off+3] ^= 0x55
	prev := previous(t, damaged)
	got, _ := packReusing(t, files, prev)
	if !bytes.Equal(got, first) {
		t.Error("packing from a damaged archive gave another archive than packing afresh")
	}
	if want := int64(all - 1); prev.Reused() != want {
		t.Errorf("reused %d pieces, want %d (all but the damaged one)", prev.Reused(), want)
	}
}

// TestPreviousNotUsable: an archive that no Pack with this codec wrote,
// or no archive at all, is not used.
func TestPreviousNotUsable(t *testing.T) {
	var plain bytes.Buffer
	zw := zip.NewWriter(&plain)
	w, err := zw.Create(Folder + "/index.html")
	if err != nil {
		t.Fatal(err)
	}
	w.Write(bytes.Repeat([]byte("<p>home</p>"), 100))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	first, _ := pack(t, packFiles())
	fp := binary.LittleEndian.AppendUint64(nil, fingerprint())
	if files, _ := deflated(t, first); bytes.Count(first, fp) != files {
		t.Fatal("the fingerprint is not once in each deflated file's extra field")
	}
	other := bytes.ReplaceAll(first, fp, binary.LittleEndian.AppendUint64(nil, fingerprint()+1))
	for name, data := range map[string][]byte{
		"an archive of archive/zip": plain.Bytes(),
		"another codec's":           other,
		"not an archive":            []byte("PK\x03\x04 not really"),
		"empty":                     nil,
	} {
		if p := readPrevious(bytes.NewReader(data), int64(len(data))); p != nil {
			t.Errorf("%s: usable, with %d files", name, len(p.files))
		}
	}
	if p := OpenPrevious(t.TempDir() + "/none.zip"); p != nil {
		t.Error("a missing archive is usable")
	}
	var none *Previous
	if err := none.Close(); err != nil || none.Reused() != 0 {
		t.Errorf("nil Previous: Close %v, Reused %d", err, none.Reused())
	}
}
