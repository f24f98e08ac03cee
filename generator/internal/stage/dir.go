// A Sink that writes the project to a folder, as a build streams it.

package stage

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Dir is a Sink that writes the files into the folder Path, for a build
// that streams its project to the disk instead of holding it (the one
// place this package writes; it is handed to it from the command line).
//
// With Side set, it detaches the project as it goes, as Detach does in
// memory: the body of a content page goes to the side folder, and the page
// to Path with BodyMark in its place; a file under static/ goes to
// Side/files/ under its path in the site. Bodies and Files list them. The
// bodies of pages that come whole (File) are written back to back into one
// file, Side/bodies: at ten thousand articles, ten thousand files fewer to
// create, which costs a disk far more than writing their bytes. A page
// written in pieces (Create) may be open while others come, so its body
// gets a file of its own, under Side/pages/. Close finishes the bodies'
// file.
type Dir struct {
	Path, Side string
	bodies     []Body
	files      []string
	made       map[string]bool // folders made
	spool      *bufferedFile   // Side/bodies, once a body came whole
	spoolSize  int64
}

// A Body is a page's body that a Dir detached: Size bytes from Off in
// File.
type Body struct {
	Path      string // the page's path in the built site (OutputPath)
	Page      string // its name in the staged project
	File      string
	Off, Size int64
}

// ReadAt reads len(p) bytes of the body from off.
func (b Body) ReadAt(p []byte, off int64) error {
	if off < 0 || off+int64(len(p)) > b.Size {
		return fmt.Errorf("reading bytes %d to %d of the %d-byte body of %s", off, off+int64(len(p)), b.Size, b.Path)
	}
	f, err := os.Open(b.File)
	if err != nil {
		return err
	}
	_, err = f.ReadAt(p, b.Off+off)
	if errors.Is(err, io.EOF) {
		err = fmt.Errorf("%s is shorter than it was", b.File)
	}
	return errors.Join(err, f.Close())
}

// WriteTo copies the body to w, without holding it (a handout's body is
// hundreds of megabytes at ten thousand articles).
func (b Body) WriteTo(w io.Writer) (int64, error) {
	f, err := os.Open(b.File)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n, err := io.Copy(w, io.NewSectionReader(f, b.Off, b.Size))
	if err == nil && n < b.Size {
		err = fmt.Errorf("%s is shorter than it was", b.File)
	}
	return n, err
}

// Read returns the body's bytes.
func (b Body) Read() ([]byte, error) {
	p := make([]byte, b.Size)
	return p, b.ReadAt(p, 0)
}

var _ Sink = (*Dir)(nil)

// Bodies returns the pages whose bodies went to the side folder, in the
// order they came. They can be read once Close has been called.
func (d *Dir) Bodies() []Body { return d.bodies }

// Files returns the site paths of the files that went to FilesDir, in the
// order they came (a renamed file under its new name).
func (d *Dir) Files() []string { return d.files }

// FilesDir is the folder the files under static/ went to (Files).
func (d *Dir) FilesDir() string { return filepath.Join(d.Side, "files") }

// Close finishes the file of the bodies that came whole.
func (d *Dir) Close() error {
	if d.spool == nil {
		return nil
	}
	err := d.spool.Close()
	d.spool = nil
	return err
}

// place returns where the file name goes, and whether it is a page to
// detach.
func (d *Dir) place(name string) (string, bool) {
	if d.Side != "" {
		if rest, ok := detachedFile(name); ok {
			return filepath.Join(d.FilesDir(), filepath.FromSlash(rest)), false
		}
		if isPage(name) {
			return filepath.Join(d.Path, filepath.FromSlash(name)), true
		}
	}
	return filepath.Join(d.Path, filepath.FromSlash(name)), false
}

func (d *Dir) mkdir(file string) error {
	dir := filepath.Dir(file)
	if d.made[dir] {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if d.made == nil {
		d.made = map[string]bool{}
	}
	d.made[dir] = true
	return nil
}

func (d *Dir) noteFile(name string) {
	if rest, ok := detachedFile(name); ok && d.Side != "" {
		d.files = append(d.files, rest)
	}
}

// File implements Sink.
func (d *Dir) File(name string, data []byte) error {
	file, detach := d.place(name)
	if err := d.mkdir(file); err != nil {
		return err
	}
	d.noteFile(name)
	if detach {
		if head, body, ok := splitBody(data); ok {
			if err := d.writeBody(name, body); err != nil {
				return err
			}
			return writeFile(file, head, []byte(BodyMark))
		}
	}
	return writeFile(file, data)
}

// pageFile is where the body of the page staged as name goes when it
// comes in pieces.
func (d *Dir) pageFile(name string) string {
	return filepath.Join(d.Side, "pages", filepath.FromSlash(OutputPath(name)))
}

// writeBody appends the body of the page staged as name to the bodies'
// file.
func (d *Dir) writeBody(name string, body []byte) error {
	if d.spool == nil {
		if err := os.MkdirAll(d.Side, 0o755); err != nil {
			return err
		}
		f, err := createFile(filepath.Join(d.Side, "bodies"))
		if err != nil {
			return err
		}
		d.spool = f
	}
	if _, err := d.spool.Write(body); err != nil {
		return err
	}
	d.bodies = append(d.bodies, Body{Path: OutputPath(name), Page: name, File: d.spool.f.Name(), Off: d.spoolSize, Size: int64(len(body))})
	d.spoolSize += int64(len(body))
	return nil
}

func writeFile(name string, parts ...[]byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	for _, p := range parts {
		if _, err := f.Write(p); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// Create implements Sink.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	file, detach := d.place(name)
	if err := d.mkdir(file); err != nil {
		return nil, err
	}
	d.noteFile(name)
	if detach {
		return &detachWriter{d: d, name: name, file: file}, nil
	}
	return createFile(file)
}

// bufferedFile is a file written through a buffer.
type bufferedFile struct {
	*bufio.Writer
	f *os.File
}

func createFile(name string) (*bufferedFile, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	return &bufferedFile{bufio.NewWriterSize(f, 256<<10), f}, nil
}

func (b *bufferedFile) Close() error {
	return errors.Join(b.Flush(), b.f.Close())
}

// detachWriter writes a page in pieces as File does whole: its front
// matter line to the page, with BodyMark after it, and the rest to its
// body's file, or the page as it is when nothing follows that line.
type detachWriter struct {
	d          *Dir
	name, file string
	head       []byte        // up to its first new line
	split      bool          // head is whole
	body       *bufferedFile // once a byte after head came
	size       int64         // written to body
}

func (w *detachWriter) Write(p []byte) (int, error) {
	n := len(p)
	if !w.split {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			w.head = append(w.head, p...)
			return n, nil
		}
		w.head, p, w.split = append(w.head, p[:i+1]...), p[i+1:], true
	}
	if len(p) == 0 {
		return n, nil
	}
	if w.body == nil {
		file := w.d.pageFile(w.name)
		if err := w.d.mkdir(file); err != nil {
			return 0, err
		}
		var err error
		if w.body, err = createFile(file); err != nil {
			return 0, err
		}
	}
	if _, err := w.body.Write(p); err != nil {
		return 0, err
	}
	w.size += int64(len(p))
	return n, nil
}

func (w *detachWriter) Close() error {
	if w.body == nil {
		return writeFile(w.file, w.head)
	}
	w.d.bodies = append(w.d.bodies, Body{Path: OutputPath(w.name), Page: w.name, File: w.body.f.Name(), Size: w.size})
	return errors.Join(w.body.Close(), writeFile(w.file, w.head, []byte(BodyMark)))
}

// Rename implements Sink.
func (d *Dir) Rename(from, to string) error {
	src, _ := d.place(from)
	dst, _ := d.place(to)
	if err := d.mkdir(dst); err != nil {
		return err
	}
	if rest, ok := detachedFile(from); ok && d.Side != "" {
		for i, f := range d.files {
			if f == rest {
				d.files[i] = strings.TrimPrefix(to, "static/")
			}
		}
	}
	return os.Rename(src, dst)
}

// Spool implements Sink: a file in Side, or else in Path, removed on
// Close.
func (d *Dir) Spool() (Spool, error) {
	dir := d.Side
	if dir == "" {
		dir = d.Path
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, ".spool-*")
	if err != nil {
		return nil, err
	}
	return &fileSpool{bufio.NewWriterSize(f, 256<<10), f}, nil
}

type fileSpool struct {
	w *bufio.Writer
	f *os.File
}

func (s *fileSpool) Write(p []byte) (int, error) { return s.w.Write(p) }

func (s *fileSpool) WriteTo(w io.Writer) (int64, error) {
	if err := s.w.Flush(); err != nil {
		return 0, err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	return io.CopyBuffer(w, struct{ io.Reader }{s.f}, make([]byte, 256<<10))
}

func (s *fileSpool) Close() error {
	return errors.Join(s.f.Close(), os.Remove(s.f.Name()))
}
