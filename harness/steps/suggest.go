package steps

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"

	"github.com/cloudcontract/cloudcontract/harness/features"
)

// compiled is the vocabulary, compiled once.
var compiled = sync.OnceValue(func() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, p := range Vocabulary() {
		out = append(out, regexp.MustCompile(p))
	}
	return out
})

// Defined tells whether a step text (placeholders filled, keyword left out) matches a step of the
// vocabulary.
func Defined(text string) bool {
	for _, re := range compiled() {
		if re.MatchString(text) {
			return true
		}
	}
	return false
}

// Suggest returns the patterns of the vocabulary closest to a step text that none matches, best
// first: those within a few edits of the best, at most n. Quoted values and numbers are compared
// as placeholders, so a suggestion is about the wording, not the values.
func Suggest(text string, n int) []string {
	want := sketchText(text)
	type scored struct {
		pattern string
		dist    int
	}
	var all []scored
	for _, p := range Vocabulary() {
		all = append(all, scored{p, distance(want, sketchPattern(p))})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].dist < all[j].dist })
	var out []string
	for _, s := range all {
		if len(out) == n || (len(out) > 0 && s.dist > all[0].dist+2) {
			break
		}
		out = append(out, s.pattern)
	}
	return out
}

var (
	quotedRe   = regexp.MustCompile(`"[^"]*"`)
	numberRe   = regexp.MustCompile(`\b\d+\b`)
	methodRe   = regexp.MustCompile(`\b(GET|POST|PUT|DELETE|PATCH|HEAD)\b`)
	groupRe    = regexp.MustCompile(`\(([^()|]*)(\|[^()]*)?\)(\?)?`)
	optionalRe = regexp.MustCompile(`(\w)\?`)
)

// sketchText reduces a step text to its wording: values become placeholders.
func sketchText(text string) string {
	text = quotedRe.ReplaceAllString(text, `"_"`)
	text = numberRe.ReplaceAllString(text, "0")
	return methodRe.ReplaceAllString(text, "GET")
}

// sketchPattern reduces a step pattern to the wording of the steps it matches.
func sketchPattern(p string) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "^"), "$")
	for _, r := range []struct{ from, to string }{
		{`"?([^"]*?)"?`, `"_"`}, {`"([^"]*)"`, `"_"`}, {`(\d+)`, "0"}, {`(\d{3})`, "0"}, {`(\d+(?:\.\d+)?)`, "0"},
	} {
		p = strings.ReplaceAll(p, r.from, r.to)
	}
	for {
		q := groupRe.ReplaceAllStringFunc(p, func(g string) string {
			m := groupRe.FindStringSubmatch(g)
			if m[3] == "?" {
				return "" // an optional group: the shorter wording
			}
			return m[1] // the first alternative
		})
		if q == p {
			break
		}
		p = q
	}
	p = optionalRe.ReplaceAllString(p, "$1")
	return methodRe.ReplaceAllString(p, "GET")
}

// distance is the Levenshtein distance between two strings, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// UndefinedStep is a step of a feature file that no pattern of the vocabulary matches. As an
// error, it is the failure of the scenario holding it.
type UndefinedStep struct {
	File string
	Line int
	// Keyword and Text are the step as written, Text with an outline's placeholders filled.
	Keyword, Text string
	// Suggestions are the closest patterns of the vocabulary.
	Suggestions []string
}

// Error implements error: "undefined step at FILE:LINE: TEXT; did you mean: PATTERN".
func (u *UndefinedStep) Error() string {
	msg := fmt.Sprintf("undefined step at %s:%d: %s%s", u.File, u.Line, u.Keyword, u.Text)
	if len(u.Suggestions) > 0 {
		msg += "; did you mean: " + strings.Join(u.Suggestions, " or ")
	}
	return msg
}

// UndefinedSteps parses a feature file and returns its undefined steps in order, each step of an
// outline once per distinct text.
func UndefinedSteps(path string) ([]*UndefinedStep, error) {
	doc, ids, err := features.Parse(path)
	if err != nil {
		return nil, err
	}
	if doc.Feature == nil {
		return nil, nil
	}
	byID := map[string]*messages.Step{}
	addSteps := func(ss []*messages.Step) {
		for _, s := range ss {
			byID[s.Id] = s
		}
	}
	for _, c := range doc.Feature.Children {
		switch {
		case c.Background != nil:
			addSteps(c.Background.Steps)
		case c.Scenario != nil:
			addSteps(c.Scenario.Steps)
		case c.Rule != nil:
			for _, rc := range c.Rule.Children {
				if rc.Background != nil {
					addSteps(rc.Background.Steps)
				}
				if rc.Scenario != nil {
					addSteps(rc.Scenario.Steps)
				}
			}
		}
	}
	var out []*UndefinedStep
	seen := map[string]bool{}
	for _, p := range gherkin.Pickles(*doc, path, ids.NewId) {
		for _, ps := range p.Steps {
			s := byID[ps.AstNodeIds[0]]
			if s == nil || Defined(ps.Text) {
				continue
			}
			key := fmt.Sprintf("%d %s", s.Location.Line, ps.Text)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, &UndefinedStep{File: path, Line: int(s.Location.Line), Keyword: s.Keyword, Text: ps.Text, Suggestions: Suggest(ps.Text, 3)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out, nil
}
