// Package features reads Gherkin feature files: every scenario of a folder, with outlines
// expanded, its tags (the feature's included) and the line it starts on. The runner, the preflight's
// selection and lint read features through it.
package features

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"
)

// Scenario is one scenario as it runs (an outline row is a scenario of its own).
type Scenario struct {
	// File is the feature file; Line the line of the scenario (of its example row for an
	// outline).
	File string
	Line int64
	// Pickle is the scenario with its steps and tags.
	Pickle *messages.Pickle
}

// Tags returns the scenario's tags, with their "@".
func (s Scenario) Tags() []string {
	out := make([]string, len(s.Pickle.Tags))
	for i, t := range s.Pickle.Tags {
		out[i] = t.Name
	}
	return out
}

// HasTag tells whether the scenario carries tag (with its "@").
func (s Scenario) HasTag(tag string) bool {
	for _, t := range s.Pickle.Tags {
		if t.Name == tag {
			return true
		}
	}
	return false
}

// StepTexts returns the text of a step with its doc string and table cells.
func StepTexts(st *messages.PickleStep) []string {
	out := []string{st.Text}
	if st.Argument != nil {
		if d := st.Argument.DocString; d != nil {
			out = append(out, d.Content)
		}
		if t := st.Argument.DataTable; t != nil {
			for _, r := range t.Rows {
				for _, c := range r.Cells {
					out = append(out, c.Value)
				}
			}
		}
	}
	return out
}

// Parse reads a feature file into its Gherkin document, with the id generator its pickles must
// share; a file that does not parse is an error naming it, its line and column, on one line.
func Parse(path string) (*messages.GherkinDocument, *messages.Incrementing, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	ids := &messages.Incrementing{}
	doc, err := gherkin.ParseGherkinDocument(f, ids.NewId)
	if err != nil {
		return nil, nil, fmt.Errorf("feature file %s: %v", path, strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	return doc, ids, nil
}

// Each calls fn with every scenario of the .feature files under dir, file by file in lexical
// order; a file that does not parse is an error naming it, its line and column.
func Each(dir string, fn func(Scenario)) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".feature") {
			return nil
		}
		doc, ids, err := Parse(path)
		if err != nil {
			return err
		}
		lines := lineIndex(doc)
		for _, p := range gherkin.Pickles(*doc, path, ids.NewId) {
			line := int64(0)
			for i := len(p.AstNodeIds) - 1; i >= 0 && line == 0; i-- {
				line = lines[p.AstNodeIds[i]]
			}
			fn(Scenario{File: path, Line: line, Pickle: p})
		}
		return nil
	})
}

// lineIndex maps the ids of scenarios and example rows to their lines.
func lineIndex(doc *messages.GherkinDocument) map[string]int64 {
	out := map[string]int64{}
	if doc.Feature == nil {
		return out
	}
	add := func(sc *messages.Scenario) {
		if sc == nil {
			return
		}
		out[sc.Id] = sc.Location.Line
		for _, ex := range sc.Examples {
			for _, row := range ex.TableBody {
				out[row.Id] = row.Location.Line
			}
		}
	}
	for _, c := range doc.Feature.Children {
		add(c.Scenario)
		if c.Rule != nil {
			for _, rc := range c.Rule.Children {
				add(rc.Scenario)
			}
		}
	}
	return out
}
