package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefing/annotated/generator/internal/briefingtest"
	"github.com/briefing/annotated/generator/internal/offline"
	"github.com/briefing/annotated/generator/internal/synth"
)

// TestRunRejectsBadFlags checks that flags that would leave nothing to take
// a median of are refused before anything is written or built.
func TestRunRejectsBadFlags(t *testing.T) {
	for _, c := range []struct {
		name              string
		sizes             string
		runs, serve, edit int
		want              string
	}{
		{"no runs", "10", 0, 0, 1, "-runs 0"},
		{"no edits", "10", 1, 10, 0, "-edits 0"},
		{"bad size", "10,x", 1, 0, 1, `bad size "x"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			err := run(c.sizes, c.runs, c.serve, c.edit, dir, "", extras{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("run: %v, want an error with %q", err, c.want)
			}
		})
	}
}

// TestAsideKeepsEarlierOutputs checks that a run's earlier output is moved
// into the trash, whole and under a name of its own each time, and that a
// folder not there yet is not an error.
func TestAsideKeepsEarlierOutputs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := aside(dir, out); err != nil {
		t.Fatalf("aside of a missing folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "trash")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("aside of a missing folder made the trash (%v)", err)
	}
	for i, page := range []string{"first", "second"} {
		if err := os.MkdirAll(filepath.Join(out, "articles"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, "articles", "a.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := aside(dir, out); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("after aside %d, %s: %v, want it gone", i, out, err)
		}
	}
	var kept []string
	err := filepath.WalkDir(filepath.Join(dir, "trash"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			kept = append(kept, string(data))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(kept)
	if want := []string{"first", "second"}; !slices.Equal(kept, want) {
		t.Errorf("the trash holds %q, want %q", kept, want)
	}
}

// TestPairedRatio checks the median of each run's own ratio against the
// ratio of medians it is there to correct: a machine that slows down while
// (a) runs in one run and while (c) runs in another.
func TestPairedRatio(t *testing.T) {
	s := func(wall, cpu float64) sample {
		return sample{wall: time.Duration(wall * float64(time.Second)), cpu: time.Duration(cpu * float64(time.Second))}
	}
	a := []sample{s(2.0, 4.0), s(3.0, 6.0), s(2.2, 4.4)}
	c := []sample{s(2.0, 3.0), s(2.4, 4.0), s(1.6, 2.0)}
	// Each run: a/c 1.0, 1.25, 1.375; CPU 1.33, 1.5, 2.2.
	got := pairedRatio(a, c)
	if math.Abs(got.wall-1.25) > 1e-9 || math.Abs(got.cpu-1.5) > 1e-9 {
		t.Errorf("pairedRatio = %+v, want wall 1.25, cpu 1.5", got)
	}
	// The ratio of medians differs: 2.2/2.0.
	if m := median(a).wall.Seconds() / median(c).wall.Seconds(); math.Abs(m-1.1) > 1e-9 {
		t.Errorf("ratio of medians %v, want 1.1", m)
	}
	if got := pairedRatio(a[:2], c[:2]); math.Abs(got.wall-1.125) > 1e-9 {
		t.Errorf("two runs: wall %v, want the mean of the middle two, 1.125", got.wall)
	}
	if got := pairedRatio(nil, nil); got != (ratio{}) {
		t.Errorf("no runs: %+v, want zero", got)
	}
}

// TestParseSteps reads the step lines of a build run with BRIEFING_TIMINGS
// (copied from one), and nothing else of its output.
func TestParseSteps(t *testing.T) {
	out := `heap     1022 MiB advised for huge pages
prepare  114ms (CPU 124ms, of it in the kernel 85ms)
compile  11.886s (CPU 22.354s, of it in the kernel 4.147s)
hugo     4.347s (CPU 6.87s, of it in the kernel 3.706s)
write    4.078s (CPU 7.493s, of it in the kernel 1.188s)
publish  0s (CPU 0s, of it in the kernel 0s)
built 10000 articles, 200000 notes, 200 claims, 500 sources: 10009 pages written to /tmp/out in 20.427s
`
	ms := time.Millisecond
	want := []stepTime{
		{"prepare", 114 * ms, 124 * ms, 85 * ms},
		{"compile", 11886 * ms, 22354 * ms, 4147 * ms},
		{"hugo", 4347 * ms, 6870 * ms, 3706 * ms},
		{"write", 4078 * ms, 7493 * ms, 1188 * ms},
		{"publish", 0, 0, 0},
	}
	got := parseSteps(out)
	if !slices.Equal(got, want) {
		t.Fatalf("parseSteps:\n got %v\nwant %v", got, want)
	}
	line := formatSteps(got[1:3])
	if line != "compile 11.89 s (CPU 22.35, kernel 4.15), hugo 4.35 s (CPU 6.87, kernel 3.71)" {
		t.Errorf("formatSteps: %q", line)
	}
	if got := parseSteps("built 5 articles\n"); len(got) != 0 {
		t.Errorf("parseSteps of a build without BRIEFING_TIMINGS: %v", got)
	}
}

// TestAdded checks that (c') adds each run's zip to the same run's (c), not
// to another run's, and keeps the larger peak memory.
func TestAdded(t *testing.T) {
	s := func(wall, cpu float64, rss int64) sample {
		return sample{wall: time.Duration(wall * float64(time.Second)), cpu: time.Duration(cpu * float64(time.Second)), rss: rss}
	}
	c := []sample{s(2.0, 3.0, 300), s(2.4, 4.0, 310)}
	zip := []sample{s(0.5, 0.9, 20), s(0.3, 0.5, 400), s(9, 9, 9)}
	got := added(c, zip)
	want := []sample{s(2.5, 3.9, 300), s(2.7, 4.5, 400)}
	if len(got) != len(want) {
		t.Fatalf("added: %d runs, want %d (the shorter list's)", len(got), len(want))
	}
	for i := range want {
		if d := got[i].wall - want[i].wall; d < -time.Millisecond || d > time.Millisecond {
			t.Errorf("run %d: wall %v, want %v", i, got[i].wall, want[i].wall)
		}
		if d := got[i].cpu - want[i].cpu; d < -time.Millisecond || d > time.Millisecond {
			t.Errorf("run %d: cpu %v, want %v", i, got[i].cpu, want[i].cpu)
		}
		if got[i].rss != want[i].rss {
			t.Errorf("run %d: rss %d, want %d", i, got[i].rss, want[i].rss)
		}
	}
}

// TestZipSite checks that the zip of a plain site holds every file of it,
// with its bytes, under the offline zip's folder, as build's zip of its own
// site does.
func TestZipSite(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	files := map[string]string{
		"index.html":           "<h1>Home</h1>",
		"articles/a.html":      strings.Repeat("<p>text</p>", 5000),
		"css/site.css":         "body{}",
		"articles/deep/b.html": "b",
		"briefing-offline.zip": "not packed into itself",
	}
	written := synth.Files{}
	for name, data := range files {
		written[name] = []byte(data)
	}
	if err := writeFiles(site, written); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "site.zip")
	if err := zipSite(site, out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	_, got := briefingtest.Unzip(t, data)
	delete(files, "briefing-offline.zip")
	if len(got) != len(files) {
		t.Errorf("the zip holds %d files, want %d: %v", len(got), len(files), slices.Sorted(maps.Keys(got)))
	}
	for name, data := range files {
		if string(got[offline.Folder+"/"+name]) != data {
			t.Errorf("%s/%s: %d bytes, want %d", offline.Folder, name, len(got[offline.Folder+"/"+name]), len(data))
		}
	}
	if err := zipSite(filepath.Join(dir, "missing"), filepath.Join(dir, "missing.zip")); err == nil {
		t.Error("zipSite of a missing folder: no error")
	}
}

// TestRunOrder checks that (a) and (c) take turns at coming first, that a
// zip of (c) always follows (c) at once, and that every step runs once in
// every run.
func TestRunOrder(t *testing.T) {
	named := func(names []string, order []int) []string {
		var out []string
		for _, i := range order {
			out = append(out, names[i])
		}
		return out
	}
	for _, tc := range []struct {
		names     []string
		even, odd []string
	}{
		{
			names: []string{"a", "b", "c"},
			odd:   []string{"a", "b", "c"},
			even:  []string{"c", "b", "a"},
		},
		{
			names: []string{"a", "b", "c", zipStep, "b'", "a'", `a"`},
			odd:   []string{"a", "b", "c", zipStep, "b'", "a'", `a"`},
			even:  []string{"c", zipStep, "b", "a", "b'", "a'", `a"`},
		},
		{
			names: []string{"a", "b", "c", "a'"},
			odd:   []string{"a", "b", "c", "a'"},
			even:  []string{"c", "b", "a", "a'"},
		},
	} {
		for r := range 4 {
			want := tc.odd
			if r%2 == 0 {
				want = tc.even
			}
			if got := named(tc.names, runOrder(tc.names, r)); !slices.Equal(got, want) {
				t.Errorf("run %d of %v: %v, want %v", r, tc.names, got, want)
			}
		}
	}
}

// TestVmstatField reads a counter from text in /proc/vmstat's format
// (lines from this machine's), and -1 for one missing or malformed.
func TestVmstatField(t *testing.T) {
	text := "thp_fault_alloc 5170\ncompact_stall 25108\ncompact_fail 1203\ncompact_stall_x 7\nbroken x\n"
	for name, want := range map[string]int64{
		"compact_stall":   25108,
		"compact_fail":    1203,
		"compact":         -1,
		"compact_success": -1,
		"broken":          -1,
	} {
		if got := vmstatField(text, name); got != want {
			t.Errorf("vmstatField(%q) = %d, want %d", name, got, want)
		}
	}
	if _, err := os.Stat("/proc/vmstat"); err == nil {
		if v := readVM(); len(v) != len(vmFields) {
			t.Errorf("readVM() = %v on a machine with /proc/vmstat, want %d counters", v, len(vmFields))
		}
	}
}

// TestVMCounts checks the counters counted between two readings, their
// sum over runs, and that an unknown reading makes them unknown rather
// than zero.
func TestVMCounts(t *testing.T) {
	before, after := vmCounts{10, 100, 1000, 7, 0}, vmCounts{13, 100, 1500, 207, 1}
	d := after.since(before)
	if !slices.Equal(d, vmCounts{3, 0, 500, 200, 1}) {
		t.Errorf("since = %v, want [3 0 500 200 1]", d)
	}
	if after.since(nil) != nil || vmCounts(nil).since(before) != nil {
		t.Error("since with an unknown reading: want nil")
	}
	if got := vmOf([]sample{{vm: d}, {vm: vmCounts{1, 2, 3, 4, 5}}}); !slices.Equal(got, vmCounts{4, 2, 503, 204, 6}) {
		t.Errorf("vmOf = %v, want [4 2 503 204 6]", got)
	}
	if vmOf([]sample{{vm: d}, {}}) != nil || vmOf(nil) != nil {
		t.Error("vmOf with a run unknown, or of no runs: want nil")
	}
	if got := d.String(); got != "compact_stall 3, pgscan_direct 0, pgscan_kswapd 500, thp_fault_alloc 200, thp_fault_fallback 1" {
		t.Errorf("String = %q", got)
	}
}

// TestFormatRuns checks that each run's line names the build that came
// first in it as runOrder ordered them.
func TestFormatRuns(t *testing.T) {
	s := func(wall float64) sample { return sample{wall: time.Duration(wall * float64(time.Second))} }
	got := formatRuns([]sample{s(2), s(3), s(1)}, []sample{s(1), s(2), s(4)})
	want := "run 1 (a first) 2.00/1.00 s = 2.00, run 2 (c first) 3.00/2.00 s = 1.50, run 3 (a first) 1.00/4.00 s = 0.25"
	if got != want {
		t.Errorf("formatRuns:\n got %s\nwant %s", got, want)
	}
	names := []string{"a", "b", "c"}
	for r := 1; r <= 3; r++ {
		first := names[runOrder(names, r)[0]]
		if !strings.Contains(got, fmt.Sprintf("run %d (%s first)", r, first)) {
			t.Errorf("run %d: runOrder runs %s first, the line says otherwise: %s", r, first, got)
		}
	}
}

// TestBenchmarkRuns runs the benchmark as the README gives it, at two
// small sizes with one timed run and every extra, and checks what it
// prints: a row of the table for each size whose ratios and rates agree
// with its times, each extra's line, the step times, the growth from one
// size to the next and the serve measurement, and that the outputs it
// moved aside are gone at the end.
func TestBenchmarkRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two small briefings a dozen times, and runs serve")
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", ".", "-sizes", "10,20", "-runs", "1", "-serve", "10", "-edits", "1",
		"-dir", dir, "-nozip", "-rebuild", "-plainzip", "-check", "-steps")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bench: %v\n%s\n%s", err, out, stderr.String())
	}
	text := string(out)

	num := `([0-9]+(?:\.[0-9]+)?)`
	row := regexp.MustCompile(`(?m)^\| ([0-9]+) \| ` + num + ` s \| ` + num + ` s \| ` + num + ` s \| ` + num + ` \| ` + num +
		` \| [0-9.]+ · [0-9.]+ · [0-9.]+ s \| [0-9.]+ \| [0-9]+ \| ([0-9]+) MiB · ([0-9]+) MiB · ([0-9]+) MiB \|$`)
	rows := row.FindAllStringSubmatch(text, -1)
	if len(rows) != 2 {
		t.Fatalf("want a row of the table for each of the two sizes, got %d:\n%s", len(rows), text)
	}
	f := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// ratio checks that printed, a quotient rounded to within prec, is
	// x/y, where y is a time printed to a hundredth of a second and x
	// one too (rx 0.005) or exact (rx 0): within what the rounding of
	// all three allows.
	ratio := func(what string, printed, x, rx, y, prec float64) {
		t.Helper()
		const ry = 0.005
		lo, hi := (x-rx)/(y+ry)-prec, (x+rx)/max(y-ry, 1e-9)+prec
		if printed < lo || printed > hi {
			t.Errorf("%s: printed %v, its times give %.2f to %.2f", what, printed, lo, hi)
		}
	}
	var fullBuild []float64
	for i, r := range rows {
		n, a, b, c, ac, perSec := f(r[1]), f(r[2]), f(r[3]), f(r[4]), f(r[5]), f(r[6])
		if want := []float64{10, 20}[i]; n != want {
			t.Errorf("row %d is of %v articles, want %v", i+1, n, want)
		}
		if a <= 0 || b <= 0 || c <= 0 {
			t.Errorf("%v articles: a time of zero: %s", n, r[0])
		}
		ratio(fmt.Sprintf("a/c at %v articles", n), ac, a, 0.005, c, 0.005)
		ratio(fmt.Sprintf("(b) articles/s at %v articles", n), perSec, n, 0, b, 0.5)
		for _, rss := range r[7:] {
			if f(rss) < 1 {
				t.Errorf("%v articles: a peak RSS under 1 MiB: %s", n, r[0])
			}
		}
		fullBuild = append(fullBuild, a)
	}
	growth := regexp.MustCompile(`full build, 20 vs 10 articles: ` + num + `× the time for 2× the articles`).FindStringSubmatch(text)
	if growth == nil {
		t.Errorf("no line of the growth from 10 to 20 articles:\n%s", text)
	} else {
		ratio("20 against 10 articles", f(growth[1]), fullBuild[1], 0.005, fullBuild[0], 0.005)
	}
	for _, want := range []string{
		"a/c, 10 articles, median of each run's own ratio: ",
		"a/c, 20 articles, run by run: run 1 (a first) ",
		"(a') build --no-zip, 20 articles: ",
		`(a") build over the published site after one note edit, 20 articles: `,
		"(b') check as a user runs it (no page made), 20 articles: ",
		"(c') plain Hugo, then its output zipped as build zips the site, 20 articles: ",
		"(a) steps, 20 articles, run 1 (",
		"serve, 10 articles: first page served ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the output has no %q:\n%s", want, text)
		}
	}
	// The step times end the line, or, where /proc/vmstat is read, come
	// before its counts.
	steps := regexp.MustCompile(`(?m)\(a\) steps, 10 articles, run 1 \([^)]*\): (.*?)(?:; /proc/vmstat: .*)?$`).FindStringSubmatch(text)
	if steps == nil {
		t.Errorf("no step times of (a) at 10 articles:\n%s", text)
	} else {
		for _, step := range []string{"prepare", "compile", "hugo", "write", "publish"} {
			if !strings.Contains(steps[1], step+" ") {
				t.Errorf("the step times of (a) have no %s: %s", step, steps[1])
			}
		}
	}
	for _, kind := range []string{"a note's text edited", "a note added", "a timeline entry edited", "an article added first in the order"} {
		if !regexp.MustCompile(regexp.QuoteMeta(kind) + ` \(1\): median [0-9]+ ms, min [0-9]+ ms, max [0-9]+ ms`).MatchString(text) {
			t.Errorf("no serve time of %s:\n%s", kind, text)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "trash")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the outputs moved aside are still there (%v)", err)
	}
	for _, page := range []string{"out-annotated/articles/article-00020.html", "out-plain/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "20", page)); err != nil {
			t.Errorf("the last run's output: %v", err)
		}
	}
}
