package runner

import (
	"encoding/json"
	"io"

	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// FailureRecord is one failed scenario as a JSON object (run --format json:FILE writes one per
// line), for tools that triage failures.
type FailureRecord struct {
	API      string `json:"api"`
	Feature  string `json:"feature"`
	Scenario string `json:"scenario"`
	// Kind is contract, assertion or environment.
	Kind  Kind   `json:"kind"`
	Error string `json:"error"`
	// Operation, RequestLine and Status are those of the response that broke its contract (a
	// contract failure only).
	Operation   string          `json:"operation,omitempty"`
	RequestLine string          `json:"request_line,omitempty"`
	Status      int             `json:"status,omitempty"`
	Problems    []ProblemRecord `json:"problems,omitempty"`
	// Reproduce is a curl command repeating the last request, secrets masked.
	Reproduce string `json:"reproduce,omitempty"`
	Cassette  string `json:"cassette,omitempty"`
}

// ProblemRecord is one problem of a response.
type ProblemRecord struct {
	Check    string `json:"check"`
	Pointer  string `json:"pointer,omitempty"`
	XMLPath  string `json:"xml_path,omitempty"`
	Expected string `json:"expected,omitempty"`
	Actual   string `json:"actual,omitempty"`
	Message  string `json:"message"`
	// Evidence is set on a deviation from an inferred assertion.
	Evidence string `json:"evidence,omitempty"`
}

// WriteFailures writes one JSON object per failed scenario, one per line.
func WriteFailures(w io.Writer, res *Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, s := range res.Scenarios {
		if s.Passed {
			continue
		}
		rec := FailureRecord{API: s.API, Feature: s.Feature, Scenario: s.Name, Kind: s.Kind, Error: s.Error, Reproduce: s.Reproduce, Cassette: s.Cassette}
		if ce := s.Contract; ce != nil {
			rec.Operation, rec.RequestLine, rec.Status = ce.Operation, ce.RequestLine, ce.Status
			for _, p := range ce.Problems {
				rec.Problems = append(rec.Problems, problemRecord(p))
			}
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}

func problemRecord(p validate.Problem) ProblemRecord {
	r := ProblemRecord{Check: p.Check, Pointer: p.Pointer, XMLPath: p.XMLPath, Expected: p.Expected, Actual: p.Actual, Message: p.Message}
	if p.Evidence != nil {
		r.Evidence = p.Evidence.String()
	}
	return r
}
