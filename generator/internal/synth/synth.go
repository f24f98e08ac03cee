// Package synth writes synthetic briefings for the benchmark: as many
// articles as asked, each about 8 KB of Markdown with 20 notes (some nested
// inside others), over a bibliography of 500 sources and 200 claims. The
// same seed gives the same files, byte for byte.
//
// It writes each briefing twice: as this tool's input (Briefing: content/
// and annotations/) and as the plain Hugo project a user would write without
// it (Plain: the same articles as Markdown with hand-placed footnotes, the
// same overview, claims and sources pages as Markdown), so that the two
// builds can be compared.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
)

// Options size a synthetic briefing. Zero fields take the benchmark's
// defaults.
type Options struct {
	Articles int    // number of articles
	Notes    int    // notes per article (default 20)
	Sources  int    // default 500
	Claims   int    // default 200
	Seed     uint64 // default 1
}

func (o Options) withDefaults() Options {
	if o.Notes == 0 {
		o.Notes = 20
	}
	if o.Sources == 0 {
		o.Sources = 500
	}
	if o.Claims == 0 {
		o.Claims = 200
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o
}

// Files is a set of files: slash-separated paths to contents.
type Files map[string][]byte

// Briefing returns the briefing folder's files: content/_index.md,
// content/methodology.md, content/articles/*.md and annotations/*.yaml.
func Briefing(o Options) Files {
	m := newModel(o.withDefaults())
	f := Files{}
	f["content/_index.md"] = []byte(m.indexMD())
	f["content/methodology.md"] = []byte("---\ntitle: How the notes were written\n---\n" + m.prose(m.rng(0, 7), 3) + "\n\n" + briefing.DefinitionList())
	f["annotations/sources.yaml"] = []byte(m.sourcesYAML())
	f["annotations/claims.yaml"] = []byte(m.claimsYAML())
	for _, a := range m.articles {
		f["content/articles/"+a.slug+".md"] = []byte(a.frontMatter() + a.markdown(nil))
		f["annotations/"+a.slug+".yaml"] = []byte(a.notesYAML())
	}
	return f
}

// Plain returns the same briefing as a plain Hugo project. It names the
// theme "briefing" without holding it: the caller copies the bundled theme
// in, so that both builds share the page chrome and stylesheet, while the
// project's own page and home layouts (which take precedence over the
// theme's) show the article and its footnotes the way plain Hugo renders
// them.
func Plain(o Options) Files {
	m := newModel(o.withDefaults())
	f := Files{}
	f["content/_index.md"] = []byte(fmt.Sprintf("---\ntitle: %q\nsummary: %q\n---\n%s\n\n## Timeline\n\n%s",
		m.title, m.summary, m.overview, m.timelineMD()))
	f["content/methodology.md"] = []byte("---\ntitle: How the notes were written\n---\n" + m.prose(m.rng(0, 7), 3) + "\n\n" + briefing.DefinitionList())
	f["content/sources.md"] = []byte(m.sourcesMD())
	f["content/claims.md"] = []byte(m.claimsMD())
	for i, a := range m.articles {
		f["content/articles/"+a.slug+".md"] = []byte(a.plainFrontMatter(i+1) + a.markdown(m) + a.footnotesMD(m))
	}
	f["hugo.json"] = []byte(plainConfig)
	for name, text := range plainLayouts {
		f[name] = []byte(text)
	}
	return f
}

// model is one synthetic briefing, from which both forms are written.
type model struct {
	o        Options
	title    string
	summary  string
	overview string
	sources  []source
	claims   []claim
	articles []*article
	timeline []event
}

type source struct {
	id, typ, family, given, title, container, url, doi string
	year, month                                        int
}

type claim struct {
	id, statement, verdict, note string
	cites                        []string
}

type event struct {
	date, text string
	cites      []string
}

type article struct {
	slug, title, outlet, url, author, summary string
	year, month, day                          int
	blocks                                    []block
	notes                                     []note
}

// block is a paragraph or a subheading, made of sentences.
type block struct {
	heading   bool
	sentences []sentence
}

// sentence is one sentence: its Markdown and the text a reader sees.
type sentence struct {
	md      string
	visible string
	inner   string // a phrase of it (number and next word) that a nested note may quote
}

type note struct {
	id, quote, kind, verdict, claim, body string
	cites                                 []string
	block, sentence                       int
	nested                                bool // quotes the sentence's inner phrase
}

var (
	kinds    = []string{"context", "fact-check", "background", "fact-check", "definition", "fact-check", "correction"}
	verdicts = []string{"accurate", "needs-context", "misleading", "inaccurate", "unsupported", "disputed"}
	outlets  = []string{"The Daily Ledger", "Harbour Times", "Northern Wire", "Evening Courier", "Metro Standard", "Coastal Herald", "Valley Post", "Capital Review"}
	words    = strings.Fields(`government ministry officials report policy migration border asylum
		refugees workers census survey data analysis region cities councils budget court ruling
		appeal decision embassy diplomats cable statement interview agency figures estimate study
		researchers university economists wages housing schools hospitals police crime rates
		arrests prisons sentences families children communities employers industry farms ports
		ships flights visas permits quotas applications backlog hearings judges lawyers ministers
		parliament committee hearing vote election campaign voters parties coalition opposition
		spokesman press release document draft memo guidance instruction review audit inspector
		average median share percent increase decrease growth decline trend record history decade
		year month week spring summer autumn winter north south east west coast inland capital`)
	verbs = strings.Fields(`said reported noted found claimed argued showed suggested estimated
		confirmed denied warned announced published described recorded counted measured`)
)

func newModel(o Options) *model {
	m := &model{o: o}
	r := m.rng(1, 0)
	m.title = "A synthetic briefing of " + fmt.Sprint(o.Articles) + " articles"
	m.summary = "Generated for the benchmark: " + m.sentencePlain(r, 14)
	m.overview = m.prose(r, 2)
	for i := range o.Sources {
		r := m.rng(2, uint64(i))
		s := source{
			id:        fmt.Sprintf("src-%04d", i+1),
			typ:       []string{"article-journal", "report", "webpage", "article-newspaper"}[i%4],
			family:    titleCase(pick(r, words)) + "son",
			given:     titleCase(pick(r, words)),
			title:     titleCase(m.sentencePlain(r, 8)),
			container: "Journal of " + titleCase(pick(r, words)) + " Studies",
			year:      2000 + r.IntN(26),
			month:     1 + r.IntN(12),
		}
		if i%3 == 0 {
			s.doi = fmt.Sprintf("10.5555/synth.%d", i+1)
		} else {
			s.url = fmt.Sprintf("https://example.org/sources/%d", i+1)
		}
		m.sources = append(m.sources, s)
	}
	for i := range o.Claims {
		r := m.rng(3, uint64(i))
		c := claim{
			id:        fmt.Sprintf("claim-%03d", i+1),
			statement: capitalize(m.sentencePlain(r, 10)) + ".",
			verdict:   verdicts[i%len(verdicts)],
			note:      m.noteText(r),
			cites:     m.cites(r),
		}
		m.claims = append(m.claims, c)
	}
	for i := range 12 {
		r := m.rng(4, uint64(i))
		m.timeline = append(m.timeline, event{
			date:  fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+(i*7)%28),
			text:  capitalize(m.sentencePlain(r, 16)) + ".",
			cites: m.cites(r),
		})
	}
	for i := range o.Articles {
		m.articles = append(m.articles, m.article(i))
	}
	return m
}

// rng returns the random source of one part of the briefing, so that each
// part is the same whatever the briefing's size.
func (m *model) rng(part, i uint64) *rand.Rand {
	return rand.New(rand.NewPCG(m.o.Seed, part<<40|i))
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = capitalize(w)
	}
	return strings.Join(f, " ")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (m *model) sentencePlain(r *rand.Rand, n int) string {
	var b []string
	for range n {
		b = append(b, pick(r, words))
	}
	return strings.Join(b, " ")
}

func (m *model) prose(r *rand.Rand, paras int) string {
	var ps []string
	for range paras {
		var ss []string
		for range 4 {
			ss = append(ss, capitalize(m.sentencePlain(r, 12))+".")
		}
		ps = append(ps, strings.Join(ss, " "))
	}
	return strings.Join(ps, "\n\n")
}

func (m *model) cites(r *rand.Rand) []string {
	var out []string
	seen := map[int]bool{}
	for range 1 + r.IntN(3) {
		i := r.IntN(len(m.sources))
		if !seen[i] {
			seen[i] = true
			out = append(out, m.sources[i].id)
		}
	}
	return out
}

// noteText is a note's Markdown: three sentences, one with emphasis and a
// link.
func (m *model) noteText(r *rand.Rand) string {
	return capitalize(m.sentencePlain(r, 14)) + ". The *" + pick(r, words) + "* " + pick(r, verbs) + " in the [" +
		pick(r, words) + " " + pick(r, words) + "](https://example.org/r/" + fmt.Sprint(r.IntN(100000)) + ") is " +
		m.sentencePlain(r, 12) + ". " + capitalize(m.sentencePlain(r, 16)) + "."
}

// article makes article i: about 8 KB of text in paragraphs and subheadings.
// Every sentence holds a number no other sentence of the article holds, so
// that a quote of a whole sentence, or of its number and the next word,
// matches exactly once.
func (m *model) article(i int) *article {
	r := m.rng(5, uint64(i))
	a := &article{
		slug:   fmt.Sprintf("article-%05d", i+1),
		title:  titleCase(m.sentencePlain(r, 7)),
		outlet: outlets[i%len(outlets)],
		// Its own address: two articles with one are an input error.
		url:     fmt.Sprintf("https://news.example.com/%d/%s-%d", 2025, strings.ReplaceAll(m.sentencePlain(r, 4), " ", "-"), i+1),
		author:  titleCase(pick(r, words) + " " + pick(r, words)),
		summary: capitalize(m.sentencePlain(r, 20)) + ".",
		year:    2025, month: 1 + i%12, day: 1 + (i/12)%28,
	}
	num := 1000
	size := 0
	for size < 8000 {
		var b block
		if len(a.blocks)%5 == 4 {
			b.heading = true
			s := capitalize(m.sentencePlain(r, 5))
			b.sentences = []sentence{{md: s, visible: s}}
			size += len(s)
			a.blocks = append(a.blocks, b)
			continue
		}
		for range 4 + r.IntN(3) {
			num += 7 + r.IntN(5)
			s := m.sentence(r, num)
			size += len(s.md) + 1
			b.sentences = append(b.sentences, s)
		}
		a.blocks = append(a.blocks, b)
	}
	// Notes: every other paragraph sentence in turn, and some nested notes on
	// a phrase inside an annotated sentence.
	var slots [][2]int
	for bi, b := range a.blocks {
		if b.heading {
			continue
		}
		for si := range b.sentences {
			slots = append(slots, [2]int{bi, si})
		}
	}
	nested := m.o.Notes * 3 / 10
	outer := m.o.Notes - nested
	step := max(1, len(slots)/max(1, outer))
	var picked [][2]int
	for k := 0; k < len(slots) && len(picked) < outer; k += step {
		picked = append(picked, slots[k])
	}
	for k, s := range picked {
		sent := a.blocks[s[0]].sentences[s[1]]
		a.notes = append(a.notes, m.note(r, len(a.notes), sent.visible, s, false))
		if k%2 == 0 && nested > 0 {
			a.notes = append(a.notes, m.note(r, len(a.notes), sent.inner, s, true))
			nested--
		}
	}
	return a
}

// sentence makes one sentence with the number num in it; some words are
// emphasised or linked, and some use a curly apostrophe, so that quotes
// exercise matching against the visible text.
func (m *model) sentence(r *rand.Rand, num int) sentence {
	n := 14 + r.IntN(8)
	at := 3 + r.IntN(n-6) // where the number goes
	var md, vis []string
	inner := ""
	for k := range n {
		w := pick(r, words)
		if k == 0 {
			w = capitalize(w)
		}
		if k == at {
			numText := fmt.Sprintf("%d,%03d", num/1000, num%1000)
			next := pick(r, words)
			md = append(md, numText, next)
			vis = append(vis, numText, next)
			inner = numText + " " + next
			continue
		}
		switch r.IntN(20) {
		case 0:
			md, vis = append(md, "*"+w+"*"), append(vis, w)
		case 1:
			md, vis = append(md, "["+w+"](https://example.org/l/"+fmt.Sprint(r.IntN(1000))+")"), append(vis, w)
		case 2:
			md, vis = append(md, w+"’s"), append(vis, w+"’s")
		default:
			md, vis = append(md, w), append(vis, w)
		}
	}
	return sentence{md: strings.Join(md, " ") + ".", visible: strings.Join(vis, " ") + ".", inner: inner}
}

func (m *model) note(r *rand.Rand, k int, quote string, at [2]int, nested bool) note {
	n := note{
		id:       fmt.Sprintf("n%02d", k+1),
		quote:    strings.ReplaceAll(quote, "’", "'"), // typed with a straight apostrophe
		kind:     kinds[k%len(kinds)],
		body:     m.noteText(r),
		cites:    m.cites(r),
		block:    at[0],
		sentence: at[1],
		nested:   nested,
	}
	if n.kind == "fact-check" {
		n.verdict = verdicts[r.IntN(len(verdicts))]
		if len(m.claims) > 0 && r.IntN(2) == 0 {
			n.claim = m.claims[r.IntN(len(m.claims))].id
		}
	}
	return n
}

func yamlQuote(s string) string { return fmt.Sprintf("%q", s) }

func (m *model) indexMD() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\ntimeline:\n", yamlQuote(m.title), yamlQuote(m.summary))
	for _, e := range m.timeline {
		fmt.Fprintf(&b, "  - date: %s\n    text: %s\n    cites: [%s]\n", e.date, yamlQuote(e.text), strings.Join(e.cites, ", "))
	}
	b.WriteString("---\n" + m.overview + "\n")
	return b.String()
}

func (m *model) timelineMD() string {
	var b strings.Builder
	for _, e := range m.timeline {
		fmt.Fprintf(&b, "- **%s** %s %s\n", e.date, e.text, m.citesMD(e.cites, ""))
	}
	return b.String()
}

func (m *model) sourcesYAML() string {
	var b strings.Builder
	b.WriteString("references:\n")
	for _, s := range m.sources {
		fmt.Fprintf(&b, "  - id: %s\n    type: %s\n    author: [{family: %s, given: %s}]\n    issued: {date-parts: [[%d, %d]]}\n    title: %s\n    container-title: %s\n",
			s.id, s.typ, s.family, s.given, s.year, s.month, yamlQuote(s.title), yamlQuote(s.container))
		if s.doi != "" {
			fmt.Fprintf(&b, "    DOI: %s\n", yamlQuote(s.doi))
		} else {
			fmt.Fprintf(&b, "    URL: %s\n", s.url)
		}
	}
	return b.String()
}

func (m *model) claimsYAML() string {
	var b strings.Builder
	b.WriteString("claims:\n")
	for _, c := range m.claims {
		fmt.Fprintf(&b, "  - id: %s\n    statement: %s\n    verdict: %s\n    note: |\n      %s\n    cites: [%s]\n",
			c.id, yamlQuote(c.statement), c.verdict, c.note, strings.Join(c.cites, ", "))
	}
	return b.String()
}

func (a *article) frontMatter() string {
	return fmt.Sprintf("---\ntitle: %s\noutlet: %s\nurl: %s\npublished: %04d-%02d-%02d\nauthor: %s\nrelies_on: [Reuters]\nsummary: %s\n---\n",
		yamlQuote(a.title), yamlQuote(a.outlet), a.url, a.year, a.month, a.day, yamlQuote(a.author), yamlQuote(a.summary))
}

// markdown is the article's body. With m set it carries footnote markers
// after each annotated passage, as a writer would place them by hand.
func (a *article) markdown(m *model) string {
	var b strings.Builder
	for bi, blk := range a.blocks {
		if bi > 0 {
			b.WriteString("\n")
		}
		if blk.heading {
			b.WriteString("## " + blk.sentences[0].md + "\n")
			continue
		}
		for si, s := range blk.sentences {
			if si > 0 {
				b.WriteString(" ")
			}
			md := s.md
			if m != nil {
				var outer, inner []string
				for _, n := range a.notes {
					if n.block == bi && n.sentence == si {
						if n.nested {
							inner = append(inner, "[^"+n.id+"]")
						} else {
							outer = append(outer, "[^"+n.id+"]")
						}
					}
				}
				if len(inner) > 0 {
					md = strings.Replace(md, s.inner, s.inner+strings.Join(inner, ""), 1)
				}
				md += strings.Join(outer, "")
			}
			b.WriteString(md)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (a *article) notesYAML() string {
	var b strings.Builder
	b.WriteString("notes:\n")
	for _, n := range a.notes {
		fmt.Fprintf(&b, "  - id: %s\n    quote: %s\n    kind: %s\n", n.id, yamlQuote(n.quote), n.kind)
		if n.verdict != "" {
			fmt.Fprintf(&b, "    verdict: %s\n", n.verdict)
		}
		if n.claim != "" {
			fmt.Fprintf(&b, "    claim: %s\n", n.claim)
		}
		fmt.Fprintf(&b, "    note: |\n      %s\n    cites: [%s]\n\n", n.body, strings.Join(n.cites, ", "))
	}
	return b.String()
}

func (a *article) plainFrontMatter(weight int) string {
	return fmt.Sprintf("---\ntitle: %s\ndate: %04d-%02d-%02d\nweight: %d\nparams:\n  outlet: %s\n  url: %s\n  author: %s\n  relies_on: [Reuters]\n  summary: %s\n---\n",
		yamlQuote(a.title), a.year, a.month, a.day, weight, yamlQuote(a.outlet), a.url, yamlQuote(a.author), yamlQuote(a.summary))
}

// footnotesMD writes each note as a footnote: its kind and verdict, its
// text, its sources and its claim, the content the annotated page shows.
func (a *article) footnotesMD(m *model) string {
	var b strings.Builder
	for _, n := range a.notes {
		label := titleCase(strings.ReplaceAll(n.kind, "-", " "))
		if n.verdict != "" {
			label += ": " + n.verdict
		}
		fmt.Fprintf(&b, "\n[^%s]: **%s.** %s", n.id, label, n.body)
		if c := m.citesMD(n.cites, "../"); c != "" {
			b.WriteString(" " + c)
		}
		if n.claim != "" {
			for _, c := range m.claims {
				if c.id == n.claim {
					fmt.Fprintf(&b, " Claim: [%s](../claims.html#%s).", strings.TrimSuffix(c.statement, "."), c.id)
				}
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (m *model) citesMD(ids []string, root string) string {
	var parts []string
	for _, id := range ids {
		for _, s := range m.sources {
			if s.id == id {
				parts = append(parts, fmt.Sprintf("[%s %d](%ssources.html#%s)", s.family, s.year, root, s.id))
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Sources: " + strings.Join(parts, "; ") + "."
}

func (m *model) sourcesMD() string {
	var b strings.Builder
	b.WriteString("---\ntitle: Sources\n---\n")
	for _, s := range m.sources {
		link := s.url
		if s.doi != "" {
			link = "https://doi.org/" + s.doi
		}
		fmt.Fprintf(&b, "\n### %s, %s (%d) {#%s}\n\n“%s.” *%s*. <%s>\n", s.family, s.given, s.year, s.id, s.title, s.container, link)
	}
	return b.String()
}

func (m *model) claimsMD() string {
	var b strings.Builder
	b.WriteString("---\ntitle: Claims\n---\n")
	for _, c := range m.claims {
		fmt.Fprintf(&b, "\n## %s {#%s}\n\n**%s.** %s %s\n", strings.TrimSuffix(c.statement, "."), c.id, c.verdict, c.note, m.citesMD(c.cites, ""))
	}
	return b.String()
}
