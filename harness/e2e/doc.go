// Package e2e holds the end-to-end tests of cloudcontract: each API's suite run live against its
// simulator, recorded and replayed, replayed from the committed cassettes, and run against the
// simulator with each fault switched on to prove the harness catches it. It has no code of its own.
package e2e
