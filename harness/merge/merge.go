// Package merge joins the reports of the parts of a split run (run --shard i/n on several
// machines) into what one run would have written: JUnit, Cucumber JSON, the failures of
// --format json:FILE, and the cassettes a recording run wrote (from which coverage is computed
// again). Files are recognised by their content, so each part may name its files as it likes.
package merge

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/junit"
)

// Kind of report file.
type Kind string

// The kinds merge knows.
const (
	JUnit    Kind = "junit"
	Cucumber Kind = "cucumber"
	Failures Kind = "failures"
)

// Inputs are the report files and cassette folders found in the parts' outputs.
type Inputs struct {
	Files     map[Kind][]string
	Cassettes []string // folders named "cassettes"
}

// Find walks each part's output (a folder, or a single file) and sorts what it finds by kind.
// A file merge cannot read is an error naming it.
func Find(parts []string) (Inputs, error) {
	in := Inputs{Files: map[Kind][]string{}}
	for _, p := range parts {
		fi, err := os.Stat(p)
		if err != nil {
			return in, err
		}
		if !fi.IsDir() {
			k, err := kindOf(p)
			if err != nil {
				return in, err
			}
			in.Files[k] = append(in.Files[k], p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if d.Name() == "cassettes" && path != p {
					in.Cassettes = append(in.Cassettes, path)
					return filepath.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".xml", ".json", ".jsonl":
			default:
				return nil
			}
			k, err := kindOf(path)
			if err != nil {
				return nil // another file of the output (a results.json, ...): not a report merge joins
			}
			in.Files[k] = append(in.Files[k], path)
			return nil
		})
		if err != nil {
			return in, err
		}
	}
	for k := range in.Files {
		sort.Strings(in.Files[k])
	}
	sort.Strings(in.Cassettes)
	return in, nil
}

func kindOf(path string) (Kind, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	t := bytes.TrimSpace(data)
	switch {
	case bytes.Contains(t[:min(len(t), 200)], []byte("<testsuites")):
		return JUnit, nil
	case strings.HasSuffix(path, ".jsonl") || bytes.HasPrefix(t, []byte("{")):
		return Failures, nil
	case bytes.HasPrefix(t, []byte("[")):
		return Cucumber, nil
	}
	return "", fmt.Errorf("%s: neither JUnit XML, Cucumber JSON nor failures (JSON lines)", path)
}

// MergeJUnit joins JUnit files: test suites of the same name become one, their test cases in
// order of class and name; every count and time is summed again.
func MergeJUnit(files []string) ([]byte, error) {
	out := junit.Suites{}
	suites := map[string]*junit.Suite{}
	var order []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var in junit.Suites
		if err := xml.Unmarshal(data, &in); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		if out.Name == "" {
			out.Name = in.Name
		}
		for _, s := range in.Suites {
			m, ok := suites[s.Name]
			if !ok {
				m = &junit.Suite{Name: s.Name}
				suites[s.Name] = m
				order = append(order, s.Name)
			}
			m.Cases = append(m.Cases, s.Cases...)
		}
	}
	sort.Strings(order)
	var total float64
	for _, name := range order {
		s := suites[name]
		sort.SliceStable(s.Cases, func(i, j int) bool {
			if s.Cases[i].Classname != s.Cases[j].Classname {
				return s.Cases[i].Classname < s.Cases[j].Classname
			}
			return s.Cases[i].Name < s.Cases[j].Name
		})
		var t float64
		for _, c := range s.Cases {
			s.Tests++
			switch c.Status {
			case "failed":
				s.Failures++
			case "skipped", "pending", "undefined":
				s.Skipped++
			}
			if bytes.Contains(c.Inner, []byte("<error")) {
				s.Errors++
			}
			v, _ := strconv.ParseFloat(c.Time, 64)
			t += v
		}
		s.Time = strconv.FormatFloat(t, 'f', 9, 64)
		total += t
		out.Tests += s.Tests
		out.Skipped += s.Skipped
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Suites = append(out.Suites, *s)
	}
	out.Time = strconv.FormatFloat(total, 'f', 9, 64)
	data, err := xml.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(data, '\n')...), nil
}

var lineSuffix = regexp.MustCompile(`:\d+$`)

// MergeCucumber joins Cucumber JSON files: the features of one file (a part selected by line
// names it file:LINE) become one, their scenarios in order of line.
func MergeCucumber(files []string) ([]byte, error) {
	byURI := map[string]map[string]any{}
	var order []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var feats []map[string]any
		if err := json.Unmarshal(data, &feats); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		for _, ft := range feats {
			uri, _ := ft["uri"].(string)
			uri = lineSuffix.ReplaceAllString(uri, "")
			ft["uri"] = uri
			m, ok := byURI[uri]
			if !ok {
				byURI[uri] = ft
				order = append(order, uri)
				continue
			}
			a, _ := m["elements"].([]any)
			b, _ := ft["elements"].([]any)
			m["elements"] = append(a, b...)
		}
	}
	sort.Strings(order)
	out := make([]map[string]any, 0, len(order))
	for _, uri := range order {
		ft := byURI[uri]
		els, _ := ft["elements"].([]any)
		sort.SliceStable(els, func(i, j int) bool {
			li, lj := lineOf(els[i]), lineOf(els[j])
			if li != lj {
				return li < lj
			}
			return nameOf(els[i]) < nameOf(els[j])
		})
		out = append(out, ft)
	}
	return json.MarshalIndent(out, "", "    ")
}

func lineOf(v any) float64 {
	m, _ := v.(map[string]any)
	f, _ := m["line"].(float64)
	return f
}

func nameOf(v any) string {
	m, _ := v.(map[string]any)
	s, _ := m["name"].(string)
	return s
}

// MergeFailures joins failure files (one JSON object a line), ordered by API, feature and
// scenario.
func MergeFailures(files []string) ([]byte, error) {
	type rec struct {
		key  string
		line string
	}
	var all []rec
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		n := 0
		for sc.Scan() {
			n++
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				fh.Close()
				return nil, fmt.Errorf("%s:%d: %v", f, n, err)
			}
			all = append(all, rec{key: fmt.Sprint(m["api"], "\x00", m["feature"], "\x00", m["scenario"]), line: line})
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].key < all[j].key })
	var b bytes.Buffer
	for _, r := range all {
		b.WriteString(r.line + "\n")
	}
	return b.Bytes(), nil
}

// CopyCassettes copies the cassette folders of the parts into dst; a file two parts both wrote
// is an error (the parts of a split run record different scenarios).
func CopyCassettes(folders []string, dst string) (int, error) {
	n := 0
	for _, src := range folders {
		err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(src, path)
			if err != nil {
				return err
			}
			to := filepath.Join(dst, rel)
			if _, err := os.Stat(to); err == nil {
				return fmt.Errorf("%s: two parts recorded %s", path, rel)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			n++
			return os.WriteFile(to, data, 0o644)
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
