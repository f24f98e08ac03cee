package render

import (
	"strings"

	"github.com/briefing/annotated/generator/internal/briefing"
)

// The sources page groups the sources by kind (stage's sourcesPage), each
// group's id group-<key>. A source's group is named by its CSL keyword when that holds one of these
// words (a Zotero tag exports as a keyword), and otherwise follows from its
// CSL type: CSL has no type for "official", and a report or a web page may
// be a study, an agency's statistics or a campaign's release.
var SourceGroups = []struct {
	Key, Title string
	Types      []string
}{
	{"study", "Studies and research", []string{"article-journal", "article", "book", "chapter", "thesis",
		"paper-conference", "manuscript", "report", "review", "review-book"}},
	{"official", "Official statistics and documents", []string{"legislation", "legal_case", "bill", "hearing",
		"regulation", "treaty", "standard", "patent", "dataset"}},
	{"news", "News reports", []string{"article-newspaper", "article-magazine", "broadcast", "interview", "periodical"}},
	{"statement", "Speeches, statements and posts", []string{"speech", "post", "post-weblog", "personal_communication"}},
	{"other", "Web pages and other sources", nil},
}

// SourceGroup returns the key of s's group.
func SourceGroup(s *briefing.Source) string {
	for _, kw := range strings.FieldsFunc(s.Other["keyword"], func(r rune) bool { return r == ',' || r == ';' }) {
		kw = strings.ToLower(strings.TrimSpace(kw))
		for _, g := range SourceGroups {
			if kw == g.Key {
				return g.Key
			}
		}
	}
	for _, g := range SourceGroups {
		for _, t := range g.Types {
			if s.Type == t {
				return g.Key
			}
		}
	}
	return "other"
}

// groupIDs are the ids of the sources page's groups, in order.
func groupIDs() []string {
	ids := make([]string, len(SourceGroups))
	for i, g := range SourceGroups {
		ids[i] = "group-" + g.Key
	}
	return ids
}
