package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefing/annotated/generator/internal/hugo"
	"github.com/briefing/annotated/generator/internal/pdf"
	"github.com/briefing/annotated/generator/internal/synth"
)

// buildBinary compiles the generator into dir, for tests that must run it
// as a process of its own.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "generator")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// procs lists the running processes as pid, command name, state, parent
// and process group, from /proc.
type proc struct {
	pid, ppid, pgid int
	name, state     string
}

func procs() []proc {
	var out []proc
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp ...
		s := string(stat)
		open, closing := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || closing < open {
			continue
		}
		f := strings.Fields(s[closing+1:])
		if len(f) < 3 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		pgid, _ := strconv.Atoi(f[2])
		out = append(out, proc{pid: pid, ppid: ppid, pgid: pgid, name: s[open+1 : closing], state: f[0]})
	}
	return out
}

// childNamed returns the pid of a running child of parent whose command
// name is name, or 0.
func childNamed(parent int, name string) int {
	for _, p := range procs() {
		if p.ppid == parent && p.name == name {
			return p.pid
		}
	}
	return 0
}

// groupAlive lists the processes of group pgid that still run (zombies,
// dead and waiting for their parent to collect them, do not count).
func groupAlive(pgid int) []proc {
	var out []proc
	for _, p := range procs() {
		if p.pgid == pgid && p.state != "Z" && p.state != "X" {
			out = append(out, p)
		}
	}
	return out
}

// leftovers lists what builds leave beside out and in the temporary folder.
func leftovers(t *testing.T, out, tmp string) []string {
	t.Helper()
	var found []string
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(out)+".") {
			found = append(found, e.Name())
		}
	}
	entries, _ = os.ReadDir(tmp)
	for _, e := range entries {
		found = append(found, filepath.Join(tmp, e.Name()))
	}
	return found
}

// TestKilledWhileHugoRuns kills a build, process group and all, while Hugo
// is writing the site: the published output must be exactly as it was, and
// the next build must clean up and succeed.
func TestKilledWhileHugoRuns(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc to see Hugo running")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	tmp := filepath.Join(dir, "tmp") // the builds' TMPDIR, to see what they leave there
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), dir)
	out := filepath.Join(root, "public")
	env := append(os.Environ(), "TMPDIR="+tmp)
	first := exec.Command(bin, "build", "--root", root)
	first.Env = env
	if msg, err := first.CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, msg)
	}
	before := treeState(t, out)

	// Change the input, so that a build that got through would show.
	notes := filepath.Join(root, "annotations", "one.yaml")
	data, _ := os.ReadFile(notes)
	if err := os.WriteFile(notes, bytes.Replace(data, []byte("The lowest since 1980."), []byte("Changed after the first build."), 1), 0o644); err != nil {
		t.Fatal(err)
	}

	// Hugo runs for a fraction of a second: poll for it, and try again if
	// a build finishes before it is seen.
	killed := false
	for attempt := 0; attempt < 20 && !killed; attempt++ {
		cmd := exec.Command(bin, "build", "--root", root)
		cmd.Env = env
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
	poll:
		for {
			select {
			case <-done:
				// Too late: this build published. Put the old output back.
				if err := os.RemoveAll(out); err != nil {
					t.Fatal(err)
				}
				t.Logf("attempt %d: the build finished before Hugo was seen", attempt+1)
				break poll
			default:
			}
			if childNamed(cmd.Process.Pid, "hugo") != 0 {
				if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				err := <-done
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
					t.Fatalf("the build ended with %v, not killed", err)
				}
				// Hugo was killed with its group; none of it may linger.
				for i := 0; len(groupAlive(cmd.Process.Pid)) > 0; i++ {
					if i == 100 {
						t.Fatalf("processes of the killed build still run: %+v", groupAlive(cmd.Process.Pid))
					}
					time.Sleep(10 * time.Millisecond)
				}
				killed = true
				break poll
			}
			time.Sleep(200 * time.Microsecond)
		}
		if !killed {
			// Restore the first build's output for the next attempt.
			rebuild := exec.Command(bin, "build", "--root", root)
			rebuild.Env = env
			_ = os.WriteFile(notes, data, 0o644)
			if msg, err := rebuild.CombinedOutput(); err != nil {
				t.Fatalf("%v\n%s", err, msg)
			}
			before = treeState(t, out)
			_ = os.WriteFile(notes, bytes.Replace(data, []byte("The lowest since 1980."), []byte("Changed after the first build."), 1), 0o644)
		}
	}
	if !killed {
		t.Skip("never caught Hugo running in 20 builds")
	}
	if d := diffStates(before, treeState(t, out)); len(d) > 0 {
		t.Fatalf("the killed build changed the published output:\n%s", strings.Join(d, "\n"))
	}
	left := leftovers(t, out, tmp)
	t.Logf("left by the killed build: %v", left)

	code, stdout, stderr := runCmdEnv(t, env, bin, "build", "--root", root)
	if code != 0 {
		t.Fatalf("the build after the kill exited %d:\n%s%s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "articles", "one.html"))
	if err != nil || !bytes.Contains(page, []byte("Changed after the first build.")) {
		t.Errorf("the build after the kill did not publish the new text (%v)", err)
	}
	if left := leftovers(t, out, tmp); len(left) > 0 {
		t.Errorf("the next build left these behind: %v", left)
	}
	checkIntegrity(t, out)
}

// TestBuildKilledStopsHugo kills a build alone, not its process group, with
// SIGKILL while its Hugo runs: Hugo must stop all the same rather than go on
// writing into the temporary folder that the next build removes, and that
// next build must publish. Hugo is a wrapper that, while the file hold
// exists, writes its process ID to hold.pid and waits instead of building.
func TestBuildKilledStopsHugo(t *testing.T) {
	realHugo, err := hugo.Command()
	if err != nil {
		t.Fatal(err)
	}
	killedWhileHeld(t, "HUGO", realHugo)
}

// TestBuildKilledStopsChromium does the same to `build --pdf` while
// Chromium prints: Chromium stops with its build (it printed on, into a
// folder the next build removes), and the folder of its profile, which the
// killed build could not remove, is removed by the next print.
func TestBuildKilledStopsChromium(t *testing.T) {
	needTool(t, "chromium")
	realChromium, err := pdf.Browser()
	if err != nil {
		t.Fatal(err)
	}
	killedWhileHeld(t, "CHROMIUM", realChromium, "--pdf")
}

// killedWhileHeld kills a build alone, run with args, with SIGKILL while
// the program it runs, named by the environment variable name (real the
// program itself), is held: that program must stop, nothing may be
// published, and the next build must publish and leave nothing behind,
// neither beside the output nor in the temporary folder.
func killedWhileHeld(t *testing.T, name, real string, args ...string) {
	t.Helper()
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc to see the program running")
	}
	if runtime.GOOS != "linux" {
		t.Skip("only Linux stops a child when its parent dies")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), dir)
	out := filepath.Join(root, "public")
	wrapper, hold := heldProgram(t, dir, real)
	if err := os.WriteFile(hold, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "TMPDIR="+tmp, name+"="+wrapper)

	cmd := exec.Command(bin, append([]string{"build", "--root", root}, args...)...) // output to /dev/null: no pipes for the program to hold
	cmd.Env = env
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := heldPID(hold, time.Minute)
	if pid == 0 {
		_ = cmd.Process.Kill()
		t.Fatalf("the build did not run $%s within a minute", name)
	}
	t.Cleanup(func() { // should the test fail with Hugo orphaned
		if running(pid) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	})
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	for i := 0; running(pid); i++ {
		if i == 1000 {
			t.Fatalf("$%s (pid %d) still runs 20 s after its build was killed", name, pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("the killed build published %s (%v)", out, err)
	}

	for _, f := range []string{hold, hold + ".pid"} {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	if code, stdout, stderr := runCmdEnv(t, env, bin, append([]string{"build", "--root", root}, args...)...); code != 0 {
		t.Fatalf("the build after the kill exited %d:\n%s%s", code, stdout, stderr)
	}
	if left := leftovers(t, out, tmp); len(left) > 0 {
		t.Errorf("the next build left these behind: %v", left)
	}
	checkIntegrity(t, out)
}

// TestInterruptedBuildSaysSo stops a build with SIGINT (Ctrl-C), then one
// with SIGTERM, while its Hugo runs: each says it was interrupted and that
// nothing was published, in one line, not that Hugo failed with "context
// canceled" (twice, as it did), and exits as a shell says a program the
// signal stopped did, 128 and the signal's number: 130 and 143 (it was 1,
// as for a failed build).
func TestInterruptedBuildSaysSo(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), dir)
	out := filepath.Join(root, "public")
	wrapper, hold := heldHugo(t, dir)
	env := append(os.Environ(), "HUGO="+wrapper)
	if code, stdout, stderr := runCmdEnv(t, env, bin, "build", "--root", root); code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout, stderr)
	}
	for _, c := range []struct {
		sig  os.Signal
		code int
	}{{os.Interrupt, 130}, {syscall.SIGTERM, 143}} {
		if err := os.WriteFile(hold, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "build", "--root", root)
		cmd.Env = env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if heldPID(hold, time.Minute) == 0 {
			_ = cmd.Process.Kill()
			t.Fatal("the build did not run Hugo within a minute")
		}
		if err := cmd.Process.Signal(c.sig); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != c.code {
			t.Errorf("the build interrupted by %v ended with %v, want exit status %d", c.sig, err, c.code)
		}
		if want := "interrupted: nothing was published: " + out + " is unchanged\n"; stderr.String() != want || stdout.Len() > 0 {
			t.Errorf("the build interrupted by %v wrote %q, %q; want only %q", c.sig, stdout.String(), stderr.String(), want)
		}
		for _, f := range []string{hold, hold + ".pid"} {
			_ = os.Remove(f)
		}
	}
}

// TestInterruptedCheckSaysSo: check stopped by Ctrl-C or SIGTERM stops,
// says so, and exits as build does (130, 143): it went on and said "ok",
// exit 0, as if the check had passed. The briefing is a synthetic one of
// 3,000 articles, whose check takes seconds: the signal comes once the
// check has read its first megabyte of them. (It came 300 ms after the
// start, which on a busy machine was before the program had reached main,
// where it asks for the signals: the default action ended it, silent.)
func TestInterruptedCheckSaysSo(t *testing.T) {
	if _, err := os.Stat("/proc/self/io"); err != nil {
		t.Skip("needs /proc to see the check reading")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	root := filepath.Join(dir, "big")
	for p, data := range synth.Briefing(synth.Options{Articles: 3000}) {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		sig  os.Signal
		code int
	}{{os.Interrupt, 130}, {syscall.SIGTERM, 143}} {
		cmd := exec.Command(bin, "check", "--root", root)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waited := make(chan error, 1)
		go func() { waited <- cmd.Wait() }()
		if !readAtLeast(cmd.Process.Pid, 1<<20, waited, time.Minute) {
			_ = cmd.Process.Kill()
			t.Fatalf("check ended, or read less than 1 MiB of its 3,000 articles within a minute: %v; %q, %q", <-waited, stdout.String(), stderr.String())
		}
		if err := cmd.Process.Signal(c.sig); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		err := <-waited
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != c.code {
			t.Errorf("check interrupted by %v ended with %v after %v more, want exit status %d; stdout %q", c.sig, err, time.Since(start), c.code, stdout.String())
		}
		if want := "interrupted: the check was stopped\n"; stderr.String() != want || stdout.Len() > 0 {
			t.Errorf("check interrupted by %v wrote %q, %q; want only %q", c.sig, stdout.String(), stderr.String(), want)
		}
	}
}

// readAtLeast waits up to limit for process pid to have read n bytes (the
// rchar of /proc/PID/io) and says whether it did; it stops waiting, false,
// when waited (the process's Wait) returns, putting its error back.
func readAtLeast(pid int, n int64, waited chan error, limit time.Duration) bool {
	path := filepath.Join("/proc", strconv.Itoa(pid), "io")
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		select {
		case err := <-waited:
			waited <- err
			return false
		default:
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "rchar: "); ok {
				if read, err := strconv.ParseInt(v, 10, 64); err == nil && read >= n {
					return true
				}
			}
		}
	}
	return false
}

// heldHugo is heldProgram for the real Hugo.
func heldHugo(t *testing.T, dir string) (wrapper, hold string) {
	t.Helper()
	realHugo, err := hugo.Command()
	if err != nil {
		t.Fatal(err)
	}
	return heldProgram(t, dir, realHugo)
}

// heldProgram writes to dir a stand-in for the program real (Hugo, say, to
// be named by $HUGO): while the file hold exists it writes its process ID
// to hold.pid and waits instead of running (a Hugo build that lasts until
// the test ends it); otherwise it runs real.
func heldProgram(t *testing.T, dir, real string) (wrapper, hold string) {
	t.Helper()
	hold = filepath.Join(dir, "hold")
	wrapper = filepath.Join(dir, "held-"+filepath.Base(real))
	script := "#!/bin/sh\nif [ -e '" + hold + "' ]; then echo $$ > '" + hold + ".pid'; exec sleep 600; fi\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return wrapper, hold
}

// heldPID waits up to limit for the held Hugo of heldHugo to start, and
// returns its process ID, or 0 if it did not.
func heldPID(hold string, limit time.Duration) int {
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if data, err := os.ReadFile(hold + ".pid"); err == nil && bytes.HasSuffix(data, []byte("\n")) {
			pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
			return pid
		}
	}
	return 0
}

func runCmdEnv(t *testing.T, env []string, bin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), stdout.String(), stderr.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, stdout.String(), stderr.String()
}

// TestReproducibleBuild builds the project's own briefing twice into two
// folders: every file must be byte for byte the same (no build times, no
// random order).
func TestReproducibleBuild(t *testing.T) {
	dir := t.TempDir()
	var trees [2]map[string][]byte
	for i := range trees {
		out := filepath.Join(dir, fmt.Sprintf("out%d", i))
		if code, stdout, stderr := runCmd(t, "build", "--root", "..", "--out", out); code != 0 {
			t.Fatalf("build %d exited %d:\n%s%s", i+1, code, stdout, stderr)
		}
		trees[i] = map[string][]byte{}
		err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(out, p)
			trees[i][filepath.ToSlash(rel)], err = os.ReadFile(p)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			time.Sleep(1100 * time.Millisecond) // a timestamp to the second would now differ
		}
	}
	if len(trees[0]) < 5 {
		t.Fatalf("only %d files built", len(trees[0]))
	}
	for name, a := range trees[0] {
		b, ok := trees[1][name]
		switch {
		case !ok:
			t.Errorf("%s is only in the first build", name)
		case !bytes.Equal(a, b):
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
	for name := range trees[1] {
		if _, ok := trees[0][name]; !ok {
			t.Errorf("%s is only in the second build", name)
		}
	}
}

// TestNamedPipeNotOpened: a named pipe among the articles is reported, and
// check returns. Opening it would wait for a writer, and Ctrl-C could not
// stop that wait (the signal is caught, the thread blocked in open).
func TestNamedPipeNotOpened(t *testing.T) {
	root := writeCase(t, loadCase(t, "testdata/page-ids.txtar"), t.TempDir())
	pipe := filepath.Join(root, "content", "articles", "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, _, stderr := runCmd(t, "check", "--root", root)
		done <- result{code, stderr}
	}()
	select {
	case r := <-done:
		want := "content/articles/pipe.md:1:1: this is a named pipe (FIFO), not a file the briefing can read"
		if r.code != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("check exited %d with:\n%s\nwant 1 and %q", r.code, r.stderr, want)
		}
	case <-time.After(time.Minute):
		// Let the waiting open go, so that the test ends.
		if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatal("check did not return in a minute: it opened the named pipe")
	}
}
