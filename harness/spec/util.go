package spec

import "sort"

func sortStrings(s []string) { sort.Strings(s) }

func sortCallbacks(cbs []Callback) {
	sort.Slice(cbs, func(i, j int) bool {
		if cbs[i].Name != cbs[j].Name {
			return cbs[i].Name < cbs[j].Name
		}
		if cbs[i].Expression != cbs[j].Expression {
			return cbs[i].Expression < cbs[j].Expression
		}
		return cbs[i].Method < cbs[j].Method
	})
}
