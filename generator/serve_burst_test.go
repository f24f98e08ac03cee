package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefing/annotated/generator/internal/briefingtest"
)

// TestServeEditBurst runs the preview while a burst of edits, good and bad,
// hits a notes file and its article, as an editor saving quickly (or
// crashing mid-write) would. The preview must end serving the last good
// state, report every bad state it compiled as path:line:col: message, never
// exit, and, once stopped, leave no goroutine, open file, Hugo process,
// staging folder or temporary file behind.
//
// The first burst mixes good and bad edits, with files written in two halves,
// and ends on a good state: that is what must be served. The second burst
// holds only bad states (each file replaced at once, so that no good state
// ever exists between two of them) and ends on a bad one: nothing may be
// compiled, and the first burst's last state must stay served. Some of its
// bad states are held until reported, to check their exact positions.
func TestServeEditBurst(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("needs /proc to see Hugo and the open files")
	}
	fsys := briefingtest.Load(t, "internal/site/testdata/typography.txtar")
	dir := t.TempDir()
	root := filepath.Join(dir, "briefing")
	briefingtest.WriteDir(t, fsys, root)
	tmp := filepath.Join(dir, "tmp")         // serve's TMPDIR, where it stages the Hugo project
	scratch := filepath.Join(dir, "scratch") // where whole-file replacements are written first
	for _, d := range []string{tmp, scratch} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("TMPDIR", tmp)
	notesPath := filepath.Join(root, "annotations", "curly.yaml")
	articlePath := filepath.Join(root, "content", "articles", "curly.md")
	notesRel, articleRel := filepath.ToSlash(notesPath), filepath.ToSlash(articlePath)
	origNotes, origArticle := fsys["annotations/curly.yaml"].Data, fsys["content/articles/curly.md"].Data

	// The good states carry a mark in a note and in the article's text.
	goodNotes := func(mark string) []byte {
		return replaceOnce(t, origNotes, "The post said this on", mark+": the post said this on")
	}
	goodArticle := func(mark string) []byte {
		return append(bytes.Clone(origArticle), "\n"+mark+" ends the article.\n"...)
	}
	// The bad states, and what each is reported as (checked in the second
	// burst, where they are held until reported).
	badYAML := replaceOnce(t, origNotes, "kind: definition", "kind: [definition")
	badQuote := replaceOnce(t, origNotes, "quote: Western civilization", "quote: Eastern civilization")
	badKind := replaceOnce(t, origNotes, "kind: definition", "kind: opinion")
	partialNotes := origNotes[:100] // ends inside "kind: fact-check"
	quoteGone := bytes.ReplaceAll(goodArticle("Gone"), []byte("Western civilization"), []byte("Westerly civilisation"))
	badFrontMatter := replaceOnce(t, origArticle, "outlet: Example Outlet", "outlet: [Example")
	partialArticle := origArticle[:40] // no closing --- line

	treeBefore := listTree(t, root)
	fdsBefore := openFiles(t)
	goroutines := runtime.NumGoroutine()
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	fetch := func(url string) string {
		resp, err := client.Get(url)
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			return ""
		}
		return string(body)
	}

	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- serve(ctx, root, 0, &stdout, &stderr) }()
	running := func() {
		t.Helper()
		select {
		case code := <-done:
			t.Fatalf("serve exited (%d) while it should run:\n%s%s", code, stdout.String(), stderr.String())
		default:
		}
	}
	// until polls cond, failing if serve exits; the deadline is generous,
	// for a loaded machine: this checks what is served, not how fast.
	until := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(2 * time.Minute)
		for !cond() {
			running()
			if time.Now().After(deadline) {
				t.Fatalf("%s\nstdout:\n%s\nstderr:\n%s", what, stdout.String(), stderr.String())
			}
			time.Sleep(25 * time.Millisecond)
		}
	}
	addr := regexp.MustCompile(`serving (http://127\.0\.0\.1:(\d+)/)`)
	until("serve did not start", func() bool { return addr.MatchString(stdout.String()) })
	m := addr.FindStringSubmatch(stdout.String())
	page := m[1] + "articles/curly.html"
	// The staging folder, named after this process, in $TMPDIR.
	var stageDir string
	for _, s := range stages(t, tmp) {
		if strings.HasPrefix(s, stagePrefix+"-"+strconv.Itoa(os.Getpid())+"-") {
			stageDir = filepath.Join(tmp, s)
		}
	}
	if stageDir == "" {
		t.Fatalf("no staging folder named after this process in $TMPDIR: %v", listTree(t, tmp))
	}
	allNotes := func(html string) bool {
		for _, id := range []string{"threat", "western", "cap", "hundred", "record", "stanford-second", "stanford-first", "heading"} {
			if !strings.Contains(html, `id="anno-`+id+`"`) {
				return false
			}
		}
		return true
	}
	if html := fetch(page); !allNotes(html) {
		t.Fatalf("the first served page lacks notes:\n%s", html)
	}

	// First burst: good and bad edits, ending on a good state.
	seed := uint64(time.Now().UnixNano())
	t.Logf("first burst: seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	pause := func() { time.Sleep(time.Duration(5+rng.IntN(60)) * time.Millisecond) }
	badStates := []struct {
		path string
		data []byte
	}{
		{notesPath, badYAML}, {notesPath, badQuote}, {notesPath, badKind}, {notesPath, partialNotes},
		{articlePath, quoteGone}, {articlePath, badFrontMatter}, {articlePath, partialArticle},
	}
	const steps = 40
	for i := range steps {
		mark := "Step" + strconv.Itoa(i)
		switch r := rng.IntN(10); {
		case i == steps-2:
			writeFile(t, notesPath, goodNotes(mark))
		case i == steps-1:
			writeFile(t, articlePath, goodArticle(mark))
		case r < 2:
			writeFile(t, notesPath, goodNotes(mark))
		case r < 4:
			writeFile(t, articlePath, goodArticle(mark))
		case r < 6: // written in two halves, long enough apart to be compiled half-written
			if rng.IntN(2) == 0 {
				writeHalves(t, notesPath, goodNotes(mark), 40*time.Millisecond)
			} else {
				writeHalves(t, articlePath, goodArticle(mark), 40*time.Millisecond)
			}
		default:
			s := badStates[rng.IntN(len(badStates))]
			writeFile(t, s.path, s.data)
		}
		pause()
	}
	finalNote, finalArticle := "Step"+strconv.Itoa(steps-2), "Step"+strconv.Itoa(steps-1)
	until("the last good state of the first burst is not served", func() bool {
		html := fetch(page)
		return strings.Contains(html, finalNote+": the post said this on") &&
			strings.Contains(html, finalArticle+" ends the article.") && allNotes(html)
	})
	running()
	checkServeOutput(t, stderr.String(), notesRel, articleRel)
	t.Logf("first burst: %d good compilations, %d bad ones", strings.Count(stdout.String(), "compiled in")-1, strings.Count(stderr.String(), "the preview keeps showing"))

	// Second burst: only bad states, some held until reported.
	compiledBefore := strings.Count(stdout.String(), "compiled in")
	held := func(path string, data []byte, want ...string) {
		t.Helper()
		from := len(stderr.String())
		replaceFile(t, scratch, path, data)
		until("not reported: "+strings.Join(want, "; "), func() bool {
			got := stderr.String()[from:]
			for _, w := range want {
				if !strings.Contains(got, w) {
					return false
				}
			}
			return true
		})
	}
	rapid := func(states ...[]byte) { // alternately the notes and the article
		for i, data := range states {
			if i%2 == 0 {
				replaceFile(t, scratch, notesPath, data)
			} else {
				replaceFile(t, scratch, articlePath, data)
			}
			pause()
		}
	}
	notFound := "the quote is not in the article"
	held(notesPath, badYAML, notesRel+":12:11: this is not valid YAML (did not find expected ',' or ']')")
	held(articlePath, badFrontMatter, articleRel+":3:9: this is not valid YAML", notesRel+":12:11: this is not valid YAML")
	rapid(partialNotes, partialArticle, badQuote, goodArticle(finalArticle), badYAML, quoteGone, badKind, goodArticle(finalArticle))
	held(notesPath, partialNotes, notesRel+":2:5: the note has no text", notesRel+`:4:11: kind "fa" is not a kind of note`)
	held(articlePath, quoteGone, notesRel+":2:5: the note has no text")
	held(notesPath, goodNotes(finalNote), notesRel+":3:12: "+notFound, notesRel+":11:12: "+notFound+", and no passage resembles it")
	held(articlePath, partialArticle, articleRel+":1:1: the --- on line 1 opens front matter that is never closed")
	rapid(badQuote, goodArticle(finalArticle), badYAML, partialArticle, partialNotes, goodArticle(finalArticle), badQuote)
	held(notesPath, badQuote, notesRel+":11:12: "+notFound+`; the closest passage is "Western civilization"`)
	held(notesPath, badKind, notesRel+`:12:11: kind "opinion" is not a kind of note`)
	// Nothing was good, so nothing new was compiled (a second look at the
	// first burst's last state, after a change seen late, finds the site
	// unchanged); and the page stays the first burst's last, for longer
	// than a rebuild takes.
	if n := strings.Count(stdout.String(), "compiled in"); n != compiledBefore {
		t.Errorf("bad states were compiled: %d compilations during the second burst:\n%s", n-compiledBefore, stdout.String())
	}
	for range 10 {
		html := fetch(page)
		if !strings.Contains(html, finalNote+": the post said this on") || !strings.Contains(html, finalArticle+" ends the article.") || !allNotes(html) {
			t.Fatalf("after the bad burst, the served page is not the last good state:\n%s", html)
		}
		time.Sleep(150 * time.Millisecond)
	}
	running()
	checkServeOutput(t, stderr.String(), notesRel, articleRel)

	// Stopped: serve returns 0, and nothing it started or made is left.
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve returned %d after being stopped, want 0", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return within 30 s of being stopped")
	}
	if pid := childNamed(os.Getpid(), "hugo"); pid != 0 {
		t.Errorf("hugo (pid %d) still runs after serve returned", pid)
	}
	if _, err := os.Stat(stageDir); !os.IsNotExist(err) {
		t.Errorf("the staging folder %s is still there (%v)", stageDir, err)
	}
	if left := listTree(t, tmp); len(left) > 0 {
		t.Errorf("left in $TMPDIR: %v", left)
	}
	if after := listTree(t, root); !slices.Equal(after, treeBefore) {
		t.Errorf("the briefing folder held %v, now %v", treeBefore, after)
	}
	client.CloseIdleConnections()
	settled := func(cond func() bool) bool {
		for range 250 {
			if cond() {
				return true
			}
			time.Sleep(20 * time.Millisecond)
		}
		return false
	}
	if !settled(func() bool { return runtime.NumGoroutine() <= goroutines }) {
		var dump bytes.Buffer
		_ = pprof.Lookup("goroutine").WriteTo(&dump, 1)
		t.Errorf("%d goroutines before serve, %d after it returned:\n%s", goroutines, runtime.NumGoroutine(), dump.String())
	}
	if !settled(func() bool { return len(openFiles(t)) <= len(fdsBefore) }) {
		t.Errorf("open files before serve: %v\nafter it returned: %v", fdsBefore, openFiles(t))
	}
}

// checkServeOutput checks that everything serve printed on stderr is a
// problem in the user's file as path:line:col: message, a count of them, or
// the note that the last good build stays: nothing else, not even a Hugo
// error, since Hugo only ever builds a project compiled whole and good.
func checkServeOutput(t *testing.T, stderr, notes, article string) {
	t.Helper()
	diagnostic := regexp.MustCompile(`^(` + regexp.QuoteMeta(notes) + `|` + regexp.QuoteMeta(article) + `):\d+:\d+: \S`)
	count := regexp.MustCompile(`^\d+ problems? found$`)
	for line := range strings.Lines(stderr) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case diagnostic.MatchString(line),
			count.MatchString(line),
			line == "the preview keeps showing the last good build":
		default:
			t.Errorf("unexpected line on stderr: %q", line)
		}
	}
}

func replaceOnce(t *testing.T, data []byte, from, to string) []byte {
	t.Helper()
	if !bytes.Contains(data, []byte(from)) {
		t.Fatalf("%q is not in\n%s", from, data)
	}
	return bytes.Replace(data, []byte(from), []byte(to), 1)
}

// replaceIn replaces the first from in the file at path with to, as an
// editor's save would (replaceOnce: failing the test when the file lacks
// from, an edit that would test nothing).
func replaceIn(t *testing.T, path, from, to string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, replaceOnce(t, data, from, to))
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeHalves truncates path, writes the first half of data, waits, then
// writes the rest: what a slow or interrupted save looks like.
func writeHalves(t *testing.T, path string, data []byte, wait time.Duration) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	half := len(data) / 2
	if _, err := f.Write(data[:half]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(wait)
	if _, err := f.Write(data[half:]); err != nil {
		t.Fatal(err)
	}
}

// replaceFile replaces path with data in one step, as editors that save by
// renaming do: readers see the old file or the new one, never a mix.
func replaceFile(t *testing.T, scratch, path string, data []byte) {
	t.Helper()
	f, err := os.CreateTemp(scratch, "save-")
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// listTree lists every file and folder under dir, as sorted slash paths.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// openFiles lists what this process has open, from /proc/self/fd.
func openFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", e.Name())); err == nil {
			out = append(out, e.Name()+" → "+target)
		}
	}
	return out
}

// TestServeKilled kills the preview with SIGKILL, which gives it no chance
// to clean up, while its Hugo is building: Hugo must stop all the same, and
// the staging folder the preview leaves must be removed by the next build
// or preview, which must leave alone the folder of a preview that still
// runs.
func TestServeKilled(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc to see Hugo running")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	root := filepath.Join(dir, "briefing")
	briefingtest.WriteDir(t, briefingtest.Load(t, "internal/site/testdata/typography.txtar"), root)
	tmp := filepath.Join(dir, "tmp") // the previews' TMPDIR, where they stage
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	// A Hugo build that lasts until the preview is killed.
	wrapper, hold := heldHugo(t, dir)
	env := append(os.Environ(), "TMPDIR="+tmp, "HUGO="+wrapper)

	type preview struct {
		cmd            *exec.Cmd
		stdout, stderr *syncBuffer
		done           chan struct{} // closed once it has exited
		err            error         // how it exited
		stage          string        // its staging folder
	}
	start := func() *preview {
		t.Helper()
		p := &preview{cmd: exec.Command(bin, "serve", "--root", root, "--port", "0"), stdout: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan struct{})}
		p.cmd.Env = env
		p.cmd.Stdout, p.cmd.Stderr = p.stdout, p.stderr
		p.cmd.WaitDelay = 30 * time.Second // Hugo, if it outlived the preview, holds the output pipes
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() {
			p.err = p.cmd.Wait()
			close(p.done)
		}()
		t.Cleanup(func() {
			_ = p.cmd.Process.Kill()
			<-p.done
		})
		deadline := time.Now().Add(2 * time.Minute)
		for !strings.Contains(p.stdout.String(), "serving http://") {
			select {
			case <-p.done:
				t.Fatalf("the preview exited (%v):\n%s%s", p.err, p.stdout.String(), p.stderr.String())
			case <-time.After(25 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatalf("the preview did not start:\n%s%s", p.stdout.String(), p.stderr.String())
			}
		}
		for _, s := range stages(t, tmp) {
			if strings.HasPrefix(s, stagePrefix+"-"+strconv.Itoa(p.cmd.Process.Pid)+"-") {
				p.stage = filepath.Join(tmp, s)
			}
		}
		if p.stage == "" {
			t.Fatalf("no staging folder named after the preview (pid %d) in %v", p.cmd.Process.Pid, stages(t, tmp))
		}
		return p
	}
	article := filepath.Join(root, "content", "articles", "curly.md")
	edits := 0
	// kill kills p while the Hugo build that an edit to an article's front
	// matter calls for runs.
	kill := func(p *preview) {
		t.Helper()
		if err := os.WriteFile(hold, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		edits++
		data, err := os.ReadFile(article)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, article, replaceOnce(t, data, "title: \"", "title: \"Edit "+strconv.Itoa(edits)+": "))
		pid := heldPID(hold, 20*time.Second)
		if pid == 0 {
			t.Fatalf("the preview did not run Hugo within 20 s of an edit to the front matter:\n%s%s", p.stdout.String(), p.stderr.String())
		}
		t.Cleanup(func() { // should the test fail with Hugo orphaned
			if running(pid) {
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
		})
		if err := p.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		<-p.done
		for i := 0; ; i++ {
			if !running(pid) {
				break
			}
			if i == 1000 {
				t.Fatalf("hugo (pid %d) still runs 20 s after its preview was killed", pid)
			}
			time.Sleep(20 * time.Millisecond)
		}
		for _, f := range []string{hold, hold + ".pid"} {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := os.Stat(p.stage); err != nil {
			t.Fatalf("the killed preview left no staging folder to clean up (%v)", err)
		}
	}
	gone := func(stage, by string) {
		t.Helper()
		if _, err := os.Stat(stage); !os.IsNotExist(err) {
			t.Errorf("%s did not remove the killed preview's staging folder %s (%v)", by, filepath.Base(stage), err)
		}
	}

	first := start()
	kill(first)
	if code, stdout, stderr := runCmdEnv(t, env, bin, "build", "--root", root, "--out", filepath.Join(dir, "out")); code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout, stderr)
	}
	gone(first.stage, "the next build")

	second := start()
	kill(second)
	other := start()
	gone(second.stage, "the next preview")
	// A preview that runs keeps its folder when another starts or builds.
	third := start()
	if code, stdout, stderr := runCmdEnv(t, env, bin, "build", "--root", root, "--out", filepath.Join(dir, "out")); code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout, stderr)
	}
	for _, p := range []*preview{other, third} {
		if _, err := os.Stat(p.stage); err != nil {
			t.Errorf("the staging folder of a running preview is gone: %v", err)
		}
		if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		<-p.done
		if p.err != nil {
			t.Errorf("the interrupted preview ended with %v:\n%s", p.err, p.stderr.String())
		}
	}
	if left := listTree(t, tmp); len(left) > 0 {
		t.Errorf("left in $TMPDIR: %v", left)
	}
}

// stages lists the preview's staging folders in dir.
func stages(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stagePrefix+"-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// running reports whether process pid runs (a zombie, dead and waiting to
// be collected, does not).
func running(pid int) bool {
	for _, p := range procs() {
		if p.pid == pid {
			return p.state != "Z" && p.state != "X"
		}
	}
	return false
}
