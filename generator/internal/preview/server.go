package preview

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"mime"
	"net"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/briefing/annotated/generator/internal/offline"
)

// The preview's own addresses, beside the site's.
const (
	ReloadScript = "/_briefing/reload.js"
	workerScript = "/_briefing/worker.js"
	eventsPath   = "/_briefing/events"
)

//go:embed reload.js
var reloadJS []byte

//go:embed worker.js
var workerJS []byte

// Server serves the latest published Site over HTTP, with ReloadScript in
// every HTML page, and tells open pages when a newer version is published,
// and what the problems of the last save are while it has any: those that
// held it back (Problems), or those it was published with, which build
// refuses (Unpublishable). Until the first Publish it answers every page
// with a short "not built yet" page that reloads itself once there is a
// site.
type Server struct {
	mu       sync.Mutex
	cur      *version
	problems []string // of the last save, shown over the last good version
	// published says the problems did not hold the last save back: the
	// version served is its (Unpublishable, not Problems).
	published bool
	changed   chan struct{} // closed, and replaced, by notify: each Publish or change of problems
	done      chan struct{} // closed by Close
	closed    bool
}

// version is a published Site and its number, counted up from the
// Server's first (see NewServer).
type version struct {
	site *Site
	n    uint64
	zip  func() ([]byte, error) // the offline zip, made once, when asked for
}

// NewServer returns a Server with nothing published yet. Its versions are
// numbered from the time it starts, a thousand to the millisecond, rather
// than from 1: a page left open while the preview is stopped, a file
// edited and the preview started again (or another briefing previewed at
// the same address) shows a version of the earlier run, which would
// otherwise have the number of the new run's first and never be told to
// reload. Numbers grow from run to run, as the pages' worker expects
// (worker.js), and stay below 2^53, exact in JavaScript.
func NewServer() *Server { return newServer(uint64(time.Now().UnixMilli()) * 1000) }

// newServer is NewServer with first, the number the first version
// published follows (the "not built yet" page is version 0, whatever
// first is: see events).
func newServer(first uint64) *Server {
	return &Server{cur: &version{n: first}, changed: make(chan struct{}), done: make(chan struct{})}
}

// Publish makes s the site served from now on, and tells every open page
// to reload. It clears the problems: s is a good build.
func (srv *Server) Publish(s *Site) {
	v := &version{site: s}
	v.zip = sync.OnceValues(func() ([]byte, error) {
		var buf bytes.Buffer
		err := offline.Write(&buf, s.FS())
		return buf.Bytes(), err
	})
	srv.mu.Lock()
	defer srv.mu.Unlock()
	v.n = srv.cur.n + 1
	srv.cur = v
	srv.problems, srv.published = nil, false
	srv.notify()
}

// Problems shows lines, the problems of the last save as the terminal
// lists them, on every open page, over the version it shows (which stays
// the last good one); nil takes them away, as when the save is undone and
// the site is unchanged.
func (srv *Server) Problems(lines []string) { srv.setProblems(lines, false) }

// Unpublishable shows lines, problems of the last save that did not hold
// it back (new's placeholders), on every open page, over the version it
// shows, which is that save's: with a word that build publishes nothing
// until they are fixed.
func (srv *Server) Unpublishable(lines []string) { srv.setProblems(lines, true) }

func (srv *Server) setProblems(lines []string, published bool) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	published = published && len(lines) > 0 // none: nothing to say of them
	if slices.Equal(lines, srv.problems) && published == srv.published {
		return
	}
	srv.problems, srv.published = slices.Clone(lines), published
	srv.notify()
}

// notify wakes every open page's event stream; srv.mu is held.
func (srv *Server) notify() {
	close(srv.changed)
	srv.changed = make(chan struct{})
}

// Close ends the open pages' event streams (which would otherwise hold an
// http.Server's Shutdown), and any later one at once.
func (srv *Server) Close() {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if !srv.closed {
		srv.closed = true
		close(srv.done)
	}
}

// current returns the version served, the problems of the last save and
// whether it was published all the same, and the channel the next change
// closes.
func (srv *Server) current() (*version, []string, bool, chan struct{}) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return srv.cur, srv.problems, srv.published, srv.changed
}

// ServeHTTP serves the site, ReloadScript and the event stream.
func (srv *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !localHost(r.Host) {
		// Another name for 127.0.0.1 (DNS rebinding): a page of any site
		// could read the drafts through it. The preview answers its own
		// names only.
		port := "PORT"
		if _, p, err := net.SplitHostPort(r.Host); err == nil {
			port = p
		}
		http.Error(w, "the preview answers only at http://127.0.0.1:"+port+"/ or http://localhost:"+port+"/: open it there (through a tunnel, forward the port so that the browser still says localhost)", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case ReloadScript:
		send(w, r, http.StatusOK, "text/javascript; charset=utf-8", reloadJS)
		return
	case workerScript:
		send(w, r, http.StatusOK, "text/javascript; charset=utf-8", workerJS)
		return
	case eventsPath:
		srv.events(w, r)
		return
	}
	v, problems, published, _ := srv.current()
	if published {
		problems = nil // the version served is the last save's: no article is missing for them
	}
	if v.site == nil {
		send(w, r, http.StatusServiceUnavailable, "text/html; charset=utf-8", withReload([][]byte{[]byte(notYet)}, 0)...)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	status := http.StatusOK
	parts, ok := v.site.parts(name)
	if !ok && name == offline.Name {
		data, err := v.zip()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		parts, ok = [][]byte{data}, true
	}
	if !ok {
		if _, dir := v.site.parts(path.Join(name, "index.html")); dir {
			http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
			return
		}
		missing := name
		status, name = http.StatusNotFound, "404.html"
		if parts, ok = v.site.parts(name); !ok {
			http.NotFound(w, r)
			return
		}
		parts = withArticles(parts, v.site, missing, problems)
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if path.Ext(name) == ".html" {
		ctype = "text/html; charset=utf-8"
		parts = withReload(parts, v.n)
	} else if ctype == "" {
		ctype = http.DetectContentType(parts[0])
	}
	send(w, r, status, ctype, parts...)
}

// send writes a whole response made of parts.
func send(w http.ResponseWriter, r *http.Request, status int, ctype string, parts ...[]byte) {
	size := 0
	for _, p := range parts {
		size += len(p)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(size))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return
		}
	}
}

// localHost says whether a request's Host names this machine by one of
// its own names: 127.0.0.1 (and the rest of 127/8), ::1 or localhost,
// with any port.
func localHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.EqualFold(host, "localhost.") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ReloadTag is the element added to every HTML page served as version n
// (before its last </body>, or at its end).
func ReloadTag(n uint64) string {
	return `<script src="` + ReloadScript + `?v=` + strconv.FormatUint(n, 10) + `"></script>`
}

// withReload returns parts with ReloadTag(n) before the last </body>, or at
// the end; parts is not changed.
func withReload(parts [][]byte, n uint64) [][]byte {
	tag := []byte(ReloadTag(n))
	if out, ok := insertBefore(parts, "</body>", tag); ok {
		return out
	}
	return append(parts[:len(parts):len(parts)], tag)
}

// insertBefore returns parts with add before the last end (a closing tag)
// they hold, the parts themselves untouched (they are the site's); ok is
// false when they hold none.
func insertBefore(parts [][]byte, end string, add []byte) (out [][]byte, ok bool) {
	for i := len(parts) - 1; i >= 0; i-- {
		if at := bytes.LastIndex(parts[i], []byte(end)); at >= 0 {
			out = make([][]byte, 0, len(parts)+2)
			out = append(out, parts[:i]...)
			out = append(out, parts[i][:at], add, parts[i][at:])
			return append(out, parts[i+1:]...), true
		}
	}
	return parts, false
}

// withArticles adds to the parts of the 404 page, for the missing page of
// an article, what the preview knows of it: while the last save has
// problems (which the preview shows over the last good build), those of
// the article's own files, a new article saved with a problem being
// missing for that reason, or else that the last good build is shown;
// with none, the articles the briefing has now, each linked, since the
// page was renamed or removed while it was open (it reloads to this), and
// the editor finds the new one in a click. It is the preview's alone: the
// site's 404 page stays as it is.
func withArticles(parts [][]byte, s *Site, missing string, problems []string) [][]byte {
	if !strings.HasPrefix(missing, "articles/") || path.Ext(missing) != ".html" || missing == "articles/index.html" {
		return parts // not an article's page: the folder, a file beside them
	}
	slug := strings.TrimSuffix(strings.TrimPrefix(missing, "articles/"), ".html")
	var b strings.Builder
	if own := articleProblems(problems, slug); len(own) > 0 {
		b.WriteString(`<aside class="preview-note"><p>In the preview: the article ` + html.EscapeString(slug) + ` has problems, so the last good build, which the preview shows until they are fixed and saved, has no page for it. Its problems when this page was opened:</p><ul>`)
		for _, l := range own {
			b.WriteString(`<li><code>` + html.EscapeString(l) + `</code></li>`)
		}
		b.WriteString(`</ul><p>The box at the foot of the page lists the briefing’s problems as they are now, as the terminal running serve does; once they, and any of the briefing’s others, are fixed and saved, this page reloads to the article.</p></aside>` + "\n")
		out, _ := insertBefore(parts, "</main>", []byte(b.String()))
		return out
	}
	if len(problems) > 0 {
		b.WriteString(`<aside class="preview-note"><p>In the preview: there is no article at ` + html.EscapeString(missing) + ` in the last good build, which the preview shows until the briefing’s problems are fixed and saved (the box at the foot of the page lists them, as the terminal running serve does); a new article’s page is there once they are. The last good build’s articles:</p><ul>`)
	} else {
		b.WriteString(`<aside class="preview-note"><p>In the preview: there is no article at ` + html.EscapeString(missing) + ` now. Was its file renamed or removed? The briefing’s articles:</p><ul>`)
	}
	for _, p := range s.Paths() {
		if strings.HasPrefix(p, "articles/") && path.Ext(p) == ".html" {
			b.WriteString(`<li><a href="/` + html.EscapeString(p) + `">` + html.EscapeString(p) + `</a></li>`)
		}
	}
	b.WriteString("</ul></aside>\n")
	out, _ := insertBefore(parts, "</main>", []byte(b.String()))
	return out
}

// positionRE is a problem's position, after its file: the first in the
// line ends the file's path (a path a message names is not one, and the
// briefing's folder, before it, may hold anything, ": " too).
var positionRE = regexp.MustCompile(`:\d+:\d+: `)

// articleProblems returns the lines of problems (path:line:col: message,
// the path as the user names it, under the briefing folder) that are in
// the files of the article slug: content/articles/SLUG.md and its notes,
// annotations/SLUG.yaml (or .yml, which check tells to rename).
func articleProblems(problems []string, slug string) []string {
	files := []string{"content/articles/" + slug + ".md", "annotations/" + slug + ".yaml", "annotations/" + slug + ".yml"}
	var out []string
	for _, l := range problems {
		at := positionRE.FindStringIndex(l)
		if at == nil {
			continue
		}
		file := l[:at[0]]
		if slices.ContainsFunc(files, func(f string) bool { return file == f || strings.HasSuffix(file, "/"+f) }) {
			out = append(out, l)
		}
	}
	return out
}

// events streams, to an open page of version v (the query's v), one event
// as soon as a newer version is published: at once when there is one; and
// until then an event named "problems" whenever the problems change (at
// once when there are some), its data the lines as a JSON list, empty when
// they are gone; named "unpublishable" instead for problems that did not
// hold the version back (Unpublishable).
func (srv *Server) events(w http.ResponseWriter, r *http.Request) {
	seen, _ := strconv.ParseUint(r.URL.Query().Get("v"), 10, 64)
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	// A comment, so that the page knows it is connected; and a wait of a
	// second before it tries again after the stream ends.
	fmt.Fprint(w, ": briefing preview\nretry: 1000\n\n")
	flusher.Flush()
	keepAlive := time.NewTicker(30 * time.Second)
	defer keepAlive.Stop()
	var shown []string // the problems this page was last told of
	shownPublished := false
	for {
		v, problems, published, changed := srv.current()
		n := v.n
		if v.site == nil {
			n = 0 // nothing published: the version of the page that waits for it
		}
		if n != seen {
			fmt.Fprintf(w, "data: %d\n\n", n)
			flusher.Flush()
			return
		}
		if !slices.Equal(problems, shown) || published != shownPublished {
			data, _ := json.Marshal(append([]string{}, problems...)) // [] rather than null
			name := "problems"
			if published {
				name = "unpublishable"
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, data)
			flusher.Flush()
			shown, shownPublished = problems, published
		}
		select {
		case <-changed:
		case <-keepAlive.C:
			fmt.Fprint(w, ": waiting\n\n")
			flusher.Flush()
		case <-srv.done:
			return
		case <-r.Context().Done():
			return
		}
	}
}

// notYet is the page served before the first good build.
const notYet = `<!DOCTYPE html>
<html lang="en">
<meta charset="utf-8">
<title>Building the preview</title>
<body>
<p>The preview is not built yet: the briefing is being compiled, or has
problems, which the terminal running <code>serve</code> lists, and this
page too. It reloads itself as soon as there is a site to show.</p>
</body>
</html>
`
