package report

import (
	"bytes"
	"fmt"
	"os"
	"time"

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

// WaiverStatus says whether a waiver was used and whether it has expired.
type WaiverStatus struct {
	Waiver
	Used    bool `json:"used"`
	Expired bool `json:"expired"`
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
}

func newWaiverSet(ws []Waiver, now time.Time) *waiverSet {
	s := &waiverSet{now: now}
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

// covers tells whether a valid waiver accepts the failures of an operation's check. An expired
// waiver accepts nothing (and fails the run).
func (s *waiverSet) covers(op, check string) (string, bool) {
	for _, w := range s.list {
		if w.Operation == op && (w.Check == check || w.Check == "*") {
			w.Used = true
			if !w.Expired {
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
				return w.Reason + " (waived until " + w.Expires + ")", true
			}
		}
	}
	return "", false
}

func (s *waiverSet) statuses() []WaiverStatus {
	out := make([]WaiverStatus, len(s.list))
	for i, w := range s.list {
		out[i] = *w
	}
	return out
}
