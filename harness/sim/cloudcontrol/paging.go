package cloudcontrol

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Paging and filtering (section 1.8) for the operations with x-paging. The
// rules come from the contract: which fields order and filter each list
// (x-paging.orderBy, filters, rangeFilters) and its default page size; the
// REASON codes are x-paging-reason-codes. What the contract does not say is
// decided here:
//
//   - the default page size is x-paging.defaultPageSize where the document
//     states it (5.1, 11.2), else the data set's (fallbackPageSize in the
//     default one; the document fixes none for 2.7 and 11.1 and shows 250
//     only in sample answers for 4.10, 4.11 and 5.18, whose defaultPageSize
//     carries x-evidence);
//   - the default order is "created" ascending where the list can be ordered
//     by it (1.8.3), else its first orderBy field; ties keep the order the
//     resources were created in;
//   - filter values compare case-insensitively; boolean fields take true or
//     false; date fields take the 1.8.1 formats ("20120901T00:00:00Z",
//     "20120901", and their ISO 8601 dashed forms) and a date-only EQUALS
//     matches the whole day;
//   - a pageNumber past the last page answers the last page (1.8); an empty
//     list answers page 1 with no items.

// fallbackPageSize is the page size of a paging list that documents none.
const fallbackPageSize = 250

// maxFilterValues is the largest IN list (REASON_72).
const maxFilterValues = 10

// fieldKinds types the filter and order fields that are not strings.
var fieldKinds = map[string]string{
	"deployed":  "boolean",
	"started":   "boolean",
	"created":   "date",
	"startDate": "date",
}

type orderKey struct {
	field string
	desc  bool
}

type filter struct {
	field  string
	op     string // "" (EQUALS / IN), "MIN" or "MAX"
	values []string
}

// pageQuery is a parsed, valid set of paging parameters.
type pageQuery struct {
	size, number int
	order        []orderKey
	filters      []filter
}

// pagingError is a paging parameter the operation refuses.
type pagingError struct {
	code   int
	detail string
}

func canonical(list []string, name string) (string, bool) {
	for _, f := range list {
		if strings.EqualFold(f, name) {
			return f, true
		}
	}
	return "", false
}

// parsePaging checks the query of a paging operation against its x-paging
// rule. Parameter names and keywords are case-insensitive (1.8.1).
func parsePaging(p *pagingSpec, q url.Values, fallback int) (*pageQuery, *pagingError) {
	pq := &pageQuery{size: p.DefaultPageSize, number: 1}
	if pq.size == 0 {
		pq.size = fallback
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		vals := q[k]
		switch strings.ToLower(k) {
		case "pagesize", "pagenumber":
			if len(vals) != 1 {
				return nil, &pagingError{71, k + " may only be specified once."}
			}
			n, err := strconv.Atoi(vals[0])
			if err != nil || n < 1 {
				return nil, &pagingError{71, k + " must be a positive integer, not \"" + vals[0] + "\"."}
			}
			if strings.EqualFold(k, "pageSize") {
				if p.MaxPageSize > 0 && n > p.MaxPageSize {
					return nil, &pagingError{71, "pageSize must not exceed " + strconv.Itoa(p.MaxPageSize) + "."}
				}
				pq.size = n
			} else {
				pq.number = n
			}
		case "orderby":
			if len(vals) != 1 {
				return nil, &pagingError{71, "orderBy may only be specified once."}
			}
			for _, part := range strings.Split(vals[0], ",") {
				name, dir, _ := strings.Cut(strings.TrimSpace(part), ".")
				field, ok := canonical(p.OrderBy, name)
				if !ok {
					return nil, &pagingError{71, "orderBy field \"" + name + "\" is not one of " + strings.Join(p.OrderBy, ", ") + "."}
				}
				key := orderKey{field: field}
				switch strings.ToUpper(dir) {
				case "", "ASCENDING":
				case "DESCENDING":
					key.desc = true
				default:
					return nil, &pagingError{71, "orderBy direction \"" + dir + "\" is not ASCENDING or DESCENDING."}
				}
				pq.order = append(pq.order, key)
			}
		default:
			name, op, _ := strings.Cut(k, ".")
			field, ok := canonical(p.Filters, name)
			if !ok {
				return nil, &pagingError{70, "Unsupported parameter \"" + k + "\"."}
			}
			op = strings.ToUpper(op)
			if op != "" {
				if _, ranged := canonical(p.RangeFilters, field); !ranged || (op != "MIN" && op != "MAX") {
					return nil, &pagingError{73, "Comparative operator \"" + op + "\" is not allowed with filter " + field + "."}
				}
				if len(vals) != 1 {
					return nil, &pagingError{71, k + " may only be specified once."}
				}
			}
			if len(vals) > maxFilterValues {
				return nil, &pagingError{72, "More than " + strconv.Itoa(maxFilterValues) + " values for filter " + field + "."}
			}
			for _, v := range vals {
				if !validValue(field, v) {
					return nil, &pagingError{320, "Invalid value \"" + v + "\" for filter " + field + "."}
				}
			}
			pq.filters = append(pq.filters, filter{field: field, op: op, values: vals})
		}
	}
	if len(pq.order) == 0 {
		if _, ok := canonical(p.OrderBy, "created"); ok {
			pq.order = []orderKey{{field: "created"}}
		} else if len(p.OrderBy) > 0 {
			pq.order = []orderKey{{field: p.OrderBy[0]}}
		}
	}
	return pq, nil
}

func validValue(field, v string) bool {
	switch fieldKinds[field] {
	case "boolean":
		return strings.EqualFold(v, "true") || strings.EqualFold(v, "false")
	case "date":
		_, _, ok := parseDate(v)
		return ok
	}
	return v != ""
}

// dateLayouts are the date forms 1.8.1 accepts, short ones last.
var dateLayouts = []string{time.RFC3339Nano, "20060102T15:04:05Z07:00", "2006-01-02T15:04:05", "20060102T15:04:05", "2006-01-02", "20060102"}

// parseDate reads a filter or field date; dateOnly tells a short form.
func parseDate(v string) (t time.Time, dateOnly bool, ok bool) {
	for i, l := range dateLayouts {
		if t, err := time.Parse(l, v); err == nil {
			return t, i >= 4, true
		}
	}
	return time.Time{}, false, false
}

// fieldFunc returns the value of a paging field of an item, as text.
type fieldFunc[T any] func(item T, field string) string

// matches reports whether an item value satisfies a filter.
func (f filter) matches(have string) bool {
	if fieldKinds[f.field] == "date" {
		ht, _, ok := parseDate(have)
		if !ok {
			return false
		}
		for _, v := range f.values {
			ft, dateOnly, _ := parseDate(v)
			switch {
			case f.op == "MIN" && !ht.Before(ft):
				return true
			case f.op == "MAX" && dateOnly && ht.Before(ft.AddDate(0, 0, 1)):
				return true
			case f.op == "MAX" && !dateOnly && !ht.After(ft):
				return true
			case f.op == "" && dateOnly && ht.UTC().Format("2006-01-02") == ft.Format("2006-01-02"):
				return true
			case f.op == "" && !dateOnly && ht.Equal(ft):
				return true
			}
		}
		return false
	}
	for _, v := range f.values {
		if strings.EqualFold(v, have) {
			return true
		}
	}
	return false
}

func less(field, a, b string) int {
	if fieldKinds[field] == "date" {
		ta, _, _ := parseDate(a)
		tb, _, _ := parseDate(b)
		return ta.Compare(tb)
	}
	if ia, err := strconv.Atoi(a); err == nil {
		if ib, err := strconv.Atoi(b); err == nil {
			return ia - ib
		}
	}
	return strings.Compare(strings.ToLower(a), strings.ToLower(b))
}

// pageOf filters, orders and pages items for the call's paging query and
// returns the page and the paging attributes of the containing element
// (1.8: pageNumber, pageCount, totalCount, pageSize). The paging faults are
// committed here.
func pageOf[T any](c *call, items []T, field fieldFunc[T]) ([]T, obj) {
	q := c.paging
	var kept []T
	for _, it := range items {
		ok := true
		for _, f := range q.filters {
			if !f.matches(field(it, f.field)) {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, it)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		for _, k := range q.order {
			d := less(k.field, field(kept[i], k.field), field(kept[j], k.field))
			if d == 0 {
				continue
			}
			if k.desc {
				return d > 0
			}
			return d < 0
		}
		return false
	})
	total := len(kept)
	if c.s.faults.On(FaultMissingPageItems) && len(kept) > 1 {
		kept = append(kept[:1:1], kept[2:]...)
	}
	pages := (total + q.size - 1) / q.size
	if pages < 1 {
		pages = 1
	}
	number := q.number
	if number > pages {
		number = pages
	}
	start := (number - 1) * q.size
	end := start + q.size
	if end > len(kept) {
		end = len(kept)
	}
	if start > end {
		start = end
	}
	if c.s.faults.On(FaultDuplicatePageItems) && number > 1 && start > 0 {
		start--
	}
	page := append([]T(nil), kept[start:end]...)
	attrs := obj{"pageNumber": number, "pageCount": len(page), "totalCount": total, "pageSize": q.size}
	if c.s.faults.On(FaultBrokenPagingAttributes) {
		delete(attrs, "pageSize")
		attrs["pageCount"] = total
		attrs["pageNumber"] = number + 1
	}
	return page, attrs
}
