package lint

import (
	"fmt"
	"os"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// Citation is a line of the vendor document cited for a code: the line must state one of the
// codes it is cited for.
type Citation struct {
	// Where names what cites it ("x-common-reason-codes/0", "paging[0] (...)").
	Where string
	Line  int
	// Mentions are the codes (REASON codes) the line is cited for.
	Mentions []string
}

// ContractCitations are the lines the contract cites for its common REASON codes
// (x-common-reason-codes entries with a line).
func ContractCitations(api *spec.API) []Citation {
	raw, ok := api.Doc.Extensions["x-common-reason-codes"].([]any)
	if !ok {
		return nil
	}
	var out []Citation
	for i, e := range raw {
		m, _ := e.(map[string]any)
		code, _ := m["code"].(string)
		line := 0
		switch l := m["line"].(type) {
		case int:
			line = l
		case float64:
			line = int(l)
		}
		if code != "" && line > 0 {
			out = append(out, Citation{Where: fmt.Sprintf("x-common-reason-codes/%d", i), Line: line, Mentions: []string{code}})
		}
	}
	return out
}

// Citations checks each citation against the document: a line past its end, or a line that states
// none of the codes it is cited for, is an error naming the file, the entry, and what the line
// says. documentPath "" (the document is not at hand) checks nothing.
func Citations(file, documentPath string, cites []Citation) []Finding {
	if documentPath == "" || len(cites) == 0 {
		return nil
	}
	data, err := os.ReadFile(documentPath)
	if err != nil {
		return nil
	}
	lines := strings.Split(string(data), "\n")
	var out []Finding
	for _, c := range cites {
		if c.Line < 1 || c.Line > len(lines) {
			out = append(out, Finding{Severity: Error, File: file, Where: c.Where,
				Message: fmt.Sprintf("cites line %d for %s, past the end of the document (%d lines)", c.Line, strings.Join(c.Mentions, " or "), len(lines))})
			continue
		}
		text := lines[c.Line-1]
		if mentionsAny(text, c.Mentions) {
			continue
		}
		out = append(out, Finding{Severity: Error, File: file, Where: c.Where,
			Message: fmt.Sprintf("cites document line %d for %s, which that line does not state (it reads %q)%s",
				c.Line, strings.Join(c.Mentions, " or "), clip(strings.TrimSpace(text), 80), nearest(lines, c))})
	}
	return out
}

// mentionsAny says whether text names one of the codes as a whole word (REASON_5 is not
// REASON_51).
func mentionsAny(text string, codes []string) bool {
	for _, c := range codes {
		for i := strings.Index(text, c); i >= 0; {
			end := i + len(c)
			if end == len(text) || !isWordByte(text[end]) {
				return true
			}
			next := strings.Index(text[end:], c)
			if next < 0 {
				break
			}
			i = end + next
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// nearest suggests the closest line that states one of the codes, within 200 lines.
func nearest(lines []string, c Citation) string {
	for d := 1; d <= 200; d++ {
		for _, l := range []int{c.Line - d, c.Line + d} {
			if l >= 1 && l <= len(lines) && mentionsAny(lines[l-1], c.Mentions) {
				return fmt.Sprintf("; line %d does", l)
			}
		}
	}
	return ""
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
