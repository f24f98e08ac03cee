package owned

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestMake checks that a folder Make made is kept while it is locked, even
// once its name says its owner is gone, and abandoned once unlocked.
func TestMake(t *testing.T) {
	parent := t.TempDir()
	dir, unlock, err := Make(parent, "test")
	if err != nil {
		t.Fatal(err)
	}
	if pid, ok := Owner(filepath.Base(dir), "test"); !ok || pid != os.Getpid() {
		t.Fatalf("Owner(%s) = %d, %v; want this process, %d", filepath.Base(dir), pid, ok, os.Getpid())
	}
	if Unlocked(dir) || Abandoned(dir, "test") {
		t.Fatalf("%s is unlocked or abandoned while its maker holds it", dir)
	}
	// The same folder under the name a process that has ended would have
	// given it, still locked by this one: kept.
	done := exec.Command("true")
	if err := done.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	gone := filepath.Join(parent, "test-"+strconv.Itoa(done.Process.Pid)+"-1")
	if err := os.Rename(dir, gone); err != nil {
		t.Fatal(err)
	}
	Clean(parent, "test")
	if _, err := os.Stat(gone); err != nil {
		t.Fatalf("Clean removed %s, locked by a live process: %v", gone, err)
	}
	unlock()
	if !Unlocked(gone) || !Abandoned(gone, "test") {
		t.Fatalf("%s: not abandoned once unlocked, its owner gone", gone)
	}
	if Abandoned(gone, "other") {
		t.Errorf("%s counted abandoned under another prefix", gone)
	}
	Clean(parent, "test")
	if _, err := os.Stat(gone); !os.IsNotExist(err) {
		t.Errorf("Clean kept %s, abandoned (%v)", gone, err)
	}
}

// TestOwner reads the process ID from names Make gives, and from no other.
func TestOwner(t *testing.T) {
	for name, want := range map[string]int{
		"p-12-345": 12, "p-12-": 0, "p-12": 0, "p--3": 0, "p-x-1": 0, "q-12-3": 0, "p-0-1": 0,
	} {
		got, ok := Owner(name, "p")
		if ok != (want != 0) || got != want {
			t.Errorf("Owner(%q) = %d, %v; want %d", name, got, ok, want)
		}
	}
}

// TestAbandonedNumberReused: an unlocked folder named after a process that
// is alive (its number reused: in a container every build is process 1)
// is abandoned once it has not changed for longer than a process takes to
// lock the folder it made, and not before.
func TestAbandonedNumberReused(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "test-"+strconv.Itoa(os.Getpid())+"-1") // this process: alive
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if Abandoned(dir, "test") {
		t.Errorf("%s, just made, counted abandoned", dir)
	}
	old := time.Now().Add(-2 * lockGrace)
	if err := os.Chtimes(dir, old, old); err != nil {
		t.Fatal(err)
	}
	if !Abandoned(dir, "test") {
		t.Errorf("%s, unlocked and unchanged for %v, not counted abandoned", dir, 2*lockGrace)
	}
}
