// Package hugo runs the pinned Hugo on a staged project. Hugo is never
// imported as a library: it is the tool pinned in go.mod, run as
// "go tool hugo", or the binary named by $HUGO.
//
// It is the one package besides the command line that writes files: the
// staged project (Stage), which Hugo then reads.
package hugo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"github.com/briefing/annotated/generator/internal/owned"
)

var (
	resolveOnce sync.Once
	resolved    string
	resolveErr  error
)

// Command returns the path of the Hugo binary: $HUGO when set, otherwise the
// tool pinned in this module's go.mod, built once by the go command (the
// first time compiles it, which takes a few minutes; later calls use the Go
// build cache).
//
// Asking the go command where the tool is takes most of a second even when
// it is built, so the answer is remembered in the user's cache folder, keyed
// by go.mod, go.sum and the Go version, and used for as long as the binary
// it names exists.
func Command() (string, error) {
	resolveOnce.Do(func() {
		if h := os.Getenv("HUGO"); h != "" {
			resolved = h
			return
		}
		mod := moduleDir()
		if mod.err != nil {
			resolveErr = mod.err
			return
		}
		memo := memoFile(mod.dir, mod.goVersion)
		if memo != "" {
			if data, err := os.ReadFile(memo); err == nil {
				if p := strings.TrimSpace(string(data)); isExecutable(p) {
					resolved = p
					return
				}
			}
		}
		cmd := exec.Command("go", "tool", "-n", "hugo")
		cmd.Dir = mod.dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			resolveErr = fmt.Errorf("cannot build the pinned Hugo (go tool -n hugo in %s): %v\n%s", mod.dir, err, stderr.String())
			return
		}
		resolved = strings.TrimSpace(string(out))
		if memo != "" && os.MkdirAll(filepath.Dir(memo), 0o755) == nil {
			_ = os.WriteFile(memo, []byte(resolved+"\n"), 0o644)
		}
	})
	return resolved, resolveErr
}

// Check reports, without building anything, whether Command can find a
// Hugo: $HUGO names a program that exists, or else the current folder's
// module pins Hugo. It takes a few milliseconds; build calls it before it
// compiles the briefing, so that a Hugo it cannot find is said at once, not
// after the compile (seconds, for a large briefing). Command still builds
// the pinned Hugo, and so reports what goes wrong there, later.
func Check() error {
	if h := os.Getenv("HUGO"); h != "" {
		if _, err := exec.LookPath(h); err != nil {
			return fmt.Errorf("$HUGO is %q, which is not a program that can be run (%v): set it to a Hugo binary, or unset it to use the Hugo pinned in go.mod", h, err)
		}
		return nil
	}
	return moduleDir().err
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0
}

// memoFile names the file that remembers where the go command built Hugo
// for this module, or "" when there is no cache folder.
func memoFile(modDir, goVersion string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s/%s\n%s\n", modDir, goVersion, runtime.GOOS, runtime.GOARCH, os.Getenv("GOFLAGS"))
	for _, f := range []string{"go.mod", "go.sum"} {
		data, _ := os.ReadFile(filepath.Join(modDir, f))
		h.Write(data)
	}
	return filepath.Join(base, "annotated-briefing", "hugo-path-"+hex.EncodeToString(h.Sum(nil))[:24])
}

// moduleDir finds the folder of the go.mod that pins Hugo: the current
// folder's module, or the module the generator's source lives in, with the
// go command's version. It asks the go command once a process (the current
// folder does not change while the generator runs).
var moduleDir = sync.OnceValue(func() module {
	cmd := exec.Command("go", "env", "GOMOD", "GOVERSION")
	out, err := cmd.Output()
	fields := strings.Split(strings.TrimSpace(string(out)), "\n")
	if err == nil && len(fields) == 2 && fields[0] != "" && fields[0] != os.DevNull {
		gomod := fields[0]
		if data, err := os.ReadFile(gomod); err == nil && bytes.Contains(data, []byte("github.com/gohugoio/hugo")) {
			return module{dir: filepath.Dir(gomod), goVersion: fields[1]}
		}
	}
	return module{err: errors.New("cannot find Hugo: run the generator from the project folder (where go.mod pins Hugo), or set $HUGO to a Hugo binary")}
})

// module is what moduleDir finds: the folder of the go.mod that pins
// Hugo and the go command's version, or why there is none.
type module struct {
	dir, goVersion string
	err            error
}

// BuildCmd returns the command that builds the project in src into dest,
// with Hugo's caches in cacheDir (so nothing is written inside the briefing
// folder). Build runs it; the benchmark runs the same command on a plain
// Hugo project, so that both builds get the same flags.
func BuildCmd(ctx context.Context, src, dest, cacheDir string) (*exec.Cmd, error) {
	bin, err := Command()
	if err != nil {
		return nil, err
	}
	// Hugo reads a relative destination as relative to the source.
	for _, p := range []*string{&src, &dest, &cacheDir} {
		if *p, err = filepath.Abs(*p); err != nil {
			return nil, err
		}
	}
	cmd := exec.CommandContext(ctx, bin, "build",
		"--source", src, "--destination", dest, "--cacheDir", cacheDir,
		"--noBuildLock", "--logLevel", "warn", "--noTimes", "--noChmod")
	cmd.Env = append(os.Environ(), "HUGO_ENVIRONMENT=production", "HUGO_CACHEDIR="+cacheDir)
	return cmd, nil
}

// Build runs Hugo on the project in src, writing the site to dest. What
// Hugo prints of a build that succeeds (its warnings, such as a deprecated
// setting in a theme's layouts) goes to warn, each line after "hugo: ". On
// Linux, Hugo is also stopped if this process is killed (SIGKILL, a crash)
// while it builds, rather than go on writing into a temporary folder nobody
// reads, which the next build or preview would remove under it.
func Build(ctx context.Context, src, dest, cacheDir string, warn io.Writer) error {
	cmd, err := BuildCmd(ctx, src, dest, cacheDir)
	if err != nil {
		return err
	}
	owned.DieWithParent(cmd)
	return runBuild(cmd, warn)
}

// hugoErrorRE matches an error Hugo logs about a file, which it writes
// ERROR error building site: "PATH:LINE:COL": MESSAGE (or "error copying
// static files", for the same template, depending on which of Hugo's
// goroutines meets it first).
var hugoErrorRE = regexp.MustCompile(`^ERROR (?:[a-z][a-z ]*: )?"([^"]+:\d+:\d+)": (.*)$`)

// errorLines returns the errors among the lines Hugo printed, without its
// banner and summary, each about a file written PATH:LINE:COL: MESSAGE as
// the generator writes its own; "" when no line is an error.
func errorLines(out string) string {
	var b strings.Builder
	for line := range strings.Lines(out) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "ERROR") {
			continue
		}
		if m := hugoPageErrorRE.FindStringSubmatch(line); m != nil {
			page := m[1] // the staged content file
			if i := strings.LastIndex(page, "/content/"); i >= 0 {
				page = page[i+len("/content/"):]
			}
			if path.Base(page) == "_index.html" { // a section's page: its index.html
				page = path.Join(path.Dir(page), "index.html")
			}
			line = innerTemplate(m[2], m[3]) + " (making " + page + ")"
		} else if m := hugoErrorRE.FindStringSubmatch(line); m != nil {
			line = innerTemplate(m[1], m[2])
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

// hugoPageErrorRE matches an error Hugo logs about a template while it
// makes a page: ERROR error building site: render: [en v1.0.0 guest]
// failed to render pages: render of "CONTENT FILE" failed: "PATH:LINE:COL":
// MESSAGE. The content file is the staged project's, gone once the build
// has failed: the error names the page it makes instead.
var hugoPageErrorRE = regexp.MustCompile(`^ERROR .*?render of "([^"]+)" failed: "([^"]+:\d+:\d+)": (.*)$`)

// nestedErrorRE is the place of an error inside another's message: a
// partial's, as "error calling partial: "PATH:LINE:COL": …".
var nestedErrorRE = regexp.MustCompile(`"([^"]+:\d+:\d+)": `)

// innerTemplateRE matches the message of an error Hugo found in another
// template than the one it names the file of ("apply base template failed:
// template: page.html:5: missing value for if", at baseof.html's path):
// the template's name, from the layouts folder, its line and column. Hugo
// writes the same for an error in the very template it names the file of
// ("execute of template failed: template: page.html:26:3: executing …").
var innerTemplateRE = regexp.MustCompile(`^(?:[a-z][a-z ]*: )?template: ([^:"]+):(\d+)(?::(\d+))?: (.+)$`)

// innerTemplate writes the error msg that Hugo logged at pos
// (PATH:LINE:COL) as PATH:LINE:COL: MESSAGE, at the template the message
// names (without naming it again) when it is a file of the same layouts
// folder: Hugo reports a page's template that does not parse at
// baseof.html, with the page template's line, which baseof.html may not
// even have.
func innerTemplate(pos, msg string) string {
	if m := innerTemplateRE.FindStringSubmatch(msg); m != nil && strings.HasPrefix(m[4], "executing ") {
		// An error met running a template, which Hugo names with the
		// template's set ("home.html") but places in the file it
		// happened in (baseof.html): at that file, or, when a partial
		// it calls failed, at the innermost partial's place, the file
		// to edit.
		if nested := nestedErrorRE.FindAllStringSubmatchIndex(m[4], -1); nested != nil {
			n := nested[len(nested)-1]
			rest := m[4][n[1]:]
			if in := innerTemplateRE.FindStringSubmatch(rest); in != nil {
				rest = in[4]
			}
			return m[4][n[2]:n[3]] + ": " + rest
		}
		return pos + ": " + m[4]
	}
	if m := innerTemplateRE.FindStringSubmatch(msg); m != nil {
		file := pos // PATH:LINE:COL, as hugoErrorRE matched it
		for range 2 {
			file = file[:strings.LastIndexByte(file, ':')]
		}
		if i := strings.LastIndex(file, "/layouts/"); i >= 0 {
			named := file[:i+len("/layouts/")] + m[1]
			if st, err := os.Stat(named); err == nil && !st.IsDir() {
				col := m[3]
				if col == "" {
					col = "1"
				}
				return named + ":" + m[2] + ":" + col + ": " + m[4]
			}
		}
	}
	return pos + ": " + msg
}

// runBuild runs a command made by BuildCmd, with its messages in the error,
// or else the lines Hugo logged to standard error (its warnings; the
// summary goes to standard output) copied to warn.
func runBuild(cmd *exec.Cmd, warn io.Writer) error {
	var out, log bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &log
	err := cmd.Run()
	all := strings.TrimSpace(out.String() + "\n" + log.String())
	if err != nil {
		if errs := errorLines(all); errs != "" {
			return fmt.Errorf("hugo failed:\n%s", errs)
		}
		if all == "" { // nothing said: not even an empty line after the status
			return fmt.Errorf("hugo failed: %v, and said nothing", err)
		}
		return fmt.Errorf("hugo failed: %v\n%s", err, all)
	}
	if errs := errorLines(all); errs != "" {
		return fmt.Errorf("hugo reported errors:\n%s", errs)
	}
	for line := range strings.Lines(log.String()) {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Fprintf(warn, "hugo: %s\n", line)
		}
	}
	return nil
}
