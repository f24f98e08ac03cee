package parallel

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"
)

func TestForCallsEachIndexOnce(t *testing.T) {
	eachOnce(t, "For", []int{0, 1, 2, 7, 1000}, For)
}

func TestForNCallsEachIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 8, 64} {
		eachOnce(t, fmt.Sprintf("ForN(%d)", workers), []int{0, 1, 7, 1000}, func(n int, f func(i int)) {
			ForN(workers, n, f)
		})
	}
}

// eachOnce checks that run(n, f) calls f once for every index in [0, n),
// for each n of ns.
func eachOnce(t *testing.T, what string, ns []int, run func(n int, f func(i int))) {
	t.Helper()
	for _, n := range ns {
		calls := make([]atomic.Int32, n)
		run(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("%s, n=%d: index %d called %d times", what, n, i, c)
			}
		}
	}
}

// TestForNRunsWorkersAtOnce checks that ForN runs as many calls at once as
// it is given workers, more than the cores there may be: each call waits
// until all four have started.
func TestForNRunsWorkersAtOnce(t *testing.T) {
	const workers = 4
	var started atomic.Int32
	all := make(chan struct{})
	var timedOut atomic.Bool
	ForN(workers, workers, func(i int) {
		if started.Add(1) == workers {
			close(all)
		}
		select {
		case <-all:
		case <-time.After(10 * time.Second):
			timedOut.Store(true)
		}
	})
	if timedOut.Load() {
		t.Errorf("only %d of %d calls ran at once", started.Load(), workers)
	}
}
