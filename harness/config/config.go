// Package config reads a run profile: a YAML file of defaults for the flags of run and certify,
// and per-API targets and credentials. Flags win over the environment, which wins over the file;
// the command line resolves them in one place (cmd/cloudcontract).
//
//	target: https://staging.example.com     # default --target
//	timeout: 45s
//	retries: 3
//	concurrency: 4
//	ca_cert: /etc/ssl/private-ca.pem
//	insecure: false
//	callback_url: http://runner.example:9000
//	apis:
//	  cloudcontrol:
//	    profile: dimensiondata
//	    region: EU
//	    credentials:
//	      default: {username: api-user, password: ...}
//	      subadmin: {username: sub-user, password: ...}
//	  ukcloud:
//	    target: https://portal.skyscapecloud.com
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// File is a run profile.
type File struct {
	Target       string         `yaml:"target,omitempty"`
	Timeout      string         `yaml:"timeout,omitempty"`
	PollInterval string         `yaml:"poll_interval,omitempty"`
	Retries      *int           `yaml:"retries,omitempty"`
	Concurrency  int            `yaml:"concurrency,omitempty"`
	CACert       string         `yaml:"ca_cert,omitempty"`
	Insecure     bool           `yaml:"insecure,omitempty"`
	CallbackAddr string         `yaml:"callback_addr,omitempty"`
	CallbackURL  string         `yaml:"callback_url,omitempty"`
	APIs         map[string]API `yaml:"apis,omitempty"`

	// Path is the file read.
	Path string `yaml:"-"`
	// TimeoutValue is Timeout parsed.
	TimeoutValue time.Duration `yaml:"-"`
}

// API is the part of a profile for one API.
type API struct {
	Target      string                     `yaml:"target,omitempty"`
	Profile     string                     `yaml:"profile,omitempty"`
	Region      string                     `yaml:"region,omitempty"`
	Credentials map[string]spec.Credential `yaml:"credentials,omitempty"`
	// Vars are fixture variables of the API (harness.yaml fixtures) by name.
	Vars map[string]string `yaml:"vars,omitempty"`
}

// Load reads a profile; errors name the file and the line.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	f := &File{Path: path}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(f); err != nil && !errors.Is(err, io.EOF) { // an empty file is an empty profile
		return nil, fmt.Errorf("profile %s: %w", path, err)
	}
	if f.Timeout != "" {
		if f.TimeoutValue, err = time.ParseDuration(f.Timeout); err != nil || f.TimeoutValue <= 0 {
			return nil, fmt.Errorf("profile %s: timeout %q is not a positive duration (e.g. 30s)%s", path, f.Timeout, lineOf(data, "timeout"))
		}
	}
	if f.PollInterval != "" {
		if d, err := time.ParseDuration(f.PollInterval); err != nil || d <= 0 {
			return nil, fmt.Errorf("profile %s: poll_interval %q is not a positive duration (e.g. 30s)%s", path, f.PollInterval, lineOf(data, "poll_interval"))
		}
	}
	if f.Retries != nil && *f.Retries < 0 {
		return nil, fmt.Errorf("profile %s: retries %d cannot be negative%s", path, *f.Retries, lineOf(data, "retries"))
	}
	if f.Concurrency < 0 {
		return nil, fmt.Errorf("profile %s: concurrency %d cannot be negative%s", path, f.Concurrency, lineOf(data, "concurrency"))
	}
	if f.Insecure && f.CACert != "" {
		return nil, fmt.Errorf("profile %s: insecure and ca_cert contradict each other%s", path, lineOf(data, "insecure"))
	}
	for name, a := range f.APIs {
		if a.Target != "" && a.Profile != "" {
			return nil, fmt.Errorf("profile %s: apis.%s gives both target and profile%s", path, name, lineOf(data, name))
		}
	}
	return f, nil
}

// lineOf finds the line of the first "key:" in the file, for messages.
func lineOf(data []byte, key string) string {
	for i, line := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(bytes.TrimSpace(line), []byte(key+":")) {
			return fmt.Sprintf(" (line %d)", i+1)
		}
	}
	return ""
}
