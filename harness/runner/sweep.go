package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/cleanup"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/steps"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// SweepConfig is one `cloudcontract cleanup`: delete, on a live endpoint, what a run left behind.
type SweepConfig struct {
	// API names the contract; Registry holds it.
	API      string
	Registry *spec.Registry
	// Target is the base URL of the endpoint; Transport reaches it (nil: a default one).
	Target    string
	Transport http.RoundTripper
	// Credentials override the contract's defaults, by name.
	Credentials map[string]spec.Credential
	// Simulated says the target is one of the project's simulators: unconfigured credentials
	// fall back to harness.yaml's.
	Simulated bool
	// RunID is the run whose resources are deleted: only names starting with it are touched.
	RunID string
	// Vars fill path parameters and ${NAME} of the list requests (an account or tenant id).
	Vars map[string]string
	// DryRun lists without deleting.
	DryRun bool
	// Timeout bounds each request (default 30s).
	Timeout time.Duration
	// Progress receives a line per deletion.
	Progress io.Writer
}

// Sweep lists the resources of the API's cleanup rules whose names start with the run id, and
// deletes them unless DryRun. It returns what it found.
func Sweep(ctx context.Context, cfg SweepConfig) ([]*cleanup.Resource, error) {
	if err := cleanup.CheckRunID(cfg.RunID); err != nil {
		return nil, err
	}
	u, err := url.Parse(cfg.Target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("--target %q is not an http(s) URL", cfg.Target)
	}
	api, err := cfg.Registry.Get(cfg.API)
	if err != nil {
		return nil, err
	}
	hasList := false
	for _, r := range api.Harness.Cleanup {
		hasList = hasList || r.List != ""
	}
	if !hasList {
		return nil, fmt.Errorf("%s: harness.yaml has no cleanup rule with a list operation: nothing can be found to delete", cfg.API)
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	policy, creds := secrets(api, cfg.Credentials, cfg.Simulated)
	if _, ok := creds["default"]; !ok {
		return nil, fmt.Errorf("%s: credential set \"default\" is not configured: set %s and %s (or apis.%s.credentials.default in --config)", cfg.API, spec.CredentialEnv(cfg.API, "default", "USERNAME"), spec.CredentialEnv(cfg.API, "default", "PASSWORD"), cfg.API)
	}
	vars := map[string]string{}
	for k, val := range cfg.Vars {
		vars[k] = val
	}
	if c, ok := creds["default"]; ok && vars["username"] == "" {
		vars["username"] = c.Username
	}
	// Nothing can be listed: say which variables are missing rather than find nothing. When some
	// rules can be listed, the sweep lists them and says on Progress which it could not (an ACL
	// rule needs the id of its network; deleting the network deletes it too).
	if missing := checkListVars(api, vars); missing != nil && missing.Listable == 0 {
		return nil, missing
	}
	factory := vcr.NewFactory(vcr.Options{Mode: vcr.Live, Real: cfg.Transport, Policy: policy, RunID: cfg.RunID})
	v := validate.New(api)
	env := &steps.Env{
		API: api, Validator: v, Sessions: factory, BaseURL: u, Credentials: creds,
		Wait: pacer(vcr.Live, nil), PollInterval: time.Second, Timeout: cfg.Timeout, MaxBody: 64 << 20,
		Policy: policy, RunID: cfg.RunID,
	}
	s, err := steps.NewScenario(env, "cleanup", "cleanup "+cfg.RunID)
	if err != nil {
		return nil, err
	}
	defer s.Close(false)
	if err := steps.Authenticate(ctx, s, "default"); err != nil {
		return nil, fmt.Errorf("%s: %s", cfg.API, policy.String(err.Error()))
	}
	found, err := cleanup.Sweep(ctx, s.Doer(factory.Real()), v, api, cfg.RunID, vars, cfg.DryRun, cfg.Progress)
	if err != nil {
		err = errors.New(policy.String(err.Error()))
	}
	return found, err
}

// MissingVarsError says which variables the list requests of the cleanup rules need and were not
// given: without them nothing of those kinds can be found, so the sweep does not start.
type MissingVarsError struct {
	API string
	// Listable counts the rules that can be listed with the variables given.
	Listable int
	// Needs are one line per rule and variable: the variable, the rule and its list request.
	Needs []string
}

// Error implements error.
func (e *MissingVarsError) Error() string {
	return fmt.Sprintf("cannot list what the run left on %s; give the variables its cleanup rules (specs/%s/harness.yaml) need:\n  %s",
		e.API, e.API, strings.Join(e.Needs, "\n  "))
}

var listVarRe = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// checkListVars returns a *MissingVarsError when a path parameter or ${NAME} of a rule's list
// request has no value, nil when every rule can be listed.
func checkListVars(api *spec.API, vars map[string]string) *MissingVarsError {
	e := &MissingVarsError{API: api.Name}
	for _, rule := range api.Harness.Cleanup {
		if rule.List == "" {
			continue
		}
		op := api.Operation(rule.List)
		if op == nil {
			continue
		}
		var names []string
		names = append(names, op.Params()...)
		for _, m := range listVarRe.FindAllStringSubmatch(rule.ListQuery, -1) {
			names = append(names, m[1])
		}
		request := op.Method + " " + op.Template
		if rule.ListQuery != "" {
			request += "?" + rule.ListQuery
		}
		listable := true
		for _, n := range names {
			if vars[n] == "" {
				listable = false
				e.Needs = append(e.Needs, fmt.Sprintf("--var %s=VALUE: rule %q lists with %s (%s)", n, rule.Resource, rule.List, request))
			}
		}
		if listable {
			e.Listable++
		}
	}
	if len(e.Needs) > 0 {
		return e
	}
	return nil
}
