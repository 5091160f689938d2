package lint

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/features"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// The tags that say what a scenario needs from a cloud, so that a team can select what is safe
// where (a read-only subset is --tags '~@destructive && ~@admin && ~@slow'). Each one is derived
// from the scenario's steps, and lint reports a scenario whose tags do not say what it does.
const (
	// TagDestructive marks a scenario that creates, changes or deletes anything.
	TagDestructive = "@destructive"
	// TagAdmin marks a scenario that authenticates with a credential set other than "default".
	TagAdmin = "@admin"
	// TagSlow marks a scenario that waits a documented time.
	TagSlow = "@slow"
	// TagFixture prefixes the fixture variables a scenario names (@fixture:image_id).
	TagFixture = "@fixture:"
	// TagVendorSide marks a scenario that needs a vendor-side fixture (a deployment in
	// maintenance): only the vendor of a cloud can run it; other runs report it not run.
	TagVendorSide = "@vendor-side"
)

var (
	sendStep = regexp.MustCompile(`^I (?:send an? |poll )(GET|POST|PUT|DELETE|PATCH|HEAD) (?:request to )?"([^"]*)"`)
	authStep = regexp.MustCompile(`^I am authenticated as "([^"]*)"$`)
	waitStep = regexp.MustCompile(`^I wait `)
	varUse   = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}`)
	// readPrefixes are the operationId verbs of operations that change nothing (the GETs of
	// CloudControl that act, such as ?start or ?delete, are named by their action).
	readPrefixes = []string{"get", "list", "download", "ping", "find", "search", "show"}
)

// Tags checks the tags of every scenario under dir against what its steps do.
func Tags(api *spec.API, dir string) ([]Finding, error) {
	var out []Finding
	err := features.Each(dir, func(sc features.Scenario) {
		where := fmt.Sprintf("line %d: %s", sc.Line, sc.Pickle.Name)
		need := func(tag, why string) {
			if !sc.HasTag(tag) {
				out = append(out, Finding{Severity: Error, File: sc.File, Where: where, Message: fmt.Sprintf("tag it %s: it %s", tag, why)})
			}
		}
		used := map[string]bool{}
		for _, st := range sc.Pickle.Steps {
			if m := sendStep.FindStringSubmatch(st.Text); m != nil {
				if op := route(api, m[1], m[2]); op != "" {
					need(TagDestructive, "sends "+op+", which changes the cloud")
				}
			}
			if m := authStep.FindStringSubmatch(st.Text); m != nil && m[1] != "default" {
				need(TagAdmin, fmt.Sprintf("authenticates with the credential set %q", m[1]))
			}
			if waitStep.MatchString(st.Text) {
				need(TagSlow, "waits ("+st.Text+")")
			}
			for _, text := range features.StepTexts(st) {
				for _, m := range varUse.FindAllStringSubmatch(text, -1) {
					if _, ok := api.Harness.Fixture(m[1]); ok && !used[m[1]] {
						used[m[1]] = true
						need(TagFixture+m[1], "names the fixture variable ${"+m[1]+"}")
						if _, vendor := api.Harness.VendorSide(m[1]); vendor {
							need(TagVendorSide, "names ${"+m[1]+"}, which only the vendor of a cloud can set")
						}
					}
				}
			}
		}
		if sc.HasTag(TagVendorSide) && !usesVendorSide(api, used) {
			out = append(out, Finding{Severity: Error, File: sc.File, Where: where, Message: fmt.Sprintf("tag %s: the scenario names no vendor-side fixture of %s", TagVendorSide, api.Name)})
		}
		for _, t := range sc.Tags() {
			name, ok := strings.CutPrefix(t, TagFixture)
			if !ok {
				continue
			}
			if _, declared := api.Harness.Fixture(name); !declared {
				out = append(out, Finding{Severity: Error, File: sc.File, Where: where, Message: fmt.Sprintf("tag %s names no fixture of %s (see the fixtures of harness.yaml)", t, api.Name)})
			} else if !used[name] {
				out = append(out, Finding{Severity: Error, File: sc.File, Where: where, Message: fmt.Sprintf("tag %s: the scenario does not use ${%s}", t, name)})
			}
		}
	})
	return out, err
}

// usesVendorSide tells whether one of the fixtures used is a vendor-side one.
func usesVendorSide(api *spec.API, used map[string]bool) bool {
	for name := range used {
		if _, ok := api.Harness.VendorSide(name); ok {
			return true
		}
	}
	return false
}

// route names the operation a step's request reaches when that operation changes the cloud, and
// returns "" for reads and for paths the contract does not route (a 404 case).
func route(api *spec.API, method, path string) string {
	p := varUse.ReplaceAllString(path, "x1")
	raw := ""
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p, raw = p[:i], p[i+1:]
	}
	op, _, err := api.Find(method, p, raw)
	if err != nil || op == nil {
		if method == http.MethodGet || method == http.MethodHead {
			return ""
		}
		return method + " " + path
	}
	if method == http.MethodGet || method == http.MethodHead {
		for _, pre := range readPrefixes {
			if strings.HasPrefix(op.ID, pre) {
				return ""
			}
		}
	}
	return op.ID
}

// Evidence reports every assertion of the contract that carries neither x-document-line nor
// x-evidence (inherited from an enclosing operation or component), and every annotation that does
// not read. documentPath is the vendor document, to check line numbers ("" skips that).
func Evidence(api *spec.API, documentPath string) []Finding {
	lines := 0
	if documentPath != "" {
		if data, err := os.ReadFile(documentPath); err == nil {
			lines = strings.Count(string(data), "\n") + 1
		}
	}
	var out []Finding
	for _, p := range api.EvidenceProblems(lines) {
		out = append(out, Finding{Severity: Error, File: "specs/" + api.Name + "/openapi.yaml", Where: p.Where, Message: p.Message})
	}
	return out
}

// Changes names the operation a request would change the cloud with ("" for a read): what
// @destructive is derived from, for the generator of scenarios too.
func Changes(api *spec.API, method, path string) string { return route(api, method, path) }
