package cloudcontrol

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// TestDocumentedAndInferredBreaks checks the two levels of verdict on the CloudControl contract:
// an answer that breaks what the document states fails a run; one that breaks what the contract
// only infers from the document (x-evidence) is a deviation, reported with its evidence, that
// passes unless the run is strict.
func TestDocumentedAndInferredBreaks(t *testing.T) {
	api, _ := loadAPI(t)
	def, second := newClient(t, sim.Options{}), secondClient(t)
	P := "/oec/0.9/" + OrgID
	resultCode := regexp.MustCompile(`<(\w+:)?resultCode>[^<]*</(\w+:)?resultCode>`)
	tests := []struct {
		name      string
		c         *client
		path      string
		change    func(string) string // nil: the simulator's answer as it is
		failure   string              // a documented break: the failure names it
		deviation []string            // an inferred break: the deviation says this
	}{
		{name: "the answer as the document states it", c: def, path: P + "/serverWithState"},
		{name: "the default page size 11.2 states (6346), broken", c: def, path: P + "/serverWithState",
			change:  func(b string) string { return strings.Replace(b, `pageSize="250"`, `pageSize="100"`, 1) },
			failure: "pageSize is not the documented default"},
		{name: "a Status without the resultCode of 1.3.2", c: def, path: P + "/network/00000000-0000-0000-0000-000000000000",
			change:  func(b string) string { return resultCode.ReplaceAllString(b, "") },
			failure: "resultCode"},
		{name: "a role 2.2 does not list", c: second, path: S + "/account",
			deviation: []string{`got "tagging"`, "inferred from the document's prose at line 641"}},
		{name: "another default page size where only the sample of 5.18 shows 250", c: second, path: S + "/antiAffinityRule",
			deviation: []string{"pageSize is not the default page size [expected 250; got 100]", "inferred from the document's example at line 3283"}},
		{name: "a network answer without an element only the sample shows", c: def, path: P + "/networkWithLocation",
			change: func(b string) string {
				return regexp.MustCompile(`<(\w+:)?multicast>[^<]*</(\w+:)?multicast>`).ReplaceAllString(b, "")
			},
			deviation: []string{"multicast", "inferred from the document's example at line 4035"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := tt.c.get(tt.path)
			body := rec.Body.String()
			if tt.change != nil {
				changed := tt.change(body)
				require.NotEqual(t, body, changed, "the change applies to the answer:\n%s", body)
				body = changed
			}
			u, err := url.Parse(tt.path)
			require.NoError(t, err)
			x := &validate.Exchange{Method: "GET", URL: u, Status: rec.Code, Header: rec.Header(), Body: []byte(body)}

			v := validate.New(api)
			devs, err := v.ValidateAll(x)
			var rendered []string
			for _, d := range devs {
				assert.True(t, d.Deviation())
				rendered = append(rendered, d.String())
			}
			switch {
			case tt.failure != "":
				var ce *validate.ContractError
				require.ErrorAs(t, err, &ce)
				assert.Contains(t, ce.Error(), tt.failure)
				for _, p := range ce.Problems {
					assert.False(t, p.Deviation(), "%s", p)
				}
			default:
				require.NoError(t, err, "without --strict a deviation is not a failure")
			}
			if len(tt.deviation) == 0 {
				assert.Empty(t, rendered)
			} else {
				require.NotEmpty(t, rendered, "a deviation is reported")
				for _, want := range tt.deviation {
					assert.Contains(t, strings.Join(rendered, "\n"), want)
				}
			}

			v.Strict = true
			devs, err = v.ValidateAll(x)
			assert.Empty(t, devs)
			if tt.failure == "" && len(tt.deviation) == 0 {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err, "with --strict every break fails")
			}
		})
	}
}
