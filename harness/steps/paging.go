package steps

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// Steps over paged lists described by x-paging (the page attributes pageNumber, pageCount,
// totalCount, pageSize): walking every page, ordering and filters.

// page returns the paging description and the decoded page of the last response.
func (s *Scenario) page() (*validate.PagingSpec, *validate.Page, error) {
	t, err := s.Target()
	if err != nil {
		return nil, nil, err
	}
	p := validate.Paging(t.Operation)
	if p == nil {
		return nil, nil, fmt.Errorf("%s: operation %s does not page (no x-paging in the contract)", t.Exchange.RequestLine(), t.Operation.ID)
	}
	if t.BodyErr != nil {
		return nil, nil, fmt.Errorf("%s answered %d without a readable page: %v", t.Exchange.RequestLine(), t.Exchange.Status, t.BodyErr)
	}
	if t.Body == nil {
		return nil, nil, fmt.Errorf("%s answered %d with no JSON or XML page (Content-Type %q): %s", t.Exchange.RequestLine(), t.Exchange.Status, t.Exchange.Header.Get("Content-Type"), excerpt(t.Exchange.Body))
	}
	pg, problems := validate.ReadPage(t.Body, p)
	if len(problems) > 0 {
		return nil, nil, &validate.ContractError{API: s.env.API.Name, Operation: t.Operation.String(), RequestLine: t.Exchange.RequestLine(), Status: t.Exchange.Status, Problems: problems}
	}
	return p, pg, nil
}

// itemKey identifies an item across pages: its id when it has one, else its whole value.
func itemKey(it any) string {
	for _, f := range []string{"/id", "/@id", "/name"} {
		if v, ok := validate.Lookup(it, f); ok {
			return f + "=" + validate.Render(v)
		}
	}
	return validate.Render(it)
}

func withQuery(path, q string) string {
	if strings.Contains(path, "?") {
		return path + "&" + q
	}
	return path + "?" + q
}

// pageThrough walks every page of a list with the given page size and checks, beyond each page's
// own contract: totalCount is the same on every page, the pages hold totalCount items, each exactly
// once, and a pageNumber past the last page answers the last page.
func pageThrough(ctx context.Context, path string, size int) error {
	s := scenario(ctx)
	if size < 1 {
		return fmt.Errorf("page size must be at least 1, not %d", size)
	}
	// A first request finds the operation, hence its parameter names.
	if err := sendWith(ctx, "GET", path, nil, nil); err != nil {
		return err
	}
	spec, _, err := s.page()
	if err != nil {
		return err
	}
	get := func(n int) (*validate.Page, error) {
		q := fmt.Sprintf("%s=%d&%s=%d", spec.SizeParam, size, spec.PageParam, n)
		if n == 0 { // the whole list: pageSize is the size, pageNumber 1
			q = fmt.Sprintf("%s=%d&%s=1", spec.SizeParam, size, spec.PageParam)
		}
		if err := sendWith(ctx, "GET", withQuery(path, q), nil, nil); err != nil {
			return nil, err
		}
		if err := s.validate(s.last); err != nil {
			return nil, fmt.Errorf("page %d: %w", n, err)
		}
		_, pg, err := s.page()
		return pg, err
	}
	first, err := get(1)
	if err != nil {
		return err
	}
	total := first.Total
	if total <= size {
		return fmt.Errorf("%s: paging through %s by %d cannot be judged on %d item(s) (totalCount): the list must fill more than one page (at least %d items)", s.last.RequestLine(), path, size, total, size+1)
	}
	last := (total + size - 1) / size
	if last < 1 {
		last = 1
	}
	seen := map[string]int{}
	count := 0
	var lastPage *validate.Page
	for n := 1; n <= last; n++ {
		pg := first
		if n > 1 {
			if pg, err = get(n); err != nil {
				return err
			}
		}
		if pg.Total != total {
			return fmt.Errorf("%s: totalCount changed while paging: %d on page 1, %d on page %d", s.last.RequestLine(), total, pg.Total, n)
		}
		for _, it := range pg.Items {
			seen[itemKey(it)]++
			count++
		}
		lastPage = pg
	}
	var dups []string
	for k, n := range seen {
		if n > 1 {
			dups = append(dups, fmt.Sprintf("%s (%d times)", k, n))
		}
	}
	if len(dups) > 0 {
		return fmt.Errorf("paging %s by %d: items on more than one page: %s", path, size, strings.Join(dups, ", "))
	}
	if count != total {
		return fmt.Errorf("paging %s by %d: the %d pages hold %d items, totalCount says %d", path, size, last, count, total)
	}
	// The same list in one page (pageSize = totalCount) must hold exactly the items of the walk:
	// an item replaced by another on some page is caught here, not by counting.
	if total > 0 {
		all, err := getSized(get, &size, total)
		if err != nil {
			return fmt.Errorf("the whole list in one page: %w", err)
		}
		whole := map[string]bool{}
		for _, it := range all.Items {
			whole[itemKey(it)] = true
		}
		var never, extra []string
		for k := range whole {
			if seen[k] == 0 {
				never = append(never, k)
			}
		}
		for k := range seen {
			if !whole[k] {
				extra = append(extra, k)
			}
		}
		if len(never) > 0 || len(extra) > 0 {
			sort.Strings(never)
			sort.Strings(extra)
			return fmt.Errorf("paging %s by %d: items of the whole list never on any page: [%s]; items on pages but not in the whole list: [%s]", path, size, strings.Join(never, ", "), strings.Join(extra, ", "))
		}
	}
	past, err := get(last + 1)
	if err != nil {
		return fmt.Errorf("a page past the last: %w", err)
	}
	if past.Number != last || itemKeys(past.Items) != itemKeys(lastPage.Items) {
		return fmt.Errorf("%s: a pageNumber past the last page (%d) should answer the last page; got page %d with %d items", s.last.RequestLine(), last, past.Number, len(past.Items))
	}
	return nil
}

// getSized fetches page 1 with another page size, restoring the walk's size afterwards.
func getSized(get func(int) (*validate.Page, error), size *int, n int) (*validate.Page, error) {
	saved := *size
	*size = n
	defer func() { *size = saved }()
	return get(0)
}

func itemKeys(items []any) string {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = itemKey(it)
	}
	return strings.Join(keys, "\x00")
}

// compareValues orders two rendered values: numbers numerically, RFC 3339 times chronologically,
// anything else case-insensitively.
func compareValues(a, b string) int {
	if x, err := strconv.ParseFloat(a, 64); err == nil {
		if y, err := strconv.ParseFloat(b, 64); err == nil {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	}
	if x, err := time.Parse(time.RFC3339, a); err == nil {
		if y, err := time.Parse(time.RFC3339, b); err == nil {
			return x.Compare(y)
		}
	}
	return strings.Compare(strings.ToLower(a), strings.ToLower(b))
}

type orderKey struct {
	field string
	desc  bool
}

// parseOrderBy reads "name.DESCENDING,created" (directions case-insensitive, ascending by default).
func parseOrderBy(expr string) ([]orderKey, error) {
	var keys []orderKey
	for _, part := range strings.Split(expr, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k := orderKey{field: part}
		if i := strings.LastIndexByte(part, '.'); i > 0 {
			switch strings.ToUpper(part[i+1:]) {
			case "ASCENDING":
				k.field = part[:i]
			case "DESCENDING":
				k.field, k.desc = part[:i], true
			}
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("empty orderBy %q", expr)
	}
	return keys, nil
}

func itemsOrdered(ctx context.Context, expr string) error {
	s := scenario(ctx)
	keys, err := parseOrderBy(expr)
	if err != nil {
		return err
	}
	_, pg, err := s.page()
	if err != nil {
		return err
	}
	if len(pg.Items) < 2 {
		return fmt.Errorf("%s: expected the items ordered by %s, but ordering cannot be judged on %d item(s): the page must hold at least 2", s.last.RequestLine(), expr, len(pg.Items))
	}
	for i, it := range pg.Items {
		for _, k := range keys {
			if _, ok := validate.ItemValue(it, k.field); !ok {
				return fmt.Errorf("%s: expected the items ordered by %s, but item %d has no field %s: %s", s.last.RequestLine(), expr, i, k.field, excerpt([]byte(validate.Render(it))))
			}
		}
	}
	differ := false
	for i := 1; i < len(pg.Items); i++ {
		for _, k := range keys {
			a, _ := validate.ItemValue(pg.Items[i-1], k.field)
			b, _ := validate.ItemValue(pg.Items[i], k.field)
			c := compareValues(validate.Render(a), validate.Render(b))
			if c != 0 {
				differ = true
			}
			if k.desc {
				c = -c
			}
			if c < 0 {
				break // this pair is in order; later keys do not matter
			}
			if c > 0 {
				return fmt.Errorf("%s: items %d and %d are not ordered by %s: %s=%q before %s=%q", s.last.RequestLine(), i-1, i, expr, k.field, validate.Render(a), k.field, validate.Render(b))
			}
		}
	}
	if !differ {
		return fmt.Errorf("%s: expected the items ordered by %s, but ordering cannot be judged: all %d items compare equal by %s", s.last.RequestLine(), expr, len(pg.Items), expr)
	}
	return nil
}

// everyResponseItem checks a filter on every item of the page: equal to, in (comma-separated),
// at least (.MIN), at most (.MAX). An empty page fails, unless ifAny says it may be empty.
func everyResponseItem(ctx context.Context, field, op, want string, ifAny bool) error {
	s := scenario(ctx)
	w, err := s.Expand(want)
	if err != nil {
		return err
	}
	_, pg, err := s.page()
	if err != nil {
		return err
	}
	if len(pg.Items) == 0 && !ifAny {
		return fmt.Errorf("%s: expected every item to have %s %s %q, but the page holds no item: there is nothing to judge (say \"if any\" when an empty page is right)", s.last.RequestLine(), field, op, w)
	}
	for i, it := range pg.Items {
		v, ok := validate.ItemValue(it, field)
		got := validate.Render(v)
		var pass bool
		switch op {
		case "equal to":
			pass = ok && got == w
		case "in":
			pass = ok && containsFold(strings.Split(w, ","), got)
		case "at least":
			pass = ok && compareValues(got, w) >= 0
		case "at most":
			pass = ok && compareValues(got, w) <= 0
		}
		if !pass {
			if !ok {
				got = "(absent)"
			}
			return fmt.Errorf("%s: item %d has %s %q, expected it %s %q", s.last.RequestLine(), i, field, got, op, w)
		}
	}
	return nil
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.TrimSpace(x) == v {
			return true
		}
	}
	return false
}

func responseItemCount(ctx context.Context, cmp string, n int) error {
	s := scenario(ctx)
	if cmp != "" && n == 0 {
		return errors.New(`"at least 0 items" holds for any page, so the step could not fail: expect a positive count, or "should hold 0 items"`)
	}
	_, pg, err := s.page()
	if err != nil {
		return err
	}
	ok := len(pg.Items) == n
	if cmp == "at least " {
		ok = len(pg.Items) >= n
	}
	if !ok {
		return fmt.Errorf("%s: expected %s%d items on the page, got %d", s.last.RequestLine(), cmp, n, len(pg.Items))
	}
	return nil
}
