package main

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// junitDoc is what a CI reads of a JUnit file.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name  string `xml:"name,attr"`
		Tests int    `xml:"tests,attr"`
		Cases []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestSeveralAPIsWriteOneJUnitFile: --format junit:F with several APIs writes F, one
// <testsuites> with a <testsuite> per API, and the progress names each API before its block.
func TestSeveralAPIsWriteOneJUnitFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "results.xml")
	// One feature file of each API (the first, whichever it is) keeps the test quick.
	code, out, errOut := run(t, "run", "--api", "ukcloud,esc", firstFeature(t, "ukcloud"), firstFeature(t, "esc"), "--format", "progress,junit:"+file)
	require.Equal(t, 0, code, out+errOut)
	assert.Regexp(t, regexp.MustCompile(`(?m)^ukcloud:\n\.+`), out)
	assert.Regexp(t, regexp.MustCompile(`(?m)^esc:\n\.+`), out)
	assert.Less(t, strings.Index(out, "ukcloud:"), strings.Index(out, "esc:"))

	data, err := os.ReadFile(file)
	require.NoError(t, err)
	var doc junitDoc
	require.NoError(t, xml.Unmarshal(data, &doc))
	require.Len(t, doc.Suites, 2)
	assert.Equal(t, "ukcloud", doc.Suites[0].Name)
	assert.Equal(t, "esc", doc.Suites[1].Name)
	passed := lastLine(out)
	assert.Equal(t, doc.Suites[0].Tests+doc.Suites[1].Tests, doc.Tests)
	assert.Equal(t, 0, doc.Failures)
	assert.Equal(t, strconv.Itoa(doc.Tests)+" passed, 0 failed", passed, "the JUnit file holds every scenario of the run")
	for _, s := range doc.Suites {
		assert.Len(t, s.Cases, s.Tests)
		assert.NotEmpty(t, s.Cases[0].Classname, "the feature of each case")
	}
	for _, f := range []string{"results-ukcloud.xml", "results-esc.xml"} {
		assert.NoFileExists(t, filepath.Join(filepath.Dir(file), f))
	}
}

// TestSimulatorsRunSeveralAPIsIntoOneJUnitFile: against simulators, each API is its own run
// into the one file; an API the selection leaves empty does not fail the others.
func TestSimulatorsRunSeveralAPIsIntoOneJUnitFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "results.xml")
	_, names := scenarioLines(t, firstFeature(t, "ukcloud"))
	code, out, errOut := run(t, "run", "--target", "sim", "--api", "ukcloud,cam", "--name", "^"+regexp.QuoteMeta(names[0])+"$", "--format", "progress,junit:"+file)
	require.Equal(t, 0, code, out+errOut)
	assert.Regexp(t, regexp.MustCompile(`(?m)^ukcloud:$`), out)
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	var doc junitDoc
	require.NoError(t, xml.Unmarshal(data, &doc))
	require.Len(t, doc.Suites, 1, "cam has no scenario in the selection")
	assert.Equal(t, "1 passed, 0 failed", lastLine(out))
	assert.Equal(t, 1, doc.Tests)
}

// firstFeature is the first feature file of an API, relative to the repository root.
func firstFeature(t *testing.T, api string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("../../features", api, "*.feature"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return strings.TrimPrefix(files[0], "../../")
}
