package runner

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"strings"
)

// The JUnit written by a run, read again to add the deviations from inferred behaviour: a
// property with their count on each test suite, and the deviations of a test case in its
// <system-out>. A test case with deviations still passes (they are not failures).

// AnnotateJUnit adds the run's deviations to the JUnit file it wrote (a no-op when there is none).
func AnnotateJUnit(path string, res *Result) error {
	if res == nil || res.Deviations() == 0 {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc junitSuites
	if err := xml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	byName := map[string][]string{}
	for _, s := range res.Scenarios {
		for _, d := range s.Deviations {
			byName[s.Name] = append(byName[s.Name], d.Operation+": "+d.Problem.String())
		}
	}
	for i := range doc.Suites {
		n := 0
		for j := range doc.Suites[i].Cases {
			c := &doc.Suites[i].Cases[j]
			devs := byName[c.Name]
			if len(devs) == 0 {
				continue
			}
			n += len(devs)
			var b bytes.Buffer
			b.WriteString("<system-out>")
			_ = xml.EscapeText(&b, []byte(fmt.Sprintf("%d deviation(s) from inferred behaviour (not failures):\n%s\n", len(devs), strings.Join(devs, "\n"))))
			b.WriteString("</system-out>")
			c.Inner = append(c.Inner, b.Bytes()...)
		}
		if doc.Suites[i].Props == nil {
			doc.Suites[i].Props = &junitProps{}
		}
		doc.Suites[i].Props.Props = append(doc.Suites[i].Props.Props, junitProp{Name: "deviations", Value: fmt.Sprint(n)})
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append([]byte(xml.Header), append(out, '\n')...), 0o644)
}

// JUnitFiles lists the junit:FILE entries of a --format value.
func JUnitFiles(format string) []string {
	var out []string
	for _, p := range strings.Split(format, ",") {
		if file, ok := strings.CutPrefix(p, "junit:"); ok && file != "" {
			out = append(out, file)
		}
	}
	return out
}
