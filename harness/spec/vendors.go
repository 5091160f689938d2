package spec

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Vendor is one white-label cloud and region of an API (the x-vendors list of its contract).
type Vendor struct {
	Vendor string `json:"vendor"`
	Region string `json:"region"`
	URL    string `json:"url"`
}

// Profile is the vendor's short name: lower-case letters and digits only.
func (v Vendor) Profile() string { return squash(v.Vendor) }

// RegionCode is the region's code, the text in parentheses ("Europe (EU)" → "EU").
func (v Vendor) RegionCode() string {
	if i := strings.LastIndexByte(v.Region, '('); i >= 0 {
		return strings.TrimSuffix(strings.TrimSpace(v.Region[i+1:]), ")")
	}
	return v.Region
}

func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Vendors lists the x-vendors of the contract, in their order.
func (a *API) Vendors() []Vendor {
	list, _ := a.Doc.Extensions["x-vendors"].([]any)
	var out []Vendor
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		out = append(out, Vendor{Vendor: fmt.Sprint(m["vendor"]), Region: fmt.Sprint(m["region"]), URL: fmt.Sprint(m["url"])})
	}
	return out
}

// ResolveProfile finds the base URL of a vendor profile and region. The profile matches the start
// of a vendor's short name ("dimensiondata", "opsource", "ntta"); the region matches its code or
// name, case-insensitively. An empty region is allowed when the vendor has one region.
func (a *API) ResolveProfile(profile, region string) (Vendor, error) {
	vendors := a.Vendors()
	if len(vendors) == 0 {
		return Vendor{}, fmt.Errorf("the %s contract lists no vendors (x-vendors): give --target URL", a.Name)
	}
	p := squash(profile)
	var byVendor []Vendor
	names := map[string]bool{}
	for _, v := range vendors {
		if p != "" && strings.HasPrefix(v.Profile(), p) {
			byVendor = append(byVendor, v)
			names[v.Vendor] = true
		}
	}
	if len(names) == 0 {
		return Vendor{}, fmt.Errorf("no vendor profile %q for %s; profiles: %s", profile, a.Name, strings.Join(profileNames(vendors), ", "))
	}
	if len(names) > 1 {
		var n []string
		for k := range names {
			n = append(n, squash(k))
		}
		sort.Strings(n)
		return Vendor{}, fmt.Errorf("profile %q is ambiguous for %s: %s", profile, a.Name, strings.Join(n, ", "))
	}
	var regions []string
	for _, v := range byVendor {
		regions = append(regions, v.RegionCode())
		if (region == "" && len(byVendor) == 1) || strings.EqualFold(v.RegionCode(), region) || strings.EqualFold(v.Region, region) {
			return v, nil
		}
	}
	return Vendor{}, fmt.Errorf("profile %s has no region %q; regions: %s", byVendor[0].Profile(), region, strings.Join(regions, ", "))
}

func profileNames(vendors []Vendor) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vendors {
		if !seen[v.Profile()] {
			seen[v.Profile()] = true
			out = append(out, v.Profile())
		}
	}
	return out
}
