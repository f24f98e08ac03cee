// Reusing an earlier archive's compressed pieces.

package offline

import (
	"archive/zip"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"
	"github.com/klauspost/compress/flate"
)

// An archive Pack writes says, for each file it deflated, what each piece
// was before and after compression: an extra field in the file's central
// directory header (not in its local header, written before the pieces
// are known), with ID extraID, holding the codec's fingerprint and then,
// for each piece, the XXH64 of its bytes, the XXH64 of its deflated bytes
// and the length of those (little-endian, 8, 8 and 4 bytes). Zip readers
// skip an extra field they do not know.
//
// Given that archive as Previous, Pack copies a piece's deflated bytes
// from it instead of compressing the piece again when the same file has a
// piece at the same place with the same length and checksum, and the
// copied bytes have theirs. Deflate gives the same bytes for the same
// input, so the archive is the same, byte for byte, as one compressed
// afresh, as long as the codec is the same: the fingerprint covers the
// compression library's version (when the program knows it), its level,
// the piece size, and what it makes of a sample, and an archive with
// another fingerprint is not used.
const extraID = 0x6272 // "rb"

const (
	fingerprintSize = 8
	pieceInfoSize   = 8 + 8 + 4
	maxPacked       = pieceSize + pieceSize/16 // more than deflate makes of a piece
)

// A Previous is an earlier archive, opened for Pack to reuse.
type Previous struct {
	r      io.ReaderAt
	closer io.Closer
	files  map[string][]prevPiece // by the file's path in the site
	reused atomic.Int64
}

// prevPiece is a deflated piece of a file in a Previous, and where its
// deflated bytes are in the archive.
type prevPiece struct {
	pieceRecord
	off int64
}

// OpenPrevious opens the archive at path for Pack to reuse. It returns nil
// when there is none or it cannot be used (not a zip, or one that no Pack
// with the same codec wrote): reusing is only ever a saving, and without
// it Pack compresses everything.
func OpenPrevious(path string) *Previous {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil
	}
	p := readPrevious(f, info.Size())
	if p == nil {
		f.Close()
		return nil
	}
	p.closer = f
	return p
}

// readPrevious reads the archive of size bytes in r, or returns nil.
func readPrevious(r io.ReaderAt, size int64) *Previous {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil
	}
	p := &Previous{r: r, files: make(map[string][]prevPiece, len(zr.File))}
	for _, f := range zr.File {
		name, ok := strings.CutPrefix(f.Name, Folder+"/")
		if !ok || f.Method != zip.Deflate {
			continue
		}
		info := pieceField(f.Extra)
		if len(info) < fingerprintSize || binary.LittleEndian.Uint64(info) != fingerprint() {
			continue
		}
		info = info[fingerprintSize:]
		n := len(info) / pieceInfoSize
		if len(info)%pieceInfoSize != 0 || uint64(n) != (f.UncompressedSize64+pieceSize-1)/pieceSize {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			continue
		}
		pieces := make([]prevPiece, n)
		end := off
		for k := range pieces {
			b := info[k*pieceInfoSize:]
			pc := prevPiece{off: end, pieceRecord: pieceRecord{
				sum:       binary.LittleEndian.Uint64(b),
				packedSum: binary.LittleEndian.Uint64(b[8:]),
				packed:    int(binary.LittleEndian.Uint32(b[16:])),
			}}
			end += int64(pc.packed)
			pieces[k] = pc
		}
		// The pieces fill the file's data, which is in the archive, and
		// none is larger than deflate makes a piece: a damaged directory
		// asks for no huge buffer.
		if uint64(end-off)+uint64(len(final)) != f.CompressedSize64 || end > size ||
			slices.ContainsFunc(pieces, func(pc prevPiece) bool { return pc.packed > maxPacked }) {
			continue
		}
		p.files[name] = pieces
	}
	if len(p.files) == 0 {
		return nil
	}
	return p
}

// pieceField returns the data of the extra field extraID in extra, or nil.
func pieceField(extra []byte) []byte {
	for len(extra) >= 4 {
		id, size := binary.LittleEndian.Uint16(extra), int(binary.LittleEndian.Uint16(extra[2:]))
		extra = extra[4:]
		if size > len(extra) {
			return nil
		}
		if id == extraID {
			return extra[:size]
		}
		extra = extra[size:]
	}
	return nil
}

// Close closes the archive. A nil Previous has nothing to close.
func (p *Previous) Close() error {
	if p == nil || p.closer == nil {
		return nil
	}
	return p.closer.Close()
}

// Reused is how many pieces Pack has taken from the archive so far.
func (p *Previous) Reused() int64 {
	if p == nil {
		return 0
	}
	return p.reused.Load()
}

// piece returns, in a buffer from getOut, the deflated bytes of the k-th
// piece of the file name, and their checksum, when the archive has that
// piece with the checksum sum (which covers its length too) and they are
// intact; else nil.
func (p *Previous) piece(name string, k int, sum uint64) ([]byte, uint64) {
	if p == nil {
		return nil, 0
	}
	pieces := p.files[name]
	if k >= len(pieces) || pieces[k].sum != sum {
		return nil, 0
	}
	pc := pieces[k]
	b := getOut(pc.packed).b[:pc.packed]
	if _, err := p.r.ReadAt(b, pc.off); err != nil || xxhash.Sum64(b) != pc.packedSum {
		putOut(b)
		return nil, 0
	}
	p.reused.Add(1)
	return b, pc.packedSum
}

// fingerprint identifies the codec an archive's pieces were deflated
// with: what reusing them relies on to give the bytes compressing would.
var fingerprint = sync.OnceValue(func() uint64 {
	d := xxhash.New()
	fmt.Fprintf(d, "offline pieces 1: %d bytes, flate level %d, %s\n", pieceSize, flate.BestSpeed, compressVersion())
	// The sample: words from a small vocabulary, so that it has both
	// repeats for matches and literals.
	words := []string{"the ", "cable ", "notes ", "a ", "claim ", "source, ", "1,011 ", "percent. ", "<p>", "</p>\n", "verdict ", "of "}
	var sample []byte
	x := uint32(1)
	for len(sample) < 64<<10 {
		x = x*1664525 + 1013904223
		sample = append(sample, words[x>>28%uint32(len(words))]...)
	}
	packed := deflate(sample)
	_, _ = d.Write(packed)
	putOut(packed)
	return d.Sum64()
})

// compressVersion is the version of github.com/klauspost/compress the
// program was built with, or "" when it does not say (a test binary).
func compressVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range bi.Deps {
		if m.Path == "github.com/klauspost/compress" {
			if m.Replace != nil {
				m = m.Replace
			}
			return m.Path + " " + m.Version + " " + m.Sum
		}
	}
	return ""
}

// A pieceRecord is what an archive records of a piece it deflated: the
// XXH64 of its bytes and of its deflated bytes, and the length of those.
type pieceRecord struct {
	sum, packedSum uint64
	packed         int
}

// pieceExtra is the extra field that records a deflated file's pieces.
func pieceExtra(record []pieceRecord) []byte {
	size := fingerprintSize + len(record)*pieceInfoSize
	b := make([]byte, 0, 4+size)
	b = binary.LittleEndian.AppendUint16(b, extraID)
	b = binary.LittleEndian.AppendUint16(b, uint16(size))
	b = binary.LittleEndian.AppendUint64(b, fingerprint())
	for _, r := range record {
		b = binary.LittleEndian.AppendUint64(b, r.sum)
		b = binary.LittleEndian.AppendUint64(b, r.packedSum)
		b = binary.LittleEndian.AppendUint32(b, uint32(r.packed))
	}
	return b
}
