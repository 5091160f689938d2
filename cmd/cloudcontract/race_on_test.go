//go:build race

package main

// raceEnabled: the race detector slows the suites several times over; the long recording tests
// then record fewer suites (the end-to-end tests of harness/e2e record every suite under -race).
const raceEnabled = true
