package runner

import (
	"fmt"
	"strings"
	"unicode"
)

// CheckTags validates a godog tag expression before godog sees it: godog panics on an empty term
// ("@a &&") and silently matches nothing for a term with spaces ("@a and @b"). The grammar godog
// applies is: terms joined by "&&" (and), each a comma-separated list (or) of tags, each tag
// optionally negated by "~".
func CheckTags(expr string) error {
	if strings.TrimSpace(expr) == "" {
		return nil
	}
	const grammar = "write tags as @name, joined by && (and) or a comma (or), each negated by ~ (e.g. '@paging && ~@slow')"
	for i, and := range strings.Split(expr, "&&") {
		for _, or := range strings.Split(and, ",") {
			tag := strings.TrimSpace(or)
			name := strings.ReplaceAll(strings.TrimPrefix(tag, "~"), "@", "")
			switch {
			case tag == "":
				return fmt.Errorf("--tags %q: empty term %d (a dangling && or comma?); %s", expr, i+1, grammar)
			case name == "":
				return fmt.Errorf("--tags %q: %q names no tag; %s", expr, tag, grammar)
			case strings.IndexFunc(name, unicode.IsSpace) >= 0:
				return fmt.Errorf("--tags %q: %q is not one tag (tags have no spaces; and, or, not are not keywords here); %s", expr, tag, grammar)
			}
		}
	}
	return nil
}
