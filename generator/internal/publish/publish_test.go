package publish

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPublishReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	write(t, filepath.Join(out, "old.html"), "old")
	write(t, filepath.Join(out, "index.html"), "v1")

	tmp, unlock, err := TempDir(out)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	write(t, filepath.Join(tmp, "index.html"), "v2")
	if err := Publish(tmp, out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "v2" {
		t.Errorf("index.html = %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); !os.IsNotExist(err) {
		t.Errorf("a file of the old output survived: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o755 {
		t.Errorf("output mode = %v, want 0755", st.Mode().Perm())
	}
}

func TestPublishFirstTime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sub", "public")
	tmp, unlock, err := TempDir(out)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	write(t, filepath.Join(tmp, "a"), "a")
	if err := Publish(tmp, out); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "a")) != "a" {
		t.Error("not published")
	}
}

func TestCleanLeftovers(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	// A build killed mid-way left its temporary folder.
	write(t, filepath.Join(dir, ".public.new-123", "x"), "partial")
	// A swap interrupted between its two renames left the output aside.
	write(t, filepath.Join(dir, ".public.old-456", "index.html"), "previous")
	if err := Clean(out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "previous" {
		t.Errorf("output not restored: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "public" {
		t.Errorf("after Clean: %v", entries)
	}
	// With the output present, an old copy is just removed.
	write(t, filepath.Join(dir, ".public.old-789", "index.html"), "older")
	if err := Clean(out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "previous" {
		t.Errorf("output replaced by an old copy: %q", got)
	}
}

// TestCleanLeavesLiveBuilds: a build's Clean removes what killed builds
// left beside out, and not the folder another build into the same out is
// writing (it did, before the folders had owners: two builds at once, even
// one whose input was wrong and published nothing, could leave the other
// publishing a site missing most of its pages).
func TestCleanLeavesLiveBuilds(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	write(t, filepath.Join(out, "index.html"), "v1")
	live, unlock, err := TempDir(out) // another build's, at work
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	write(t, filepath.Join(live, "index.html"), "v2")
	killed := filepath.Join(dir, ".public.new-"+deadPID(t)+"-1") // a killed build's
	write(t, filepath.Join(killed, "x"), "partial")
	if err := Clean(out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(live, "index.html")); got != "v2" {
		t.Errorf("the live build's folder lost its page: %q", got)
	}
	if _, err := os.Stat(killed); !os.IsNotExist(err) {
		t.Errorf("Clean kept %s, whose build is gone (%v)", killed, err)
	}
	if err := Publish(live, out); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "v2" {
		t.Errorf("published index.html = %q", got)
	}
}

// deadPID is the process ID of a process that has ended.
func deadPID(t *testing.T) string {
	t.Helper()
	done := exec.Command("true")
	if err := done.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	return strconv.Itoa(done.Process.Pid)
}

// ended renames the folders this process's builds made beside out as if
// the process had ended: a later build's Clean takes them as a killed
// build's leftovers, not a live one's.
func ended(t *testing.T, out string) {
	t.Helper()
	parent, mine := filepath.Dir(out), newPrefix(out)+"-"+strconv.Itoa(os.Getpid())+"-"
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if rest, ok := strings.CutPrefix(e.Name(), mine); ok {
			if err := os.Rename(filepath.Join(parent, e.Name()), filepath.Join(parent, newPrefix(out)+"-"+deadPID(t)+"-"+rest)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// failRemoving makes removeTree fail, as it does on a folder written by
// another user, for the rest of the test.
func failRemoving(t *testing.T) {
	t.Helper()
	saved := removeTree
	removeTree = func(dir string) error { return &os.PathError{Op: "unlinkat", Path: dir, Err: os.ErrPermission} }
	t.Cleanup(func() { removeTree = saved })
}

// oldAndNew makes an output folder whose index.html says v1, and beside
// it, from TempDir, a new one whose index.html says v2.
func oldAndNew(t *testing.T) (out, tmp string) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "public")
	write(t, filepath.Join(out, "index.html"), "v1")
	tmp, unlock, err := TempDir(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(unlock)
	write(t, filepath.Join(tmp, "index.html"), "v2")
	return out, tmp
}

// TestPublishOldStays checks that when the old output cannot be removed
// the new one is published all the same and said to be: the error is a
// LeftoverError naming the folder left behind, not a failed publish.
func TestPublishOldStays(t *testing.T) {
	out, tmp := oldAndNew(t)
	failRemoving(t)
	err := Publish(tmp, out)
	if !IsLeftover(err) {
		t.Fatalf("Publish = %v, want a LeftoverError", err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "v2" {
		t.Errorf("index.html = %q, want the new output", got)
	}
	var left *LeftoverError
	if errors.As(err, &left); read(t, filepath.Join(left.Path, "index.html")) != "v1" {
		t.Errorf("the folder named, %s, does not hold the old output", left.Path)
	}
}

// TestCleanLeftoverStays checks that a leftover Clean cannot remove does
// not stop it: the output aside is still put back, and the error is a
// LeftoverError.
func TestCleanLeftoverStays(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	write(t, filepath.Join(dir, ".public.new-123", "x"), "partial")
	write(t, filepath.Join(dir, ".public.old-456", "index.html"), "previous")
	failRemoving(t)
	if err := Clean(out); !IsLeftover(err) {
		t.Fatalf("Clean = %v, want a LeftoverError", err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "previous" {
		t.Errorf("output not restored: %q", got)
	}
}

// TestPublishWithoutExchangeLeavesNothingToRestore: where the two folders
// cannot be swapped in one step, the old output is moved aside, and what
// of it cannot be removed is left under a name Clean removes, not one it
// would put back as the site: a user who then deletes out is not given a
// half-removed old site by the next build.
func TestPublishWithoutExchangeLeavesNothingToRestore(t *testing.T) {
	saved := exchange
	exchange = func(a, b string) error { return errors.New("no atomic exchange here") }
	t.Cleanup(func() { exchange = saved })
	out, tmp := oldAndNew(t)
	failRemoving(t)
	if err := Publish(tmp, out); !IsLeftover(err) {
		t.Fatalf("Publish = %v, want a LeftoverError", err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "v2" {
		t.Fatalf("index.html = %q, want the new output", got)
	}
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	ended(t, out)
	if err := Clean(out); !IsLeftover(err) {
		t.Fatalf("Clean = %v, want a LeftoverError (the old output still cannot be removed)", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("Clean put the old output back as %s: %v", out, err)
	}
}
