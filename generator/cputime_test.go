package main

import (
	"bytes"
	"regexp"
	"runtime"
	"testing"
	"time"
)

// TestPhasesCountCPU: a step that spins on one core for a while is printed
// with its wall time and about as much CPU time, and the next step counts
// only its own.
func TestPhasesCountCPU(t *testing.T) {
	if _, _, ok := cpuTime(); !ok {
		t.Skipf("no CPU time on %s", runtime.GOOS)
	}
	var out bytes.Buffer
	ph := phases(true, &out)
	spin := func(d time.Duration) {
		n := 0
		for start := time.Now(); time.Since(start) < d; n++ {
		}
		_ = n
	}
	spin(300 * time.Millisecond)
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
	if wall, cpu := dur(got[0][2]), dur(got[0][3]); wall < 300*time.Millisecond || cpu < 200*time.Millisecond {
		t.Errorf("spin: wall %v, CPU %v; want at least 200ms of CPU", wall, cpu)
	}
	if cpu := dur(got[1][3]); cpu > 100*time.Millisecond {
		t.Errorf("idle: CPU %v, want the step's own, near 0", cpu)
	}
	if sys := dur(got[0][4]); sys > dur(got[0][3]) {
		t.Errorf("spin: kernel %v more than CPU %s", sys, got[0][3])
	}
}
