package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGoldenOutputs renders a fixed result (the shop fixture's recordings, one failing
// interaction, one waiver, fixed times) as JSON, JUnit and HTML, and compares each with its
// golden file: the reports are what a vendor receives.
func TestGoldenOutputs(t *testing.T) {
	api, err := spec.Load("../spec/testdata/shop")
	require.NoError(t, err)
	recs, err := vcr.Recordings("../lint/testdata/cassettes")
	require.NoError(t, err)
	for _, r := range recs {
		r.Path = filepath.ToSlash(r.Path)
	}
	started := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	res := Build(Input{
		API: api, Version: "1.0.0", Vendor: "Example Cloud", Target: "https://shop.example.com", Started: started,
		Duration: 1500 * time.Millisecond, Recordings: recs,
		Scenarios: []Scenario{
			{Feature: "features/shop/orders.feature", Name: "List orders", Verdict: Fail, Error: "listOrders: missing properties: 'email'"},
			{Feature: "features/shop/orders.feature", Name: "Cancel an order", Verdict: Pass},
		},
		Waivers: []Waiver{{Operation: "cancelOrder", Check: "*", Reason: "known", Expires: "2027-01-31", Line: 2}},
		Now:     started,
	})
	// The fixture's spec hash changes with the fixture; keep the golden files stable.
	res.SpecSHA256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for name, write := range map[string]func(*bytes.Buffer) error{
		"result.json": func(b *bytes.Buffer) error { return WriteJSON(b, res) },
		"junit.xml":   func(b *bytes.Buffer) error { return WriteJUnit(b, res) },
		"report.html": func(b *bytes.Buffer) error { return WriteHTML(b, res) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, write(&b))
			path := filepath.Join("testdata", name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "go test ./harness/report -update creates %s", path)
			assert.Equal(t, string(want), b.String())
		})
	}
	assert.Equal(t, Fail, res.Verdict)
}
