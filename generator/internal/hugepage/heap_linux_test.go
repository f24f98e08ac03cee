package hugepage

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// childEnv makes the test binary a child process that calls Heap first
// thing, as a command does, and reports what it finds (see report).
const childEnv = "HUGEPAGE_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		if err := child(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A report is what the child found.
type report struct {
	Advised int   // what Heap returned
	Faults  int64 // the page faults Heap itself took
	// Of the 64 MiB allocated after Heap, the bytes in mappings that carry
	// the advice (VmFlags "hg"), and the huge pages' bytes of those
	// mappings (AnonHugePages).
	InAdvised, Huge int64
}

const (
	reserve = 256 << 20 // what the child asks Heap for
	later   = 64 << 20  // what it allocates and writes to afterwards
)

func child() error {
	before := minorFaults()
	var r report
	r.Advised = Heap(reserve)
	r.Faults = minorFaults() - before
	b := make([]byte, later)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	lo := uint64(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	maps, err := mappings()
	if err != nil {
		return err
	}
	for _, m := range maps {
		from, to := max(m.start, lo), min(m.end, lo+later)
		if from < to && strings.Contains(" "+m.flags+" ", " hg ") {
			r.InAdvised += int64(to - from)
			r.Huge += m.huge
		}
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

func minorFaults() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Minflt
}

// A mapping is one of /proc/self/smaps: its addresses, its VmFlags and its
// AnonHugePages in bytes.
type mapping struct {
	start, end uint64
	flags      string
	huge       int64
}

func mappings() ([]mapping, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var maps []mapping
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if lo, hi, ok := strings.Cut(fields[0], "-"); ok && !strings.HasSuffix(fields[0], ":") {
			a, errA := strconv.ParseUint(lo, 16, 64)
			b, errB := strconv.ParseUint(hi, 16, 64)
			if errA == nil && errB == nil {
				maps = append(maps, mapping{start: a, end: b})
				continue
			}
		}
		if len(maps) == 0 || len(fields) < 2 {
			continue
		}
		m := &maps[len(maps)-1]
		switch fields[0] {
		case "AnonHugePages:":
			kb, _ := strconv.ParseInt(fields[1], 10, 64)
			m.huge = kb << 10
		case "VmFlags:":
			m.flags = strings.Join(fields[1:], " ")
		}
	}
	return maps, sc.Err()
}

// TestHeapAdvisesTheHeapThatFollows runs a process that calls Heap first
// thing, as build and check do, and then allocates and writes 64 MiB. The
// memory Heap advised must be what the heap grows into: the mapping that
// holds most of the later allocation carries the advice (VmFlags "hg"), and
// is backed by huge pages. And Heap must not have touched what it allocated:
// a large allocation the runtime cleared would have cost a page fault for
// every 4 KiB, the very cost it is there to save.
func TestHeapAdvisesTheHeapThatFollows(t *testing.T) {
	s := readSystem()
	if plan(s, reserve) == 0 {
		t.Skipf("Heap does nothing on this system (transparent huge pages %q, overcommit %q): nothing to test",
			strings.TrimSpace(s.enabled), strings.TrimSpace(s.overcommit))
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var r report
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("child's report %q: %v", out, err)
	}
	t.Logf("%+v", r)
	if r.Advised < reserve/2 || r.Advised > reserve {
		t.Errorf("Heap advised %d bytes of the %d asked for", r.Advised, reserve)
	}
	if most := int64(reserve / 4096 / 16); r.Faults > most {
		t.Errorf("Heap took %d page faults (at most %d): it touched the memory it advised", r.Faults, most)
	}
	if r.InAdvised < later/2 {
		t.Errorf("of the 64 MiB allocated after Heap, %d MiB are in memory it advised", r.InAdvised>>20)
	}
	if r.Huge < later/4 {
		t.Errorf("of the 64 MiB written after Heap, %d MiB are in huge pages", r.Huge>>20)
	}
}

// TestHeapDoesNothingOnceTheHeapHasGrown: called late, Heap would advise
// memory it had first to clear, page by page.
func TestHeapDoesNothingOnceTheHeapHasGrown(t *testing.T) {
	if plan(readSystem(), reserve) == 0 {
		t.Skip("Heap does nothing on this system: nothing to test")
	}
	held := make([]byte, grown+(16<<20))
	for i := 0; i < len(held); i += 4096 {
		held[i] = 1
	}
	if n := Heap(reserve); n != 0 {
		t.Errorf("Heap advised %d bytes with a heap of %d MiB", n, len(held)>>20)
	}
	runtime.KeepAlive(held)
}
