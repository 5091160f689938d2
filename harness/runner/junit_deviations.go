package runner

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/junit"
)

// The JUnit written by a run, read again to add the deviations from inferred behaviour: a
// property with their count on each test suite, and the deviations of a test case in its
// <system-out>. A test case with deviations still passes (they are not failures). A scenario
// skipped for want of a vendor-side fixture becomes a skipped test case with the reason.

// AnnotateJUnit adds the run's deviations to the JUnit file it wrote, and marks the test cases
// of the scenarios skipped for want of a vendor-side fixture as skipped, with the reason (a no-op
// when there is neither).
func AnnotateJUnit(path string, res *Result) error {
	if res == nil || res.Deviations() == 0 && res.Skipped() == 0 {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc junit.Suites
	if err := xml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	byName, skipped := map[string][]string{}, map[string]string{}
	for _, s := range res.Scenarios {
		for _, d := range s.Deviations {
			byName[s.Name] = append(byName[s.Name], d.Operation+": "+d.Problem.String())
		}
		if s.Skipped != "" {
			skipped[s.Name] = s.Skipped
		}
	}
	for i := range doc.Suites {
		n := 0
		for j := range doc.Suites[i].Cases {
			c := &doc.Suites[i].Cases[j]
			if why, ok := skipped[c.Name]; ok && c.Status != "skipped" {
				// godog leaves the status empty and lists each skipped step as an error.
				var b bytes.Buffer
				b.WriteString(`<skipped message="`)
				_ = xml.EscapeText(&b, []byte(why))
				b.WriteString(`"></skipped>`)
				c.Status, c.Inner = "skipped", b.Bytes()
				doc.Suites[i].Skipped++
				doc.Skipped++
			}
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
		if res.Deviations() == 0 {
			continue
		}
		if doc.Suites[i].Props == nil {
			doc.Suites[i].Props = &junit.Props{}
		}
		doc.Suites[i].Props.Props = append(doc.Suites[i].Props.Props, junit.Prop{Name: "deviations", Value: fmt.Sprint(n)})
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
