package input

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

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
		if data, err = fs.ReadFile(l.fsys, name); err != nil {
			reportReadError(name, err, l.errs)
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
	if !utf8.Valid(data) {
		// Count lines and columns as an editor shows them: no byte-order
		// mark, and CRLF, LF or a lone CR ending a line.
		line, col := 1, 1
		for i := len(bom(data)); i < len(data); {
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
		errs.Add(diag.Pos{File: name, Line: line, Col: col},
			"the file is not valid UTF-8 text: save it as UTF-8 (in most editors: \"Save with encoding\", UTF-8)")
		return "", false
	}
	data = data[len(bom(data)):]
	s := string(data)
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if checkControl(name, s, errs) {
		return "", false
	}
	return s, true
}

// bom returns the UTF-8 byte-order mark data starts with, if any.
func bom(data []byte) []byte {
	if b := []byte("\xef\xbb\xbf"); bytes.HasPrefix(data, b) {
		return b
	}
	return nil
}

func reportReadError(name string, err error, errs *diag.List) {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	if strings.Contains(msg, "escapes") {
		errs.AddErr(diag.Pos{File: name, Line: 1, Col: 1}, diag.ErrUnsafeInput,
			"this is a link to something outside the briefing folder, which is not read: copy the file or folder into the briefing instead")
		return
	}
	errs.Add(diag.Pos{File: name, Line: 1, Col: 1}, "cannot read the file: %s", msg)
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
		if errors.Is(err, fs.ErrNotExist) {
			return nil, true
		}
		reportReadError(dir, err, errs)
		return nil, false
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
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
	if found == "" {
		return
	}
	errs.Add(diag.Pos{File: folder, Line: 1, Col: 1},
		"%s is in a folder: the briefing reads only the files in %s itself, so it would be left out; move the folder's %s files up into %s (or start the folder's name with a dot to keep it out of the briefing)",
		found, dir, ext, dir)
}

// exists reports whether name is there, even if it cannot be read (a link
// out of the briefing folder, say): reading it then reports why, rather than
// the file being taken for missing.
func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return !errors.Is(err, fs.ErrNotExist)
}
