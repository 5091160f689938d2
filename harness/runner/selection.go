package runner

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/features"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// TagFilter is a parsed godog tag expression: clauses joined by "&&", each a list of tags joined
// by "," (any of them), a tag negated by a leading "~".
type TagFilter struct {
	clauses [][]tagTerm
}

type tagTerm struct {
	name   string
	negate bool
}

var tagWord = regexp.MustCompile(`^~?@?[^\s,&@~]+$`)

// ParseTags parses a tag expression ("" selects everything); a malformed one is an error that
// names the bad part, instead of godog's panic.
func ParseTags(expr string) (TagFilter, error) {
	var f TagFilter
	if strings.TrimSpace(expr) == "" {
		return f, nil
	}
	for _, clause := range strings.Split(expr, "&&") {
		var terms []tagTerm
		for _, t := range strings.Split(clause, ",") {
			t = strings.TrimSpace(t)
			if t == "" || !tagWord.MatchString(t) {
				return f, fmt.Errorf("tag expression %q: %q is not a tag (write @tag or ~@tag, joined by && and ,)", expr, t)
			}
			neg := strings.HasPrefix(t, "~")
			terms = append(terms, tagTerm{name: strings.TrimPrefix(strings.TrimPrefix(t, "~"), "@"), negate: neg})
		}
		f.clauses = append(f.clauses, terms)
	}
	return f, nil
}

// Match tells whether a scenario with these tags (with or without "@") is selected.
func (f TagFilter) Match(tags []string) bool {
	has := map[string]bool{}
	for _, t := range tags {
		has[strings.TrimPrefix(t, "@")] = true
	}
	for _, clause := range f.clauses {
		ok := false
		for _, t := range clause {
			if has[t.name] != t.negate {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// Needs is what the selected scenarios of an API need from the target.
type Needs struct {
	// Scenarios counts the selected scenarios.
	Scenarios int
	// Sets are the credential sets they authenticate with ("default" for "I am authenticated").
	Sets []string
	// Fixtures are the fixture variables (harness.yaml fixtures) they name.
	Fixtures []string
}

var authAs = regexp.MustCompile(`^I am authenticated(?: as "([^"]*)")?$`)

// ScenarioNeeds reads the features under dir and returns what the scenarios the tag expression
// selects need: credential sets and fixture variables.
func ScenarioNeeds(dir, tags string, api *spec.API) (Needs, error) {
	filter, err := ParseTags(tags)
	if err != nil {
		return Needs{}, err
	}
	sets, fixtures := map[string]bool{}, map[string]bool{}
	var n Needs
	err = features.Each(dir, func(sc features.Scenario) {
		if !filter.Match(sc.Tags()) {
			return
		}
		p := sc.Pickle
		n.Scenarios++
		for _, st := range p.Steps {
			if m := authAs.FindStringSubmatch(st.Text); m != nil {
				set := m[1]
				if set == "" {
					set = "default"
				}
				sets[set] = true
			}
			for _, text := range features.StepTexts(st) {
				for _, f := range api.Harness.Fixtures {
					if strings.Contains(text, "${"+f.Name+"}") {
						fixtures[f.Name] = true
					}
				}
			}
		}
	})
	if err != nil {
		return n, err
	}
	n.Sets, n.Fixtures = sortedKeys(sets), sortedKeys(fixtures)
	return n, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
