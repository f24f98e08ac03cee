package hugo

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildForwardsWarnings runs runBuild on commands that print as Hugo
// does: the warnings (standard error) of a build that succeeds go to warn,
// line by line, and not its summary (standard output); a
// build that reports errors, or fails, is an error carrying its output.
func TestBuildForwardsWarnings(t *testing.T) {
	sh := func(script string) *exec.Cmd { return exec.Command("sh", "-c", script) }

	var warn strings.Builder
	err := runBuild(sh(`echo 'Start building sites'; printf 'WARN  deprecated: key x\n\nWARN  found no layout\n' >&2; echo 'Total in 16 ms'`), &warn)
	if err != nil {
		t.Fatal(err)
	}
	if want := "hugo: WARN  deprecated: key x\nhugo: WARN  found no layout\n"; warn.String() != want {
		t.Errorf("warnings = %q, want %q", warn.String(), want)
	}

	warn.Reset()
	if err := runBuild(sh(`true`), &warn); err != nil || warn.Len() != 0 {
		t.Errorf("a quiet build: err %v, warnings %q", err, warn.String())
	}
	err = runBuild(sh(`echo 'ERROR template: page.html: bad'`), &warn)
	if err == nil || !strings.Contains(err.Error(), "ERROR template: page.html: bad") || warn.Len() != 0 {
		t.Errorf("a build reporting errors: err %v, warnings %q", err, warn.String())
	}
	// A Hugo that fails saying nothing (HUGO=/bin/false): its status,
	// and that it said nothing, not the status and an empty line.
	err = runBuild(sh(`exit 1`), &warn)
	if want := "hugo failed: exit status 1, and said nothing"; err == nil || err.Error() != want {
		t.Errorf("a silent failed build: err %q, want %q", err, want)
	}
	// A failed build is its errors, a file's written as the generator
	// writes its own, without Hugo's banner and summary.
	err = runBuild(sh(`echo 'Start building sites … '; echo 'hugo v0.165.0 linux/amd64'; echo 'Total in 50 ms'; `+
		`echo 'ERROR error building site: "/t/layouts/m.html:1:1": parse of template failed: missing value for if' >&2; exit 1`), &warn)
	if want := "hugo failed:\n/t/layouts/m.html:1:1: parse of template failed: missing value for if"; err == nil || err.Error() != want {
		t.Errorf("a failed build: err %v, want %q", err, want)
	}
	err = runBuild(sh(`echo 'ERROR error copying static files: "/t/layouts/m.html:1:1": parse of template failed' >&2; exit 1`), &warn)
	if want := "hugo failed:\n/t/layouts/m.html:1:1: parse of template failed"; err == nil || err.Error() != want {
		t.Errorf("a failed build: err %v, want %q", err, want)
	}
	// An error in a page's template, which Hugo reports at baseof.html
	// (the base template it applies) with the page template's line: at
	// the page's template, which is the file to edit. A template name
	// that is no file of the layouts folder leaves the error as it is.
	layouts := filepath.Join(t.TempDir(), "layouts")
	for _, f := range []string{"baseof.html", "page.html"} {
		if err := os.MkdirAll(layouts, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(layouts, f), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for msg, want := range map[string]string{
		"apply base template failed: template: page.html:5: missing value for if":    filepath.Join(layouts, "page.html") + ":5:1: missing value for if",
		"apply base template failed: template: page.html:12:7: unexpected EOF":       filepath.Join(layouts, "page.html") + ":12:7: unexpected EOF",
		"apply base template failed: template: nothere.html:5: missing value for if": filepath.Join(layouts, "baseof.html") + ":3:1: apply base template failed: template: nothere.html:5: missing value for if",
		"parse of template failed: missing value for if":                             filepath.Join(layouts, "baseof.html") + ":3:1: parse of template failed: missing value for if",
		"parse of template failed: template: baseof.html:3: unexpected EOF":          filepath.Join(layouts, "baseof.html") + ":3:1: unexpected EOF",
	} {
		err = runBuild(sh(`echo 'ERROR error building site: "`+filepath.Join(layouts, "baseof.html")+`:3:1": `+msg+`' >&2; exit 1`), &warn)
		if err == nil || err.Error() != "hugo failed:\n"+want {
			t.Errorf("%s: err %v, want %q", msg, err, want)
		}
	}
	// An error met making a page: at the template, with the page it was
	// making, not the staged content file, gone once the build has failed.
	page := filepath.Join(layouts, "page.html")
	err = runBuild(sh(`echo 'ERROR error building site: render: [en v1.0.0 guest] failed to render pages: render of "/dev/shm/s/project/content/articles/a.html" failed: "`+
		page+`:26:3": execute of template failed: template: page.html:26:3: executing "main" at <.Conten>: can'"'"'t evaluate field Conten' >&2; exit 1`), &warn)
	if want := "hugo failed:\n" + page + `:26:3: executing "main" at <.Conten>: can't evaluate field Conten (making articles/a.html)`; err == nil || err.Error() != want {
		t.Errorf("an error making a page: err %v, want %q", err, want)
	}
	// An error met running baseof.html, which Hugo names with the page's
	// template set but places in baseof.html: there, or at the innermost
	// partial that failed; a section's page by its index.html.
	base := filepath.Join(layouts, "baseof.html")
	for msg, want := range map[string]string{
		`execute of template failed: template: page.html:2:58: executing "page.html" at <add 1 "x">: error calling add: bad`: base + `:2:58: executing "page.html" at <add 1 "x">: error calling add: bad (making index.html)`,
		`execute of template failed: template: home.html:18:3: executing "home.html" at <partialCached "footer.html" .>: error calling partialCached: "` + filepath.Join(layouts, "_partials", "footer.html") + `:2:6": execute of template failed: template: _partials/footer.html:2:6: executing "_partials/footer.html" at <add 1 "x">: error calling add: bad`: filepath.Join(layouts, "_partials", "footer.html") + `:2:6: executing "_partials/footer.html" at <add 1 "x">: error calling add: bad (making index.html)`,
	} {
		pos := base + ":" + strings.Split(strings.Split(msg, ".html:")[1], ":")[0] + ":" + strings.Split(strings.Split(msg, ".html:")[1], ":")[1]
		err = runBuild(sh(`echo 'ERROR error building site: render: [en v1.0.0 guest] failed to render pages: render of "/dev/shm/s/project/content/_index.html" failed: "`+
			pos+`": `+strings.ReplaceAll(msg, "'", `'"'"'`)+`' >&2; exit 1`), &warn)
		if err == nil || err.Error() != "hugo failed:\n"+want {
			t.Errorf("%s:\n err %v\nwant %q", msg, err, want)
		}
	}
	err = runBuild(sh(`echo 'Error: no such flag' >&2; exit 255`), &warn)
	if err == nil || !strings.Contains(err.Error(), "Error: no such flag") {
		t.Errorf("a failed build: err %v", err)
	}
}

// TestCheck checks that Check accepts what Command would run ($HUGO as a
// path or as a name on $PATH, as exec runs it; unset, the Hugo pinned in
// this module's go.mod) and refuses a $HUGO that names nothing to run.
func TestCheck(t *testing.T) {
	notProgram := filepath.Join(t.TempDir(), "hugo")
	if err := os.WriteFile(notProgram, []byte("not a program"), 0o644); err != nil {
		t.Fatal(err)
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on $PATH to stand for a program")
	}
	for _, c := range []struct {
		hugo string
		ok   bool
	}{
		{"", true}, // this module pins Hugo
		{sh, true},
		{"sh", true},
		{filepath.Join(t.TempDir(), "missing"), false},
		{notProgram, false},
		{"no-such-program-on-path", false},
	} {
		t.Setenv("HUGO", c.hugo)
		err := Check()
		if (err == nil) != c.ok {
			t.Errorf("HUGO=%q: Check() = %v, want ok %v", c.hugo, err, c.ok)
		}
		if err != nil && !strings.Contains(err.Error(), c.hugo) {
			t.Errorf("HUGO=%q: the error does not name it: %v", c.hugo, err)
		}
	}
}
