// Package offline packs the built site into briefing-offline.zip, the copy a
// reader downloads to read from disk. The archive is deterministic: entries
// in sorted order under one top folder, each with the same fixed
// modification time and mode, so two builds of the same briefing give the same bytes.
//
// # Compressing as the site is written
//
// Pack takes the files one after the other, as the build writes them, and
// compresses them in pieces of up to 1 MiB on every core, holding only a
// few pieces at a time. Each file is a deflate stream of its pieces, each
// compressed on its own and ending on a sync flush: deflate streams join on
// byte boundaries, so the pieces need not be compressed together or in
// order. Write packs a site that is already written (the preview's) the
// same way, so the same files give the same archive.
//
// # Reusing an earlier archive
//
// The archive records each deflated piece's checksums (see extraID), and
// PackReusing, given the archive an earlier build published, copies the
// deflated bytes of every piece that has not changed instead of
// compressing it again, with the same archive as a result.
package offline

import (
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
)

// Name is the archive's file name in the site.
const Name = "briefing-offline.zip"

// Folder is the folder the archive unpacks to.
const Folder = "briefing"

// Modified is the modification time of every entry: the earliest a zip
// file's MS-DOS time stamp can hold, so that it carries no build time.
var Modified = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes a zip of every regular file in site to w, under Folder/,
// in sorted order, leaving out any file named Name (the archive itself),
// NotFound as ForDisk gives it: Pack, reading each piece from site.
func Write(w io.Writer, site fs.FS) error {
	var files []Entry
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.Type().IsRegular() && p == NotFound:
			data, err := fs.ReadFile(site, p)
			if err != nil {
				return err
			}
			data = ForDisk(p, data)
			files = append(files, Entry{Name: p, Size: int64(len(data)), Fill: func(b []byte, off int64) error {
				copy(b, data[off:])
				return nil
			}})
		case d.Type().IsRegular() && p != Name:
			info, err := d.Info()
			if err != nil {
				return err
			}
			files = append(files, Entry{Name: p, Size: info.Size(), Fill: func(b []byte, off int64) error {
				return readAt(site, p, b, off)
			}})
		case !d.IsDir() && !d.Type().IsRegular():
			return fmt.Errorf("%s is not a regular file", p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return Pack(w, len(files), func(i int) (Entry, error) { return files[i], nil })
}

// readAt fills b with the bytes of the file name in site from off on, and
// fails when the file has fewer.
func readAt(site fs.FS, name string, b []byte, off int64) error {
	f, err := site.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if ra, ok := f.(io.ReaderAt); ok {
		n, err := ra.ReadAt(b, off)
		if n == len(b) {
			return nil
		}
		if err == nil || err == io.EOF {
			err = fmt.Errorf("%s changed while it was being packed", name)
		}
		return err
	}
	if _, err := io.CopyN(io.Discard, f, off); err != nil {
		return fmt.Errorf("%s changed while it was being packed: %w", name, err)
	}
	if _, err := io.ReadFull(f, b); err != nil {
		return fmt.Errorf("%s changed while it was being packed: %w", name, err)
	}
	return nil
}

// pieceSize is the most of a file compressed on its own (Pack): a large
// file keeps every core busy, for a few bytes a piece and the matches
// across its boundaries.
const pieceSize = 1 << 20

// final is an empty last block (fixed Huffman codes: BFINAL, BTYPE 01, the
// end-of-block code), which ends a stream of sync-flushed parts.
var final = []byte{0x03, 0x00}

// The time stamps of every entry, which zip.Writer.CreateRaw leaves as
// they are given: Modified as an MS-DOS date and time, and as the extended
// time stamp (Unix seconds) that zip.Writer.CreateHeader would add.
var (
	modDate  = uint16((Modified.Year()-1980)<<9 | int(Modified.Month())<<5 | Modified.Day())
	modTime  = uint16(Modified.Hour()<<11 | Modified.Minute()<<5 | Modified.Second()>>1)
	modExtra = binary.LittleEndian.AppendUint32([]byte{0x55, 0x54, 5, 0, 1}, uint32(Modified.Unix()))
)

var flaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return fw
}}

// deflate compresses data into blocks that end on a sync flush: not final,
// and byte-aligned, so that the next part's blocks can follow them. The
// result is in a buffer of outs; putOut hands it back once it is written.
func deflate(data []byte) []byte {
	out := getOut(len(data)/4 + 64)
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	fw.Reset(out)
	// Appending to a byte slice does not fail.
	_, _ = fw.Write(data)
	_ = fw.Flush()
	return out.b
}

// outs holds the buffers the pieces are compressed into: a build packs
// hundreds of megabytes, and a fresh buffer for each piece was memory the
// system had to hand over (and clear) again and again.
var outs sync.Pool

// appender is an io.Writer that appends to b.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) {
	a.b = append(a.b, p...)
	return len(p), nil
}

func getOut(n int) *appender {
	a, _ := outs.Get().(*appender)
	if a == nil {
		a = new(appender)
	}
	a.b = slices.Grow(a.b[:0], n)
	return a
}

// putOut hands back a buffer that deflate returned.
func putOut(b []byte) {
	outs.Put(&appender{b: b})
}
