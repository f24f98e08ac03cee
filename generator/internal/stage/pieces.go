// Files kept as pieces: how the live preview holds a large site without
// copying every article's parts into the files that gather them.

package stage

import (
	"bytes"
	"io"
)

// Pieces is a file's contents as the pieces it was written in, in order.
type Pieces [][]byte

// Len is the file's size.
func (p Pieces) Len() int {
	n := 0
	for _, b := range p {
		n += len(b)
	}
	return n
}

// Join returns the file's contents in one slice: p's only piece itself
// when it has one.
func (p Pieces) Join() []byte {
	if len(p) == 1 {
		return p[0]
	}
	return bytes.Join(p, nil)
}

// Equal reports whether p and q hold the same bytes, however they are cut
// into pieces. Pieces that are the same memory (an article's kept part in
// two versions of a file) compare at once: bytes.Equal does not read
// memory it is given twice.
func (p Pieces) Equal(q Pieces) bool {
	if p.Len() != q.Len() {
		return false
	}
	var a, b []byte
	for {
		for len(a) == 0 && len(p) > 0 {
			a, p = p[0], p[1:]
		}
		for len(b) == 0 && len(q) > 0 {
			b, q = q[0], q[1:]
		}
		if len(a) == 0 || len(b) == 0 {
			return len(a) == len(b)
		}
		n := min(len(a), len(b))
		if !bytes.Equal(a[:n], b[:n]) {
			return false
		}
		a, b = a[n:], b[n:]
	}
}

// keeper is a file of a Sink that can keep bytes it is handed rather than
// copy them (PieceFiles').
type keeper interface {
	// Keep appends p, which its caller never changes afterwards, to the
	// file.
	Keep(p []byte) error
}

// put appends p, which is never changed afterwards (an article's kept
// Parts, say), to w: kept by reference where w can keep it, else written.
func put(w io.Writer, p []byte) error {
	if k, ok := w.(keeper); ok {
		return k.Keep(p)
	}
	_, err := w.Write(p)
	return err
}

// PieceFiles is a Sink that keeps each file as its pieces. What a Writer
// puts in a file from an article's Parts, which a site.Compiler keeps from
// one compile to the next, is kept by reference rather than copied; so the
// files that gather every article (the handout, the all-notes page, the
// search index, the exports) cost a slice header per article, and an edit
// of one article makes them again without copying the others' parts. The
// live preview compiles into one.
type PieceFiles map[string]Pieces

var _ Sink = PieceFiles{}

// File implements Sink.
func (f PieceFiles) File(name string, data []byte) error {
	f[name] = Pieces{data}
	return nil
}

// Create implements Sink.
func (f PieceFiles) Create(name string) (io.WriteCloser, error) {
	return &pieceFile{close: func(p Pieces) { f[name] = p }}, nil
}

// Rename implements Sink.
func (f PieceFiles) Rename(from, to string) error { return rename(f, from, to) }

// Spool implements Sink.
func (f PieceFiles) Spool() (Spool, error) { return &pieceFile{}, nil }

// Flat returns the files joined, as Files.
func (f PieceFiles) Flat() Files {
	out := make(Files, len(f))
	for name, p := range f {
		out[name] = p.Join()
	}
	return out
}

// pieceFile is a file, or a spool, of PieceFiles: what is written is
// copied into buf, what is kept is a piece of its own.
type pieceFile struct {
	pieces Pieces
	buf    []byte // written since the last piece; its room is reused
	close  func(Pieces)
}

func (f *pieceFile) Write(p []byte) (int, error) {
	f.buf = append(f.buf, p...)
	return len(p), nil
}

func (f *pieceFile) Keep(p []byte) error {
	f.flush()
	if len(p) > 0 {
		f.pieces = append(f.pieces, p)
	}
	return nil
}

// flush makes what was written since the last piece a piece. The next
// writes go after it in the same room, which the piece does not reach.
func (f *pieceFile) flush() {
	if len(f.buf) > 0 {
		f.pieces = append(f.pieces, f.buf[:len(f.buf):len(f.buf)])
		f.buf = f.buf[len(f.buf):]
	}
}

// WriteTo hands the spooled pieces to w (kept, where w keeps them).
func (f *pieceFile) WriteTo(w io.Writer) (int64, error) {
	f.flush()
	var n int64
	for _, p := range f.pieces {
		if err := put(w, p); err != nil {
			return n, err
		}
		n += int64(len(p))
	}
	return n, nil
}

func (f *pieceFile) Close() error {
	f.flush()
	if f.close != nil {
		f.close(f.pieces)
	}
	return nil
}
