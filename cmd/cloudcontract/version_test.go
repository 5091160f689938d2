package main

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestResolveVersion(t *testing.T) {
	info := func(version string, settings ...string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/cloudcontract/cloudcontract", Version: version}}
			for i := 0; i+1 < len(settings); i += 2 {
				bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
			}
			return bi, true
		}
	}
	const rev = "3624cc5a1b2c9f00e5d6c7b8a9f0e1d2c3b4a5f6"
	tests := []struct {
		name, ldflags string
		read          func() (*debug.BuildInfo, bool)
		want          string
	}{
		{"no build information", "", func() (*debug.BuildInfo, bool) { return nil, false }, "dev"},
		{"go run: no VCS stamp", "", info("(devel)"), "dev"},
		{"built in a checkout", "", info("(devel)", "vcs.revision", rev, "vcs.modified", "false"), "devel-3624cc5a1b2c"},
		{"built with local changes", "", info("(devel)", "vcs.revision", rev, "vcs.modified", "true"), "devel-3624cc5a1b2c+dirty"},
		{"go install of a tag", "", info("v1.4.0"), "v1.4.0"},
		{"stamped pseudo-version", "", info("v0.0.0-20261203090719-3624cc5a1b2c+dirty", "vcs.revision", rev, "vcs.modified", "true"), "v0.0.0-20261203090719-3624cc5a1b2c+dirty"},
		{"ldflags win", "v9.9.9", info("v1.4.0", "vcs.revision", rev), "v9.9.9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, resolveVersion(tt.ldflags, tt.read))
		})
	}
}

// TestVersionIsTheOneResolved: the version command prints the resolved version, the value every
// run header, cassette and manifest is given.
func TestVersionIsTheOneResolved(t *testing.T) {
	old := version
	version = "devel-3624cc5a1b2c"
	defer func() { version = old }()
	code, out, _ := run(t, "version")
	assert.Equal(t, 0, code)
	assert.Equal(t, "cloudcontract devel-3624cc5a1b2c\n", out)
}
