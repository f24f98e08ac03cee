package hugo

import (
	"errors"
	"hash/maphash"
	"os"
	"path/filepath"
	"sort"

	"github.com/briefing/annotated/generator/internal/parallel"
)

// Stage is the folder of a Hugo project that the generator writes and Hugo
// reads. Write rewrites only the files whose contents changed since the last
// Write and removes those that are gone: an unchanged file keeps its
// modification time, so a running Hugo server, which watches the folder,
// rebuilds only what really changed.
type Stage struct {
	Dir  string
	seed maphash.Seed
	sums map[string]uint64 // contents last written, by slash-separated path
	dirs map[string]bool   // folders known to exist
}

// NewStage returns the Stage in dir, which must be empty or not exist yet.
// A Stage is not safe for concurrent use.
func NewStage(dir string) *Stage {
	return &Stage{Dir: dir, seed: maphash.MakeSeed(), sums: map[string]uint64{}, dirs: map[string]bool{}}
}

// Write makes the folder hold exactly files (slash-separated paths to
// contents). It returns the paths it wrote or removed, sorted.
func (s *Stage) Write(files map[string][]byte) ([]string, error) {
	var write, remove []string
	sums := make(map[string]uint64, len(files))
	for name, data := range files {
		sum := maphash.Bytes(s.seed, data)
		sums[name] = sum
		if old, ok := s.sums[name]; !ok || old != sum {
			write = append(write, name)
		}
	}
	for name := range s.sums {
		if _, ok := files[name]; !ok {
			remove = append(remove, name)
		}
	}
	sort.Strings(write)
	sort.Strings(remove)
	// Folders first, once each, then the files on every core.
	for _, name := range write {
		dir := filepath.Dir(filepath.Join(s.Dir, filepath.FromSlash(name)))
		if !s.dirs[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, err
			}
			s.dirs[dir] = true
		}
	}
	errs := make([]error, len(write))
	parallel.For(len(write), func(i int) {
		errs[i] = os.WriteFile(filepath.Join(s.Dir, filepath.FromSlash(write[i])), files[write[i]], 0o644)
	})
	if err := errors.Join(errs...); err != nil {
		s.sums = map[string]uint64{} // unknown state: rewrite everything next time
		return nil, err
	}
	for _, name := range remove {
		if err := os.Remove(filepath.Join(s.Dir, filepath.FromSlash(name))); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	s.sums = sums
	return append(write, remove...), nil
}
