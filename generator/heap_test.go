package main

import (
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestHeapAdvice runs check as a process of its own, where adviseHeap runs
// first thing, and reads what it did from BRIEFING_TIMINGS: the heap
// advised for huge pages and the collector set to heapGCPercent; GOGC
// left as the environment sets it; and nothing at all with
// BRIEFING_HUGEPAGES=0.
func TestHeapAdvice(t *testing.T) {
	thp, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(thp), "[madvise]") {
		t.Skipf("transparent huge pages are not set to madvise here (%q, %v): build and check advise nothing", thp, err)
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	root := writeCase(t, loadCase(t, "testdata/corpus/base.txtar"), dir)
	base := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "GOGC=") || strings.HasPrefix(kv, "BRIEFING_HUGEPAGES=")
	})
	heapLine := regexp.MustCompile(`(?m)^heap +([0-9]+) MiB advised for huge pages, (.*)$`)
	for _, c := range []struct {
		name string
		env  []string
		want string // the line's end; "" for no line
	}{
		{"default", nil, "GOGC 400"},
		{"GOGC set", []string{"GOGC=150"}, "GOGC unchanged"},
		{"huge pages off", []string{"BRIEFING_HUGEPAGES=0"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin, "check", "--root", root)
			cmd.Env = append(slices.Concat(base, c.env), "BRIEFING_TIMINGS=1")
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("check: %v\n%s", err, stderr.String())
			}
			m := heapLine.FindStringSubmatch(stderr.String())
			switch {
			case c.want == "" && m != nil:
				t.Errorf("check printed %q, want no heap line", m[0])
			case c.want == "":
			case m == nil:
				t.Errorf("no heap line in %q", stderr.String())
			case m[1] == "0":
				t.Errorf("%q: nothing advised on a system set to madvise", m[0])
			case m[2] != c.want:
				t.Errorf("%q, want it to end %q", m[0], c.want)
			}
		})
	}
}
