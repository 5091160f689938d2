package lint

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/features"
	"github.com/cloudcontract/cloudcontract/harness/steps"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// featureFiles lists the .feature files under dir, sorted.
func featureFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".feature") {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

// Features reports every undefined step of the feature files under dir (one API's folder): a
// step no pattern of the vocabulary matches fails its scenario, so it is an error, given with
// the closest patterns.
func Features(dir string) ([]Finding, error) {
	files, err := featureFiles(dir)
	if err != nil {
		return nil, err
	}
	var out []Finding
	for _, f := range files {
		undefined, err := steps.UndefinedSteps(f)
		if err != nil {
			out = append(out, Finding{Severity: Error, File: f, Where: "feature", Message: err.Error()})
			continue
		}
		for _, u := range undefined {
			msg := "undefined step: " + u.Keyword + u.Text
			if len(u.Suggestions) > 0 {
				msg += "; did you mean: " + strings.Join(u.Suggestions, " or ")
			}
			out = append(out, Finding{Severity: Error, File: f, Where: fmt.Sprintf("line %d", u.Line), Message: msg})
		}
	}
	return out, nil
}

// Orphans reports the cassettes under cassetteDir whose scenario no longer exists in the feature
// files under featureDir (a scenario renamed or removed, a feature file renamed): replay never
// reads them, and coverage would count what they exercise.
func Orphans(featureDir, cassetteDir string) ([]Finding, error) {
	files, err := featureFiles(featureDir)
	if err != nil {
		return nil, err
	}
	// The cassettes of a feature live in a folder named after the file, one per scenario name.
	wanted := map[string]bool{}
	features := map[string]string{}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		features[base] = f
		names, err := scenarioNames(f)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			wanted[filepath.Join(base, vcr.Slug(n)+".yaml")] = true
		}
	}
	var out []Finding
	err = filepath.WalkDir(cassetteDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if d.IsDir() && p != cassetteDir {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(name, ".yaml") {
			return nil
		}
		rel, err := filepath.Rel(cassetteDir, p)
		if err != nil {
			return err
		}
		scenario := strings.TrimSuffix(rel, ".callbacks.yaml")
		if scenario != rel {
			scenario += ".yaml"
		}
		if wanted[scenario] {
			return nil
		}
		base := filepath.Dir(scenario)
		msg := fmt.Sprintf("orphan: no feature file %s.feature in %s; delete the cassette or restore the feature", base, featureDir)
		if f, ok := features[base]; ok {
			msg = fmt.Sprintf("orphan: no scenario of %s is named so (renamed or removed?); delete the cassette, or record the renamed scenario", f)
		}
		out = append(out, Finding{Severity: Error, File: p, Where: "cassette", Message: msg})
		return nil
	})
	if os.IsNotExist(err) {
		return nil, nil
	}
	return out, err
}

// scenarioNames are the names of the scenarios of a feature file, an outline's once per example.
func scenarioNames(path string) ([]string, error) {
	var out []string
	err := features.Each(path, func(sc features.Scenario) { out = append(out, sc.Pickle.Name) })
	return out, err
}
