package sim

import (
	"fmt"
	"net/url"
	"strconv"
)

// Page is a page request: 1-based page number and page size.
type Page struct {
	Number int
	Size   int
}

// PageError reports an unusable paging parameter.
type PageError struct {
	Param string
	Value string
}

// Error says which parameter was wrong and what a valid one looks like.
func (e *PageError) Error() string {
	return fmt.Sprintf("query parameter %s=%q must be a positive integer", e.Param, e.Value)
}

// ParsePage reads a page number and page size from q. When neither parameter
// is present it reports ok=false (many APIs then return everything). When only
// one is present the other takes its default: page 1, size defaultSize. A
// value that is not a positive integer is a *PageError.
func ParsePage(q url.Values, pageParam, sizeParam string, defaultSize int) (p Page, ok bool, err error) {
	_, hasPage := q[pageParam]
	_, hasSize := q[sizeParam]
	if !hasPage && !hasSize {
		return Page{}, false, nil
	}
	p = Page{Number: 1, Size: defaultSize}
	if hasPage {
		if p.Number, err = positive(pageParam, q.Get(pageParam)); err != nil {
			return Page{}, false, err
		}
	}
	if hasSize {
		if p.Size, err = positive(sizeParam, q.Get(sizeParam)); err != nil {
			return Page{}, false, err
		}
	}
	return p, true, nil
}

func positive(param, v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, &PageError{Param: param, Value: v}
	}
	return n, nil
}

// Slice returns the items on page p (empty past the end).
func Slice[T any](items []T, p Page) []T {
	start := (p.Number - 1) * p.Size
	if p.Number < 1 || p.Size < 1 || start >= len(items) || start < 0 {
		return []T{}
	}
	end := start + p.Size
	if end > len(items) || end < start {
		end = len(items)
	}
	return items[start:end]
}
