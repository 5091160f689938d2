// Package catalog lists the simulators by API name, so that commands and tests can start one
// without knowing each package.
package catalog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/cam"
	"github.com/cloudcontract/cloudcontract/harness/sim/cloudcontrol"
	"github.com/cloudcontract/cloudcontract/harness/sim/esc"
	"github.com/cloudcontract/cloudcontract/harness/sim/ukcloud"
)

// Entry is one simulator.
type Entry struct {
	// Name is the API name (the folder name under specs/).
	Name string
	// New builds the simulator.
	New func(opts sim.Options) (sim.Simulator, error)
	// Faults lists the contract breaks it can commit.
	Faults func() []sim.Fault
	// VendorStates lists the states only the vendor's side can put a deployment in that the
	// simulator serves (sim.Options.VendorState): with --target sim, a simulator in each is
	// started and its vendor-side fixture set to its URL. Empty: the document describes none.
	VendorStates []sim.VendorState
}

var entries = []Entry{
	{Name: "cam", New: func(o sim.Options) (sim.Simulator, error) { return cam.New(o) }, Faults: cam.KnownFaults},
	{Name: "cloudcontrol", New: func(o sim.Options) (sim.Simulator, error) { return cloudcontrol.New(o) }, Faults: cloudcontrol.KnownFaults,
		VendorStates: cloudcontrol.VendorStates()},
	{Name: "esc", New: func(o sim.Options) (sim.Simulator, error) { return esc.New(o) }, Faults: esc.KnownFaults,
		VendorStates: esc.VendorStates()},
	{Name: "ukcloud", New: func(o sim.Options) (sim.Simulator, error) { return ukcloud.New(o) }, Faults: ukcloud.KnownFaults},
}

// Entries returns every simulator, sorted by name.
func Entries() []Entry {
	out := append([]Entry(nil), entries...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names lists the simulated APIs.
func Names() []string {
	var n []string
	for _, e := range Entries() {
		n = append(n, e.Name)
	}
	return n
}

// Lookup returns the simulator of an API.
func Lookup(name string) (Entry, error) {
	for _, e := range entries {
		if e.Name == name {
			return e, nil
		}
	}
	return Entry{}, fmt.Errorf("no simulator for API %q (simulated: %s)", name, strings.Join(Names(), ", "))
}
