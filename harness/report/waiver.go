package report

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/spec"

	"gopkg.in/yaml.v3"
)

// Waiver accepts a known deviation until it expires: the failures of one operation's check (or
// every check, "*"), or a failing scenario by name.
type Waiver struct {
	Operation string `yaml:"operation" json:"operation,omitempty"`
	Check     string `yaml:"check" json:"check,omitempty"`
	Scenario  string `yaml:"scenario" json:"scenario,omitempty"`
	Reason    string `yaml:"reason" json:"reason"`
	Expires   string `yaml:"expires" json:"expires"`
	// Line is the line of the waiver in its file.
	Line int `yaml:"-" json:"line"`

	expires time.Time
}

// WaiverStatus says whether a waiver was used, what it accepted, whether it has expired (an
// expired waiver accepts nothing and fails the certification) and whether it names something
// unknown (an operation, check or scenario the run does not have: likely a typo).
type WaiverStatus struct {
	Waiver
	Used    bool `json:"used"`
	Expired bool `json:"expired"`
	// Waived counts the failures (and failed scenarios) the waiver accepted; Operations lists the
	// operations whose failures it accepted.
	Waived     int      `json:"waived"`
	Operations []string `json:"operations,omitempty"`
	// Unknown says what the waiver names that does not exist ("" when all is known).
	Unknown string `json:"unknown,omitempty"`
}

// What names what the waiver covers: "operation / check" or "scenario: name".
func (w WaiverStatus) What() string {
	if w.Operation != "" {
		return w.Operation + " / " + w.Check
	}
	return "scenario: " + w.Scenario
}

// Problem says what is wrong with the waiver, "" when nothing is.
func (w WaiverStatus) Problem() string {
	switch {
	case w.Expired && w.Unknown != "":
		return "expired on " + w.Expires + " (it accepts nothing and fails the certification); " + w.Unknown
	case w.Expired:
		return "expired on " + w.Expires + ": it accepts nothing and fails the certification"
	}
	return w.Unknown
}

// LoadWaivers reads a waiver file:
//
//	waivers:
//	  - operation: listAccounts
//	    check: body            # status, content-type, header, body, csv, reason, paging, callback or *
//	    reason: ids are strings until release 2027.1
//	    expires: 2027-01-31
//	  - scenario: A session expires after expire_after seconds without activity
//	    reason: sessions never expire on the staging cloud
//	    expires: 2026-12-31
func LoadWaivers(path string) ([]Waiver, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("waiver file %s: %w", path, err)
	}
	var f struct {
		Waivers []yaml.Node `yaml:"waivers"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("waiver file %s: %w", path, err)
	}
	var out []Waiver
	allowed := map[string]bool{"operation": true, "check": true, "scenario": true, "reason": true, "expires": true}
	for _, n := range f.Waivers {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !allowed[k.Value] {
				return nil, fmt.Errorf("waiver file %s line %d: unknown field %q (operation, check, scenario, reason, expires)", path, k.Line, k.Value)
			}
		}
		var w Waiver
		if err := n.Decode(&w); err != nil {
			return nil, fmt.Errorf("waiver file %s line %d: %w", path, n.Line, err)
		}
		w.Line = n.Line
		switch {
		case w.Reason == "":
			return nil, fmt.Errorf("waiver file %s line %d: a waiver needs a reason", path, n.Line)
		case w.Operation == "" && w.Scenario == "":
			return nil, fmt.Errorf("waiver file %s line %d: a waiver names an operation (and check) or a scenario", path, n.Line)
		case w.Operation != "" && w.Check == "":
			return nil, fmt.Errorf("waiver file %s line %d: name the check waived for %s (or * for all)", path, n.Line, w.Operation)
		}
		w.expires, err = time.Parse(time.DateOnly, w.Expires)
		if err != nil {
			return nil, fmt.Errorf("waiver file %s line %d: expires %q is not a date (YYYY-MM-DD)", path, n.Line, w.Expires)
		}
		out = append(out, w)
	}
	return out, nil
}

type waiverSet struct {
	list []*WaiverStatus
	now  time.Time
	// scenarios holds the names of the scenarios that ran.
	scenarios map[string]bool
}

func newWaiverSet(ws []Waiver, now time.Time) *waiverSet {
	s := &waiverSet{now: now, scenarios: map[string]bool{}}
	for _, w := range ws {
		if w.expires.IsZero() {
			w.expires, _ = time.Parse(time.DateOnly, w.Expires)
		}
		// A waiver is valid through its expiry day.
		expired := !now.Before(w.expires.AddDate(0, 0, 1))
		s.list = append(s.list, &WaiverStatus{Waiver: w, Expired: expired})
	}
	return s
}

// covers tells whether a valid waiver accepts a failure of an operation's check, and counts it.
// An expired waiver accepts nothing (and fails the run).
func (s *waiverSet) covers(op, check string) (string, bool) {
	for _, w := range s.list {
		if w.Operation == op && (w.Check == check || w.Check == "*") {
			w.Used = true
			if !w.Expired {
				w.Waived++
				if n := len(w.Operations); n == 0 || w.Operations[n-1] != op {
					w.Operations = append(w.Operations, op)
				}
				return w.Reason + " (waived until " + w.Expires + ")", true
			}
		}
	}
	return "", false
}

func (s *waiverSet) coversScenario(name string) (string, bool) {
	for _, w := range s.list {
		if w.Scenario != "" && w.Scenario == name {
			w.Used = true
			if !w.Expired {
				w.Waived++
				return w.Reason + " (waived until " + w.Expires + ")", true
			}
		}
	}
	return "", false
}

// ran notes a scenario that ran: a scenario waiver naming none of them is unknown.
func (s *waiverSet) ran(name string) { s.scenarios[name] = true }

// statuses returns the waivers with what they accepted, and what they name that the contract
// (operations, checks) or the run (scenarios) does not have.
func (s *waiverSet) statuses(api *spec.API) []WaiverStatus {
	ops := map[string]bool{}
	var ids []string
	for _, op := range api.Operations() {
		ops[op.ID] = true
		ids = append(ids, op.ID)
	}
	checks := map[string]bool{"*": true}
	for _, c := range Checks {
		checks[c] = true
	}
	out := make([]WaiverStatus, len(s.list))
	for i, w := range s.list {
		var unknown []string
		if w.Operation != "" && !ops[w.Operation] {
			u := fmt.Sprintf("unknown operation %q: the %s contract has no such operation", w.Operation, api.Name)
			if near := nearest(w.Operation, ids); near != "" {
				u += fmt.Sprintf(" (did you mean %s?)", near)
			}
			unknown = append(unknown, u)
		}
		if w.Operation != "" && !checks[w.Check] {
			unknown = append(unknown, fmt.Sprintf("unknown check %q (%s or *)", w.Check, strings.Join(Checks, ", ")))
		}
		if w.Scenario != "" && !s.scenarios[w.Scenario] {
			unknown = append(unknown, fmt.Sprintf("unknown scenario %q: no scenario of that name ran", w.Scenario))
		}
		w.Unknown = strings.Join(unknown, "; ")
		out[i] = *w
	}
	return out
}

// nearest returns the name closest to s by edit distance, if it is close enough to be a typo.
func nearest(s string, names []string) string {
	best, bestD := "", len(s)/3+1
	for _, n := range names {
		if d := distance(strings.ToLower(s), strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
