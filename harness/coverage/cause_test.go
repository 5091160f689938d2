package coverage

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestClassify sorts a seen status into provoked, one the table explains into not provokable
// and the rest into open, for statuses and REASON codes alike.
func TestClassify(t *testing.T) {
	r := &Report{API: "x", Operations: []Operation{{
		ID:       "listThings",
		Statuses: map[string]int{"200": 3, "401": 0, "500": 0},
		Reasons:  map[string]int{"REASON_5": 0, "REASON_70": 1, "REASON_71": 0},
	}, {
		ID:         "getThing",
		Statuses:   map[string]int{"200": 2, "503": 2},
		Reasons:    map[string]int{"REASON_5": 1},
		VendorSide: map[string]int{"200": 1, "503": 2, "REASON_5": 1},
	}}}
	r.Classify(func(op string, status int, reason string) string {
		if status == 500 || reason == "REASON_5" {
			return "the vendor's side"
		}
		return ""
	})
	assert.Equal(t, []string{"listThings 401", "listThings 500"}, r.MissingStatuses())
	assert.Equal(t, []string{"listThings REASON_5", "listThings REASON_71"}, r.MissingReasons())
	assert.Equal(t, []string{"getThing 503", "getThing REASON_5"}, r.VendorSideOnly(), "getThing 200 was seen from outside too")
	assert.Equal(t, ByCause{Provoked: 3, ProvokedVendorSide: 1, NotProvokable: 1, Open: 1}, r.StatusCauses)
	assert.Equal(t, ByCause{Provoked: 2, ProvokedVendorSide: 1, NotProvokable: 1, Open: 1}, r.ReasonCauses)
	assert.Equal(t, []Cause{
		{Operation: "listThings", Status: "200", Class: Provoked},
		{Operation: "listThings", Status: "401", Class: Open},
		{Operation: "listThings", Status: "500", Class: NotProvokable, Why: "the vendor's side"},
		{Operation: "listThings", Reason: "REASON_5", Class: NotProvokable, Why: "the vendor's side"},
		{Operation: "listThings", Reason: "REASON_70", Class: Provoked},
		{Operation: "listThings", Reason: "REASON_71", Class: Open},
		{Operation: "getThing", Status: "200", Class: Provoked},
		{Operation: "getThing", Status: "503", Class: Provoked, Side: SideVendor},
		{Operation: "getThing", Reason: "REASON_5", Class: Provoked, Side: SideVendor, Why: "the vendor's side"},
	}, r.Causes)
	var b bytes.Buffer
	WriteCauses(&b, []*Report{r})
	assert.Contains(t, b.String(), "x by cause: statuses 3 provoked (1 of them only on the vendor's side), 1 not provokable, 1 open; REASON codes 2 provoked (1 of them only on the vendor's side), 1 not provokable, 1 open")
	assert.Contains(t, b.String(), "provoked only on the vendor's side (by its vendor-side scenarios, not from outside):\n    getThing 503\n    getThing REASON_5 (a user's run cannot: the vendor's side)\n")
	assert.Contains(t, b.String(), "listThings 500: the vendor's side")
	assert.Contains(t, b.String(), "open:\n    listThings 401\n    listThings REASON_71")
}
