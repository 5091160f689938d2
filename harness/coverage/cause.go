package coverage

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// The classes of a documented status or REASON code.
const (
	// Provoked: the cassettes hold a response with it.
	Provoked = "provoked"
	// NotProvokable: only the vendor's side can cause it (maintenance, an internal error); the
	// API's table (specs/<api>/negative.yaml) says why.
	NotProvokable = "not-provokable"
	// Open: not yet covered.
	Open = "open"
)

// Cause classifies one documented status, or one operation × REASON code pair.
type Cause struct {
	Operation string `json:"operation"`
	Status    string `json:"status,omitempty"`
	Reason    string `json:"reason,omitempty"`
	Class     string `json:"class"`
	// Why says why a pair is not provokable.
	Why string `json:"why,omitempty"`
}

// ByCause counts the classes of a report.
type ByCause struct {
	Provoked      int `json:"provoked"`
	NotProvokable int `json:"not_provokable"`
	Open          int `json:"open"`
}

// WhyNotProvokable says why a documented status (reason "") or REASON code of an operation cannot
// be provoked from outside, or "" when it can.
type WhyNotProvokable func(operation string, status int, reason string) string

// Classify sorts every documented status and REASON code of the report into provoked, not
// provokable (as why says) and open, and stores the classification on the report.
func (r *Report) Classify(why WhyNotProvokable) {
	r.Causes = nil
	r.StatusCauses, r.ReasonCauses = ByCause{}, ByCause{}
	for _, o := range r.Operations {
		for _, k := range sortedKeys(o.Statuses) {
			st, _ := strconv.Atoi(k)
			c := classify(Cause{Operation: o.ID, Status: k}, o.Statuses[k], why(o.ID, st, ""))
			count(&r.StatusCauses, c.Class)
			r.Causes = append(r.Causes, c)
		}
		for _, k := range sortedKeys(o.Reasons) {
			c := classify(Cause{Operation: o.ID, Reason: k}, o.Reasons[k], why(o.ID, 0, k))
			count(&r.ReasonCauses, c.Class)
			r.Causes = append(r.Causes, c)
		}
	}
}

func classify(c Cause, seen int, why string) Cause {
	switch {
	case seen > 0:
		c.Class = Provoked
	case why != "":
		c.Class, c.Why = NotProvokable, why
	default:
		c.Class = Open
	}
	return c
}

func count(b *ByCause, class string) {
	switch class {
	case Provoked:
		b.Provoked++
	case NotProvokable:
		b.NotProvokable++
	default:
		b.Open++
	}
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// WriteCauses prints, per classified report, the documented statuses (and REASON codes) by
// cause, the ones not provokable with why, and the open ones.
func WriteCauses(w io.Writer, reports []*Report) {
	for _, r := range reports {
		if r.Causes == nil {
			continue
		}
		s := r.StatusCauses
		fmt.Fprintf(w, "\n%s by cause: statuses %d provoked, %d not provokable, %d open", r.API, s.Provoked, s.NotProvokable, s.Open)
		if rc := r.ReasonCauses; rc != (ByCause{}) {
			fmt.Fprintf(w, "; REASON codes %d provoked, %d not provokable, %d open", rc.Provoked, rc.NotProvokable, rc.Open)
		}
		fmt.Fprintln(w)
		var not, open []string
		for _, c := range r.Causes {
			name := c.Operation + " " + c.Status + c.Reason
			switch c.Class {
			case NotProvokable:
				not = append(not, name+": "+c.Why)
			case Open:
				open = append(open, name)
			}
		}
		if len(not) > 0 {
			fmt.Fprintf(w, "  not provokable from outside:\n    %s\n", strings.Join(not, "\n    "))
		}
		if len(open) > 0 {
			fmt.Fprintf(w, "  open:\n    %s\n", strings.Join(open, "\n    "))
		}
	}
}
