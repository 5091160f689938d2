package mutate

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// Report is the outcome of a mutation run of one API.
type Report struct {
	API string `json:"api"`
	// Target is "replay" or the live target's URL.
	Target   string `json:"target"`
	MaxPerOp int    `json:"max_per_op"`
	Seed     uint64 `json:"seed"`
	// Scenarios counts the scenarios that passed unchanged; Excluded lists the others (a failing
	// scenario cannot catch anything).
	Scenarios int      `json:"scenarios"`
	Excluded  []string `json:"excluded,omitempty"`
	// Rounds is the number of runs the mutants took.
	Rounds int `json:"rounds"`
	// Operations has a row per operation with mutants; Total sums them.
	Operations []Row `json:"operations"`
	Total      Row   `json:"total"`
	// Unexercised lists the operations no passing scenario exercises: nothing to mutate.
	Unexercised []string  `json:"unexercised,omitempty"`
	Mutants     []*Mutant `json:"mutants"`
	// Duration is the wall time of the run (not in the text report, which must be reproducible).
	Duration time.Duration `json:"duration_ns"`
}

// Row counts the mutants of one operation by verdict.
type Row struct {
	Operation  string `json:"operation"`
	Mutants    int    `json:"mutants"`
	Caught     int    `json:"caught"`
	Equivalent int    `json:"equivalent"`
	Survivors  int    `json:"survivors"`
	NotApplied int    `json:"not_applied,omitempty"`
}

func (r *Row) add(v Verdict) {
	r.Mutants++
	switch v {
	case Caught:
		r.Caught++
	case Equivalent:
		r.Equivalent++
	case Survivor:
		r.Survivors++
	case NotApplied:
		r.NotApplied++
	}
}

// tally fills the rows from the mutants.
func (r *Report) tally() {
	rows := map[string]*Row{}
	r.Total = Row{Operation: "total"}
	for _, m := range r.Mutants {
		row := rows[m.Operation]
		if row == nil {
			row = &Row{Operation: m.Operation}
			rows[m.Operation] = row
		}
		row.add(m.Verdict)
		r.Total.add(m.Verdict)
	}
	r.Operations = r.Operations[:0]
	for _, row := range rows {
		r.Operations = append(r.Operations, *row)
	}
	sort.Slice(r.Operations, func(i, j int) bool { return r.Operations[i].Operation < r.Operations[j].Operation })
}

// Survivors returns the mutants no scenario caught though the contract forbids them.
func (r *Report) Survivors() []*Mutant { return r.with(Survivor) }

// EquivalentMutants returns the mutants the contract allows.
func (r *Report) EquivalentMutants() []*Mutant { return r.with(Equivalent) }

func (r *Report) with(v Verdict) []*Mutant {
	var out []*Mutant
	for _, m := range r.Mutants {
		if m.Verdict == v {
			out = append(out, m)
		}
	}
	return out
}

// OK tells whether every mutant the contract forbids was caught.
func (r *Report) OK() bool { return r.Total.Survivors == 0 }

// Summary is the one-line summary of the report.
func (r *Report) Summary() string {
	s := fmt.Sprintf("%s (%s): %d mutants of %d operations: %d caught, %d equivalent, %d survivors",
		r.API, r.Target, r.Total.Mutants, len(r.Operations), r.Total.Caught, r.Total.Equivalent, r.Total.Survivors)
	if r.Total.NotApplied > 0 {
		s += fmt.Sprintf(", %d not applied", r.Total.NotApplied)
	}
	return s
}

// WriteText writes the report for a person: the summary, the per-operation table, each survivor
// with the validator's reason (the check a suite author must add), then the equivalent mutants.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "mutate %s\n", r.Summary())
	fields := "every field"
	if r.MaxPerOp >= 0 {
		fields = fmt.Sprintf("at most %d field(s)", r.MaxPerOp)
	}
	fmt.Fprintf(&b, "%d scenarios passed unchanged; %d round(s); %s per body operator, seed %d\n",
		r.Scenarios, r.Rounds, fields, r.Seed)
	if len(r.Excluded) > 0 {
		fmt.Fprintf(&b, "%d scenario(s) fail unchanged and carry no mutant:\n", len(r.Excluded))
		for _, e := range r.Excluded {
			fmt.Fprintf(&b, "  %s\n", e)
		}
	}
	if len(r.Unexercised) > 0 {
		fmt.Fprintf(&b, "%d operation(s) no passing scenario exercises: %s\n", len(r.Unexercised), strings.Join(r.Unexercised, ", "))
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "operation\tmutants\tcaught\tequivalent\tsurvivors\t")
	for _, row := range append(append([]Row{}, r.Operations...), r.Total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t\n", row.Operation, row.Mutants, row.Caught, row.Equivalent, row.Survivors)
	}
	_ = tw.Flush()
	if s := r.Survivors(); len(s) > 0 {
		fmt.Fprintf(&b, "\nSurvivors: the contract forbids these responses and no scenario fails (%d; add a check):\n", len(s))
		for i, m := range s {
			if i == 0 || !sameExchange(s[i-1], m) {
				fmt.Fprintf(&b, "  %s: %s → %d, scenario %q (%s)\n", m.Operation, m.Request, m.Status, m.Scenario, filepath.Base(m.Feature))
			}
			fmt.Fprintf(&b, "    %s\n", m.Mutation)
			for _, p := range m.Problems {
				fmt.Fprintf(&b, "      contract: %s\n", p)
			}
		}
	}
	if e := r.EquivalentMutants(); len(e) > 0 {
		fmt.Fprintf(&b, "\nEquivalent: the contract allows these responses (%d; no suite can be blamed):\n", len(e))
		for i := 0; i < len(e); {
			j := i
			var ms []string
			for ; j < len(e) && e[j].Operation == e[i].Operation; j++ {
				ms = append(ms, e[j].Mutation.String())
			}
			fmt.Fprintf(&b, "  %s: %s\n", e[i].Operation, strings.Join(ms, " | "))
			for _, m := range e[i:j] {
				for _, d := range m.Deviations {
					fmt.Fprintf(&b, "    %s, deviation: %s\n", m.Mutation, d)
				}
			}
			i = j
		}
	}
	if n := r.with(NotApplied); len(n) > 0 {
		fmt.Fprintf(&b, "\nNot applied (%d):\n", len(n))
		for _, m := range n {
			fmt.Fprintf(&b, "  %s: %s: %s\n", m.Operation, m.Mutation, m.Reason)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func sameExchange(a, b *Mutant) bool {
	return a.Operation == b.Operation && a.Request == b.Request && a.Scenario == b.Scenario && a.Feature == b.Feature
}

// WriteJSON writes reports as one JSON document.
func WriteJSON(w io.Writer, reports []*Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Reports []*Report `json:"reports"`
	}{reports})
}
