// Package offline packs the built site into briefing-offline.zip, the copy a
// reader downloads to read from disk. The archive is deterministic: entries
// in sorted order under one top folder, each with the same fixed
// modification time and mode, so two builds of the same briefing give the same bytes.
package offline

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"sync"
	"time"
)

// Name is the archive's file name in the site.
const Name = "briefing-offline.zip"

// Folder is the folder the archive unpacks to.
const Folder = "briefing"

// Modified is the modification time of every entry: the earliest a zip
// file's MS-DOS time stamp can hold, so that it carries no build time.
var Modified = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes a zip of every regular file in site to w, under Folder/,
// leaving out any file named Name (the archive itself).
//
// Files are compressed on every core, a few ahead of the one being written,
// and written in order. They are compressed for speed (flate.BestSpeed):
// at a thousand articles the default level took three times as long (3.4 s
// of one core, half of the generator's time) for an archive a fifth
// smaller.
func Write(w io.Writer, site fs.FS) error {
	var files []string
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && p != Name {
			files = append(files, p)
		} else if !d.IsDir() && !d.Type().IsRegular() {
			return fmt.Errorf("%s is not a regular file", p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	done := make(chan struct{})
	defer close(done)
	results := make([]chan entry, len(files))
	for i := range results {
		results[i] = make(chan entry, 1)
	}
	ahead := make(chan struct{}, 2*runtime.GOMAXPROCS(0)) // entries compressed and not yet written
	go func() {
		for i, p := range files {
			select {
			case ahead <- struct{}{}:
			case <-done:
				return
			}
			go func() { results[i] <- compress(site, p) }()
		}
	}()
	zw := zip.NewWriter(w)
	for i, p := range files {
		e := <-results[i]
		<-ahead
		if e.err != nil {
			return e.err
		}
		h := &zip.FileHeader{Name: path.Join(Folder, p), Method: zip.Deflate, Modified: Modified,
			ModifiedDate: modDate, ModifiedTime: modTime, Extra: modExtra,
			CRC32: e.crc, CompressedSize64: uint64(len(e.data)), UncompressedSize64: e.size}
		h.SetMode(0o644)
		fw, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(e.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// The time stamps of every entry, which zip.Writer.CreateRaw leaves as
// they are given: Modified as an MS-DOS date and time, and as the extended
// time stamp (Unix seconds) that zip.Writer.CreateHeader would add.
var (
	modDate  = uint16((Modified.Year()-1980)<<9 | int(Modified.Month())<<5 | Modified.Day())
	modTime  = uint16(Modified.Hour()<<11 | Modified.Minute()<<5 | Modified.Second()>>1)
	modExtra = binary.LittleEndian.AppendUint32([]byte{0x55, 0x54, 5, 0, 1}, uint32(Modified.Unix()))
)

// entry is one file, compressed.
type entry struct {
	data []byte // deflated
	crc  uint32
	size uint64
	err  error
}

var flaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return fw
}}

func compress(site fs.FS, p string) entry {
	f, err := site.Open(p)
	if err != nil {
		return entry{err: err}
	}
	defer f.Close()
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil {
		buf.Grow(int(st.Size()/4) + 64)
	}
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	fw.Reset(&buf)
	sum := crc32.NewIEEE()
	n, err := io.Copy(io.MultiWriter(fw, sum), f)
	if err == nil {
		err = fw.Close()
	}
	if err != nil {
		return entry{err: fmt.Errorf("%s: %w", p, err)}
	}
	return entry{data: buf.Bytes(), crc: sum.Sum32(), size: uint64(n)}
}
