package cloudcontrol

import "strconv"

// The simulator answers what specs/cloudcontrol/openapi.yaml says, and the
// parts of the contract it needs at run time (operations, their REASON
// codes, roles and paging rules, and the XML shape of every body) are kept
// as data in contract_gen.go, generated from the spec by
//
//	go test ./harness/sim/cloudcontrol -run TestContractTables -update
//
// TestContractTables fails when the generated file no longer matches the
// spec, so the two cannot drift apart.

// opSpec is one operation of the contract.
type opSpec struct {
	ID      string
	Method  string
	PathKey string
	// Title is the operation name written into <Status><operation>: the
	// name the document's success sample uses, or the section title.
	Title      string
	Deprecated bool
	// Roles lists the roles of which the caller needs one (x-roles); empty
	// means every administrator, read-only included.
	Roles []string
	// Reasons are the documented fault codes of the operation (x-reason-codes).
	Reasons []reason
	// Paging is the x-paging rule of a paging list operation, nil otherwise.
	Paging *pagingSpec
	// Request names the schema of an XML request body, "form" for an
	// application/x-www-form-urlencoded one, "" when there is none.
	Request string
	// Response names the schema of the 200 body ("" for CSV bodies).
	Response string
	// CSVHeader is the documented header of a CSV (report) body.
	CSVHeader []string
	// Statuses are the documented response statuses.
	Statuses []int
}

// reason is one documented REASON code with its HTTP status.
type reason struct {
	Status      int
	Code        string
	Description string
}

// pagingSpec is the x-paging extension: which fields a list can be ordered
// and filtered by.
type pagingSpec struct {
	DefaultPageSize int
	MaxPageSize     int
	OrderBy         []string
	Filters         []string
	// RangeFilters accept the .MIN and .MAX comparative operators.
	RangeFilters []string
}

// xmlType is the XML shape of one schema: root element name, namespace and
// properties in document order.
type xmlType struct {
	Name      string
	Namespace string
	Props     []xmlProp
}

// xmlProp is one property of an xmlType.
type xmlProp struct {
	// Name is the JSON property name (the key in the simulator's maps).
	Name string
	// XMLName is the element or attribute name.
	XMLName string
	Attr    bool
	// Text marks the property holding the text of an element with attributes.
	Text     bool
	Required bool
	// Kind is string, integer, number, boolean, object or array.
	Kind string
	// Type names the xmlType of an object (or of an array's items).
	Type string
	// ItemKind is the kind of an array's items.
	ItemKind string
	// ItemName is the element name of an array's items when it differs
	// from XMLName (wrapped arrays and items with their own xml name).
	ItemName string
	Wrapped  bool
}

// code returns the REASON code string of number n.
func code(n int) string { return "REASON_" + strconv.Itoa(n) }

// opsByID indexes the generated operations.
var opsByID = func() map[string]*opSpec {
	m := make(map[string]*opSpec, len(operations))
	for i := range operations {
		m[operations[i].ID] = &operations[i]
	}
	return m
}()

// reasonStatus returns the documented HTTP status of code for op: the
// operation's own codes first, then the paging codes (for paging
// operations) and the common codes. ok is false for an undocumented code.
func (op *opSpec) reasonStatus(c string) (int, bool) {
	for _, r := range op.Reasons {
		if r.Code == c {
			return r.Status, true
		}
	}
	if op.Paging != nil {
		for _, r := range pagingReasons {
			if r.Code == c {
				return r.Status, true
			}
		}
	}
	for _, r := range commonReasons {
		if r.Code == c {
			return r.Status, true
		}
	}
	return 0, false
}

// documents reports whether op lists code c among its own fault codes.
func (op *opSpec) documents(c string) bool {
	for _, r := range op.Reasons {
		if r.Code == c {
			return true
		}
	}
	return false
}
