package sim

import (
	"fmt"
	"sort"
	"strings"
)

// Fault is one contract break a simulator can commit on demand. Description
// says which operations it affects and how, so a failing test can be traced
// back to the break it was meant to catch; Signature says what the harness's
// failure message must say when it catches it, so the fault matrix proves the
// harness not only fails but says why.
type Fault struct {
	Name        string
	Description string
	// Signature is text the failure (or, for a Deviation, the deviation) must contain.
	Signature string
	// Deviation is set when the fault breaks only what the contract infers (x-evidence): a
	// plain run must list it as a deviation, and a strict run must fail with it.
	Deviation bool
}

// Faults is the set of faults switched on in one simulator. The zero value is
// the empty set.
type Faults struct {
	on map[string]bool
}

// UnknownFaultError reports a fault name a simulator does not know.
type UnknownFaultError struct {
	Name  string
	Known []string
}

// Error names the unknown fault and lists the known ones.
func (e *UnknownFaultError) Error() string {
	return fmt.Sprintf("unknown fault %q (known faults: %s)", e.Name, strings.Join(e.Known, ", "))
}

// ParseFaults checks names against the known faults and returns the set.
// Empty names are ignored so a comma-separated flag with a trailing comma
// works; an unknown name is an *UnknownFaultError.
func ParseFaults(known []Fault, names []string) (Faults, error) {
	idx := make(map[string]bool, len(known))
	for _, f := range known {
		idx[f.Name] = true
	}
	set := Faults{on: map[string]bool{}}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !idx[n] {
			list := make([]string, 0, len(known))
			for _, f := range known {
				list = append(list, f.Name)
			}
			sort.Strings(list)
			return Faults{}, &UnknownFaultError{Name: n, Known: list}
		}
		set.on[n] = true
	}
	return set, nil
}

// On reports whether the named fault is switched on.
func (f Faults) On(name string) bool { return f.on[name] }

// Names returns the faults switched on, sorted.
func (f Faults) Names() []string {
	out := make([]string, 0, len(f.on))
	for n := range f.on {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
