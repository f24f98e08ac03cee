package hugo

import (
	"os/exec"
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
	err = runBuild(sh(`echo 'Error: no such flag' >&2; exit 255`), &warn)
	if err == nil || !strings.Contains(err.Error(), "Error: no such flag") {
		t.Errorf("a failed build: err %v", err)
	}
}
