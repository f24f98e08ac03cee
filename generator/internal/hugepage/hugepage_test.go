package hugepage

import "testing"

func TestPlan(t *testing.T) {
	const mib = 1 << 20
	madvise := "always [madvise] never\n"
	base := system{enabled: madvise, overcommit: "0\n", hugePage: 2 * mib, memory: 24 << 30}
	for _, c := range []struct {
		name string
		edit func(*system)
		most int
		want int
	}{
		{"madvise", nil, 1 << 30, 1 << 30},
		{"heuristic overcommit off", func(s *system) { s.overcommit = "1" }, 1 << 30, 1 << 30},
		{"rounded down to huge pages", nil, 100*mib + 12345, 100 * mib},
		{"a quarter of the memory at most", func(s *system) { s.memory = 2 << 30 }, 1 << 30, 512 * mib},
		{"always: the kernel does it", func(s *system) { s.enabled = "[always] madvise never\n" }, 1 << 30, 0},
		{"never", func(s *system) { s.enabled = "always madvise [never]\n" }, 1 << 30, 0},
		{"no transparent huge pages", func(s *system) { s.enabled = "" }, 1 << 30, 0},
		{"strict overcommit", func(s *system) { s.overcommit = "2\n" }, 1 << 30, 0},
		{"overcommit unknown", func(s *system) { s.overcommit = "" }, 1 << 30, 0},
		{"huge page size unknown", func(s *system) { s.hugePage = 0 }, 1 << 30, 0},
		{"huge page size not a power of two", func(s *system) { s.hugePage = 3 * mib }, 1 << 30, 0},
		{"fewer than sixteen huge pages", nil, 31 * mib, 0},
		{"memory unknown", func(s *system) { s.memory = 0 }, 1 << 30, 0},
		{"a heap of its first arena", func(s *system) { s.heap = 64 * mib }, 1 << 30, 1 << 30},
		{"a heap grown already", func(s *system) { s.heap = 65 * mib }, 1 << 30, 0},
		{"64 KiB base pages: 512 MiB huge pages", func(s *system) { s.hugePage = 512 * mib }, 1 << 30, 0},
	} {
		s := base
		if c.edit != nil {
			c.edit(&s)
		}
		if got := plan(s, c.most); got != c.want {
			t.Errorf("%s: plan = %d MiB, want %d MiB", c.name, got/mib, c.want/mib)
		}
	}
}

func TestInside(t *testing.T) {
	const h = 2 << 20
	for _, c := range []struct{ p, n, beg, end uintptr }{
		{h, 4 * h, h, 5 * h},                    // aligned
		{h + 1, 4 * h, 2 * h, 5 * h},            // start rounded up
		{h + 1, 4*h - 2, 2 * h, 4 * h},          // both ends rounded in
		{h + 1, h, 2 * h, 2 * h},                // no whole page
		{h + 4096, 4096, 2 * h, 2 * h},          // less than a page
		{10*h - 4096, h + 8192, 10 * h, 11 * h}, // one whole page inside
	} {
		beg, end := inside(c.p, c.n, h)
		if beg != c.beg || end != c.end {
			t.Errorf("inside(%#x, %#x) = [%#x, %#x), want [%#x, %#x)", c.p, c.n, beg, end, c.beg, c.end)
		}
	}
}
