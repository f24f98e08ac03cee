package browser

import (
	"os"
	"testing"
)

func TestZZLines(t *testing.T) {
	u := os.Getenv("LINES_URL")
	if u == "" {
		t.Skip()
	}
	p := New(t).Open(t, u, 680, 900)
	p.Media("print")
	r := Eval[[]float64](p, `(() => { const gaps = {}; for (const para of document.querySelectorAll(".body p")) {
	  const w = document.createTreeWalker(para, NodeFilter.SHOW_TEXT); const tops = [];
	  for (let t = w.nextNode(); t; t = w.nextNode()) { if (t.parentElement.closest("sup")) continue; const r = document.createRange(); r.selectNodeContents(t); for (const c of r.getClientRects()) tops.push(Math.round(c.bottom*10)/10); }
	  const u = [...new Set(tops)].sort((a,b)=>a-b); for (let i=1;i<u.length;i++){ const g = Math.round((u[i]-u[i-1])*10)/10; if (g > 5) gaps[g] = (gaps[g]||0)+1; } }
	  return Object.entries(gaps).sort((a,b)=>b[1]-a[1]).slice(0,6).flat().map(Number); })()`)
	t.Logf("gap, count: %v", r)
}
