package hugepage

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// Heap advises huge pages for up to most bytes of the heap the process is
// about to grow into (see the package documentation) and returns how many,
// or 0 when the system is not one where that helps. Call it first thing:
// once the heap has grown, Heap does nothing, since a large allocation from
// memory the runtime has used before is cleared, page by page, before it
// could be advised.
func Heap(most int) int {
	s := readSystem()
	size := plan(s, most)
	if size == 0 {
		return 0
	}
	b := make([]byte, size)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	beg, end := inside(p, uintptr(size), uintptr(s.hugePage))
	advised := 0
	if end > beg {
		if syscall.Madvise(b[beg-p:end-p], syscall.MADV_HUGEPAGE) == nil {
			advised = int(end - beg)
		}
	}
	// Free it now (b is not used again), so that the next allocations are
	// made in it.
	runtime.GC()
	return advised
}

func readSystem() system {
	s := system{
		enabled:    readString("/sys/kernel/mm/transparent_hugepage/enabled"),
		overcommit: readString("/proc/sys/vm/overcommit_memory"),
		hugePage:   readInt("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"),
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	s.heap = ms.HeapSys
	var info syscall.Sysinfo_t
	if syscall.Sysinfo(&info) == nil {
		s.memory = uint64(info.Totalram) * uint64(info.Unit)
	}
	return s
}

// readString returns the file's contents, or "" when it cannot be read.
func readString(name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		return ""
	}
	return string(b)
}

// readInt returns the number the file holds, or 0.
func readInt(name string) int {
	n, err := strconv.Atoi(strings.TrimSpace(readString(name)))
	if err != nil {
		return 0
	}
	return n
}
