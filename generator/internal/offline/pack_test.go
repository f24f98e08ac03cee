package offline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/briefing/annotated/generator/internal/briefingtest"
)

// packFiles is a site for Pack: empty, small, incompressible and
// several-piece files, some of a size that is a multiple of a piece.
func packFiles() map[string][]byte {
	rnd := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 3*pieceSize+17)
	for i := range noise {
		noise[i] = byte(rnd.Uint32())
	}
	return map[string][]byte{
		"empty.txt":       nil,
		"index.html":      []byte("<p>home</p>"),
		"img/noise.bin":   noise[:5000],
		"big/noise.bin":   noise,
		"big/text.json":   bytes.Repeat([]byte(`{"note": "a note", "n": 1},`), 200_000),
		"big/exact.html":  bytes.Repeat([]byte("abcd"), pieceSize/2),
		"articles/a.html": bytes.Repeat([]byte("<p>text</p>"), 1000),
	}
}

// pack packs files in sorted order, each filled from memory, recording
// which pieces were asked for.
func pack(t *testing.T, files map[string][]byte) ([]byte, map[string][]int64) {
	t.Helper()
	return packReusing(t, files, nil)
}

// packReusing is pack reusing prev's pieces.
func packReusing(t *testing.T, files map[string][]byte, prev *Previous) ([]byte, map[string][]int64) {
	t.Helper()
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range files {
			if !yield(name) {
				return
			}
		}
	})
	var mu sync.Mutex
	asked := map[string][]int64{}
	var buf bytes.Buffer
	err := PackReusing(&buf, len(names), func(i int) (Entry, error) {
		data := files[names[i]]
		return Entry{Name: names[i], Size: int64(len(data)), Fill: func(p []byte, off int64) error {
			mu.Lock()
			asked[names[i]] = append(asked[names[i]], off)
			mu.Unlock()
			if copy(p, data[off:]) != len(p) {
				return fmt.Errorf("%s: piece at %d past the end", names[i], off)
			}
			return nil
		}}, nil
	}, prev)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), asked
}

// TestPack: every file in the order given, whole, under Folder/ with the
// fixed time; each piece asked for once; unzip reads the archive; two
// packings are the same bytes.
func TestPack(t *testing.T) {
	files := packFiles()
	data, asked := pack(t, files)
	entries, got := briefingtest.Unzip(t, data)
	var names []string
	for _, f := range entries {
		name := f.Name[len(Folder)+1:]
		names = append(names, name)
		if !bytes.Equal(got[f.Name], files[name]) {
			t.Errorf("%s: %d bytes, want %d", f.Name, len(got[f.Name]), len(files[name]))
		}
		if !f.Modified.Equal(Modified) || f.Mode() != 0o644 {
			t.Errorf("%s: modified %v, mode %v", f.Name, f.Modified, f.Mode())
		}
		pieces := (len(files[name]) + pieceSize - 1) / pieceSize
		slices.Sort(asked[name])
		if len(asked[name]) != pieces {
			t.Errorf("%s: pieces asked for at %v, want %d", name, asked[name], pieces)
		}
		for k, off := range asked[name] {
			if off != int64(k)*pieceSize {
				t.Errorf("%s: piece %d asked for at %d", name, k, off)
			}
		}
	}
	if want := slices.Sorted(func(yield func(string) bool) {
		for name := range files {
			yield(name)
		}
	}); !slices.Equal(names, want) {
		t.Errorf("entries %v, want %v", names, want)
	}
	if again, _ := pack(t, files); !bytes.Equal(again, data) {
		t.Error("two packings of the same files differ")
	}
	if unzip, err := exec.LookPath("unzip"); err == nil {
		p := filepath.Join(t.TempDir(), Name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command(unzip, "-tq", p).CombinedOutput(); err != nil {
			t.Errorf("unzip -t: %v\n%s", err, msg)
		}
	}
}

// TestPackErrors: an error describing a file, or filling one of its
// pieces, ends the packing with that error, and Pack returns.
func TestPackErrors(t *testing.T) {
	broken := errors.New("broken")
	for _, at := range []int{0, 3, 39} {
		err := Pack(io.Discard, 40, func(i int) (Entry, error) {
			if i == at {
				return Entry{}, broken
			}
			return Entry{Name: fmt.Sprint(i), Size: 3 * pieceSize, Fill: func([]byte, int64) error { return nil }}, nil
		})
		if !errors.Is(err, broken) {
			t.Errorf("entry %d failing: %v", at, err)
		}
		err = Pack(io.Discard, 40, func(i int) (Entry, error) {
			return Entry{Name: fmt.Sprint(i), Size: 3 * pieceSize, Fill: func(_ []byte, off int64) error {
				if i == at && off == pieceSize {
					return broken
				}
				return nil
			}}, nil
		})
		if !errors.Is(err, broken) {
			t.Errorf("a piece of entry %d failing: %v", at, err)
		}
	}
}
