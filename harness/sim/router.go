package sim

import (
	"net/url"
	"sort"
	"strings"
)

// Router finds the route of a request from path keys written the way the
// specs write them (specs/README.md conventions 1 and 4): the whole path with
// {param} segments, optionally followed by an action marker in the query
// ("/server/{server-id}?delete", "/publicip?reserveNew"). A route with a
// marker matches only when the marker is present in the request query (with
// that value, when the key gives one); literal segments beat parameters and a
// marked route beats an unmarked one. It is the simulator-side twin of the
// harness's spec router, for APIs whose operations differ by a query marker
// and so cannot be told apart by http.ServeMux.
type Router[T any] struct {
	routes []route[T]
}

type route[T any] struct {
	method      string
	segments    []string
	marker, val string
	v           T
}

// Add registers v for method and pathKey.
func (r *Router[T]) Add(method, pathKey string, v T) {
	path, query, _ := strings.Cut(pathKey, "?")
	marker, val, _ := strings.Cut(query, "=")
	r.routes = append(r.routes, route[T]{method: strings.ToUpper(method), segments: strings.Split(strings.Trim(path, "/"), "/"),
		marker: marker, val: val, v: v})
}

// Find returns the value of the best route for the request, the path
// parameters by name, and ok. When no route matches the method but some
// match the path, allowed lists their methods (for a 405).
func (r *Router[T]) Find(method, path string, query url.Values) (v T, params map[string]string, allowed []string, ok bool) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	best := -1
	seen := map[string]bool{}
	for _, rt := range r.routes {
		p, literals, match := rt.match(parts, query)
		if !match {
			continue
		}
		seen[rt.method] = true
		if rt.method != strings.ToUpper(method) {
			continue
		}
		score := literals * 2
		if rt.marker != "" {
			score++
		}
		if score > best {
			best, v, params, ok = score, rt.v, p, true
		}
	}
	if !ok {
		for m := range seen {
			allowed = append(allowed, m)
		}
		sort.Strings(allowed)
	}
	return v, params, allowed, ok
}

func (rt route[T]) match(parts []string, query url.Values) (map[string]string, int, bool) {
	if len(parts) != len(rt.segments) {
		return nil, 0, false
	}
	if rt.marker != "" {
		vals, present := query[rt.marker]
		if !present {
			return nil, 0, false
		}
		if rt.val != "" && !containsFold(vals, rt.val) {
			return nil, 0, false
		}
	}
	params := map[string]string{}
	literals := 0
	for i, s := range rt.segments {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			if parts[i] == "" {
				return nil, 0, false
			}
			v := parts[i]
			if u, err := url.PathUnescape(v); err == nil {
				v = u
			}
			params[s[1:len(s)-1]] = v
			continue
		}
		if s != parts[i] {
			return nil, 0, false
		}
		literals++
	}
	return params, literals, true
}

func containsFold(vals []string, v string) bool {
	for _, x := range vals {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}
