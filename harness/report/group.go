package report

import (
	"regexp"
	"sort"
)

// FailureGroup gathers the failures of one kind: the same check and title, wherever they
// happened. A contract defect usually shows in many exchanges and operations; the group says it
// once, with how often and where.
type FailureGroup struct {
	Check string `json:"check"`
	Title string `json:"title"`
	// Count is the number of failures of the group, Waived how many of them a waiver accepts.
	Count  int `json:"count"`
	Waived int `json:"waived"`
	// Deviations counts those that break an assertion the contract inferred (not failing).
	Deviations int `json:"deviations,omitempty"`
	// Operations lists the operations hit, each with its count, in contract order.
	Operations []GroupHit `json:"operations"`
	// Example is the first failure of the group.
	Example Failure `json:"example"`
}

// GroupHit is one operation hit by a group of failures.
type GroupHit struct {
	Operation string `json:"operation"`
	Count     int    `json:"count"`
	Waived    int    `json:"waived,omitempty"`
}

// Failing is the number of failures of the group that fail: neither waived nor deviations.
func (g FailureGroup) Failing() int { return g.Count - g.Waived - g.Deviations }

// group builds r.Failures from the failures of every operation and numbers each failure with
// its group.
func (r *Result) group() {
	type key struct{ check, title string }
	index := map[key]int{}
	var groups []*FailureGroup
	for oi := range r.Operations {
		op := &r.Operations[oi]
		for fi := range op.Failures {
			f := &op.Failures[fi]
			if f.Title == "" {
				f.Title = f.Message
			}
			f.Title = genericTitle(f.Title, op.ID)
			k := key{f.Check, f.Title}
			i, ok := index[k]
			if !ok {
				i = len(groups)
				index[k] = i
				groups = append(groups, &FailureGroup{Check: f.Check, Title: f.Title, Example: *f})
			}
			g := groups[i]
			g.Count++
			if n := len(g.Operations); n == 0 || g.Operations[n-1].Operation != op.ID {
				g.Operations = append(g.Operations, GroupHit{Operation: op.ID})
			}
			hit := &g.Operations[len(g.Operations)-1]
			hit.Count++
			switch {
			case f.Deviation != "":
				g.Deviations++
			case f.Waiver != "":
				g.Waived++
				hit.Waived++
			}
		}
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ga, gb := groups[order[a]], groups[order[b]]
		if (ga.Failing() > 0) != (gb.Failing() > 0) {
			return ga.Failing() > 0
		}
		return ga.Count > gb.Count
	})
	rank := make([]int, len(groups))
	r.Failures = make([]FailureGroup, len(groups))
	for pos, i := range order {
		rank[i] = pos
	}
	for oi := range r.Operations {
		op := &r.Operations[oi]
		for fi := range op.Failures {
			f := &op.Failures[fi]
			f.Group = rank[index[key{f.Check, f.Title}]]
		}
	}
	for pos, i := range order {
		g := *groups[i]
		g.Example.Group = pos
		r.Failures[pos] = g
	}
}

// genericTitle leaves the operation out of a title ("error 400 of deployServer has no Status
// body" → "error 400 of the operation has no Status body"): the same defect in many operations is
// one kind of failure, and the group lists the operations.
func genericTitle(title, op string) string {
	if op == "" {
		return title
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(op) + `\b`)
	return re.ReplaceAllString(title, "the operation")
}
