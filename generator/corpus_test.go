package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/browser"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/corpus")

// The corpus: testdata/corpus/base.txtar is a small valid briefing, and each
// case under bad/ and good/ is that briefing with a few files replaced,
// added or deleted. Its comment says what the case is, and may hold these
// lines:
//
//	delete: PATH            remove a file of the base (PATH/ removes a folder)
//	crlf: true              every file with CRLF line endings and a byte-order mark
//	bom: true               every file with a byte-order mark
//	cr: PATH                the file with lone-CR line endings, as old Mac editors save them
//	latin1: PATH            the file saved as Latin-1 instead of UTF-8
//	symlink-outside: PATH   the file or folder moved out of the briefing, a link left in its place
//	mkdir: PATH             an empty folder
//	symlink: PATH -> TO     a link at PATH to TO, as written (relative to PATH's folder)
//
// Its "want" section is what the command must print: for a bad case, the
// whole of stderr (paths relative to the briefing folder); for a good case,
// the summary line up to "pages written", then lines "FILE: TEXT" saying
// that an output file contains TEXT (or "FILE: !TEXT", that it does not).
// go test ./generator -run TestCorpus -update rewrites the want sections;
// review every change as a user would read it.

type corpusCase struct {
	path     string
	archive  *txtar.Archive
	files    fstest.MapFS
	want     string
	outside  []string // symlink-outside paths
	mkdirs   []string
	links    [][2]string // symlink: path, target
	directiv map[string][]string
}

var directiveRE = regexp.MustCompile(`(?m)^(delete|crlf|cr|bom|latin1|symlink-outside|mkdir|symlink): (.+)$`)

func loadCase(t *testing.T, path string) *corpusCase {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c := &corpusCase{path: path, archive: a, files: fstest.MapFS{}, directiv: map[string][]string{}}
	if !strings.HasSuffix(path, "base.txtar") {
		base, err := txtar.ParseFile("testdata/corpus/base.txtar")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range base.Files {
			c.files[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	for _, m := range directiveRE.FindAllStringSubmatch(string(a.Comment), -1) {
		c.directiv[m[1]] = append(c.directiv[m[1]], strings.TrimSpace(m[2]))
	}
	for _, p := range c.directiv["delete"] {
		found := false
		for name := range c.files {
			if name == p || strings.HasSuffix(p, "/") && strings.HasPrefix(name, p) {
				delete(c.files, name)
				found = true
			}
		}
		if !found {
			t.Fatalf("delete: %s: no such file in the base briefing", p)
		}
	}
	for _, f := range a.Files {
		if f.Name == "want" {
			c.want = string(f.Data)
			continue
		}
		c.files[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for _, p := range c.directiv["latin1"] {
		f, ok := c.files[p]
		if !ok {
			t.Fatalf("latin1: %s: no such file", p)
		}
		var b []byte
		for _, r := range string(f.Data) {
			if r > 0xff {
				t.Fatalf("latin1: %s has %q, which Latin-1 cannot hold", p, r)
			}
			b = append(b, byte(r))
		}
		f.Data = b
	}
	for _, p := range c.directiv["cr"] {
		f, ok := c.files[p]
		if !ok {
			t.Fatalf("cr: %s: no such file", p)
		}
		f.Data = bytes.ReplaceAll(f.Data, []byte("\n"), []byte("\r"))
	}
	crlf := len(c.directiv["crlf"]) > 0
	if crlf || len(c.directiv["bom"]) > 0 {
		for _, f := range c.files {
			if crlf {
				f.Data = bytes.ReplaceAll(f.Data, []byte("\n"), []byte("\r\n"))
			}
			f.Data = append([]byte("\xef\xbb\xbf"), f.Data...)
		}
	}
	c.outside = c.directiv["symlink-outside"]
	c.mkdirs = c.directiv["mkdir"]
	for _, l := range c.directiv["symlink"] {
		from, to, ok := strings.Cut(l, " -> ")
		if !ok {
			t.Fatalf("symlink: %s: write it PATH -> TARGET", l)
		}
		c.links = append(c.links, [2]string{strings.TrimSpace(from), strings.TrimSpace(to)})
	}
	return c
}

// writeCase writes the case's briefing to dir/briefing and returns that
// folder. Paths named by symlink-outside are moved to dir/outside and
// linked from where they were.
func writeCase(t *testing.T, c *corpusCase, dir string) string {
	t.Helper()
	root := filepath.Join(dir, "briefing")
	briefingtest.WriteDir(t, c.files, root)
	for _, p := range c.mkdirs {
		if err := os.MkdirAll(filepath.Join(root, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range c.outside {
		in := filepath.Join(root, filepath.FromSlash(p))
		out := filepath.Join(dir, "outside", filepath.Base(p))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(in, out); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(out, in); err != nil {
			t.Skipf("cannot make a symbolic link here: %v", err)
		}
	}
	for _, l := range c.links {
		if err := os.Symlink(filepath.FromSlash(l[1]), filepath.Join(root, filepath.FromSlash(l[0]))); err != nil {
			t.Skipf("cannot make a symbolic link here: %v", err)
		}
	}
	return root
}

// treeState describes every entry under dir, not following links: name,
// type, permissions, size, modification time and a hash of the contents.
// Two equal states mean the folder was not touched.
func treeState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		desc := fmt.Sprintf("%v %d %d", info.Mode(), info.Size(), info.ModTime().UnixNano())
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			desc += " -> " + target
		case info.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			desc += fmt.Sprintf(" %x", sha256.Sum256(data))
		}
		out[filepath.ToSlash(rel)] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffStates(before, after map[string]string) []string {
	var diffs []string
	for k, v := range before {
		if w, ok := after[k]; !ok {
			diffs = append(diffs, "removed "+k)
		} else if w != v {
			diffs = append(diffs, "changed "+k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			diffs = append(diffs, "added "+k)
		}
	}
	sort.Strings(diffs)
	return diffs
}

// copyTree copies the regular files and folders under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

var (
	priorOnce sync.Once
	priorDir  string
	priorErr  string
)

// priorOutput builds the base briefing once, for the cases to start from a
// published site that a failed build must leave as it was.
func priorOutput(t *testing.T) string {
	t.Helper()
	priorOnce.Do(func() {
		dir, err := os.MkdirTemp("", "corpus-prior-")
		if err != nil {
			priorErr = err.Error()
			return
		}
		root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), dir)
		if code, stdout, stderr := runCmd(t, "build", "--root", root); code != 0 {
			priorErr = fmt.Sprintf("the base briefing does not build (exit %d):\n%s%s", code, stdout, stderr)
			return
		}
		priorDir = filepath.Join(root, "public")
	})
	if priorErr != "" {
		t.Fatal(priorErr)
	}
	return priorDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	browser.Shutdown()
	if priorDir != "" {
		os.RemoveAll(filepath.Dir(filepath.Dir(priorDir)))
	}
	os.Exit(code)
}

func rewriteWant(t *testing.T, c *corpusCase, got string) {
	t.Helper()
	var files []txtar.File
	replaced := false
	for _, f := range c.archive.Files {
		if f.Name == "want" {
			f.Data = []byte(got)
			replaced = true
		}
		files = append(files, f)
	}
	if !replaced {
		files = append(files, txtar.File{Name: "want", Data: []byte(got)})
	}
	c.archive.Files = files
	if err := os.WriteFile(c.path, txtar.Format(c.archive), 0o644); err != nil {
		t.Fatal(err)
	}
}

func corpusPaths(t *testing.T, kind string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "corpus", kind, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in testdata/corpus/%s", kind)
	}
	return paths
}

// TestCorpusBad runs build and check on every broken briefing: each must exit
// with status 1, print exactly the expected problems, and leave the
// briefing folder and its published output exactly as they were.
func TestCorpusBad(t *testing.T) {
	prior := priorOutput(t)
	for _, p := range corpusPaths(t, "bad") {
		name := strings.TrimSuffix(filepath.Base(p), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := loadCase(t, p)
			dir := t.TempDir()
			root := writeCase(t, c, dir)
			out := filepath.Join(root, "public")
			copyTree(t, prior, out)
			before := treeState(t, dir)

			code, stdout, stderr := runCmd(t, "build", "--root", root)
			got := strings.ReplaceAll(stderr, root+string(filepath.Separator), "")
			got = strings.ReplaceAll(got, filepath.ToSlash(root)+"/", "")
			if *update {
				rewriteWant(t, c, got)
			} else if got != c.want {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, c.want)
			}
			if code != 1 {
				t.Errorf("build exited %d, want 1", code)
			}
			if stdout != "" {
				t.Errorf("build printed on stdout: %q", stdout)
			}
			if strings.Contains(got, "goroutine ") || strings.Contains(got, "panic") {
				t.Errorf("build printed a stack trace")
			}
			if d := diffStates(before, treeState(t, dir)); len(d) > 0 {
				t.Errorf("a failed build touched the briefing or its output:\n%s", strings.Join(d, "\n"))
			}

			// check reports the same problems and writes nothing either.
			code, _, cstderr := runCmd(t, "check", "--root", root)
			cgot := strings.ReplaceAll(cstderr, filepath.ToSlash(root)+"/", "")
			wantCheck, _, _ := strings.Cut(c.want, "nothing was published")
			if code != 1 || cgot != wantCheck {
				t.Errorf("check exited %d with:\n%s\nwant status 1 and:\n%s", code, cgot, wantCheck)
			}
			if d := diffStates(before, treeState(t, dir)); len(d) > 0 {
				t.Errorf("check touched the briefing:\n%s", strings.Join(d, "\n"))
			}
		})
	}
}

var summaryRE = regexp.MustCompile(`^(built .* pages written) to .* in \S+\n$`)

// TestCorpusGood builds every briefing that must work, and checks its
// summary line and the output files named in its want section.
func TestCorpusGood(t *testing.T) {
	for _, p := range corpusPaths(t, "good") {
		name := strings.TrimSuffix(filepath.Base(p), ".txtar")
		t.Run(name, func(t *testing.T) {
			c := loadCase(t, p)
			root := writeCase(t, c, t.TempDir())
			code, stdout, stderr := runCmd(t, "build", "--root", root)
			if code != 0 {
				t.Fatalf("build exited %d:\n%s", code, stderr)
			}
			m := summaryRE.FindStringSubmatch(stdout)
			if m == nil {
				t.Fatalf("summary line = %q", stdout)
			}
			out := filepath.Join(root, "public")
			if *update {
				lines := strings.SplitAfter(c.want, "\n")
				rewriteWant(t, c, m[1]+"\n"+strings.Join(lines[1:], ""))
				return
			}
			lines := strings.Split(strings.TrimSuffix(c.want, "\n"), "\n")
			if lines[0] != m[1] {
				t.Errorf("summary %q, want %q", m[1], lines[0])
			}
			for _, l := range lines[1:] {
				file, text, ok := strings.Cut(l, ": ")
				if !ok {
					t.Fatalf("want line %q is not FILE: TEXT", l)
				}
				data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
				if err != nil {
					t.Errorf("%v", err)
					continue
				}
				if neg, ok := strings.CutPrefix(text, "!"); ok {
					if bytes.Contains(data, []byte(neg)) {
						t.Errorf("%s contains %q", file, neg)
					}
				} else if !bytes.Contains(data, []byte(text)) {
					t.Errorf("%s lacks %q", file, text)
				}
			}
		})
	}
}
