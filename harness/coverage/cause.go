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

// SideVendor is the Side of a pair provoked only on the vendor's side: every response with it came
// from a scenario needing a vendor-side fixture (a deployment in maintenance), which a user's run
// does not have.
const SideVendor = "vendor"

// Cause classifies one documented status, or one operation × REASON code pair.
type Cause struct {
	Operation string `json:"operation"`
	Status    string `json:"status,omitempty"`
	Reason    string `json:"reason,omitempty"`
	Class     string `json:"class"`
	// Side is SideVendor for a pair provoked only on the vendor's side ("" otherwise).
	Side string `json:"side,omitempty"`
	// Why says why a pair is not provokable, or, provoked on the vendor's side, why a user's
	// run cannot provoke it.
	Why string `json:"why,omitempty"`
}

// ByCause counts the classes of a report.
type ByCause struct {
	Provoked int `json:"provoked"`
	// ProvokedVendorSide counts the provoked pairs seen only on the vendor's side (part of
	// Provoked).
	ProvokedVendorSide int `json:"provoked_vendor_side"`
	NotProvokable      int `json:"not_provokable"`
	Open               int `json:"open"`
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
			c := classify(Cause{Operation: o.ID, Status: k}, o.Statuses[k], o.VendorSide[k], why(o.ID, st, ""))
			count(&r.StatusCauses, c)
			r.Causes = append(r.Causes, c)
		}
		for _, k := range sortedKeys(o.Reasons) {
			c := classify(Cause{Operation: o.ID, Reason: k}, o.Reasons[k], o.VendorSide[k], why(o.ID, 0, k))
			count(&r.ReasonCauses, c)
			r.Causes = append(r.Causes, c)
		}
	}
}

// classify sorts a pair seen times, vendor of them in vendor-side recordings.
func classify(c Cause, seen, vendor int, why string) Cause {
	switch {
	case seen > 0 && vendor == seen:
		c.Class, c.Side, c.Why = Provoked, SideVendor, why
	case seen > 0:
		c.Class = Provoked
	case why != "":
		c.Class, c.Why = NotProvokable, why
	default:
		c.Class = Open
	}
	return c
}

func count(b *ByCause, c Cause) {
	if c.Side == SideVendor {
		b.ProvokedVendorSide++
	}
	switch c.Class {
	case Provoked:
		b.Provoked++
	case NotProvokable:
		b.NotProvokable++
	default:
		b.Open++
	}
}

// String renders the counts: "N provoked (N of them only on the vendor's side), N not
// provokable, N open".
func (b ByCause) String() string {
	provoked := fmt.Sprintf("%d provoked", b.Provoked)
	if b.ProvokedVendorSide > 0 {
		provoked = fmt.Sprintf("%d provoked (%d of them only on the vendor's side)", b.Provoked, b.ProvokedVendorSide)
	}
	return fmt.Sprintf("%s, %d not provokable, %d open", provoked, b.NotProvokable, b.Open)
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
		fmt.Fprintf(w, "\n%s by cause: statuses %s", r.API, r.StatusCauses)
		if rc := r.ReasonCauses; rc != (ByCause{}) {
			fmt.Fprintf(w, "; REASON codes %s", rc)
		}
		fmt.Fprintln(w)
		var vendor, not, open []string
		for _, c := range r.Causes {
			name := c.Operation + " " + c.Status + c.Reason
			switch {
			case c.Side == SideVendor && c.Why != "":
				vendor = append(vendor, name+" (a user's run cannot: "+c.Why+")")
			case c.Side == SideVendor:
				vendor = append(vendor, name)
			case c.Class == NotProvokable:
				not = append(not, name+": "+c.Why)
			case c.Class == Open:
				open = append(open, name)
			}
		}
		if len(vendor) > 0 {
			fmt.Fprintf(w, "  provoked only on the vendor's side (by its vendor-side scenarios, not from outside):\n    %s\n", strings.Join(vendor, "\n    "))
		}
		if len(not) > 0 {
			fmt.Fprintf(w, "  not provokable from outside:\n    %s\n", strings.Join(not, "\n    "))
		}
		if len(open) > 0 {
			fmt.Fprintf(w, "  open:\n    %s\n", strings.Join(open, "\n    "))
		}
	}
}
