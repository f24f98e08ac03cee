package render

import (
	"fmt"
	"html"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
)

// ShortAuthor is the author part of an author-date citation: one family
// name, two joined by "and", or the first followed by "et al.". A source
// with no author falls back to its container, publisher or title.
func ShortAuthor(s *briefing.Source) string {
	names := s.Author
	if len(names) == 0 {
		names = s.Editor
	}
	name := func(n briefing.Name) string {
		if n.Literal != "" {
			return n.Literal
		}
		if n.Particle != "" {
			return n.Particle + " " + n.Family
		}
		return n.Family
	}
	switch {
	case len(names) == 1:
		return name(names[0])
	case len(names) == 2:
		return name(names[0]) + " and " + name(names[1])
	case len(names) > 2:
		return name(names[0]) + " et al."
	case s.ContainerTitle != "":
		return s.ContainerTitle
	case s.Publisher != "":
		return s.Publisher
	}
	t := s.Title
	if r := []rune(t); len(r) > 40 {
		t = string(r[:40]) + "…"
	}
	return t
}

// CiteLabels returns the author-date label of every source ("Light et al.
// 2020"), with a, b, … added to the year where two sources would read alike.
func CiteLabels(sources []*briefing.Source) map[string]string {
	base := make(map[string]string, len(sources))
	count := map[string]int{}
	for _, s := range sources {
		year := "n.d."
		if s.Issued != nil {
			year = fmt.Sprint(s.Issued.Year)
		}
		l := ShortAuthor(s) + " " + year
		base[s.ID] = l
		count[l]++
	}
	out := make(map[string]string, len(sources))
	seen := map[string]int{}
	for _, s := range sources {
		l := base[s.ID]
		if count[l] > 1 {
			out[s.ID] = l + string(rune('a'+seen[l]))
			seen[l]++
			continue
		}
		out[s.ID] = l
	}
	return out
}

// Reference formats a full bibliography entry in an author-date style close
// to APA, as HTML.
func Reference(s *briefing.Source) string {
	var b strings.Builder
	esc := html.EscapeString
	authors := formatNames(s.Author)
	if authors == "" && len(s.Editor) > 0 {
		authors = formatNames(s.Editor) + " (Ed.)"
	}
	date := "n.d."
	if s.Issued != nil {
		date = fmt.Sprint(s.Issued.Year)
		if s.Issued.Month > 0 && (s.Type == "article-newspaper" || s.Type == "webpage" || s.Type == "post" ||
			s.Type == "post-weblog" || s.Type == "article-magazine" || s.Type == "speech" || s.Type == "broadcast") {
			date += ", " + s.Issued.MonthDay()
		}
	}
	if authors != "" {
		b.WriteString(esc(authors))
		b.WriteString(" (" + esc(strings.TrimSpace(date)) + "). ")
	}
	title := esc(s.Title)
	if s.ContainerTitle == "" {
		title = "<cite>" + title + "</cite>"
	}
	b.WriteString(title)
	if !strings.HasSuffix(s.Title, ".") && !strings.HasSuffix(s.Title, "?") && !strings.HasSuffix(s.Title, "!") {
		b.WriteString(".")
	}
	if s.Genre != "" || s.Number != "" {
		extra := strings.TrimSpace(s.Genre + " " + s.Number)
		b.WriteString(" [" + esc(extra) + "]")
	}
	if authors == "" {
		b.WriteString(" (" + esc(strings.TrimSpace(date)) + ").")
	}
	if s.ContainerTitle != "" {
		b.WriteString(" <cite>" + esc(s.ContainerTitle) + "</cite>")
		if s.Volume != "" {
			b.WriteString(", " + esc(s.Volume))
			if s.Issue != "" {
				b.WriteString("(" + esc(s.Issue) + ")")
			}
		}
		if s.Page != "" {
			b.WriteString(", " + esc(s.Page))
		}
		b.WriteString(".")
	}
	if s.Publisher != "" && s.Publisher != authors && s.Publisher != s.ContainerTitle {
		b.WriteString(" " + esc(s.Publisher) + ".")
	}
	if s.DOI != "" {
		u := "https://doi.org/" + s.DOI
		b.WriteString(` <a class="ref-addr" href="` + esc(u) + `">` + esc(u) + `</a>`)
	} else if s.URL != "" {
		b.WriteString(` <a class="ref-addr" href="` + esc(s.URL) + `">` + esc(s.URL) + `</a>`)
	}
	if s.Accessed != nil {
		b.WriteString(" (accessed " + esc(s.Accessed.Long()) + ")")
	}
	return b.String()
}

func formatNames(names []briefing.Name) string {
	var parts []string
	for _, n := range names {
		if n.Literal != "" {
			parts = append(parts, n.Literal)
			continue
		}
		fam := n.Family
		if n.Particle != "" {
			fam = n.Particle + " " + fam
		}
		p := fam
		if n.Given != "" {
			p += ", " + initials(n.Given)
		}
		if n.Suffix != "" {
			p += ", " + n.Suffix
		}
		parts = append(parts, p)
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return parts[0] + ", & " + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", & " + parts[len(parts)-1]
}

func initials(given string) string {
	var out []string
	for _, w := range strings.Fields(given) {
		var sub []string
		for _, h := range strings.Split(w, "-") {
			r := []rune(h)
			if len(r) == 0 {
				continue
			}
			if len(r) <= 2 && strings.HasSuffix(h, ".") {
				sub = append(sub, h)
				continue
			}
			sub = append(sub, string(r[0])+".")
		}
		out = append(out, strings.Join(sub, "-"))
	}
	return strings.Join(out, " ")
}
