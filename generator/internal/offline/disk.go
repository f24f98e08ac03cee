package offline

import (
	"bytes"
	"regexp"
)

// NotFound is the page a static host serves for any missing address, at
// that address, whatever its depth: its links cannot be relative, and lead
// to the site's root ("/index.html", or the site's address). In the
// archive, unpacked and opened from disk, the page is at the top of the
// folder, and "/index.html" names the root of the reader's disk.
const NotFound = "404.html"

// diskHref is a link's href followed by the address the theme gives the
// link in the offline copy (data-offline-href), as the theme writes them:
// the address to put in the href.
var diskHref = regexp.MustCompile(`\shref="[^"]*" data-offline-href="([^"]*)"`)

// ForDisk returns the bytes of the site's file name as the archive holds
// them: those of every file, but NotFound's links that the theme marks
// with the address they have in the offline copy
// (data-offline-href="index.html", relative to the page) have that
// address, the attribute left out.
func ForDisk(name string, data []byte) []byte {
	if name != NotFound || !bytes.Contains(data, []byte(" data-offline-href=")) {
		return data
	}
	return diskHref.ReplaceAll(data, []byte(` href="$1"`))
}
