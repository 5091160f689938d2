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

// credentials are the profile's credential sets of each API; the environment
// (CLOUDCONTRACT_<API>_USERNAME, _PASSWORD, _TOKEN) overrides fields of the "default" set, which
// otherwise comes from the profile or, failing that, from the contract's harness.yaml.
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
		prefix := "CLOUDCONTRACT_" + strings.ToUpper(a) + "_"
		u, p, t := os.Getenv(prefix+"USERNAME"), os.Getenv(prefix+"PASSWORD"), os.Getenv(prefix+"TOKEN")
		if u == "" && p == "" && t == "" {
			continue
		}
		if out[a] == nil {
			out[a] = map[string]spec.Credential{}
		}
		c, ok := out[a]["default"]
		if !ok {
			if api, err := reg.Get(a); err == nil {
				c = api.Harness.Credentials["default"]
			}
		}
		if u != "" {
			c.Username = u
		}
		if p != "" {
			c.Password = p
		}
		if t != "" {
			c.Token = t
		}
		out[a]["default"] = c
	}
	return out
}
