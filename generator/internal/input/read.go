package input

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/diag"
)

// readText reads a text file of the briefing: it must be UTF-8; a byte-order
// mark is dropped and CRLF line endings become LF (neither changes a line
// number, and a column only past the line's end). The file's bytes come
// from l.pin when it holds them (a Cache has read them already), and are
// recorded in l.reads when that is set.
func (l *loader) readText(name string) (string, bool) {
	data, ok := l.pin[name]
	if !ok {
		var err error
		if data, err = readFile(l.fsys, name); err != nil {
			reportReadError(l.fsys, name, err, l.errs)
			return "", false
		}
	}
	if l.reads != nil {
		l.reads[name] = data
	}
	return decodeText(name, data, l.errs)
}

// decodeText checks and normalises the bytes of a text file read from name:
// it must be UTF-8, with no control character but tab and line feed and no
// line or paragraph separator (checkControl reports each one).
func decodeText(name string, data []byte, errs *diag.List) (string, bool) {
	if utf16Like(data) {
		// Valid UTF-8 to the letter, as UTF-16 without its byte-order
		// mark is when it holds only Latin letters: one problem, not a
		// NUL character reported between every two letters.
		errs.Add(diag.Pos{File: name, Line: 1, Col: 1},
			"the file is UTF-16 text, not UTF-8: save it as UTF-8 (in most editors: \"Save with encoding\", UTF-8)")
		return "", false
	}
	if !utf8.Valid(data) {
		// Count lines and columns as an editor shows them: no byte-order
		// mark, and CRLF, LF or a lone CR ending a line.
		line, col := 1, 1
		i := len(bom(data))
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' || r == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
				line, col = line+1, 1
			} else if r != '\r' {
				col++
			}
			i += size
		}
		// What comes before the first byte that is not UTF-8 is text:
		// an invisible character in it is reported too, at its place.
		checkControl(name, briefing.NormalizeLines(string(data[len(bom(data)):i])), errs)
		errs.Add(diag.Pos{File: name, Line: line, Col: col},
			"the file is not valid UTF-8 text: save it as UTF-8 (in most editors: \"Save with encoding\", UTF-8)")
		return "", false
	}
	s := briefing.NormalizeLines(string(data[len(bom(data)):]))
	if checkControl(name, s, errs) {
		return "", false
	}
	return s, true
}

// utf16Like reports whether data looks like UTF-16 text: NUL in every
// other byte of its first ones, as Latin letters are in UTF-16, and in
// none of the bytes between.
func utf16Like(data []byte) bool {
	data = data[:min(len(data), 512)&^1]
	if len(data) < 4 {
		return false
	}
	var nul [2]int
	for i, c := range data {
		if c == 0 {
			nul[i&1]++
		}
	}
	half := len(data) / 2
	return nul[0] == 0 && nul[1] >= half*3/4 || nul[1] == 0 && nul[0] >= half*3/4
}

// bom returns the UTF-8 byte-order mark data starts with, if any.
func bom(data []byte) []byte {
	if b := []byte("\xef\xbb\xbf"); bytes.HasPrefix(data, b) {
		return b
	}
	return nil
}

// readFile reads the file name of fsys, when it is a regular file (or a
// link to one): opening a named pipe would wait, past Ctrl-C, for a
// writer that never comes; a device may never end. Anything else is a
// notRegular error.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	if info, err := fs.Stat(fsys, name); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &notRegular{info.Mode()}
	}
	return fs.ReadFile(fsys, name)
}

// notRegular is the error of readFile for what is not a file of bytes.
type notRegular struct{ mode fs.FileMode }

func (e *notRegular) Error() string { return "not a regular file" }

// kind names what the file is, as a reader of the message knows it.
func (e *notRegular) kind() string {
	switch t := e.mode.Type(); {
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeDevice != 0 || t&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

func reportReadError(fsys fs.FS, name string, err error, errs *diag.List) {
	var nr *notRegular
	if errors.As(err, &nr) {
		errs.Add(diag.Pos{File: name, Line: 1, Col: 1}, "this is %s, not a file the briefing can read: remove it, or put a file of that name in its place", nr.kind())
		return
	}
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	at := diag.Pos{File: name, Line: 1, Col: 1}
	if isOutside(err) {
		errs.AddErr(at, diag.ErrUnsafeInput,
			"this is a link to something outside the briefing folder, which is not read: copy the file or folder into the briefing instead")
		return
	}
	// A link whose target is missing, or that leads back to itself, is
	// listed like a file but cannot be read: say so, rather than that a
	// file the user can see does not exist.
	if to, lerr := fs.ReadLink(fsys, name); lerr == nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errs.Add(at, "this is a link to %q, which does not exist: point the link at what it should lead to, or put that here in its place", to)
			return
		case isLinkLoop(err):
			errs.Add(at, "this is a link to %q, which leads through links that never reach a file or folder (a loop): put what it should lead to here in its place", to)
			return
		}
	}
	if isDir(fsys, name) {
		errs.Add(at, "this is a folder, and the briefing reads %s as a file: put a file of that name in its place", name)
		return
	}
	errs.Add(at, "cannot read the file: %s", msg)
}

// listDir returns the names of the files in dir, sorted, leaving out hidden
// files and folders. A missing dir is an empty list; ok is false when dir
// exists but cannot be read (reported in errs). When ents is not nil, each
// listed file's entry is put in it by path: a Cache takes the file's stamp
// from it (on os.Root's FS the listing has already asked lstat, which a
// stat of its own would ask again, through three system calls).
func listDir(fsys fs.FS, dir, ext string, errs *diag.List, ents map[string]fs.DirEntry) (names []string, ok bool) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if _, lerr := fs.ReadLink(fsys, dir); errors.Is(err, fs.ErrNotExist) && lerr != nil {
			return nil, true // missing; a link to nothing is said below
		}
		at := diag.Pos{File: dir, Line: 1, Col: 1}
		switch info, serr := fs.Stat(fsys, dir); {
		case serr == nil && !info.IsDir():
			errs.Add(at, "this is a file, and the briefing reads %s as a folder of %s files: move the file elsewhere, and make %s a folder", dir, ext, dir)
		case errors.Is(err, fs.ErrPermission):
			errs.Add(at, "the folder cannot be read (permission denied): give your user permission to read and open it")
		default:
			reportReadError(fsys, dir, err, errs)
		}
		return nil, false
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			// A link to a folder in the briefing is not followed, as a
			// folder is not: said when it holds what would be read. A link
			// out of the briefing is never read: said whatever it leads to
			// (a file ending in ext is said so when it is read).
			p := path.Join(dir, e.Name())
			info, err := fs.Stat(fsys, p)
			if isOutside(err) && !strings.HasSuffix(e.Name(), ext) {
				reportReadError(fsys, p, err, errs)
				continue
			}
			if err == nil && info.IsDir() {
				if found := holds(fsys, p, ext); found != "" || strings.HasSuffix(strings.ToLower(e.Name()), ext) {
					to, _ := fs.ReadLink(fsys, p)
					errs.Add(diag.Pos{File: p, Line: 1, Col: 1},
						"this is a link to a folder (%s), and the briefing reads only the %s files in %s itself, not those in a folder it links to: put the files themselves in %s, or remove the link",
						diag.Path(to), ext, dir, dir)
				}
				continue
			}
		}
		if e.IsDir() {
			if strings.HasSuffix(strings.ToLower(e.Name()), ext) {
				// Named like one of the files, it would otherwise be
				// left out without a word, with the notes on it.
				errs.Add(diag.Pos{File: path.Join(dir, e.Name()), Line: 1, Col: 1},
					"this is a folder, not a %s file: the briefing reads only files here, so it would be left out; put a file of that name in its place", ext)
				continue
			}
			checkFolder(fsys, path.Join(dir, e.Name()), dir, ext, errs)
			continue
		}
		names = append(names, e.Name())
		if ents != nil {
			ents[path.Join(dir, e.Name())] = e
		}
	}
	return names, true
}

// checkFolder reports a folder in dir (content/articles, annotations) that
// holds files ending in ext at any depth: the briefing reads only dir's own
// files, so they would be left out without a word (Hugo's habit of a
// folder an article, content/articles/<slug>/index.md, among the ways).
// A folder whose name starts with a dot is not looked into.
func checkFolder(fsys fs.FS, folder, dir, ext string, errs *diag.List) {
	found := holds(fsys, folder, ext)
	if found == "" {
		return
	}
	errs.Add(diag.Pos{File: folder, Line: 1, Col: 1},
		"%s is in a folder: the briefing reads only the files in %s itself, so it would be left out; move the folder's %s files up into %s (or start the folder's name with a dot to keep it out of the briefing)",
		diag.Path(found), dir, ext, dir)
}

// holds returns the path of a file ending in ext at any depth in folder,
// not looking into folders whose name starts with a dot, or "" if there
// is none.
func holds(fsys fs.FS, folder, ext string) string {
	found := ""
	_ = fs.WalkDir(fsys, folder, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return fs.SkipDir
		case p != folder && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
		case !d.IsDir() && strings.HasSuffix(strings.ToLower(d.Name()), ext):
			found = p
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// exists reports whether name is there, even if it cannot be read (a link
// out of the briefing folder, or to something missing, say): reading it
// then reports why, rather than the file being taken for missing.
func exists(fsys fs.FS, name string) bool {
	if _, err := fs.Stat(fsys, name); !errors.Is(err, fs.ErrNotExist) {
		return true
	}
	_, err := fs.ReadLink(fsys, name) // a link whose target is missing
	return err == nil
}

// isDir reports whether name is a folder, or a link to one.
func isDir(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.IsDir()
}

// isOutside reports whether err is the briefing folder's refusal of a
// path that leads out of it (os.Root's "path escapes from parent").
func isOutside(err error) bool {
	return err != nil && strings.Contains(err.Error(), "escapes")
}

// isLinkLoop reports whether err is the system's "too many levels of
// symbolic links".
func isLinkLoop(err error) bool {
	return errors.Is(err, syscall.ELOOP)
}
