// Package parallel runs independent pieces of work on every core (For), or
// on more goroutines than cores for work that waits (ForN). Callers
// give each piece its own place for results (and its own diag.List), then
// combine them in input order, so that the output and the order of reported
// problems are the same as a sequential run's.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(i) for every i in [0, n), on up to GOMAXPROCS goroutines, and
// returns when all calls have returned.
func For(n int, f func(i int)) {
	ForN(runtime.GOMAXPROCS(0), n, f)
}

// ForN is For on up to workers goroutines: for work that mostly waits (on
// a disk, say), where more goroutines than cores overlap the waits.
func ForN(workers, n int, f func(i int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
