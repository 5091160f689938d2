// Package cloudcontract carries the contracts, features and cassettes of the project inside the
// binary, so that `go install` gives a command that runs from any folder (see cmd/cloudcontract:
// a folder of the working directory, or a flag, overrides each tree).
package cloudcontract

import "embed"

// Trees holds specs/, features/ and cassettes/ as they were at build time.
//
//go:embed specs features cassettes
var Trees embed.FS
