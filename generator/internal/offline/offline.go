// Package offline packs the built site into briefing-offline.zip, the copy a
// reader downloads to read from disk. The archive is deterministic: entries
// in sorted order under one top folder, each with the same fixed
// modification time and mode, so two builds of the same briefing give the same bytes.
//
// # Compressing while the site is made
//
// Most of a site's bytes are known before Hugo runs: the page bodies and the
// files the generator writes itself (see stage.Detach). An Archive takes
// them as they are known and compresses them on the cores Hugo leaves idle,
// so that once the site is complete the archive is mostly written from
// memory, without reading the site back. Each file is a deflate stream made
// of independently compressed parts (a page's head, its body and its tail,
// say), each ending on a sync flush: deflate streams join on byte
// boundaries, so the parts need not be compressed together or in order.
package offline

import (
	"archive/zip"
	"bytes"
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
// leaving out any file named Name (the archive itself). It is an Archive
// that was given no file in advance.
func Write(w io.Writer, site fs.FS) error {
	return new(Archive).Write(w, site)
}

// An Archive is briefing-offline.zip in the making: the build gives it the
// contents of the site's files as it makes them (File), and it compresses
// them in the background, on every core. Its methods may be called from
// several goroutines at once.
//
// Files are compressed for speed, with klauspost/compress's flate at
// BestSpeed: at a thousand articles (230 MB) the standard library's
// BestSpeed took 1.1–1.5 s of CPU for 45.7 MB, this one 0.6 s for 44.0 MB,
// and the default level took three times as long as BestSpeed for an
// archive a fifth smaller.
type Archive struct {
	mu      sync.Mutex
	files   map[string]*file
	queue   []func() // compression waiting for a core, oldest first
	workers int      // goroutines working through queue
}

// A Part is a run of bytes of a file, compressed in the background from
// the moment the Archive's Part method returns it. One Part may be used in
// only one file.
type Part struct {
	raw    []byte
	pieces []*piece
}

// piece is up to pieceSize bytes of a Part, compressed on its own so that a
// large file keeps every core busy. Splitting costs a few bytes a piece and
// the matches across its boundary.
type piece struct {
	done chan struct{}
	data []byte // deflated, ending on a sync flush: not final, byte-aligned
}

const pieceSize = 1 << 20

// file is a file of the site as given to File.
type file struct {
	parts []*Part
	size  int64
	done  chan struct{} // closed when crc is known
	crc   uint32
}

// Part starts compressing data and returns it as a Part of a file to come.
// data must not change until the archive is written.
func (a *Archive) Part(data []byte) *Part {
	p := &Part{raw: data}
	for off := 0; off < len(data); off += pieceSize {
		chunk := data[off:min(off+pieceSize, len(data))]
		pc := &piece{done: make(chan struct{})}
		p.pieces = append(p.pieces, pc)
		a.do(func() {
			pc.data = deflate(chunk)
			close(pc.done)
		})
	}
	return p
}

// File records that the file name (a slash-separated path in the site) holds
// the parts joined in order. Write takes the file from memory, as long as
// the site's file still has that many bytes.
func (a *Archive) File(name string, parts ...*Part) {
	f := &file{parts: parts, done: make(chan struct{})}
	for _, p := range parts {
		f.size += int64(len(p.raw))
	}
	a.do(func() {
		for _, p := range f.parts {
			f.crc = crc32.Update(f.crc, crc32.IEEETable, p.raw)
		}
		close(f.done)
	})
	a.mu.Lock()
	if a.files == nil {
		a.files = map[string]*file{}
	}
	a.files[name] = f
	a.mu.Unlock()
}

// Add records that the file name holds data: File(name, a.Part(data)).
func (a *Archive) Add(name string, data []byte) {
	a.File(name, a.Part(data))
}

// do runs job on a core as soon as one is free, jobs in the order given.
func (a *Archive) do(job func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.queue = append(a.queue, job)
	if a.workers < runtime.GOMAXPROCS(0) {
		a.workers++
		go a.work()
	}
}

func (a *Archive) work() {
	for {
		a.mu.Lock()
		if len(a.queue) == 0 {
			a.workers--
			a.mu.Unlock()
			return
		}
		job := a.queue[0]
		a.queue[0] = nil
		a.queue = a.queue[1:]
		a.mu.Unlock()
		job()
	}
}

// Write writes a zip of every regular file in site to w, under Folder/,
// leaving out any file named Name (the archive itself). A file given to
// File is taken from memory when the site's file has its size; any other
// file is read from site and compressed, on every core, a few ahead of the
// one being written.
func (a *Archive) Write(w io.Writer, site fs.FS) error {
	type found struct {
		name string
		size int64
	}
	var files []found
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.Type().IsRegular() && p != Name:
			info, err := d.Info()
			if err != nil {
				return err
			}
			files = append(files, found{p, info.Size()})
		case !d.IsDir() && !d.Type().IsRegular():
			return fmt.Errorf("%s is not a regular file", p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })

	// Each file in order, from memory or else read by a goroutine of its
	// own, at most ahead of them at a time.
	a.mu.Lock()
	known := a.files
	a.mu.Unlock()
	done := make(chan struct{})
	defer close(done)
	results := make([]chan read, len(files))
	for i := range results {
		results[i] = make(chan read, 1)
	}
	ahead := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	go func() {
		for i, f := range files {
			if k := known[f.name]; k != nil && k.size == f.size {
				results[i] <- read{file: k}
				continue
			}
			select {
			case ahead <- struct{}{}:
			case <-done:
				return
			}
			go func() {
				data, err := fs.ReadFile(site, f.name)
				if err != nil {
					results[i] <- read{err: err, ahead: true}
					return
				}
				k := &file{parts: []*Part{a.Part(data)}, size: int64(len(data)), done: make(chan struct{})}
				k.crc = crc32.ChecksumIEEE(data)
				close(k.done)
				results[i] <- read{file: k, ahead: true}
			}()
		}
	}()
	zw := zip.NewWriter(w)
	for i, f := range files {
		r := <-results[i]
		if r.err != nil {
			return r.err
		}
		err := writeEntry(zw, f.name, r.file)
		if r.ahead {
			<-ahead
		}
		if err != nil {
			return err
		}
	}
	return zw.Close()
}

// read is a file to write: from memory, or read from the site (ahead).
type read struct {
	file  *file
	ahead bool
	err   error
}

// final is an empty last block (fixed Huffman codes: BFINAL, BTYPE 01, the
// end-of-block code), which ends a stream of sync-flushed parts.
var final = []byte{0x03, 0x00}

// writeEntry writes f as the entry of name, deflated, or stored when
// deflating does not make it smaller.
func writeEntry(zw *zip.Writer, name string, f *file) error {
	<-f.done
	var packed uint64
	for _, p := range f.parts {
		for _, pc := range p.pieces {
			<-pc.done
			packed += uint64(len(pc.data))
		}
	}
	packed += uint64(len(final))
	h := &zip.FileHeader{Name: path.Join(Folder, name), Method: zip.Deflate, Modified: Modified,
		ModifiedDate: modDate, ModifiedTime: modTime, Extra: modExtra,
		CRC32: f.crc, CompressedSize64: packed, UncompressedSize64: uint64(f.size)}
	if packed >= uint64(f.size) {
		h.Method, h.CompressedSize64 = zip.Store, uint64(f.size)
	}
	h.SetMode(0o644)
	fw, err := zw.CreateRaw(h)
	if err != nil {
		return err
	}
	for _, p := range f.parts {
		if h.Method == zip.Store {
			if _, err := fw.Write(p.raw); err != nil {
				return err
			}
			continue
		}
		for _, pc := range p.pieces {
			if _, err := fw.Write(pc.data); err != nil {
				return err
			}
		}
	}
	if h.Method == zip.Deflate {
		_, err = fw.Write(final)
	}
	return err
}

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
// and byte-aligned, so that the next part's blocks can follow them.
func deflate(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/4 + 64)
	fw := flaters.Get().(*flate.Writer)
	defer flaters.Put(fw)
	fw.Reset(&buf)
	// Writing to a bytes.Buffer does not fail.
	_, _ = fw.Write(data)
	_ = fw.Flush()
	return buf.Bytes()
}
