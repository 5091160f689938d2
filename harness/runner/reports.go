package runner

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/junit"
)

// Reports routes godog's file formats when several APIs run, each as its own godog suite: a
// junit:FILE or cucumber:FILE is written per API in a temporary folder, then merged into FILE by
// Close (JUnit: one <testsuites> holding a <testsuite> per API; cucumber: one array of every
// API's features). Other file formats (events) get one file per API, FILE-<api>.ext, as Close
// says on its notes writer.
type Reports struct {
	format  string
	several bool
	tmp     string
	// parts are the per-API files of each merged target, in the order the APIs ran.
	parts map[string][]reportPart
	// split are the per-API files of the formats that are not merged.
	split []string
}

type reportPart struct{ api, file string }

// NewReports prepares the report files of a run of one or several APIs.
func NewReports(format string, several bool) *Reports {
	return &Reports{format: format, several: several, parts: map[string][]reportPart{}}
}

// Format is the godog format of one API's suite. The folders of its files are created (a CI job
// writes results/shard-1/junit.xml into a folder nobody made).
func (r *Reports) Format(api string) (string, error) {
	for _, p := range strings.Split(r.format, ",") {
		if _, file, ok := strings.Cut(p, ":"); ok && file != "" {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				return "", fmt.Errorf("--format %s: %w", p, err)
			}
		}
	}
	if !r.several {
		return r.format, nil
	}
	parts := strings.Split(r.format, ",")
	for i, p := range parts {
		kind, file, ok := strings.Cut(p, ":")
		if !ok || file == "" {
			continue
		}
		ext := filepath.Ext(file)
		switch kind {
		case "junit", "cucumber":
			if r.tmp == "" {
				dir, err := os.MkdirTemp("", "cloudcontract-reports-")
				if err != nil {
					return "", err
				}
				r.tmp = dir
			}
			part := filepath.Join(r.tmp, fmt.Sprintf("%d-%s%s", i, api, ext))
			key := kind + ":" + file
			r.parts[key] = append(r.parts[key], reportPart{api: api, file: part})
			parts[i] = kind + ":" + part
		default:
			parts[i] = kind + ":" + strings.TrimSuffix(file, ext) + "-" + api + ext
			r.split = append(r.split, parts[i])
		}
	}
	return strings.Join(parts, ","), nil
}

// Close merges the per-API files into the files asked for, notes on notes the formats written
// one file per API, and removes the temporary folder.
// A second Close does nothing.
func (r *Reports) Close(notes io.Writer) error {
	if r.tmp != "" {
		defer os.RemoveAll(r.tmp)
	}
	merged, split := r.parts, r.split
	r.parts, r.split, r.tmp = map[string][]reportPart{}, nil, ""
	var errs []error
	for key, parts := range merged {
		kind, file, _ := strings.Cut(key, ":")
		var err error
		if kind == "junit" {
			err = mergeJUnit(file, parts)
		} else {
			err = mergeCucumber(file, parts)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", key, err))
		}
	}
	if len(split) > 0 && notes != nil {
		fmt.Fprintf(notes, "one report file per API: %s\n", strings.Join(split, ", "))
	}
	return errors.Join(errs...)
}

// PrintsToOutput tells whether a godog format writes to the run's output (a format without a
// file: progress, pretty).
func PrintsToOutput(format string) bool {
	for _, p := range strings.Split(format, ",") {
		if _, file, _ := strings.Cut(p, ":"); file == "" {
			return true
		}
	}
	return false
}

// mergeJUnit writes one <testsuites> with a <testsuite> per API; each test case keeps its
// feature as classname.
func mergeJUnit(file string, parts []reportPart) error {
	out := junit.Suites{Name: "cloudcontract"}
	var total float64
	for _, p := range parts {
		data, err := os.ReadFile(p.file)
		if os.IsNotExist(err) {
			continue // the selection held none of this API's scenarios
		}
		if err != nil {
			return err
		}
		var in junit.Suites
		if err := xml.Unmarshal(data, &in); err != nil {
			return fmt.Errorf("%s's JUnit report: %w", p.api, err)
		}
		s := junit.Suite{Name: p.api, Tests: in.Tests, Skipped: in.Skipped, Failures: in.Failures, Errors: in.Errors, Time: in.Time}
		for _, feature := range in.Suites {
			for _, c := range feature.Cases {
				c.Classname = feature.Name
				s.Cases = append(s.Cases, c)
			}
		}
		out.Suites = append(out.Suites, s)
		out.Tests += s.Tests
		out.Skipped += s.Skipped
		out.Failures += s.Failures
		out.Errors += s.Errors
		secs, _ := strconv.ParseFloat(in.Time, 64)
		total += secs
	}
	out.Time = strconv.FormatFloat(total, 'f', -1, 64)
	data, err := xml.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append([]byte(xml.Header), append(data, '\n')...), 0o644)
}

// mergeCucumber writes one array of the features of every API.
func mergeCucumber(file string, parts []reportPart) error {
	all := []json.RawMessage{}
	for _, p := range parts {
		data, err := os.ReadFile(p.file)
		if os.IsNotExist(err) {
			continue // the selection held none of this API's scenarios
		}
		if err != nil {
			return err
		}
		var features []json.RawMessage
		if err := json.Unmarshal(data, &features); err != nil {
			return fmt.Errorf("%s's cucumber report: %w", p.api, err)
		}
		all = append(all, features...)
	}
	data, err := json.MarshalIndent(all, "", "    ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(data, '\n'), 0o644)
}
