package main

import (
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefing/annotated/generator/internal/browser"
)

// TestPagesAskForNoMissingFile serves the built briefing over HTTP, as a
// host does, and opens its pages in Chromium: every file a page asks for
// is there, the icon included (a page that names none makes the browser
// ask the host for /favicon.ico, which the site does not have). The
// handout, which loads nothing, and the 404 page are left out.
func TestPagesAskForNoMissingFile(t *testing.T) {
	out := buildReal(t)
	var (
		mu      sync.Mutex
		missing []string
		icons   int
	)
	files := http.FileServer(http.Dir(out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		files.ServeHTTP(rec, r)
		mu.Lock()
		defer mu.Unlock()
		if rec.status == http.StatusNotFound {
			missing = append(missing, r.URL.Path)
		}
		if strings.HasPrefix(path.Base(r.URL.Path), "favicon") {
			icons++
		}
	}))
	defer srv.Close()
	b := browser.New(t)
	pages := []string{"index.html", "articles/juno-news-allies-canada-migration.html", "claims.html", "sources.html",
		"notes.html", "quotes.html", "search.html", "methodology.html"}
	for _, p := range pages {
		b.Open(t, srv.URL+"/"+p, 1000, 800)
	}
	// A browser asks for the icon after the page has loaded.
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := icons
		mu.Unlock()
		if n > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // for any request after the icon's
	mu.Lock()
	defer mu.Unlock()
	if icons == 0 {
		t.Error("no page asked for an icon")
	}
	if len(missing) > 0 {
		t.Errorf("the pages asked for files the site does not have: %v", missing)
	}
}

// statusRecorder keeps the status a handler answered with.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}
