package spec

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Fixture is a target variable (the fixtures section of harness.yaml): something a scenario needs
// from the cloud that it cannot create itself, such as an OS image to deploy from or the tenant a
// token belongs to. A scenario names it as ${NAME}. Its value comes, first to last, from
// --var NAME=VALUE, the environment (CLOUDCONTRACT_<API>_VAR_<NAME>), the profile
// (apis.<api>.vars), discovery through a documented list operation, or, with --target sim, the
// simulator's data set. A live target that leaves one unresolved is stopped by the preflight.
type Fixture struct {
	// Name is the variable name (lower case, digits and underscores).
	Name string `yaml:"name"`
	// Description says what the cloud must hold for it, for the user who sets it.
	Description string `yaml:"description"`
	// Discover, when set, finds the value through a documented list operation.
	Discover *Discovery `yaml:"discover"`
	// VendorSide marks what only the vendor of a cloud can provide (a deployment in scheduled
	// maintenance): optional. A run that does not have it reports the scenarios needing it as not
	// run, with NotRunReason, instead of stopping at the preflight or failing them.
	VendorSide bool `yaml:"vendor_side"`
	// Optional marks a state a cloud may hold at one time and not at another (a data center in
	// scheduled maintenance), found by discovery when there is one. A run whose discovery finds
	// none, and that is not given one, reports the scenarios needing it as not run, with
	// NotRunReason, like a vendor-side fixture. A fixture discovered through an optional one is
	// optional too.
	Optional bool `yaml:"optional"`

	// Line is the line of the fixture in harness.yaml.
	Line int `yaml:"-"`
}

// Discovery finds a fixture's value: GET Path (with ${NAME} of credentials, login saves and
// earlier fixtures expanded), take the array at Items, keep the first item whose pointers in
// Where have the given values, and read Value from it.
type Discovery struct {
	// Path is the request path with its query, e.g. /oec/0.9/base/image.
	Path string `yaml:"path"`
	// Items is the JSON pointer of the array in the answer ("" when the body is the array; a
	// single object where an array is expected counts as an array of one).
	Items string `yaml:"items"`
	// Where maps JSON pointers inside one item to the value they must render as.
	Where map[string]string `yaml:"where"`
	// Value is the JSON pointer, inside the chosen item, of the fixture's value.
	Value string `yaml:"value"`
	// Credential is the credential set discovery authenticates with (default "default").
	Credential string `yaml:"credential"`
}

// Preflight says how the harness checks, before any scenario runs live, that the target is this
// API and that each credential set is accepted.
type Preflight struct {
	// Probe is the path of one cheap, documented GET every credential set may send.
	Probe string `yaml:"probe"`
	// Roles maps a credential set to the path of a GET only that set's role may send (a set not
	// listed is checked with Probe).
	Roles map[string]string `yaml:"roles"`
	// RolesField is the JSON pointer, in the Probe's answer, of the caller's roles: each item a
	// role name or an object whose /name is one. With it, the preflight checks that every set of
	// CredentialRoles holds exactly the roles declared.
	RolesField string `yaml:"roles_field"`
}

// CredentialRoles declares the roles (the contract's x-role-definitions) one credential set
// holds, the same against any cloud: the generated scenarios send an operation as a set holding
// none of the roles the operation requires (x-roles), and the preflight checks the declaration.
type CredentialRoles struct {
	Set   string   `yaml:"set"`
	Roles []string `yaml:"roles"`
}

// RolesOf returns the declared roles of a credential set, and whether it has a declaration.
func (h *Harness) RolesOf(set string) ([]string, bool) {
	for _, c := range h.CredentialRoles {
		if c.Set == set {
			return c.Roles, true
		}
	}
	return nil, false
}

var fixtureName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// UnmarshalYAML decodes a fixture and keeps its line for error messages.
func (f *Fixture) UnmarshalYAML(n *yaml.Node) error {
	type plain Fixture
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*f = Fixture(p)
	f.Line = n.Line
	return nil
}

// NotRunReason says why a scenario needing this vendor-side or optional fixture did not run, and
// what runs it.
func (f Fixture) NotRunReason() string {
	if f.VendorSide {
		return "vendor side: set " + f.Name + " to run"
	}
	return "the cloud holds no " + f.Name + " now: set " + f.Name + " to run"
}

// VendorSide returns the vendor-side fixture called name, and whether there is one.
func (h Harness) VendorSide(name string) (Fixture, bool) {
	f, ok := h.Fixture(name)
	return f, ok && f.VendorSide
}

// Optional returns the fixture called name when a run may lack it (vendor side or optional), and
// whether it is one.
func (h Harness) Optional(name string) (Fixture, bool) {
	f, ok := h.Fixture(name)
	return f, ok && (f.VendorSide || f.Optional)
}

// FixtureEnv is the environment variable that sets fixture name of api.
func FixtureEnv(api, name string) string {
	return "CLOUDCONTRACT_" + envWord(api) + "_VAR_" + envWord(name)
}

// CredentialEnv is the environment variable that sets field (USERNAME, PASSWORD, TOKEN) of the
// credential set named set of api. The default set is also read without its name
// (CLOUDCONTRACT_<API>_USERNAME).
func CredentialEnv(api, set, field string) string {
	return "CLOUDCONTRACT_" + envWord(api) + "_" + envWord(set) + "_" + envWord(field)
}

func envWord(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, s))
}

// Fixture returns the fixture called name.
func (h Harness) Fixture(name string) (Fixture, bool) {
	for _, f := range h.Fixtures {
		if f.Name == name {
			return f, true
		}
	}
	return Fixture{}, false
}

// checkFixtures rejects a fixture without a valid name or description, a name given twice, and a
// discovery that lacks its path or value pointer or refers to a later fixture.
func (a *API) checkFixtures() error {
	seen := map[string]bool{}
	for _, f := range a.Harness.Fixtures {
		at := fmt.Sprintf("fixture %q (line %d)", f.Name, f.Line)
		switch {
		case !fixtureName.MatchString(f.Name):
			return fmt.Errorf("%s: name must be lower case letters, digits and underscores", at)
		case seen[f.Name]:
			return fmt.Errorf("%s: declared twice", at)
		case strings.TrimSpace(f.Description) == "":
			return fmt.Errorf("%s: needs a description (what the cloud must hold for it)", at)
		}
		if _, ok := a.Harness.Credentials[f.Name]; ok {
			return fmt.Errorf("%s: the name is also a credential set", at)
		}
		seen[f.Name] = true
		d := f.Discover
		if d == nil {
			continue
		}
		if f.VendorSide {
			return fmt.Errorf("%s: a vendor-side fixture is set by the vendor, never discovered: remove discover or vendor_side", at)
		}
		if !strings.HasPrefix(d.Path, "/") {
			return fmt.Errorf("%s: discover.path %q must start with /", at, d.Path)
		}
		if d.Value == "" || !strings.HasPrefix(d.Value, "/") {
			return fmt.Errorf("%s: discover.value must be a JSON pointer inside one item (e.g. /id)", at)
		}
		if d.Credential != "" {
			if _, ok := a.Harness.Credentials[d.Credential]; !ok {
				return fmt.Errorf("%s: discover.credential %q is not a credential set of harness.yaml", at, d.Credential)
			}
		}
		for _, m := range varRef.FindAllStringSubmatch(d.Path, -1) {
			if _, isFixture := a.Harness.Fixture(m[1]); isFixture && !seen[m[1]] {
				return fmt.Errorf("%s: discover.path uses ${%s}, declared later: declare it first", at, m[1])
			}
			if dep, opt := a.Harness.Optional(m[1]); opt && !f.Optional {
				return fmt.Errorf("%s: discover.path uses ${%s}, which a run may lack (line %d): mark it optional: true too", at, m[1], dep.Line)
			}
		}
	}
	p := a.Harness.Preflight
	if p.Probe != "" && !strings.HasPrefix(p.Probe, "/") {
		return fmt.Errorf("preflight.probe %q must be a path starting with /", p.Probe)
	}
	for set, path := range p.Roles {
		if _, ok := a.Harness.Credentials[set]; !ok {
			return fmt.Errorf("preflight.roles: %q is not a credential set of harness.yaml", set)
		}
		if !strings.HasPrefix(path, "/") {
			return fmt.Errorf("preflight.roles.%s %q must be a path starting with /", set, path)
		}
	}
	if p.RolesField != "" && !strings.HasPrefix(p.RolesField, "/") {
		return fmt.Errorf("preflight.roles_field %q must be a JSON pointer (e.g. /roles)", p.RolesField)
	}
	defs, _ := a.Doc.Extensions["x-role-definitions"].(map[string]any)
	declared := map[string]bool{}
	for i, c := range a.Harness.CredentialRoles {
		at := fmt.Sprintf("credential_roles %d (%s)", i+1, c.Set)
		if _, ok := a.Harness.Credentials[c.Set]; !ok {
			return fmt.Errorf("%s: not a credential set of harness.yaml", at)
		}
		if declared[c.Set] {
			return fmt.Errorf("%s: declared twice", at)
		}
		declared[c.Set] = true
		if len(c.Roles) == 0 {
			return fmt.Errorf("%s: names no role", at)
		}
		for _, r := range c.Roles {
			if _, ok := defs[r]; !ok {
				return fmt.Errorf("%s: role %q is not one of the contract's x-role-definitions", at, r)
			}
		}
	}
	return nil
}

var varRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}`)

// AcceptHeader renders the Accept header of a request for an operation documenting types: the
// preferred types first, in their order, then the others (in their given order); when there are
// several, each one after the first carries a lower quality.
func AcceptHeader(types, preferred []string) string {
	rank := func(t string) int {
		for i, p := range preferred {
			if p == t {
				return i
			}
		}
		return len(preferred)
	}
	ordered := append([]string(nil), types...)
	sort.SliceStable(ordered, func(i, j int) bool { return rank(ordered[i]) < rank(ordered[j]) })
	if len(ordered) < 2 || len(preferred) == 0 {
		return strings.Join(ordered, ", ")
	}
	out := make([]string, len(ordered))
	for i, t := range ordered {
		out[i] = t
		if i > 0 {
			q := 10 - i
			if q < 1 {
				q = 1
			}
			out[i] = fmt.Sprintf("%s;q=0.%d", t, q)
		}
	}
	return strings.Join(out, ", ")
}
