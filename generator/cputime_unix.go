//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time this process and its waited-for children
// (Hugo) have used so far, and the part of it spent in the kernel, for
// BRIEFING_TIMINGS; ok is false where that cannot be read.
func cpuTime() (total, sys time.Duration, ok bool) {
	var self, kids syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) != nil || syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids) != nil {
		return 0, 0, false
	}
	user := time.Duration(self.Utime.Nano() + kids.Utime.Nano())
	sys = time.Duration(self.Stime.Nano() + kids.Stime.Nano())
	return user + sys, sys, true
}
