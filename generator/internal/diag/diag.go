// Package diag holds the one position type and the one error type for
// everything a user must fix in a briefing.
//
// Every problem is reported as
//
//	path:line:col: message
//
// where path is relative to the briefing folder, and line and col count from
// 1 in the user's own file (front matter included), col in characters.
// A List collects every problem of a run so that one run reports them all.
package diag

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Pos is a place in a file of the briefing.
type Pos struct {
	File string // slash-separated, relative to the briefing folder
	Line int    // 1-based; 0 means the whole file
	Col  int    // 1-based, in characters; 0 means the whole line
}

// Path is a file's path as a message shows it: as it is, or quoted, Go's
// way, when it holds a control character (a line break would split the
// message's line).
func Path(s string) string {
	if strings.ContainsFunc(s, unicode.IsControl) {
		return strconv.Quote(s)
	}
	return s
}

// String formats p as path:line:col, leaving out what is unknown. A path
// with a control character in it (a file named with a line break) is
// quoted, Go's way, so that the message stays on one line.
func (p Pos) String() string {
	file := Path(p.File)
	switch {
	case p.Line <= 0:
		return file + ":1:1"
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d:1", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Sentinel errors for the failures callers branch on. An *Error wraps one of
// them when it applies, so errors.Is works on reported problems.
var (
	ErrQuoteNotFound  = errors.New("quote not found")
	ErrAmbiguousQuote = errors.New("quote is ambiguous")
	ErrCrossingQuotes = errors.New("quotes cross")
	ErrUnknownID      = errors.New("unknown id")
	ErrDuplicateID    = errors.New("duplicate id")
	ErrUnknownField   = errors.New("unknown field")
	ErrMissingField   = errors.New("missing field")
	ErrUnsafeInput    = errors.New("unsafe input")
	// ErrPlaceholder is a text or an empty field that new wrote for the
	// editors to fill in, still there: the site can be made with it, and
	// the live preview shows it, but it must not be published, so build
	// and check report it as any other problem.
	ErrPlaceholder = errors.New("placeholder left in")
)

// Error is one problem at one position.
type Error struct {
	Pos Pos
	Msg string
	Err error // optional sentinel
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Unwrap returns the sentinel, if any.
func (e *Error) Unwrap() error { return e.Err }

// MaxErrors is how many problems one run reports before it stops listing.
const MaxErrors = 200

// List collects problems. The zero value is ready to use.
type List struct {
	errs    []*Error
	dropped int
}

// Add records a problem at pos.
func (l *List) Add(pos Pos, format string, args ...any) {
	l.add(&Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// AddErr records a problem at pos that wraps the sentinel err.
func (l *List) AddErr(pos Pos, err error, format string, args ...any) {
	l.add(&Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Err: err})
}

// Append adds every problem of other to l.
func (l *List) Append(other *List) {
	for _, e := range other.errs {
		l.add(e)
	}
	l.dropped += other.dropped
}

func (l *List) add(e *Error) {
	if len(l.errs) >= MaxErrors {
		l.dropped++
		return
	}
	l.errs = append(l.errs, e)
}

// Len reports how many problems were recorded (not counting dropped ones,
// and counting one found twice at the same place twice).
func (l *List) Len() int { return len(l.errs) }

// Errors returns the problems sorted by file, line and column, each once:
// a text YAML reads twice (an alias, *name, of an anchored one) has its
// problems found twice, at the same place.
func (l *List) Errors() []*Error {
	out := make([]*Error, 0, len(l.errs))
	type key struct {
		pos Pos
		msg string
	}
	seen := make(map[key]bool, len(l.errs))
	for _, e := range l.errs {
		if k := (key{e.Pos, e.Msg}); !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}

// Err returns nil when there are no problems, and otherwise an error whose
// text lists them all, one a line.
func (l *List) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return &ListError{Errs: l.Errors(), Dropped: l.dropped}
}

// Join is the problems of a and of b as one error, sorted as Err sorts
// them; either may be nil. When one is an error of another kind than
// *ListError (a run that failed, not a briefing's problems), that error is
// returned, a's first.
func Join(a, b error) error {
	var la, lb *ListError
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case !errors.As(a, &la):
		return a
	case !errors.As(b, &lb):
		return b
	}
	var l List
	for _, e := range append(slices.Clone(la.Errs), lb.Errs...) {
		l.add(e)
	}
	l.dropped += la.Dropped + lb.Dropped
	return l.Err()
}

// Only reports whether err is the problems of a run (a *ListError, none
// of them dropped unlisted) and every one of them wraps kind.
func Only(err, kind error) bool {
	var le *ListError
	if !errors.As(err, &le) || le.Dropped > 0 || len(le.Errs) == 0 {
		return false
	}
	for _, e := range le.Errs {
		if !errors.Is(e, kind) {
			return false
		}
	}
	return true
}

// ListError is the error of a run with problems.
type ListError struct {
	Errs    []*Error
	Dropped int
}

func (e *ListError) Error() string {
	var b strings.Builder
	for i, x := range e.Errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(x.Error())
	}
	if e.Dropped > 0 {
		fmt.Fprintf(&b, "\n(and %d more problems not listed)", e.Dropped)
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As see each problem.
func (e *ListError) Unwrap() []error {
	out := make([]error, len(e.Errs))
	for i, x := range e.Errs {
		out[i] = x
	}
	return out
}
