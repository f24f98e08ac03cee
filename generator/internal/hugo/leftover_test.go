package hugo

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"golang.org/x/sys/unix"
)

// TestCleanStages leaves staging folders as killed processes would, and
// checks that CleanStages removes exactly those whose owner is gone.
func TestCleanStages(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// A process ID that is surely free: a process that has ended.
	done := exec.Command("true")
	if err := done.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	dead := strconv.Itoa(done.Process.Pid)

	mine, release, err := TempStage("stage-test", 0)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(mine) != tmp {
		t.Fatalf("TempStage made %s, not in $TMPDIR %s", mine, tmp)
	}
	mkdir := func(name string) {
		if err := os.Mkdir(filepath.Join(tmp, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, name, "hugo.json"), []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mkdir("stage-test-" + dead + "-1")                       // owner gone: removed
	mkdir("stage-test-" + dead + "-2")                       // owner gone, but locked by a live process elsewhere: kept
	mkdir("stage-test-" + strconv.Itoa(os.Getppid()) + "-3") // owner alive: kept
	mkdir("stage-test-" + dead)                              // not a name TempStage makes: kept
	mkdir("other-" + dead + "-4")                            // another prefix: kept
	held, err := os.Open(filepath.Join(tmp, "stage-test-"+dead+"-2"))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := unix.Flock(int(held.Fd()), unix.LOCK_SH); err != nil {
		t.Fatal(err)
	}

	CleanStages("stage-test")
	entries, _ := os.ReadDir(tmp)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{"other-" + dead + "-4", filepath.Base(mine), "stage-test-" + dead, "stage-test-" + dead + "-2", "stage-test-" + strconv.Itoa(os.Getppid()) + "-3"}
	slices.Sort(want)
	if !slices.Equal(left, want) {
		t.Errorf("after CleanStages: %v, want %v", left, want)
	}

	release()
	if _, err := os.Stat(mine); !os.IsNotExist(err) {
		t.Errorf("release left %s (%v)", mine, err)
	}
}

// TestLargeStageOnDisk checks that a project too large for
// MaxMemoryStage is staged in os.TempDir(), never on a memory file system.
func TestLargeStageOnDisk(t *testing.T) {
	t.Setenv("TMPDIR", "")
	if got := StageParent(MaxMemoryStage + 1); got != os.TempDir() {
		t.Errorf("StageParent(MaxMemoryStage+1) = %s, want %s", got, os.TempDir())
	}
}
