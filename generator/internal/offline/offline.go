// Package offline packs the built site into briefing-offline.zip, the copy a
// reader downloads to read from disk. The archive is deterministic: entries
// in sorted order under one top folder, each with the same fixed
// modification time and mode, so two builds of the same briefing give the same bytes.
package offline

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
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
	zw := zip.NewWriter(w)
	for _, p := range files {
		h := &zip.FileHeader{Name: path.Join(Folder, p), Method: zip.Deflate, Modified: Modified}
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		f, err := site.Open(p)
		if err != nil {
			return err
		}
		_, err = io.Copy(fw, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return zw.Close()
}
