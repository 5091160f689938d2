// Package coverage measures, from the recorded cassettes, which operations of a contract the
// features exercise, which documented status codes and REASON codes they have seen, and which
// callbacks: the gaps are listed by name.
package coverage

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// Operation is the coverage of one operation.
type Operation struct {
	ID         string `json:"id"`
	Method     string `json:"method"`
	Path       string `json:"path"`
	Deprecated bool   `json:"deprecated,omitempty"`
	// Calls counts recorded requests routed to the operation.
	Calls int `json:"calls"`
	// Statuses maps each documented status key to the number of responses seen with it.
	Statuses map[string]int `json:"statuses"`
	// Undocumented lists statuses seen that the operation does not document.
	Undocumented []int `json:"undocumented,omitempty"`
	// Reasons maps each documented REASON code (own, common and paging) to the times seen.
	Reasons map[string]int `json:"reasons,omitempty"`
	// Callbacks maps each declared callback (header name) to the notifications seen.
	Callbacks map[string]int `json:"callbacks,omitempty"`
	// VendorSide counts, by status key and REASON code, the responses seen in vendor-side
	// recordings (of scenarios needing a vendor-side fixture): part of Statuses and Reasons.
	VendorSide map[string]int `json:"vendor_side,omitempty"`
}

// Report is the coverage of one API.
type Report struct {
	API        string      `json:"api"`
	Cassettes  int         `json:"cassettes"`
	Operations []Operation `json:"operations"`
	// Unrouted lists recorded requests no operation describes.
	Unrouted []string `json:"unrouted,omitempty"`
	Totals   Totals   `json:"totals"`
	// Causes classifies every documented status and REASON code (see Classify); nil until then.
	Causes []Cause `json:"classification,omitempty"`
	// StatusCauses and ReasonCauses count the classification.
	StatusCauses ByCause `json:"statuses_by_cause"`
	ReasonCauses ByCause `json:"reason_codes_by_cause"`
}

// Totals sums a report.
type Totals struct {
	Operations          int `json:"operations"`
	OperationsExercised int `json:"operations_exercised"`
	Statuses            int `json:"statuses"`
	StatusesExercised   int `json:"statuses_exercised"`
	Reasons             int `json:"reason_codes"`
	ReasonsExercised    int `json:"reason_codes_exercised"`
	Callbacks           int `json:"callbacks"`
	CallbacksExercised  int `json:"callbacks_exercised"`
}

// Compute reads every cassette of an API and measures its coverage.
func Compute(api *spec.API, cassetteDir string) (*Report, error) {
	recs, err := vcr.Recordings(cassetteDir)
	if err != nil {
		return nil, err
	}
	return FromRecordings(api, recs)
}

// FromRecordings measures the coverage of recordings already read (a certification run's).
func FromRecordings(api *spec.API, recs []*vcr.Recording) (*Report, error) {
	v := validate.New(api)
	r := &Report{API: api.Name, Cassettes: len(recs)}
	byID := map[string]*Operation{}
	for _, op := range api.Operations() {
		o := &Operation{ID: op.ID, Method: op.Method, Path: op.PathKey, Deprecated: op.Op.Deprecated, Statuses: map[string]int{}}
		for _, s := range op.Statuses() {
			o.Statuses[s] = 0
		}
		if codes, ok := validate.ReasonCodes(api, op); ok {
			o.Reasons = map[string]int{}
			for _, c := range codes {
				o.Reasons[c.Code] = 0
			}
		}
		for _, cb := range op.Callbacks() {
			if o.Callbacks == nil {
				o.Callbacks = map[string]int{}
			}
			o.Callbacks[cb.Header] = 0
		}
		byID[op.ID] = o
	}
	txOp := map[string]*spec.Operation{}
	for _, rec := range recs {
		vendor := vendorSide(api, rec)
		for _, in := range rec.Interactions {
			x, err := vcr.Exchange(in)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", rec.Path, err)
			}
			t, err := v.Prepare(x)
			if err != nil {
				r.Unrouted = append(r.Unrouted, fmt.Sprintf("%s (%s)", x.RequestLine(), rec.Path))
				continue
			}
			o := byID[t.Operation.ID]
			o.Calls++
			if t.StatusKey == "" {
				o.Undocumented = appendUnique(o.Undocumented, x.Status)
			} else {
				o.Statuses[t.StatusKey]++
				o.vendorSide(vendor, t.StatusKey)
			}
			if o.Reasons != nil && t.Body != nil {
				if m, ok := t.Body.Value.(map[string]any); ok {
					if c, ok := m["resultCode"]; ok {
						code := validate.Render(c)
						if _, documented := o.Reasons[code]; documented {
							o.Reasons[code]++
							o.vendorSide(vendor, code)
						}
					}
				}
			}
			for _, tx := range validate.HeaderValues(x.Header, api.Harness.Callbacks.TransactionHeaders...) {
				txOp[tx] = t.Operation
			}
		}
		for _, cb := range rec.Callbacks {
			for _, tx := range validate.HeaderValues(cb.Headers, api.Harness.Callbacks.TransactionHeaders...) {
				if op := txOp[tx]; op != nil {
					for h := range byID[op.ID].Callbacks {
						if validate.HeaderKey(h) == validate.HeaderKey(cb.Header) {
							byID[op.ID].Callbacks[h]++
						}
					}
				}
			}
		}
	}
	for _, op := range api.Operations() {
		o := byID[op.ID]
		r.Operations = append(r.Operations, *o)
		r.Totals.Operations++
		if o.Calls > 0 {
			r.Totals.OperationsExercised++
		}
		for _, n := range o.Statuses {
			r.Totals.Statuses++
			if n > 0 {
				r.Totals.StatusesExercised++
			}
		}
		for _, n := range o.Reasons {
			r.Totals.Reasons++
			if n > 0 {
				r.Totals.ReasonsExercised++
			}
		}
		for _, n := range o.Callbacks {
			r.Totals.Callbacks++
			if n > 0 {
				r.Totals.CallbacksExercised++
			}
		}
	}
	return r, nil
}

// vendorSide tells whether a recording is of a scenario that needed a vendor-side fixture: its
// header carries one (a recording carries a vendor-side value only when its scenario used it).
func vendorSide(api *spec.API, rec *vcr.Recording) bool {
	for name := range rec.Vars {
		if _, ok := api.Harness.VendorSide(name); ok {
			return true
		}
	}
	return false
}

// vendorSide counts a status key or REASON code seen in a vendor-side recording.
func (o *Operation) vendorSide(vendor bool, key string) {
	if !vendor {
		return
	}
	if o.VendorSide == nil {
		o.VendorSide = map[string]int{}
	}
	o.VendorSide[key]++
}

func appendUnique(list []int, v int) []int {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// Missing lists the operations never exercised.
func (r *Report) Missing() []string {
	var out []string
	for _, o := range r.Operations {
		if o.Calls == 0 {
			out = append(out, fmt.Sprintf("%s (%s %s)", o.ID, o.Method, o.Path))
		}
	}
	return out
}

// MissingStatuses lists "operationId status" pairs documented but never seen.
func (r *Report) MissingStatuses() []string {
	return r.keys(func(o *Operation) map[string]int { return o.Statuses }, func(n, _ int) bool { return n == 0 })
}

// MissingReasons lists the documented REASON codes no recording carried, as "operationId
// REASON_n".
func (r *Report) MissingReasons() []string {
	return r.keys(func(o *Operation) map[string]int { return o.Reasons }, func(n, _ int) bool { return n == 0 })
}

// VendorSideOnly lists the documented statuses and REASON codes seen only in vendor-side
// recordings ("operationId status", "operationId REASON_n"): what only a deployment the vendor
// put in a state answered.
func (r *Report) VendorSideOnly() []string {
	only := func(n, vendor int) bool { return n > 0 && n == vendor }
	return append(r.keys(func(o *Operation) map[string]int { return o.Statuses }, only),
		r.keys(func(o *Operation) map[string]int { return o.Reasons }, only)...)
}

// keys lists, per operation in order, the sorted keys of one of its counts that keep says to keep
// (given the key's count and its vendor-side count).
func (r *Report) keys(of func(*Operation) map[string]int, keep func(n, vendor int) bool) []string {
	var out []string
	for i := range r.Operations {
		o := &r.Operations[i]
		counts := of(o)
		keys := make([]string, 0, len(counts))
		for k, n := range counts {
			if keep(n, o.VendorSide[k]) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, o.ID+" "+k)
		}
	}
	return out
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d (%d%%)", a, b, a*100/b)
}

// WriteTable prints the summary of several reports and, with gaps, every operation not exercised
// and every documented status not seen.
func WriteTable(w io.Writer, reports []*Report, gaps bool) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "API\tcassettes\toperations\tstatuses\tREASON codes\tcallbacks")
	for _, r := range reports {
		t := r.Totals
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", r.API, r.Cassettes, pct(t.OperationsExercised, t.Operations),
			pct(t.StatusesExercised, t.Statuses), pct(t.ReasonsExercised, t.Reasons), pct(t.CallbacksExercised, t.Callbacks))
	}
	tw.Flush()
	if !gaps {
		return
	}
	for _, r := range reports {
		if m := r.Missing(); len(m) > 0 {
			fmt.Fprintf(w, "\n%s: %d operation(s) not exercised:\n  %s\n", r.API, len(m), strings.Join(m, "\n  "))
		}
		if len(r.Unrouted) > 0 {
			fmt.Fprintf(w, "\n%s: %d recorded request(s) match no operation:\n  %s\n", r.API, len(r.Unrouted), strings.Join(r.Unrouted, "\n  "))
		}
		if m := r.MissingStatuses(); len(m) > 0 {
			fmt.Fprintf(w, "\n%s: %d documented status(es) never seen:\n  %s\n", r.API, len(m), strings.Join(m, "\n  "))
		}
	}
}
