package main

import (
	"bytes"
	"regexp"
	"runtime"
	"testing"
	"time"
)

// TestPhasesCountCPU: a step that spins on one core until it has used
// 300 ms of CPU is printed with at least that much CPU time, and the next
// step counts only its own. The spin is measured in CPU time, not wall
// time, so that a machine busy with other tests only makes it take longer.
func TestPhasesCountCPU(t *testing.T) {
	start, _, ok := cpuTime()
	if !ok {
		t.Skipf("no CPU time on %s", runtime.GOOS)
	}
	var out bytes.Buffer
	ph := phases(true, &out)
	deadline := time.Now().Add(30 * time.Second)
	for n := 0; ; n++ {
		if n%1_000_000 == 0 {
			if now, _, _ := cpuTime(); now-start >= 300*time.Millisecond {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("300 ms of CPU not used in 30 s")
			}
		}
	}
	ph("spin")
	ph("idle")
	line := regexp.MustCompile(`(?m)^(\w+) +(\S+) \(CPU (\S+), of it in the kernel (\S+)\)$`)
	got := line.FindAllStringSubmatch(out.String(), -1)
	if len(got) != 2 || got[0][1] != "spin" || got[1][1] != "idle" {
		t.Fatalf("printed:\n%s", out.String())
	}
	dur := func(s string) time.Duration {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return d
	}
	if wall, cpu := dur(got[0][2]), dur(got[0][3]); cpu < 299*time.Millisecond || wall == 0 {
		t.Errorf("spin: wall %v, CPU %v; want at least 300ms of CPU", wall, cpu)
	}
	if cpu := dur(got[1][3]); cpu > 100*time.Millisecond {
		t.Errorf("idle: CPU %v, want the step's own, near 0", cpu)
	}
	if sys := dur(got[0][4]); sys > dur(got[0][3]) {
		t.Errorf("spin: kernel %v more than CPU %s", sys, got[0][3])
	}
}
