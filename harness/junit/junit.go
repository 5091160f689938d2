// Package junit is the JUnit XML document godog writes and the harness rewrites: the runner joins
// the documents of several APIs and adds its own counts, merge joins the documents of the parts
// of a split run. Only the model lives here; each writer decides what it puts in.
package junit

import "encoding/xml"

// Suites is the root: a <testsuites> of one <testsuite> per feature (or per API once joined).
type Suites struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Time     string   `xml:"time,attr"`
	Suites   []Suite  `xml:"testsuite"`
}

// Suite is one <testsuite>.
type Suite struct {
	XMLName  xml.Name `xml:"testsuite"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Time     string   `xml:"time,attr"`
	// Props carries the run's own counts (deviations), when it adds any.
	Props *Props `xml:"properties,omitempty"`
	Cases []Case `xml:"testcase"`
}

// Props is a suite's <properties>.
type Props struct {
	Props []Prop `xml:"property"`
}

// Prop is one <property>.
type Prop struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// Case is one <testcase>; what it holds (failure, skipped, system-out) is kept as written.
type Case struct {
	XMLName   xml.Name `xml:"testcase"`
	Name      string   `xml:"name,attr"`
	Classname string   `xml:"classname,attr,omitempty"`
	Status    string   `xml:"status,attr"`
	Time      string   `xml:"time,attr"`
	Inner     []byte   `xml:",innerxml"`
}
