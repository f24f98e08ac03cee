// Command bench measures the generator against plain Hugo on synthetic
// briefings (package synth) of several sizes:
//
//	go run ./generator/internal/bench [-sizes 100,1000,10000] [-runs 5] [-serve 1000] [-edits 10]
//
// For each size it writes the briefing twice, as this tool's input and as
// the plain Hugo project a user would write without it (the same articles as
// Markdown with hand-placed footnotes, the same overview, claims and sources
// pages, built with the bundled theme's chrome and stylesheet and the same
// pinned Hugo with the same flags), and times, as child processes:
//
//	(a) generator build: the whole annotated build, Hugo and publishing included
//	(b) generator check with BRIEFING_CHECK_STAGES=1: the generator's own
//	    stages alone (load, validate, anchor, render, stage), writing
//	    nothing (check alone stages nothing)
//	(c) hugo build of the plain project
//
// Each run builds (a), (b) and (c) in turn, and every other run (c), (b)
// and (a), so that neither of (a) and (c) always comes after the other.
// It prints the median of the runs, the ratio a/c (of the medians, the
// median of each run's own, and each run's), articles per second for
// (b), the CPU time (user and system) of each, which a busy machine
// disturbs less than wall time, each process's peak resident memory (for
// (a), the larger of the generator and the Hugo it runs) and, on Linux,
// what some of the kernel's memory counters (vmFields) counted while each
// step ran. With -serve N it then starts "generator serve" on a
// briefing of N articles, saves edits of four kinds (a note's text edited
// and a note added, in as many notes files each; a timeline entry edited;
// an article added, dated before every other), and times each from saving
// the file to the served page containing the change.
//
// -nozip also times (a') build --no-zip, the full build less the offline
// zip; -rebuild also times (a") build over the site an earlier build
// published, after one note was edited: what an editor who rebuilds gets,
// the offline zip taking the compressed pieces of the files that did not
// change from the published one.
//
// -check also times (b') check as a user runs it, which loads, validates,
// anchors and renders but makes no page (with BRIEFING_CHECK_STAGES=1, as
// (b) runs it, it makes every page too).
//
// -plainzip also times (c') plain Hugo followed by a zip of its output,
// made as build makes the offline zip (package offline, on every core, at
// the same compression level): what a user without this tool would run to
// offer the same download. The zip is timed in a child process of its own
// right after (c), and (c') is the two added up, run by run.
//
// -steps prints, for each timed run of (a), the wall and CPU time of each
// of build's steps (BRIEFING_TIMINGS), to tell which step a slow run lost
// its time in, and what the kernel's memory counters counted during it.
//
// -baseline DIR builds the generator from another checkout (say, an older
// commit exported with git archive) to measure it the same way.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	annotated "github.com/briefing/annotated"
	"github.com/briefing/annotated/generator/internal/hugo"
	"github.com/briefing/annotated/generator/internal/offline"
	"github.com/briefing/annotated/generator/internal/synth"
)

func main() {
	if len(os.Args) == 4 && os.Args[1] == zipCmd {
		// A child of the benchmark zipping a plain Hugo site (-plainzip).
		if err := zipSite(os.Args[2], os.Args[3]); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) == 5 && os.Args[1] == writeCmd {
		// A child of the benchmark writing a synthetic briefing (writeSynth).
		n, err := strconv.Atoi(os.Args[2])
		if err == nil {
			files := synth.Briefing(synth.Options{Articles: n})
			if os.Args[4] == "plain" {
				files = synth.Plain(synth.Options{Articles: n})
			}
			err = writeFiles(os.Args[3], files)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	sizes := flag.String("sizes", "100,1000,10000", "briefing sizes, in articles, comma-separated")
	runs := flag.Int("runs", 5, "timed runs of each build (after one untimed warm-up)")
	serveN := flag.Int("serve", 1000, "articles in the briefing for the serve measurement (0: skip it)")
	edits := flag.Int("edits", 10, "edits timed in serve, of each kind (a note's text edited, a note added, a timeline entry edited, an article added)")
	dir := flag.String("dir", "", "work folder (default: a temporary folder, removed afterwards)")
	baseline := flag.String("baseline", "", "build the generator from this module folder instead of the current one")
	noZip := flag.Bool("nozip", false, "also time (a') build --no-zip, the full build less the offline zip")
	rebuild := flag.Bool("rebuild", false, `also time (a") build over the previous build's site after one note edit`)
	plainZip := flag.Bool("plainzip", false, "also time (c') plain Hugo followed by a zip of its output, made as build makes the offline zip")
	check := flag.Bool("check", false, "also time (b') check as a user runs it: loading, validating, anchoring and rendering, no page made")
	steps := flag.Bool("steps", false, "also print the time of each of build's steps in each run of (a) (BRIEFING_TIMINGS)")
	flag.Parse()
	if err := run(*sizes, *runs, *serveN, *edits, *dir, *baseline, extras{noZip: *noZip, rebuild: *rebuild, plainZip: *plainZip, check: *check, steps: *steps}); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// extras are the builds timed besides (a), (b) and (c), and steps, the
// step times of (a).
type extras struct{ noZip, rebuild, plainZip, check, steps bool }

func run(sizeList string, runs, serveN, edits int, dir, baseline string, ex extras) error {
	var sizes []int
	for _, s := range strings.Split(sizeList, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return fmt.Errorf("bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	if runs < 1 {
		return fmt.Errorf("-runs %d: at least one timed run is needed for a median", runs)
	}
	if serveN > 0 && edits < 1 {
		return fmt.Errorf("-edits %d: at least one edit is needed to time serve (or -serve 0 to skip it)", edits)
	}
	if dir == "" {
		d, err := os.MkdirTemp("", "briefing-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	modDir, err := goEnv("GOMOD")
	if err != nil {
		return err
	}
	modDir = filepath.Dir(modDir)
	src := modDir
	if baseline != "" {
		src = baseline
	}
	gen := filepath.Join(dir, "generator")
	fmt.Fprintf(os.Stderr, "building the generator from %s\n", src)
	if out, err := command(src, "go", "build", "-o", gen, "./generator").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	hugoBin, err := hugo.Command()
	if err != nil {
		return err
	}
	cacheDir := filepath.Join(dir, "hugo-cache")

	fmt.Printf("%d runs each, median; machine: %d cores (GOMAXPROCS), %s\n\n", runs, runtime.GOMAXPROCS(0), hugoVersion(hugoBin))
	fmt.Println("| articles | (a) full build | (b) stages | (c) plain Hugo | a/c | (b) articles/s | CPU time a · b · c | CPU a/c | (b) articles per CPU-s | peak RSS a · b · c |")
	fmt.Println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	var full []time.Duration
	var extraLines, perRunLines, vmLines, stepLines []string
	extra := func(what string, n int, s, c sample) string {
		return fmt.Sprintf("%s, %d articles: %s, against (c) %.2f; CPU %.2f s, against (c) %.2f; peak RSS %s",
			what, n, secs(s.wall), s.wall.Seconds()/c.wall.Seconds(), s.cpu.Seconds(), s.cpu.Seconds()/c.cpu.Seconds(), mib(s.rss))
	}
	for _, n := range sizes {
		r, err := measureSize(n, runs, dir, modDir, gen, cacheDir, ex)
		if err != nil {
			return err
		}
		full = append(full, r.a.wall)
		perRunLines = append(perRunLines,
			fmt.Sprintf("a/c, %d articles, median of each run's own ratio: %.2f (CPU %.2f)", n, r.perRun.wall, r.perRun.cpu),
			fmt.Sprintf("a/c, %d articles, run by run: %s", n, formatRuns(r.aRuns, r.cRuns)))
		if ex.noZip {
			extraLines = append(extraLines, extra("(a') build --no-zip", n, r.a2, r.c))
		}
		if ex.rebuild {
			extraLines = append(extraLines, extra(`(a") build over the published site after one note edit`, n, r.a3, r.c))
		}
		if ex.check {
			extraLines = append(extraLines, fmt.Sprintf("(b') check as a user runs it (no page made), %d articles: %s, %.0f articles/s; CPU %.2f s, %.0f articles per CPU-s; peak RSS %s",
				n, secs(r.b2.wall), float64(n)/r.b2.wall.Seconds(), r.b2.cpu.Seconds(), float64(n)/r.b2.cpu.Seconds(), mib(r.b2.rss)))
		}
		if ex.plainZip {
			extraLines = append(extraLines, fmt.Sprintf("(c') plain Hugo, then its output zipped as build zips the site, %d articles: %s (CPU %.2f s); a/c' %.2f, median of each run's own %.2f (CPU %.2f)",
				n, secs(r.c2.wall), r.c2.cpu.Seconds(), r.a.wall.Seconds()/r.c2.wall.Seconds(), r.perRunC2.wall, r.perRunC2.cpu))
		}
		for _, st := range r.vm {
			vmLines = append(vmLines, fmt.Sprintf("/proc/vmstat while (%s) ran, %d articles, summed over the timed runs: %s", st.name, n, st.counts))
		}
		if ex.steps {
			for i, a := range r.aRuns {
				line := fmt.Sprintf("(a) steps, %d articles, run %d (%s): %s", n, i+1, secs(a.wall), formatSteps(a.steps))
				if a.vm != nil {
					line += "; /proc/vmstat: " + a.vm.String()
				}
				stepLines = append(stepLines, line)
			}
		}
		fmt.Printf("| %d | %s | %s | %s | %.2f | %.0f | %.2f · %.2f · %.2f s | %.2f | %.0f | %s · %s · %s |\n",
			n, secs(r.a.wall), secs(r.b.wall), secs(r.c.wall), r.a.wall.Seconds()/r.c.wall.Seconds(),
			float64(n)/r.b.wall.Seconds(),
			r.a.cpu.Seconds(), r.b.cpu.Seconds(), r.c.cpu.Seconds(), r.a.cpu.Seconds()/r.c.cpu.Seconds(),
			float64(n)/r.b.cpu.Seconds(),
			mib(r.a.rss), mib(r.b.rss), mib(r.c.rss))
	}
	lines := slices.Concat(perRunLines, extraLines, vmLines, stepLines)
	for _, line := range lines {
		fmt.Printf("\n%s", line)
	}
	if len(lines) > 0 {
		fmt.Println()
	}
	for i := 1; i < len(sizes); i++ {
		fmt.Printf("\nfull build, %d vs %d articles: %.2f× the time for %.0f× the articles", sizes[i], sizes[i-1],
			full[i].Seconds()/full[i-1].Seconds(), float64(sizes[i])/float64(sizes[i-1]))
	}
	fmt.Println()
	if serveN > 0 {
		if err := measureServe(serveN, edits, dir, modDir, gen); err != nil {
			return err
		}
	}
	return os.RemoveAll(filepath.Join(dir, "trash"))
}

// sample is one process's cost: wall time, CPU time (user and system, its
// children included) and peak resident memory (the largest of the process
// and its children); what the kernel's memory counters counted while it
// ran; and, of a build run with BRIEFING_TIMINGS, the time of each of its
// steps.
type sample struct {
	wall, cpu time.Duration
	rss       int64    // bytes
	vm        vmCounts // what the kernel's memory counters counted while it ran
	steps     []stepTime
}

// stepTime is a step's line that build prints with BRIEFING_TIMINGS: its
// wall time, its CPU time (the generator's and Hugo's) and the part of
// that spent in the kernel.
type stepTime struct {
	name              string
	wall, cpu, kernel time.Duration
}

// stepLine is such a line: "compile  1.27s (CPU 2.33s, of it in the
// kernel 554ms)".
var stepLine = regexp.MustCompile(`^(\w+) +(\S+) \(CPU (\S+), of it in the kernel (\S+)\)$`)

// parseSteps returns the steps in a build's output, in order; other
// lines are left out.
func parseSteps(out string) []stepTime {
	var steps []stepTime
	for _, line := range strings.Split(out, "\n") {
		m := stepLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		var d [3]time.Duration
		ok := true
		for i := range d {
			var err error
			if d[i], err = time.ParseDuration(m[2+i]); err != nil {
				ok = false
			}
		}
		if ok {
			steps = append(steps, stepTime{name: m[1], wall: d[0], cpu: d[1], kernel: d[2]})
		}
	}
	return steps
}

// formatSteps is steps on one line, or a note that there were none.
func formatSteps(steps []stepTime) string {
	if len(steps) == 0 {
		return "no step times (a generator without BRIEFING_TIMINGS?)"
	}
	parts := make([]string, len(steps))
	for i, st := range steps {
		parts[i] = fmt.Sprintf("%s %.2f s (CPU %.2f, kernel %.2f)", st.name, st.wall.Seconds(), st.cpu.Seconds(), st.kernel.Seconds())
	}
	return strings.Join(parts, ", ")
}

// sizeResult is the medians of one size: (a), (b), (c) and, with -nozip,
// (a') build --no-zip, with -rebuild (a") the build over a published site.
type sizeResult struct {
	a, b, c, a2, a3 sample
	b2              sample // (b') with -check: check as a user runs it
	// c2 is (c') with -plainzip: (c) and the zip of its output, added up
	// run by run; perRunC2 the median of each run's own a/c'.
	c2       sample
	perRunC2 ratio
	aRuns    []sample // each timed run of (a), in order
	cRuns    []sample // and of (c)
	// vm is, for each step, the kernel's memory counters summed over its
	// timed runs, where /proc/vmstat tells them.
	vm []namedCounts
	// perRun is the median of each run's own a/c, in wall and CPU time
	// (see pairedRatio).
	perRun ratio
}

// added is x and y added up run by run: the wall and CPU times of a
// process and of the one run right after it, and the larger of their
// peak memories.
func added(x, y []sample) []sample {
	out := make([]sample, min(len(x), len(y)))
	for i := range out {
		out[i] = sample{wall: x[i].wall + y[i].wall, cpu: x[i].cpu + y[i].cpu, rss: max(x[i].rss, y[i].rss)}
	}
	return out
}

// ratio is a ratio of wall times and of CPU times.
type ratio struct{ wall, cpu float64 }

// pairedRatio is the median, over the runs, of each run's x/y: (a) and (c)
// of one run are built a minute or less apart, so a machine whose speed
// drifts during the benchmark (this project's VM does, by more than most
// changes) moves both, where the ratio of the two medians can take (a)'s
// from a slow stretch and (c)'s from a fast one.
func pairedRatio(x, y []sample) ratio {
	var wall, cpu []float64
	for i := range min(len(x), len(y)) {
		wall = append(wall, x[i].wall.Seconds()/y[i].wall.Seconds())
		cpu = append(cpu, x[i].cpu.Seconds()/y[i].cpu.Seconds())
	}
	return ratio{medianOf(wall), medianOf(cpu)}
}

// medianOf is the median of xs (the mean of the middle two for an even
// count), or 0 for none.
func medianOf(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Sorted(slices.Values(xs))
	m := len(xs) / 2
	if len(xs)%2 == 0 {
		return (xs[m-1] + xs[m]) / 2
	}
	return xs[m]
}

func measureSize(n, runs int, dir, modDir, gen, cacheDir string, ex extras) (sizeResult, error) {
	base := filepath.Join(dir, strconv.Itoa(n))
	briefingDir := filepath.Join(base, "briefing")
	plainDir := filepath.Join(base, "plain")
	fmt.Fprintf(os.Stderr, "%d articles: writing the briefings\n", n)
	if err := aside(dir, base); err != nil { // an earlier run's, with -dir
		return sizeResult{}, err
	}
	if err := writeSynth(briefingDir, n, false); err != nil {
		return sizeResult{}, err
	}
	if err := writeSynth(plainDir, n, true); err != nil {
		return sizeResult{}, err
	}
	if err := os.CopyFS(filepath.Join(plainDir, "themes", "briefing"), annotated.Theme()); err != nil {
		return sizeResult{}, err
	}
	outA := filepath.Join(base, "out-annotated")
	outC := filepath.Join(base, "out-plain")
	// A step is a build timed in every run, and the result its median
	// goes to.
	type step struct {
		name   string
		run    func() (sample, error)
		median *sample
	}
	var r sizeResult
	steps := []step{
		{"a", func() (sample, error) {
			// Into no output folder, as (c), the previous run's moved
			// aside: publishing then renames the new site into place,
			// with no earlier one to remove.
			if err := aside(dir, outA); err != nil {
				return sample{}, err
			}
			cmd := command(modDir, gen, "build", "--root", briefingDir, "--out", outA)
			if ex.steps {
				cmd.Env = append(os.Environ(), "BRIEFING_TIMINGS=1")
			}
			return measure(cmd)
		}, &r.a},
		{"b", func() (sample, error) {
			// Every stage, staging included, as check did before it
			// left the staging out (site.Check).
			cmd := command(modDir, gen, "check", "--root", briefingDir)
			cmd.Env = append(os.Environ(), "BRIEFING_CHECK_STAGES=1")
			return measure(cmd)
		}, &r.b},
		{"c", func() (sample, error) {
			if err := aside(dir, outC); err != nil { // as for (a)
				return sample{}, err
			}
			cmd, err := hugo.BuildCmd(context.Background(), plainDir, outC, cacheDir)
			if err != nil {
				return sample{}, err
			}
			return measure(cmd)
		}, &r.c},
	}
	if ex.plainZip {
		// Right after (c), of the site it has just written.
		zipC := filepath.Join(base, "plain-offline.zip")
		self, err := os.Executable()
		if err != nil {
			return sizeResult{}, err
		}
		zip := step{zipStep, func() (sample, error) {
			if err := aside(dir, zipC); err != nil { // as for (a)
				return sample{}, err
			}
			return measure(exec.Command(self, zipCmd, outC, zipC))
		}, new(sample)}
		steps = slices.Insert(steps, 3, zip)
	}
	if ex.check {
		steps = append(steps, step{"b'", func() (sample, error) {
			return measure(command(modDir, gen, "check", "--root", briefingDir))
		}, &r.b2})
	}
	if ex.noZip {
		outA2 := filepath.Join(base, "out-annotated-nozip")
		steps = append(steps, step{"a'", func() (sample, error) {
			if err := aside(dir, outA2); err != nil { // as for (a)
				return sample{}, err
			}
			return measure(command(modDir, gen, "build", "--root", briefingDir, "--out", outA2, "--no-zip"))
		}, &r.a2})
	}
	if ex.rebuild {
		outA3 := filepath.Join(base, "out-rebuild")
		notes := filepath.Join(briefingDir, "annotations", "article-00001.yaml")
		original, err := os.ReadFile(notes)
		if err != nil {
			return sizeResult{}, err
		}
		defer os.WriteFile(notes, original, 0o644)
		edits := 0
		steps = append(steps, step{`a"`, func() (sample, error) {
			// Over the previous run's site (the warm-up's, first), with
			// one note edited since: the rest of the site, and of its zip,
			// as it was.
			edits++
			token := fmt.Sprintf("Rebuildedit%d ", edits)
			edited := strings.Replace(string(original), "    note: |\n      ", "    note: |\n      "+token, 1)
			if edited == string(original) {
				return sample{}, fmt.Errorf("%s: no note to edit", notes)
			}
			if err := os.WriteFile(notes, []byte(edited), 0o644); err != nil {
				return sample{}, err
			}
			return measure(command(modDir, gen, "build", "--root", briefingDir, "--out", outA3))
		}, &r.a3})
	}
	names := make([]string, len(steps))
	for i, st := range steps {
		names[i] = st.name
	}
	all := make([][]sample, len(steps))
	for r := 0; r <= runs; r++ { // run 0 warms up caches and is not counted
		for _, i := range runOrder(names, r) {
			step := steps[i]
			// What the previous step wrote goes to the disk first,
			// untimed: a build at 10,000 articles writes 2.6 GB, and
			// the disk writing it back would slow down the next step,
			// whichever it is. (Deleting the output used to drop most
			// of it unwritten; see aside.)
			syscall.Sync()
			s, err := step.run()
			if err != nil {
				return sizeResult{}, fmt.Errorf("%d articles, step %s: %w", n, step.name, err)
			}
			if r > 0 {
				all[i] = append(all[i], s)
			}
		}
		fmt.Fprintf(os.Stderr, "%d articles: run %d of %d done\n", n, r, runs)
	}
	if err := comparePages(outA, outC); err != nil {
		return sizeResult{}, err
	}
	for i, step := range steps {
		*step.median = median(all[i])
		if v := vmOf(all[i]); v != nil {
			r.vm = append(r.vm, namedCounts{step.name, v})
		}
	}
	runsOf := func(name string) []sample {
		i := slices.IndexFunc(steps, func(s step) bool { return s.name == name })
		return all[i]
	}
	r.aRuns, r.cRuns = runsOf("a"), runsOf("c")
	r.perRun = pairedRatio(r.aRuns, r.cRuns)
	if ex.plainZip {
		c2 := added(runsOf("c"), runsOf(zipStep))
		r.c2 = median(c2)
		r.perRunC2 = pairedRatio(r.aRuns, c2)
	}
	return r, nil
}

// zipStep is the name of the step that zips (c)'s output (-plainzip).
const zipStep = "zip of (c)"

// runOrder is the order in which run r (0 being the warm-up) runs the
// steps named: as named in odd runs; in even runs (c), and its zip, first,
// then (b), then (a). The extras come last in every run. A build's speed
// could depend on what ran just before it (the page cache it left, the
// memory it fragmented), so (a) and (c) each follow the other in half the
// runs, rather than (a) always following (c) by way of (b). (The first
// runs in this order found no difference between the two: see
// docs/performance-history.md, "At 7c29f35".)
func runOrder(names []string, r int) []int {
	order := make([]int, 0, len(names))
	if aFirst(r) {
		for i := range names {
			order = append(order, i)
		}
		return order
	}
	first := []string{"c", zipStep, "b", "a"}
	for _, name := range first {
		if i := slices.Index(names, name); i >= 0 {
			order = append(order, i)
		}
	}
	for i, name := range names {
		if !slices.Contains(first, name) {
			order = append(order, i)
		}
	}
	return order
}

// aFirst says whether run r builds (a) before (c): in odd runs.
func aFirst(r int) bool { return r%2 == 1 }

// formatRuns is each timed run's (a) and (c), wall time, and which of
// them came first in it (see runOrder; timed runs count from 1).
func formatRuns(a, c []sample) string {
	parts := make([]string, min(len(a), len(c)))
	for i := range parts {
		first := "c"
		if aFirst(i + 1) {
			first = "a"
		}
		parts[i] = fmt.Sprintf("run %d (%s first) %.2f/%.2f s = %.2f", i+1, first,
			a[i].wall.Seconds(), c[i].wall.Seconds(), a[i].wall.Seconds()/c[i].wall.Seconds())
	}
	return strings.Join(parts, ", ")
}

// namedCounts are a step's name and its counters.
type namedCounts struct {
	name   string
	counts vmCounts
}

// vmFields are the counters of /proc/vmstat the benchmark counts while
// each step runs: compaction stalls (a program asking for memory waits
// while the kernel moves pages to make a huge page), and the pages
// scanned for reclaiming, by the program that asked for memory itself
// (direct reclaim: it waits) and by the kernel's own thread (kswapd: it
// takes a core), which happens once the page cache has taken the free
// memory; and the huge pages a program was given when it first touched
// memory, and those it asked for and did not get.
var vmFields = []string{"compact_stall", "pgscan_direct", "pgscan_kswapd", "thp_fault_alloc", "thp_fault_fallback"}

// vmCounts are the counters of vmFields, in that order, or nil where
// they are not known (not Linux, or a kernel without one of them).
type vmCounts []int64

// readVM returns the counters since the machine started.
func readVM() vmCounts {
	data, err := os.ReadFile("/proc/vmstat")
	if err != nil {
		return nil
	}
	v := make(vmCounts, len(vmFields))
	for i, name := range vmFields {
		if v[i] = vmstatField(string(data), name); v[i] < 0 {
			return nil
		}
	}
	return v
}

// since is what the counters counted from before to v, or nil when
// either is unknown.
func (v vmCounts) since(before vmCounts) vmCounts {
	if v == nil || before == nil {
		return nil
	}
	d := make(vmCounts, len(v))
	for i := range v {
		d[i] = v[i] - before[i]
	}
	return d
}

// vmOf sums the counters of ss; nil when any run's are unknown.
func vmOf(ss []sample) vmCounts {
	if len(ss) == 0 {
		return nil
	}
	sum := make(vmCounts, len(vmFields))
	for _, s := range ss {
		if s.vm == nil {
			return nil
		}
		for i := range sum {
			sum[i] += s.vm[i]
		}
	}
	return sum
}

// String is the counters named, "compact_stall 3, pgscan_direct 0, …".
func (v vmCounts) String() string {
	parts := make([]string, len(v))
	for i, n := range v {
		parts[i] = fmt.Sprintf("%s %d", vmFields[i], n)
	}
	return strings.Join(parts, ", ")
}

// vmstatField is the value of the line "name value" in text, in the format
// of /proc/vmstat, or -1.
func vmstatField(text, name string) int64 {
	for _, line := range strings.Split(text, "\n") {
		k, v, ok := strings.Cut(line, " ")
		if !ok || k != name {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return -1
		}
		return n
	}
	return -1
}

// aside moves the folder from, if there is one, into dir's trash folder,
// which run deletes once every size has been measured. A run does not
// delete files while it measures: on an ext4 without a journal (this
// project's VM), the file system skips the inodes of files deleted in the
// last minutes when it creates new ones, checking them one by one, so
// that after deleting a thousand files each of the next thousand created
// costs several times the CPU time. Deleting the previous run's output
// would charge the next build, whichever it is, for the benchmark's own
// clearing up.
func aside(dir, from string) error {
	if _, err := os.Lstat(from); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	trash := filepath.Join(dir, "trash")
	if err := os.MkdirAll(trash, 0o755); err != nil {
		return err
	}
	to, err := os.MkdirTemp(trash, "")
	if err != nil {
		return err
	}
	return os.Rename(from, filepath.Join(to, "old"))
}

// comparePages checks that both builds wrote a page for every article, so
// that the two sides did the same amount of work.
func comparePages(a, c string) error {
	count := func(dir string) int {
		n := 0
		_ = filepath.WalkDir(filepath.Join(dir, "articles"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".html") {
				n++
			}
			return nil
		})
		return n
	}
	if na, nc := count(a), count(c); na != nc || na == 0 {
		return fmt.Errorf("the annotated build wrote %d article pages and the plain one %d", na, nc)
	}
	return nil
}

func measure(cmd *exec.Cmd) (sample, error) {
	var out strings.Builder
	if cmd.Stdout == nil {
		cmd.Stdout = &out
	}
	if cmd.Stderr == nil {
		cmd.Stderr = &out
	}
	vm := readVM()
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out.String())
	}
	// What any process on the machine caused while cmd ran: on an idle
	// machine, nearly all cmd's.
	vm = readVM().since(vm)
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{wall: wall, vm: vm}, nil
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	// On Linux the usage wait4 reports covers the process and the children
	// it waited for; ru_maxrss is the largest of them, in KiB.
	return sample{wall: wall, cpu: cpu, rss: ru.Maxrss * 1024, vm: vm, steps: parseSteps(out.String())}, nil
}

// median returns the run with the median wall time, and the largest peak
// memory of all runs.
func median(ss []sample) sample {
	sorted := slices.Clone(ss)
	slices.SortFunc(sorted, func(a, b sample) int { return int(a.wall - b.wall) })
	m := sorted[len(sorted)/2]
	for _, s := range ss {
		m.rss = max(m.rss, s.rss)
	}
	return m
}

// measureServe starts "generator serve" on a briefing of n articles and
// times edits of each kind, from saving the file to the served page holding
// the change.
func measureServe(n, edits int, dir, modDir, gen string) error {
	root := filepath.Join(dir, "serve-"+strconv.Itoa(n))
	_ = os.RemoveAll(root)
	if err := writeSynth(root, n, false); err != nil {
		return err
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := command(modDir, gen, "serve", "--root", root, "--port", strconv.Itoa(port))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // to stop it and what it started
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
	}()
	lines := bufio.NewScanner(stdout)
	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`http://[0-9.:a-z]+/`)
		sent := false
		for lines.Scan() {
			if m := re.FindString(lines.Text()); m != "" && !sent {
				addr <- m
				sent = true
			}
		}
		_, _ = io.Copy(io.Discard, stdout)
	}()
	var base string
	select {
	case base = <-addr:
	case <-time.After(10 * time.Minute):
		return fmt.Errorf("serve did not start:\n%s", stderr.String())
	}
	if _, err := waitFor(ctx, fmt.Sprintf("%sarticles/article-%05d.html", base, 1), "</html>", 10*time.Minute); err != nil {
		return fmt.Errorf("serve: %v\n%s", err, stderr.String())
	}
	startup := time.Since(start)
	rng := rand.New(rand.NewPCG(1, 2))
	// An edit: the i-th of its kind saves data to file (relative to
	// root), while the page open shows open, and is served once page
	// holds token.
	type edit struct {
		file, open, page string
		data             []byte
	}
	// timeEdits makes and saves edits of one kind, and returns the time
	// from each save to the served page holding its token.
	timeEdits := func(what string, next func(i int, token string) (edit, error)) ([]time.Duration, error) {
		var lat []time.Duration
		for i := range edits {
			token := fmt.Sprintf("Bench%s%dx%d", what, i, time.Now().UnixNano()%100000)
			e, err := next(i, token)
			if err != nil {
				return nil, fmt.Errorf("%s %d: %v", what, i, err)
			}
			// Load the page first, as an open browser tab would have.
			if _, err := waitFor(ctx, base+e.open, "</html>", time.Minute); err != nil {
				return nil, err
			}
			// A pause of random length, so that the saves fall at every
			// phase of any periodic work in the preview (when it ran
			// "hugo server", Hugo's file watcher batched changes every
			// 500 ms).
			time.Sleep(300*time.Millisecond + time.Duration(rng.Int64N(int64(500*time.Millisecond))))
			t0 := time.Now()
			if err := os.WriteFile(filepath.Join(root, e.file), e.data, 0o644); err != nil {
				return nil, err
			}
			if _, err := waitFor(ctx, base+e.page, token, time.Minute); err != nil {
				return nil, fmt.Errorf("%s %d: %v\n%s", what, i, err, stderr.String())
			}
			lat = append(lat, time.Since(t0))
		}
		slices.Sort(lat)
		return lat, nil
	}
	// notesEdit edits the notes file of the i-th article edited.
	notesEdit := func(change func(data []byte, token string) ([]byte, error)) func(int, string) (edit, error) {
		return func(i int, token string) (edit, error) {
			slug := fmt.Sprintf("article-%05d", 1+i*(n/max(1, edits))%n)
			file := filepath.Join("annotations", slug+".yaml")
			data, err := os.ReadFile(filepath.Join(root, file))
			if err != nil {
				return edit{}, err
			}
			changed, err := change(data, token)
			pg := "articles/" + slug + ".html"
			return edit{file: file, open: pg, page: pg, data: changed}, err
		}
	}
	// A note's text edited: the article's page changes, and nothing
	// Hugo lays out.
	edited, err := timeEdits("edit", notesEdit(func(data []byte, token string) ([]byte, error) {
		return []byte(strings.Replace(string(data), "    note: |\n      ", "    note: |\n      "+token+" ", 1)), nil
	}))
	if err != nil {
		return err
	}
	// A note added, on the passage of the article's first note: the
	// article's note count and every number after it change too.
	added, err := timeEdits("added", notesEdit(func(data []byte, token string) ([]byte, error) {
		first := regexp.MustCompile(`(?s)  - id: (n01)\n.*?\n\n`).FindSubmatchIndex(data)
		if first == nil {
			return nil, fmt.Errorf("no note n01")
		}
		note := string(data[first[0]:first[1]])
		note = strings.Replace(note, "id: n01\n", "id: "+strings.ToLower(token)+"\n", 1)
		note = strings.Replace(note, "    note: |\n      ", "    note: |\n      "+token+" ", 1)
		return append(append(bytes.TrimRight(data, "\n"), "\n\n"...), note...), nil
	}))
	if err != nil {
		return err
	}
	// A timeline entry edited: the home page's body changes.
	entryText := regexp.MustCompile(`(?m)^    text: "`)
	timeline, err := timeEdits("timeline", func(i int, token string) (edit, error) {
		file := filepath.Join("content", "_index.md")
		data, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			return edit{}, err
		}
		at := entryText.FindAllIndex(data, -1)
		if len(at) == 0 {
			return edit{}, fmt.Errorf("no timeline entry")
		}
		j := at[i%len(at)][1]
		changed := append(append(append([]byte{}, data[:j]...), token+" "...), data[j:]...)
		return edit{file: file, open: "index.html", page: "index.html", data: changed}, nil
	})
	if err != nil {
		return err
	}
	// An article added, dated before every other: a new page, laid out
	// by Hugo, that moves every other article in the order.
	dated := regexp.MustCompile(`(?m)^published: .*$`)
	titled := regexp.MustCompile(`(?m)^title: "`)
	addressed := regexp.MustCompile(`(?m)^url: .*$`) // a page of its own: two articles with one url are refused
	article, err := timeEdits("article", func(i int, token string) (edit, error) {
		data, err := os.ReadFile(filepath.Join(root, "content", "articles", "article-00001.md"))
		if err != nil {
			return edit{}, err
		}
		data = dated.ReplaceAll(data, []byte("published: 2024-12-31"))
		data = titled.ReplaceAll(data, []byte(`title: "`+token+" "))
		slug := "added-" + strings.ToLower(token)
		data = addressed.ReplaceAll(data, []byte("url: https://news.example.com/"+slug))
		return edit{file: filepath.Join("content", "articles", slug+".md"), open: "index.html",
			page: "articles/" + slug + ".html", data: data}, nil
	})
	if err != nil {
		return err
	}
	line := func(what string, lat []time.Duration) string {
		return fmt.Sprintf("%s (%d): median %s, min %s, max %s", what, len(lat), ms(lat[len(lat)/2]), ms(lat[0]), ms(lat[len(lat)-1]))
	}
	fmt.Printf("\nserve, %d articles: first page served %s after start; from saving to the page served with the change: %s; %s; %s; %s\n",
		n, secs(startup), line("a note's text edited", edited), line("a note added", added),
		line("a timeline entry edited", timeline), line("an article added first in the order", article))
	return nil
}

// waitFor polls url until its body contains want.
func waitFor(ctx context.Context, url, want string, timeout time.Duration) (time.Duration, error) {
	start := time.Now()
	client := &http.Client{Timeout: 5 * time.Second}
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		if resp, err := client.Do(req); err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(body), want) {
				return time.Since(start), nil
			}
		}
		if time.Since(start) > timeout {
			return 0, fmt.Errorf("%s did not contain %q within %s", url, want, timeout)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func command(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	return cmd
}

func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w", name, err)
	}
	s := strings.TrimSpace(string(out))
	if s == "" || s == os.DevNull {
		return "", errors.New("run the benchmark from the project folder")
	}
	return s, nil
}

func hugoVersion(bin string) string {
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		return "hugo (version unknown)"
	}
	f := strings.Fields(string(out))
	if len(f) >= 2 {
		return "Hugo " + strings.SplitN(f[1], "-", 2)[0]
	}
	return strings.TrimSpace(string(out))
}

const writeCmd = "write-synthetic-briefing"

const zipCmd = "zip-site"

// zipSite writes a zip of the site in dir to the file out, as build writes
// the offline zip of its own site (package offline).
func zipSite(dir, out string) error {
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := offline.Write(f, os.DirFS(dir)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeSynth writes a synthetic briefing of n articles (plain: the plain
// Hugo project) into dir, from a child process. Were the benchmark to make
// it itself, holding some gigabytes at 10,000 articles, every process it
// starts would report that as its peak memory too: on Linux a child's
// ru_maxrss starts from the memory of the process it was started from.
func writeSynth(dir string, n int, plain bool) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	kind := "briefing"
	if plain {
		kind = "plain"
	}
	if out, err := exec.Command(self, writeCmd, strconv.Itoa(n), dir, kind).CombinedOutput(); err != nil {
		return fmt.Errorf("writing the synthetic %s: %v\n%s", kind, err, out)
	}
	return nil
}

func writeFiles(dir string, files synth.Files) error {
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
func ms(d time.Duration) string   { return fmt.Sprintf("%d ms", d.Milliseconds()) }
func mib(b int64) string          { return fmt.Sprintf("%d MiB", b>>20) }
