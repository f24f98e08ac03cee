package pdf

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeChromium writes a stand-in for Chromium that dies of a segmentation
// fault the first crashes times it is run, then writes a PDF where
// --print-to-pdf says, and points $CHROMIUM at it.
func fakeChromium(t *testing.T, crashes int) {
	t.Helper()
	dir := t.TempDir()
	script := `#!/bin/sh
n=$(cat "` + dir + `/runs" 2>/dev/null || echo 0)
echo $((n + 1)) > "` + dir + `/runs"
if [ "$n" -lt ` + strconv.Itoa(crashes) + ` ]; then kill -SEGV $$; fi
for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4\n' > "${a#--print-to-pdf=}";; esac; done
`
	bin := filepath.Join(dir, "chromium")
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CHROMIUM", bin)
}

// TestPrintSurvivesACrash: a Chromium that crashes while it prints is run
// again, up to three times in all; one that crashes every time is an error.
func TestPrintSurvivesACrash(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for the stand-in Chromium")
	}
	src := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(src, []byte("<p>Hello</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		crashes int
		ok      bool
	}{{0, true}, {2, true}, {3, false}} {
		fakeChromium(t, tt.crashes)
		dst := filepath.Join(t.TempDir(), "page.pdf")
		err := Print(context.Background(), src, dst, time.Time{}, "")
		switch {
		case tt.ok && err != nil:
			t.Errorf("%d crashes: %v", tt.crashes, err)
		case !tt.ok && (err == nil || !strings.Contains(err.Error(), "chromium could not print")):
			t.Errorf("%d crashes: %v, want that chromium could not print", tt.crashes, err)
		}
	}
}
