// Package sitecheck holds the end-to-end checks of what a reader gets: the
// real briefing (the repository's own content/ and annotations/) and the
// edge cases in testdata/edge, each built once per test run with the real
// generator and the pinned Hugo, then
//
//   - loaded from file:// in Debian's Chromium (package browser): sidenotes
//     in the margin at 1400 px, never overlapping; notes opened and closed
//     by keyboard at 375 px without moving the page; marker to endnote and
//     back by keyboard; print hiding the in-text notes and showing the
//     endnotes; no horizontal scrolling at 320 px; no layout shift;
//   - checked with axe-core, injected into every page (no serious or
//     critical violation, light and dark schemes);
//   - validated with the Nu HTML Checker (vnu.jar, run with java);
//   - weighed: all CSS under 25 KB, all theme JavaScript under 10 KB (the
//     generated search-index.js is data and does not count), the notes
//     script under 5 KB.
//
// axe-core and vnu-jar come from npm (tools/package.json; .ci/run runs npm
// ci there). Tests that need a missing tool skip with the reason, except
// under CI=true, where they fail.
package sitecheck
