package validate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// REASON codes as contract (x-reason-codes on an operation, x-common-reason-codes and, for paging
// operations, x-paging-reason-codes at the top of the contract): an error response must carry a
// Status body whose resultCode the operation documents, with the HTTP status documented for that
// code; a success Status carries REASON_0 and SUCCESS.

// ReasonCode is one documented fault code.
type ReasonCode struct {
	Status      int
	Code        string
	Description string
}

// ReasonCodes returns the codes an operation may answer: its own, the common ones and, for a
// paging operation, the paging ones. ok is false when the contract uses no REASON codes at all.
func ReasonCodes(api *spec.API, op *spec.Operation) (codes []ReasonCode, ok bool) {
	return readReasonCodes(api, op)
}

// reasonCodes is ReasonCodes read once per operation by the target's validator (a contract does
// not change); the slice is shared, callers do not modify it.
func reasonCodes(t *Target) ([]ReasonCode, bool) {
	if t.cache == nil {
		return readReasonCodes(t.API, t.Operation)
	}
	if e, hit := t.cache.reasons.Load(t.Operation); hit {
		e := e.(reasonEntry)
		return e.codes, e.ok
	}
	codes, ok := readReasonCodes(t.API, t.Operation)
	t.cache.reasons.Store(t.Operation, reasonEntry{codes, ok})
	return codes, ok
}

type reasonEntry struct {
	codes []ReasonCode
	ok    bool
}

func readReasonCodes(api *spec.API, op *spec.Operation) (codes []ReasonCode, ok bool) {
	own, hasOwn := op.Op.Extensions["x-reason-codes"]
	common, hasCommon := api.Doc.Extensions["x-common-reason-codes"]
	if !hasOwn && !hasCommon {
		return nil, false
	}
	codes = append(codes, parseReasonCodes(own)...)
	codes = append(codes, parseReasonCodes(common)...)
	if _, paging := op.Op.Extensions["x-paging"]; paging {
		codes = append(codes, parseReasonCodes(api.Doc.Extensions["x-paging-reason-codes"])...)
	}
	return codes, true
}

func parseReasonCodes(v any) []ReasonCode {
	list, _ := v.([]any)
	var out []ReasonCode
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		rc := ReasonCode{Code: fmt.Sprint(m["code"]), Description: fmt.Sprint(m["description"])}
		switch s := m["status"].(type) {
		case float64:
			rc.Status = int(s)
		case int:
			rc.Status = s
		case string:
			fmt.Sscan(s, &rc.Status)
		}
		out = append(out, rc)
	}
	return out
}

// ResultCode returns the resultCode of a decoded Status body (REASON_601), ok false when the body
// is no Status.
func ResultCode(d *Decoded) (code string, ok bool) {
	code, _, ok = statusBody(d)
	return code, ok
}

// statusBody returns the resultCode and result of a decoded Status body.
func statusBody(d *Decoded) (code, result string, ok bool) {
	if d == nil {
		return "", "", false
	}
	m, isMap := d.Value.(map[string]any)
	if !isMap {
		return "", "", false
	}
	c, has := m["resultCode"]
	if !has {
		return "", "", false
	}
	return Render(c), Render(m["result"]), true
}

// CheckReasonCode applies the REASON-code contract to one response.
func CheckReasonCode(t *Target) []Problem {
	codes, ok := reasonCodes(t)
	if !ok {
		return nil
	}
	status := t.Exchange.Status
	code, result, isStatus := statusBody(t.Body)
	if status < 400 {
		if isStatus && (code != "REASON_0" || result != "SUCCESS") {
			return []Problem{{Check: "reason", Pointer: "/resultCode", XMLPath: t.Body.XMLPath("/resultCode"),
				Message:  fmt.Sprintf("a success Status of %s must carry REASON_0 and SUCCESS", t.Operation.ID),
				Expected: "REASON_0 / SUCCESS", Actual: code + " / " + result}}
		}
		return nil
	}
	if !isStatus {
		if t.Response == nil || len(t.Response.Content) == 0 {
			return nil // the contract documents no error body here (an undocumented status is CheckStatus's)
		}
		return []Problem{{Check: "reason", Message: fmt.Sprintf("error %d of %s has no Status body with a resultCode", status, t.Operation.ID),
			Expected: "a Status element with a documented REASON code", Actual: fmt.Sprintf("%s body: %s", orNone(t.Exchange.Header.Get("Content-Type")), excerpt(t.Exchange.Body))}}
	}
	var out []Problem
	if result != "ERROR" {
		out = append(out, Problem{Check: "reason", Pointer: "/result", XMLPath: t.Body.XMLPath("/result"),
			Message: "an error Status must say ERROR", Expected: "ERROR", Actual: result})
	}
	var statuses []string
	for _, rc := range codes {
		if rc.Code == code {
			statuses = append(statuses, fmt.Sprint(rc.Status))
		}
	}
	switch {
	case len(statuses) == 0:
		out = append(out, Problem{Check: "reason", Pointer: "/resultCode", XMLPath: t.Body.XMLPath("/resultCode"),
			Message:  fmt.Sprintf("%s is not a documented REASON code of %s", code, t.Operation.ID),
			Expected: "one of " + codeList(codes), Actual: code})
	case !containsString(statuses, fmt.Sprint(status)):
		out = append(out, Problem{Check: "reason", Pointer: "/resultCode", XMLPath: t.Body.XMLPath("/resultCode"),
			Message:  fmt.Sprintf("%s of %s is documented with HTTP %s, it came with HTTP %d", code, t.Operation.ID, strings.Join(statuses, " or "), status),
			Expected: "HTTP " + strings.Join(statuses, " or "), Actual: fmt.Sprintf("HTTP %d", status)})
	}
	return out
}

func codeList(codes []ReasonCode) string {
	seen := map[string]bool{}
	var names []string
	for _, c := range codes {
		if !seen[c.Code] {
			seen[c.Code] = true
			names = append(names, c.Code)
		}
	}
	sort.Strings(names)
	if len(names) > 12 {
		return strings.Join(names[:12], ", ") + fmt.Sprintf(", … (%d codes)", len(names))
	}
	return strings.Join(names, ", ")
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
