// Package hugepage asks Linux to back a short-lived process's Go heap with
// transparent huge pages where the system leaves that to each program
// (its setting "madvise").
//
// The Go runtime does not ask for huge pages for its heap. On such a system
// every 4 KiB of heap is then a page fault the first time it is touched,
// and on a virtual machine a page fault is dear: `check` of 1,000 articles
// took some 27,000 of them, and a fifth more CPU time than with its heap
// backed by 2 MiB pages, when it took about 3,000 in all.
//
// Heap does it with one allocation at the start of the process: a large
// byte slice, which the runtime takes from memory it has just mapped and
// so does not touch, is marked MADV_HUGEPAGE and handed back to the
// runtime at once. The mark stays on the mapping, and the runtime hands out
// the low addresses of its free memory first, so the heap the process then
// grows into is that memory. The advice changes no byte the program sees;
// at worst it does nothing.
//
// It is for processes that run for seconds (build, check), not for a
// long-lived one: the kernel's khugepaged may, over minutes, make huge
// pages again of memory the runtime has handed back, which is why the Go
// runtime stopped asking for them itself.
package hugepage

import (
	"strings"
)

// A system is what Heap reads of the machine before it does anything.
type system struct {
	enabled    string // /sys/kernel/mm/transparent_hugepage/enabled
	overcommit string // /proc/sys/vm/overcommit_memory
	hugePage   int    // /sys/kernel/mm/transparent_hugepage/hpage_pmd_size
	memory     uint64 // the machine's memory, in bytes
	heap       uint64 // the memory the Go heap has mapped so far (HeapSys)
}

// grown is the most the heap may have mapped when Heap is called: beyond
// it, the large allocation might be made of memory used before, which the
// runtime clears page by page.
const grown = 64 << 20

// plan returns the size of the allocation Heap is to advise, at most
// most bytes, or 0 when it is not to advise one:
//   - unless the system's setting is "madvise": with "always" every heap
//     gets huge pages already, with "never" none can;
//   - when the kernel accounts every mapping against a strict limit
//     (overcommit_memory 2): there the allocation would count whole;
//   - when the huge page size is unknown, or the allocation would not hold
//     sixteen of them;
//   - when the heap has grown already (see grown): too late.
//
// The allocation is at most a quarter of the machine's memory, so that a
// kernel's heuristic overcommit never refuses it, and a whole number of
// huge pages.
func plan(s system, most int) int {
	if !strings.Contains(s.enabled, "[madvise]") {
		return 0
	}
	if c := strings.TrimSpace(s.overcommit); c != "0" && c != "1" {
		return 0
	}
	if s.heap > grown {
		return 0
	}
	h := s.hugePage
	if h <= 0 || h&(h-1) != 0 {
		return 0
	}
	size := uint64(most)
	if q := s.memory / 4; q < size {
		size = q
	}
	size -= size % uint64(h)
	if size < 16*uint64(h) {
		return 0
	}
	return int(size)
}

// inside returns the whole huge pages in [p, p+n): the range madvise is
// given, its ends rounded in to multiples of huge.
func inside(p, n, huge uintptr) (beg, end uintptr) {
	beg = (p + huge - 1) &^ (huge - 1)
	end = (p + n) &^ (huge - 1)
	if end < beg {
		end = beg
	}
	return beg, end
}
