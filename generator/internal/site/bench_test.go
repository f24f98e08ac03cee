package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/diag"
	"github.com/briefing/annotated/generator/internal/input"
	"github.com/briefing/annotated/generator/internal/render"
	"github.com/briefing/annotated/generator/internal/stage"
	"github.com/briefing/annotated/generator/internal/synth"
)

// The benchmarks run the generator's stages on synthetic briefings (package
// synth): go test ./generator/internal/site -bench . -benchmem. Each reports
// articles/s. The whole pipeline, with Hugo, is measured by
// go run ./generator/internal/bench.

var benchSizes = []int{100, 1000}

func synthFS(n int) fstest.MapFS {
	return briefingtest.MapFS(synth.Briefing(synth.Options{Articles: n}))
}

// cpuTime is the process's CPU time so far, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportRate reports articles per second of wall time, and CPU time per
// article, which a busy machine disturbs less.
func reportRate(b *testing.B, n int, cpu0 time.Duration) {
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(n*b.N), "cpu-µs/article")
}

// benchBriefing runs benchmarks of run on a synthetic briefing of each
// size.
func benchBriefing(b *testing.B, run func(fs.FS) error) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fsys := synthFS(n)
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				if err := run(fsys); err != nil {
					b.Fatal(err)
				}
			}
			reportRate(b, n, cpu0)
		})
	}
}

// BenchmarkCompile is every stage: load, validate, anchor, render, stage.
func BenchmarkCompile(b *testing.B) {
	benchBriefing(b, func(fsys fs.FS) error {
		_, err := Compile(fsys, stage.Options{})
		return err
	})
}

// BenchmarkStream is what check does: every stage, streamed into a sink
// that keeps nothing.
func BenchmarkStream(b *testing.B) {
	benchBriefing(b, func(fsys fs.FS) error {
		_, err := Stream(fsys, stage.Options{}, stage.Discard{})
		return err
	})
}

// BenchmarkLoad is loading and validating alone.
func BenchmarkLoad(b *testing.B) {
	benchBriefing(b, func(fsys fs.FS) error {
		_, err := input.Load(fsys)
		return err
	})
}

// BenchmarkRender is anchoring and rendering the articles of a loaded
// briefing.
func BenchmarkRender(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			br, err := input.Load(synthFS(n))
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				var errs diag.List
				r := render.New(br)
				for _, a := range br.Articles {
					r.Article(a, &errs)
				}
				if err := errs.Err(); err != nil {
					b.Fatal(err)
				}
			}
			reportRate(b, n, cpu0)
		})
	}
}

// BenchmarkStage is building the Hugo project's files from rendered
// articles.
func BenchmarkStage(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			res, err := Compile(synthFS(n), stage.Options{})
			if err != nil {
				b.Fatal(err)
			}
			r := render.New(res.Briefing)
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				var errs diag.List
				stage.Project(res.Briefing, r, res.Articles, stage.Options{}, &errs)
			}
			reportRate(b, n, cpu0)
		})
	}
}

// BenchmarkCompilerEdit is the live preview's compile after one saved note
// edit: a Compiler that has compiled the briefing compiles it again with
// one notes file changed. It reports the CPU time of an edit as well
// (cpu-ms/op), which a busy machine disturbs less than the wall time.
func BenchmarkCompilerEdit(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fsys := synthFS(n)
			c := NewCompiler()
			if _, err := c.Compile(fsys, stage.Options{}); err != nil {
				b.Fatal(err)
			}
			f := fsys["annotations/article-00001.yaml"]
			orig := f.Data
			i := 0
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				i++
				f.Data = bytes.Replace(orig, []byte("note: |\n      "), fmt.Appendf(nil, "note: |\n      Edit %d ", i), 1)
				if _, err := c.Compile(fsys, stage.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
