// Packing the archive as a stream, in bounded memory.

package offline

import (
	"archive/zip"
	"errors"
	"hash/crc32"
	"io"
	"path"
	"runtime"
	"slices"
	"sync"

	"github.com/cespare/xxhash/v2"
)

// An Entry is a file of the archive, for Pack: its slash-separated path in
// the site, its size, and Fill, which puts the bytes [off, off+len(p)) of
// its contents into p. Fill is called once for each piece of up to 1 MiB of
// the file, from any goroutine, several pieces of one file possibly at
// once and in any order; it may do more with the bytes (write them to the
// site, say) as long as it is safe to call so.
type Entry struct {
	Name string
	Size int64
	Fill func(p []byte, off int64) error
}

// Pack writes a zip of n files to w, under Folder/, in the order given:
// entry(i) describes the i-th, and is called in order, from one goroutine,
// a few pieces ahead of the one being written. The pieces are filled and
// compressed on every core, and written as soon as they and those before
// them are done: at most a few megabytes are held at a time, whatever the
// size of the site. The archive is the same, byte for byte, for the same
// files in the same order. The first error ends it.
//
// A file of one piece is stored when deflating does not make it smaller,
// with its size and checksum in its header; a larger
// one is deflated, with its size and checksum in a data descriptor after
// its data (known only once all of it has gone by).
func Pack(w io.Writer, n int, entry func(i int) (Entry, error)) error {
	return PackReusing(w, n, entry, nil)
}

// PackReusing is Pack taking the deflated bytes of each piece that has not
// changed from prev, an archive that Pack wrote before (see extraID), when
// prev is not nil. The archive is the same as Pack's.
func PackReusing(w io.Writer, n int, entry func(i int) (Entry, error), prev *Previous) error {
	workers := runtime.GOMAXPROCS(0)
	window := 4 * workers // pieces ahead of the one written, at most
	type job struct {
		e    *Entry
		off  int64
		size int
		done chan struct{}
		piece
	}
	jobs := make(chan *job)          // to the workers
	order := make(chan *job, window) // to the writer, in order
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				j.raw = getRaw(j.size)
				j.err = j.e.Fill(j.raw, j.off)
				if j.err == nil {
					j.sum = xxhash.Sum64(j.raw)
					// A reused piece's checksum was checked as it was read.
					if j.data, j.packedSum = prev.piece(j.e.Name, int(j.off/pieceSize), j.sum); j.data == nil {
						j.data = deflate(j.raw)
						j.packedSum = xxhash.Sum64(j.data)
					}
				}
				close(j.done)
			}
		})
	}
	// entries marks where each entry's pieces start in order.
	type start struct {
		e      *Entry
		pieces int
	}
	starts := make(chan start, window)
	var entryErr error
	go func() {
		defer close(jobs)
		defer close(order)
		defer close(starts)
		for i := range n {
			e, err := entry(i)
			if err != nil {
				entryErr = err
				return
			}
			pieces := int((e.Size + pieceSize - 1) / pieceSize)
			select {
			case starts <- start{&e, pieces}:
			case <-stop:
				return
			}
			for k := range pieces {
				off := int64(k) * pieceSize
				j := &job{e: &e, off: off, size: int(min(pieceSize, e.Size-off)), done: make(chan struct{})}
				// The order queue's room bounds the pieces under way.
				select {
				case order <- j:
				case <-stop:
					return
				}
				select {
				case jobs <- j:
				case <-stop:
					return
				}
			}
		}
	}()
	err := writePieces(w, func() (*Entry, int, bool) {
		s, ok := <-starts
		return s.e, s.pieces, ok
	}, func() piece {
		j := <-order
		<-j.done
		return j.piece
	})
	close(stop)
	// Let the workers finish what they hold, and drop what is queued.
	go func() {
		for range order {
		}
	}()
	wg.Wait()
	if err == nil {
		err = entryErr
	}
	return err
}

// A piece is a piece of a file, filled and deflated: its bytes, its
// deflated bytes (sync-flushed), and the XXH64 of each.
type piece struct {
	raw, data      []byte
	sum, packedSum uint64
	err            error
}

// record is what the archive records of the piece.
func (pc piece) record() pieceRecord {
	return pieceRecord{sum: pc.sum, packedSum: pc.packedSum, packed: len(pc.data)}
}

// writePieces writes the entries that next gives, each of pieces taken
// from nextPiece, to a zip in w.
func writePieces(w io.Writer, next func() (*Entry, int, bool), nextPiece func() piece) error {
	zw := zip.NewWriter(w)
	var record []pieceRecord // the pieces of the file being written
	for {
		e, pieces, ok := next()
		if !ok {
			break
		}
		h := &zip.FileHeader{Name: path.Join(Folder, e.Name), Method: zip.Deflate, Modified: Modified,
			ModifiedDate: modDate, ModifiedTime: modTime, Extra: modExtra,
			UncompressedSize64: uint64(e.Size)}
		h.SetMode(0o644)
		record = record[:0]
		if pieces <= 1 {
			var pc piece
			if pieces == 1 {
				if pc = nextPiece(); pc.err != nil {
					return pc.err
				}
				record = append(record, pc.record())
			}
			h.CRC32 = crc32.ChecksumIEEE(pc.raw)
			h.CompressedSize64 = uint64(len(pc.data) + len(final))
			if h.CompressedSize64 >= h.UncompressedSize64 {
				h.Method, h.CompressedSize64 = zip.Store, h.UncompressedSize64
			}
			fw, err := zw.CreateRaw(h)
			if err != nil {
				return err
			}
			if h.Method == zip.Store {
				_, err = fw.Write(pc.raw)
			} else if _, err = fw.Write(pc.data); err == nil {
				_, err = fw.Write(final)
				h.Extra = withPieces(h.Extra, record)
			}
			putRaw(pc.raw)
			putOut(pc.data)
			if err != nil {
				return err
			}
			continue
		}
		// Sizes and checksum follow the data: zip.Writer writes the data
		// descriptor from h, which it keeps, when the entry is closed (by
		// the next one, or Close).
		h.Flags |= 0x8
		fw, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		var crc uint32
		var size uint64
		for range pieces {
			pc := nextPiece()
			if pc.err != nil {
				return pc.err
			}
			crc = crc32.Update(crc, crc32.IEEETable, pc.raw)
			size += uint64(len(pc.data))
			record = append(record, pc.record())
			_, err = fw.Write(pc.data)
			putRaw(pc.raw)
			putOut(pc.data)
			if err != nil {
				return err
			}
		}
		if _, err := fw.Write(final); err != nil {
			return err
		}
		h.CRC32, h.CompressedSize64 = crc, size+uint64(len(final))
		h.CompressedSize, h.UncompressedSize = uint32(min(h.CompressedSize64, 1<<32-1)), uint32(min(h.UncompressedSize64, 1<<32-1))
		if h.CompressedSize64 >= 1<<32-1 || h.UncompressedSize64 >= 1<<32-1 {
			return errors.New(e.Name + " is too large for the archive")
		}
		h.Extra = withPieces(h.Extra, record)
	}
	return zw.Close()
}

// withPieces is extra, a header's extra fields, with the field that
// records a deflated file's pieces (see extraID) after them, for the
// central directory only: zip.Writer has written the local header
// already, and writes the central directory from the header it keeps.
// A file of too many pieces for an extra field goes without.
func withPieces(extra []byte, record []pieceRecord) []byte {
	if len(extra)+4+fingerprintSize+len(record)*pieceInfoSize > 1<<15 {
		return extra
	}
	return append(slices.Clip(extra), pieceExtra(record)...)
}

// raws holds buffers of pieceSize for the pieces being packed.
var raws = sync.Pool{New: func() any { return new([pieceSize]byte) }}

func getRaw(n int) []byte {
	return raws.Get().(*[pieceSize]byte)[:n]
}

func putRaw(b []byte) {
	if cap(b) == pieceSize {
		raws.Put((*[pieceSize]byte)(b[:pieceSize]))
	}
}
