package main

import (
	"flag"
	"os"
	"strconv"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/config"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// settings are the run options that a flag, the environment or a profile file can give, resolved
// in that order of precedence, here and nowhere else.
type settings struct {
	fs      *flag.FlagSet
	file    *config.File
	explict map[string]bool
}

// loadSettings reads the profile named by --config or CLOUDCONTRACT_CONFIG (none is fine).
func loadSettings(fs *flag.FlagSet, path string) (*settings, error) {
	s := &settings{fs: fs, explict: map[string]bool{}}
	fs.Visit(func(f *flag.Flag) { s.explict[f.Name] = true })
	if path == "" {
		path = os.Getenv("CLOUDCONTRACT_CONFIG")
	}
	if path != "" {
		f, err := config.Load(path)
		if err != nil {
			return nil, usageErr("%v", err)
		}
		s.file = f
	}
	return s, nil
}

// apply fills each flag the user did not give from the environment variable, then the profile.
func (s *settings) apply(api string) {
	set := func(name, env, fromFile string) {
		if s.explict[name] || s.fs.Lookup(name) == nil {
			return
		}
		if v := os.Getenv(env); env != "" && v != "" {
			_ = s.fs.Set(name, v)
			return
		}
		if fromFile != "" {
			_ = s.fs.Set(name, fromFile)
		}
	}
	f := s.file
	if f == nil {
		f = &config.File{}
	}
	a := f.APIs[api]
	target := f.Target
	if a.Target != "" {
		target = a.Target
	}
	if a.Profile != "" && !s.explict["target"] && os.Getenv("CLOUDCONTRACT_TARGET") == "" {
		set("profile", "", a.Profile)
		set("region", "", a.Region)
		target = ""
	}
	set("target", "CLOUDCONTRACT_TARGET", target)
	set("timeout", "CLOUDCONTRACT_TIMEOUT", f.Timeout)
	set("poll-interval", "CLOUDCONTRACT_POLL_INTERVAL", f.PollInterval)
	if f.Retries != nil {
		set("retries", "CLOUDCONTRACT_RETRIES", strconv.Itoa(*f.Retries))
	} else {
		set("retries", "CLOUDCONTRACT_RETRIES", "")
	}
	if f.Concurrency > 0 {
		set("concurrency", "CLOUDCONTRACT_CONCURRENCY", strconv.Itoa(f.Concurrency))
	}
	set("ca-cert", "CLOUDCONTRACT_CA_CERT", f.CACert)
	if f.Insecure {
		set("insecure", "", "true")
	}
	set("callback-addr", "CLOUDCONTRACT_CALLBACK_ADDR", f.CallbackAddr)
	set("callback-url", "CLOUDCONTRACT_CALLBACK_URL", f.CallbackURL)
}

// credentials are the credential sets of each API that the user configured: the profile's
// (apis.<api>.credentials.<set>), with each field overridden by the environment
// (CLOUDCONTRACT_<API>_<SET>_USERNAME, _PASSWORD, _TOKEN; the default set also without its name,
// CLOUDCONTRACT_<API>_USERNAME). The contract's harness.yaml defaults are not mixed in here: they
// are the simulators' and only a simulator target may fall back to them (the runner decides).
func (s *settings) credentials(reg *spec.Registry, apis []string) map[string]map[string]spec.Credential {
	out := map[string]map[string]spec.Credential{}
	if s.file != nil {
		for name, a := range s.file.APIs {
			out[name] = map[string]spec.Credential{}
			for k, v := range a.Credentials {
				out[name][k] = v
			}
		}
	}
	if len(apis) == 0 {
		apis, _ = reg.Names()
	}
	for _, a := range apis {
		sets := map[string]bool{"default": true}
		if api, err := reg.Get(a); err == nil {
			for set := range api.Harness.Credentials {
				sets[set] = true
			}
		}
		for set := range out[a] {
			sets[set] = true
		}
		for set := range sets {
			c, had := out[a][set]
			changed := false
			for _, f := range []struct {
				name string
				to   *string
			}{{"USERNAME", &c.Username}, {"PASSWORD", &c.Password}, {"TOKEN", &c.Token}} {
				v := os.Getenv(spec.CredentialEnv(a, set, f.name))
				if v == "" && set == "default" {
					v = os.Getenv("CLOUDCONTRACT_" + strings.ToUpper(a) + "_" + f.name)
				}
				if v != "" {
					*f.to, changed = v, true
				}
			}
			if !had && !changed {
				continue
			}
			if out[a] == nil {
				out[a] = map[string]spec.Credential{}
			}
			out[a][set] = c
		}
	}
	return out
}

// vars are the fixture variables of each API the user gave: the profile's (apis.<api>.vars),
// overridden by the environment (CLOUDCONTRACT_<API>_VAR_<NAME>), overridden by --var NAME=VALUE
// (which applies to every API of the run that declares NAME).
func (s *settings) vars(reg *spec.Registry, apis []string, flags []string) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	if len(apis) == 0 {
		apis, _ = reg.Names()
	}
	given := map[string]string{}
	for _, kv := range flags {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, usageErr("--var %q: write NAME=VALUE", kv)
		}
		given[k] = v
	}
	for _, a := range apis {
		api, err := reg.Get(a)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		if s.file != nil {
			for k, v := range s.file.APIs[a].Vars {
				if _, ok := api.Harness.Fixture(k); !ok {
					return nil, usageErr("profile %s: apis.%s.vars.%s is not a fixture of %s (see specs/%s/harness.yaml)", s.file.Path, a, k, a, a)
				}
				m[k] = v
			}
		}
		for _, f := range api.Harness.Fixtures {
			if v := os.Getenv(spec.FixtureEnv(a, f.Name)); v != "" {
				m[f.Name] = v
			}
			if v, ok := given[f.Name]; ok {
				m[f.Name] = v
			}
		}
		if len(m) > 0 {
			out[a] = m
		}
	}
	for k := range given {
		found := false
		for _, a := range apis {
			if api, err := reg.Get(a); err == nil {
				if _, ok := api.Harness.Fixture(k); ok {
					found = true
				}
			}
		}
		if !found {
			return nil, usageErr("--var %s: no API of this run declares a fixture %q (see the fixtures of specs/<api>/harness.yaml)", k, k)
		}
	}
	return out, nil
}
