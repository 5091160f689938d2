package steps

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/redact"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// pager serves GET /api/servers of the shop fixture: 7 servers, paged, with optional bugs (or
// data too thin to judge: "empty", "one", "twins" with the same cpuCount).
type pager struct {
	bug string
}

func (p *pager) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	names := []string{"alpha", "Bravo", "charlie", "delta", "Echo", "foxtrot", "golf"}
	q := r.URL.Query()
	size, _ := strconv.Atoi(q.Get("pageSize"))
	if size == 0 {
		size = 250
	}
	num, _ := strconv.Atoi(q.Get("pageNumber"))
	if num == 0 {
		num = 1
	}
	switch p.bug {
	case "empty":
		names = nil
	case "one":
		names = names[:1]
	}
	total := len(names)
	if p.bug == "missing" {
		names = append(names[:3], names[4:]...) // one item never served, totalCount unchanged
	}
	last := (total + size - 1) / size
	if last < 1 {
		last = 1 // an empty list has one, empty, page
	}
	if num > last && p.bug != "past-last" {
		num = last
	}
	start := (num - 1) * size
	if p.bug == "duplicate" && num > 1 {
		start-- // the last item of the previous page again
	}
	var items []string
	for i := start; i < start+size && i < len(names) && i >= 0; i++ {
		items = append(items, names[i])
	}
	if p.bug == "missing" && num == last && len(items) < total-(last-1)*size {
		items = append(items, "filler-"+fmt.Sprint(num)) // keep pageCount consistent: the walk, not the page check, must see it
	}
	if p.bug == "duplicate" && len(items) > total-(num-1)*size && num == last {
		items = items[:total-(num-1)*size]
	}
	if p.bug == "unordered" && len(items) > 1 {
		items[0], items[1] = items[1], items[0]
	}
	tc := total
	if p.bug == "total-changes" && num == 2 {
		tc = total + 1
	}
	w.Header().Set("Content-Type", "application/xml")
	var b strings.Builder
	fmt.Fprintf(&b, `<Servers xmlns="http://oec.api.opsource.net/schemas/server" pageNumber="%d" pageCount="%d" totalCount="%d" pageSize="%d">`, num, len(items), tc, size)
	for _, n := range items {
		cpus := len(n)
		if p.bug == "twins" {
			cpus = 2
		}
		fmt.Fprintf(&b, `<server id="%s"><name>%s</name><cpuCount>%d</cpuCount></server>`, n, n, cpus)
	}
	b.WriteString("</Servers>")
	fmt.Fprint(w, b.String())
}

func scenarioFor(t *testing.T, h http.Handler) context.Context {
	t.Helper()
	api, err := spec.Load("../spec/testdata/shop")
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	base, _ := url.Parse(srv.URL)
	env := &Env{API: api, Validator: validate.New(api), Sessions: vcr.NewFactory(vcr.Options{Mode: vcr.Live}), BaseURL: base,
		Wait: func(context.Context, time.Duration) error { return nil }, Timeout: 5 * time.Second, MaxBody: 1 << 20, Policy: redact.New()}
	s, err := NewScenario(env, "t.feature", t.Name())
	require.NoError(t, err)
	return context.WithValue(context.Background(), ctxKey{}, s)
}

func TestPageThrough(t *testing.T) {
	tests := []struct {
		bug  string
		want string
	}{
		{"", ""},
		{"duplicate", "items on more than one page"},
		{"missing", "items of the whole list never on any page"},
		{"total-changes", "totalCount changed while paging: 7 on page 1, 8 on page 2"},
		{"past-last", "page past the last"},
	}
	for _, tt := range tests {
		t.Run("bug="+tt.bug, func(t *testing.T) {
			ctx := scenarioFor(t, &pager{bug: tt.bug})
			err := pageThrough(ctx, "/api/servers", 3)
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestOrderingAndFilters(t *testing.T) {
	ctx := scenarioFor(t, &pager{})
	require.NoError(t, send(ctx, "GET", "/api/servers"))
	assert.NoError(t, itemsOrdered(ctx, "name"))
	assert.NoError(t, itemsOrdered(ctx, "name.ascending"))
	assert.ErrorContains(t, itemsOrdered(ctx, "name.DESCENDING"), "not ordered by name.DESCENDING")
	assert.NoError(t, everyResponseItem(ctx, "cpuCount", "at least", "4", false))
	assert.NoError(t, everyResponseItem(ctx, "/cpuCount", "at most", "7", false))
	assert.ErrorContains(t, everyResponseItem(ctx, "cpuCount", "at most", "5", false), `has cpuCount "7", expected it at most "5"`)
	assert.ErrorContains(t, everyResponseItem(ctx, "name", "equal to", "alpha", false), `item 1 has name "Bravo"`)
	assert.ErrorContains(t, everyResponseItem(ctx, "name", "in", "alpha,Bravo", false), `item 2 has name "charlie"`)
	assert.NoError(t, responseItemCount(ctx, "", 7))
	assert.Error(t, responseItemCount(ctx, "", 6))

	ctx = scenarioFor(t, &pager{bug: "unordered"})
	require.NoError(t, send(ctx, "GET", "/api/servers"))
	assert.ErrorContains(t, itemsOrdered(ctx, "name"), "items 0 and 1 are not ordered by name")
}

func TestParseOrderByAndCompare(t *testing.T) {
	keys, err := parseOrderBy("name.DESCENDING, created ,id.Ascending")
	require.NoError(t, err)
	assert.Equal(t, []orderKey{{"name", true}, {"created", false}, {"id", false}}, keys)
	_, err = parseOrderBy(" , ")
	assert.Error(t, err)
	assert.Equal(t, -1, compareValues("9", "10"))
	assert.Equal(t, 1, compareValues("2018-07-20T10:00:00Z", "2018-07-20T09:00:00Z"))
	assert.Equal(t, -1, compareValues("alpha", "Bravo"))
}
