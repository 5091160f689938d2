package e2e

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/features"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// TestEveryWriteIsReadBackOrSaysWhyNot makes the coverage of round trips explicit: every create or
// update (spec.Operation.Writes) that a written suite performs successfully, as its committed
// cassettes show, has a rule in specs/<api>/readback.yaml. A rule that names a read operation is
// used: some scenario reads the write back with it afterwards. A rule that says none gives the
// reason no documented operation can. A rule that says open lists a write whose round trip is
// still to be written (counted apart, never hidden). The generated negative scenarios write
// nothing.
func TestEveryWriteIsReadBackOrSaysWhyNot(t *testing.T) {
	for _, name := range simulated(t) {
		t.Run(name, func(t *testing.T) {
			api, err := registry.Get(name)
			require.NoError(t, err)
			written, readBack := exercisedWrites(t, api)
			var ids []string
			for id := range written {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			var n, none, open int
			for _, id := range ids {
				rule := api.ReadBack(id)
				switch {
				case rule == nil:
					t.Errorf("%s is performed by %s, and specs/%s/%s says nothing of it: name the operation that reads it back, or say why none can (none: ...)", id, written[id], name, spec.ReadBackFile)
				case rule.None != "":
					none++
				case rule.Open != "":
					open++
				case !readBack[id]:
					t.Errorf("%s (%s line %d) is read back with %s, but no scenario reads it back after performing it (%s): add the step \"reading back the last write should show the fields it sent\"", id, spec.ReadBackFile, rule.Line, rule.Read, written[id])
				default:
					n++
				}
			}
			for _, rule := range api.ReadBacks() {
				if _, ok := written[rule.Operation]; !ok {
					t.Errorf("%s line %d: no written suite performs %s successfully: remove the rule", spec.ReadBackFile, rule.Line, rule.Operation)
				}
			}
			t.Logf("%s: %d of %d writes read back, %d cannot be (readback.yaml says why), %d still open", name, n, len(ids), none, open)
		})
	}
}

// readBackStep is the text of the round-trip step.
const readBackStep = "reading back the last write should show the fields it sent"

// exercisedWrites returns the writes answered 2xx in the cassettes of the written features (with
// one scenario performing each), and those read back: a scenario taking the round-trip step
// performed the write, then the read operation of its rule.
func exercisedWrites(t *testing.T, api *spec.API) (written map[string]string, readBack map[string]bool) {
	dir := filepath.Join(root, "cassettes", api.Name)
	stepping := map[string]bool{} // cassettes (relative to dir) of the scenarios taking the step
	require.NoError(t, features.Each(filepath.Join(root, "features", api.Name), func(sc features.Scenario) {
		for _, st := range sc.Pickle.Steps {
			if st.Text == readBackStep {
				base := strings.TrimSuffix(filepath.Base(sc.File), ".feature")
				stepping[filepath.Join(base, vcr.Slug(sc.Pickle.Name)+".yaml")] = true
			}
		}
	}))
	recs, err := vcr.Recordings(dir)
	require.NoError(t, err)
	written, readBack = map[string]string{}, map[string]bool{}
	for _, rec := range recs {
		r, err := filepath.Rel(dir, rec.Path)
		require.NoError(t, err)
		if strings.HasPrefix(filepath.ToSlash(r), "generated/") {
			continue
		}
		var pending []string // writes of this scenario not yet read back
		for _, in := range rec.Interactions {
			x, err := vcr.Exchange(in)
			require.NoError(t, err)
			op, _, err := api.Find(x.Method, x.URL.Path, x.URL.RawQuery)
			if err != nil {
				continue
			}
			kept := pending[:0]
			for _, id := range pending {
				if rule := api.ReadBack(id); stepping[r] && rule != nil && rule.Read == op.ID && x.Status/100 == 2 {
					readBack[id] = true
					continue
				}
				kept = append(kept, id)
			}
			pending = kept
			if op.Writes() && x.Status/100 == 2 {
				if _, seen := written[op.ID]; !seen {
					written[op.ID] = fmt.Sprintf("%s, %s", rel(rec.Path), x.RequestLine())
				}
				pending = append(pending, op.ID)
			}
		}
	}
	return written, readBack
}

func rel(p string) string {
	r, err := filepath.Rel(filepath.Join(root, "cassettes"), p)
	if err != nil {
		return p
	}
	return "cassettes/" + filepath.ToSlash(r)
}
