package runner

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"

	"github.com/cloudcontract/cloudcontract/harness/features"
)

// A selection of scenarios: feature files or folders (godog's paths, each file optionally with
// ":LINE"), and a regular expression their names must match. It becomes godog paths of the form
// file:LINE, LINE being the line of a scenario (or outline) keyword, which godog filters on.

// splitLine separates "file.feature:42" into the file and the line (0 when there is none).
func splitLine(p string) (string, int, error) {
	i := strings.LastIndex(p, ":")
	if i < 0 || !strings.HasSuffix(p[:i], ".feature") {
		return p, 0, nil
	}
	n, err := strconv.Atoi(p[i+1:])
	if err != nil || n < 1 {
		return "", 0, fmt.Errorf("%s: %q is not a line number", p, p[i+1:])
	}
	return p[:i], n, nil
}

// pathsByAPI checks that each path exists under featuresDir/<api>/ and groups the paths by API,
// the APIs in the order they first appear.
func pathsByAPI(featuresDir string, paths []string) (map[string][]string, []string, error) {
	root, err := filepath.Abs(featuresDir)
	if err != nil {
		return nil, nil, err
	}
	by := map[string][]string{}
	var order []string
	for _, p := range paths {
		file, _, err := splitLine(p)
		if err != nil {
			return nil, nil, err
		}
		if _, err := os.Stat(file); err != nil {
			if fi, err := os.Stat(filepath.Join(featuresDir, file)); err == nil && fi.IsDir() {
				return nil, nil, fmt.Errorf("%s: no such feature file or folder (to select an API, use --api %s)", file, file)
			}
			return nil, nil, fmt.Errorf("%s: no such feature file or folder", file)
		}
		abs, err := filepath.Abs(file)
		if err != nil {
			return nil, nil, err
		}
		rel, err := filepath.Rel(root, abs)
		api, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		if err != nil || api == "" || api == "." || api == ".." {
			return nil, nil, fmt.Errorf("%s is not in a folder of an API under %s (e.g. %s)", p, featuresDir, filepath.Join(featuresDir, "ukcloud", "billing.feature:7"))
		}
		if _, ok := by[api]; !ok {
			order = append(order, api)
		}
		by[api] = append(by[api], p)
	}
	return by, order, nil
}

// PathsByAPI groups feature paths (see Config.Paths) by API, and returns the APIs in the order
// they first appear, or an error naming a path that is not a feature of an API.
func PathsByAPI(featuresDir string, paths []string) (map[string][]string, []string, error) {
	return pathsByAPI(featuresDir, paths)
}

// godogPaths turns the selection of one API into godog paths: nil when nothing is selected.
// Without a line or a name, the paths are given as they are.
func godogPaths(paths []string, name *regexp.Regexp) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		file, line, err := splitLine(p)
		if err != nil {
			return nil, err
		}
		if line == 0 && name == nil {
			add(p)
			continue
		}
		var files []string
		err = filepath.WalkDir(file, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".feature") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			scenarios, err := scenariosOf(f)
			if err != nil {
				return nil, err
			}
			if line > 0 {
				sc := scenarioAt(scenarios, line)
				if sc == nil {
					return nil, fmt.Errorf("%s: line %d is before the first scenario of %s", p, line, f)
				}
				scenarios = []scenarioLine{*sc}
			}
			for _, sc := range scenarios {
				if name == nil || sc.matches(name) {
					add(fmt.Sprintf("%s:%d", f, sc.line))
				}
			}
		}
	}
	return out, nil
}

// scenarioLine is a scenario (or outline) of a feature file: the line of its keyword, and the
// names of its pickles (an outline has one per example, its placeholders filled).
type scenarioLine struct {
	line  int
	names []string
}

func (s scenarioLine) matches(re *regexp.Regexp) bool {
	for _, n := range s.names {
		if re.MatchString(n) {
			return true
		}
	}
	return false
}

// scenarioAt is the scenario whose lines hold line: the last one starting at or before it.
func scenarioAt(scenarios []scenarioLine, line int) *scenarioLine {
	var at *scenarioLine
	for i := range scenarios {
		if scenarios[i].line <= line {
			at = &scenarios[i]
		}
	}
	return at
}

// scenariosOf parses a feature file into its scenarios, in order.
func scenariosOf(path string) ([]scenarioLine, error) {
	doc, ids, err := features.Parse(path)
	if err != nil {
		return nil, err
	}
	if doc.Feature == nil {
		return nil, nil
	}
	lineOf := map[string]int{}
	var out []scenarioLine
	var walk func(children []*messages.FeatureChild, rules []*messages.RuleChild)
	addScenario := func(sc *messages.Scenario) {
		if sc == nil {
			return
		}
		lineOf[sc.Id] = len(out)
		out = append(out, scenarioLine{line: int(sc.Location.Line)})
	}
	walk = func(children []*messages.FeatureChild, rules []*messages.RuleChild) {
		for _, c := range children {
			addScenario(c.Scenario)
			if c.Rule != nil {
				walk(nil, c.Rule.Children)
			}
		}
		for _, c := range rules {
			addScenario(c.Scenario)
		}
	}
	walk(doc.Feature.Children, nil)
	for _, p := range gherkin.Pickles(*doc, path, ids.NewId) {
		if i, ok := lineOf[p.AstNodeIds[0]]; ok {
			out[i].names = append(out[i].names, p.Name)
		}
	}
	return out, nil
}
