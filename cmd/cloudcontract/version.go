package main

import (
	"runtime/debug"
	"strings"
)

// ldflagsVersion may be set at build time (-ldflags "-X main.ldflagsVersion=v1.2.3"); it wins
// over the build information.
var ldflagsVersion string

// version is the harness version: the one value printed by `version` and written into run
// headers, cassettes and certification manifests.
var version = resolveVersion(ldflagsVersion, debug.ReadBuildInfo)

// resolveVersion derives the version from the build information the Go toolchain embeds: the
// module version when built from a tagged module (go install ...@v1.2.3) or a stamped pseudo
// version, else the VCS revision ("devel-3624cc5a1b2c", "+dirty" when the tree had local
// changes), else "dev" (go run and go test embed no VCS information).
func resolveVersion(ldflags string, read func() (*debug.BuildInfo, bool)) string {
	if ldflags != "" {
		return ldflags
	}
	info, ok := read()
	if !ok || info == nil {
		return "dev"
	}
	revision, modified := vcsOf(info)
	if len(revision) > 12 {
		revision = revision[:12]
	}
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		if modified && !strings.HasSuffix(v, "+dirty") {
			v += "+dirty"
		}
		return v
	}
	if revision == "" {
		return "dev"
	}
	v = "devel-" + revision
	if modified {
		v += "+dirty"
	}
	return v
}

// vcsOf reads the VCS revision and whether the tree had local changes from the build information.
func vcsOf(info *debug.BuildInfo) (revision string, modified bool) {
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	return revision, modified
}

// buildRevision is the VCS revision the binary was built from, "+dirty" when the tree had local
// changes; "" when the build carries none (go run, go test).
func buildRevision(read func() (*debug.BuildInfo, bool)) string {
	info, ok := read()
	if !ok || info == nil {
		return ""
	}
	rev, modified := vcsOf(info)
	if rev != "" && modified {
		rev += "+dirty"
	}
	return rev
}
