package export

import (
	"fmt"
	"io"

	"github.com/briefing/annotated/generator/internal/briefing"
	"github.com/briefing/annotated/generator/internal/render"
)

// PartOf is Part for an article rendered as ra (nil when it was not), so
// that the articles need not all be rendered at once.
func (b *Briefing) PartOf(a *briefing.Article, ra *render.Article) *Part {
	return b.part(a, ra)
}

// Stream writes briefing.json and annotations.jsonld as the articles'
// parts come, in the briefing's order, each into a writer of its own, and
// at the end the claims page's JSON-LD: a build of thousands of articles
// then never holds any of the three whole. What a file needs from every
// article is known before (the number of annotations, which Stream is
// told) or kept small until the end (each article's appearance in the
// claims page's JSON-LD, a few hundred bytes). The files are those of
// ModelOf, AnnotationsOf and ClaimReviewsOf, byte for byte.
type Stream struct {
	b                     *Briefing
	model, annotations    io.Writer
	total, seen           int
	modelFirst, annoFirst bool
	where                 map[string][][]byte
}

// NewStream starts briefing.json in model and annotations.jsonld, of
// total annotations (the notes of the articles rendered), in annotations.
func (b *Briefing) NewStream(model, annotations io.Writer, total int) (*Stream, error) {
	s := &Stream{b: b, model: model, annotations: annotations, total: total,
		modelFirst: true, annoFirst: true, where: map[string][][]byte{}}
	if _, err := model.Write(b.modelHead()); err != nil {
		return nil, err
	}
	if _, err := annotations.Write(b.annotationsHead(total)); err != nil {
		return nil, err
	}
	return s, nil
}

// Add writes the next article's part.
func (s *Stream) Add(p *Part) error {
	if err := s.element(s.model, p.model, &s.modelFirst); err != nil {
		return err
	}
	if err := s.element(s.annotations, p.annotationItems, &s.annoFirst); err != nil {
		return err
	}
	s.seen += p.annotations
	p.appearIn(s.where)
	return nil
}

// element writes part, elements of an array each after a comma, to w,
// without the comma when it is the array's first. A part is never changed
// once made, so a w that can keep what it is handed rather than copy it
// (a file of stage.PieceFiles, with its Keep) is handed it to keep.
func (s *Stream) element(w io.Writer, part []byte, first *bool) error {
	if len(part) == 0 {
		return nil
	}
	if *first {
		part, *first = part[1:], false
	}
	if k, ok := w.(interface{ Keep([]byte) error }); ok {
		return k.Keep(part)
	}
	_, err := w.Write(part)
	return err
}

// Close ends briefing.json and annotations.jsonld, and writes the claims
// page's JSON-LD to the writer claims returns, which it does not call when
// the briefing has no claims (the page then has none). It is an error if
// the parts did not hold the number of annotations NewStream was told.
func (s *Stream) Close(claims func() (io.WriteCloser, error)) error {
	if _, err := io.WriteString(s.model, "]"); err != nil {
		return err
	}
	if _, err := s.model.Write(s.b.modelTail()); err != nil {
		return err
	}
	if _, err := io.WriteString(s.annotations, "]"); err != nil {
		return err
	}
	if _, err := s.annotations.Write(s.b.annotationsTail()); err != nil {
		return err
	}
	if s.seen != s.total {
		return fmt.Errorf("%s: %d annotations, not the %d counted before", AnnotationsFile, s.seen, s.total)
	}
	if len(s.b.Claims) == 0 {
		return nil
	}
	w, err := claims()
	if err != nil {
		return err
	}
	if err := s.b.writeClaimReviews(w, s.where); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
