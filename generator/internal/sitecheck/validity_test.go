package sitecheck

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/briefing/annotated/generator/internal/browser"
)

// TestAccessibility injects axe-core into every page of both sites and
// fails on each serious or critical violation: at a wide and a narrow width
// in the light scheme, with every note open at the narrow one, and at the
// wide width in the dark scheme.
func TestAccessibility(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	b := browser.New(t)
	t.Run("a page with faults fails", func(t *testing.T) {
		p := b.Open(t, browser.FileURL("testdata/inaccessible.html"), 800, 600)
		browser.Eval[bool](p, string(axe)+";true")
		got := strings.Join(browser.Eval[[]string](p, axeRun), "\n")
		for _, rule := range []string{"color-contrast", "link-name"} {
			if !strings.Contains(got, rule) {
				t.Errorf("axe did not report %s on a page that breaks it; it reported:\n%s", rule, got)
			}
		}
	})
	type view struct {
		width  int
		scheme string
		open   bool
	}
	for _, site := range sites(t) {
		for _, page := range htmlPages(t, site) {
			for _, v := range []view{{1400, "light", false}, {375, "light", true}, {1400, "dark", false}} {
				t.Run(fmt.Sprintf("%s/%d-%s", name(page), v.width, v.scheme), func(t *testing.T) {
					p := b.Open(t, browser.FileURL(page), v.width, 900, browser.Scheme(v.scheme))
					if v.open {
						browser.Eval[bool](p, `([...document.querySelectorAll(".article a.noteref")].forEach(a => a.click()), true)`)
					}
					browser.Eval[bool](p, string(axe)+";true")
					for _, problem := range browser.Eval[[]string](p, axeRun) {
						t.Error(problem)
					}
				})
			}
		}
	}
}

// axeRun runs axe on the page and describes each serious or critical
// violation with the elements it concerns, and each landmark that shares
// its role and name with another (moderate, but the handout's five
// "Notes" were a screen reader's list of landmarks of one name).
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations
  .filter(v => v.impact === "serious" || v.impact === "critical" || v.id === "landmark-unique")
  .map(v => v.impact + " " + v.id + ": " + v.help + "\n\t" +
    v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\n/g, " ")).join("\n\t") +
    (v.nodes.length > 5 ? "\n\t(" + (v.nodes.length - 5) + " more)" : "")))`

// TestValidHTML runs the Nu HTML Checker over every page of both sites and
// fails on any error.
func TestValidHTML(t *testing.T) {
	jar := tool(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		const why = "java is not installed (apt-get install default-jre-headless)"
		if os.Getenv("CI") == "true" {
			t.Fatal(why + "; under CI=true it must be")
		}
		t.Skip(why)
	}
	args := append([]string{"-jar", jar, "--errors-only", "--skip-non-html"}, sites(t)...)
	out, err := exec.Command(java, args...).CombinedOutput()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("running vnu.jar: %v", err)
		}
		t.Errorf("the Nu HTML Checker found errors:\n%s", strings.TrimSpace(string(out)))
	}
	// The checker must have read the pages: a page with an error is caught.
	bad := t.TempDir() + "/bad.html"
	if err := os.WriteFile(bad, []byte("<!DOCTYPE html><html lang=en><title>x</title><p><div>block in p</div></p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(java, "-jar", jar, "--errors-only", bad).CombinedOutput(); err == nil {
		t.Errorf("the checker passed a page with a <div> in a <p>: %s", out)
	}
}
