package generate

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// TableFile is the name of the per-API table beside openapi.yaml.
const TableFile = "negative.yaml"

// Table is what a person states about an API's failures that the contract cannot: the values of
// required parameters, the conditions only a person can phrase, the operations a condition must
// skip, and the documented statuses no client can provoke.
type Table struct {
	// Params gives each required parameter a value by name: a fixture variable (${tenant}) or a
	// literal that must not exist.
	Params map[string]string `yaml:"params"`
	// Setup are steps every scenario starts with, to discover what its requests name (an
	// API whose account id is read from the cloud: GET myaccount, save /orgId as "org").
	Setup []string `yaml:"setup"`
	// AbsentID is the literal id of a path parameter that must not exist on any cloud.
	AbsentID string `yaml:"absent_id"`
	// WrongCredentials replaces the derived wrong credentials (basic and bearer derive them).
	WrongCredentials *Header `yaml:"wrong_credentials"`
	// Skip lists, per generated condition (no-credentials, wrong-credentials, unknown-id), the
	// operations it must leave out, each with the reason.
	Skip map[string]map[string]string `yaml:"skip"`
	// Paging are the bad-parameter cases of every paging operation (x-paging), each a query
	// template: {page} and {size} name the operation's paging parameters, {max+1} is one above its
	// largest page size, {order} is a field it cannot be ordered by, {filter} its first filter
	// field. A case is left out of an operation the template does not apply to.
	Paging []PagingCase `yaml:"paging"`
	// Reasons gives a generated condition (no-credentials, unknown-id, ...) the REASON code its
	// answer carries, for APIs that have them.
	Reasons map[string]string `yaml:"reasons"`
	// Conditions are the per-operation conditions only a person can phrase.
	Conditions []Condition `yaml:"conditions"`
	// ForeignIDs are path parameters naming the caller's own scope (an org, a tenant), each with
	// a well-formed value no cloud gives a caller and the codes the document gives a mismatch: an
	// operation is sent with that value and expects the codes of the list it documents (two are
	// the document's alternatives).
	ForeignIDs []Scope `yaml:"foreign_ids"`
	// UnknownIDs gives, per path parameter, the REASON codes an operation may document for an id
	// that does not exist: an operation documenting one of them for its first absent path
	// parameter expects it (APIs that answer an unknown id with a code rather than 404).
	UnknownIDs map[string][]string `yaml:"unknown_ids"`
	// WrongStructure are the codes (at most two alternatives) a well-formed XML body of the
	// documented root element but an unexpected structure answers, and the document line this is
	// read from: the expectation is a reading, so another answer is a deviation.
	WrongStructure *Reading `yaml:"wrong_structure"`
	// Lines gives a generated condition the document line stating it for every operation
	// (role-lacking: the common 403), instead of the operation's own line.
	Lines map[string]int `yaml:"lines"`
	// NotProvokable lists the documented statuses (or REASON codes) a client cannot provoke.
	NotProvokable []NotProvokable `yaml:"not_provokable"`
}

// Header is one request header.
type Header struct {
	Name  string `yaml:"name"`
	Value string `yaml:"value"`
}

// Condition is one failure the document ties to a status (and REASON code) of an operation.
type Condition struct {
	// Name says what is wrong, in the scenario name ("an unknown flavor").
	Name      string `yaml:"name"`
	Operation string `yaml:"operation"`
	Status    int    `yaml:"status"`
	Reason    string `yaml:"reason,omitempty"`
	// Line is the line of the vendor document that states the failure.
	Line int `yaml:"line"`
	// Path is the request path (with its query); Method defaults to the operation's.
	Path   string `yaml:"path"`
	Method string `yaml:"method,omitempty"`
	// Headers are sent with the request; ContentType and Body give it a body.
	Headers     []Header `yaml:"headers,omitempty"`
	ContentType string   `yaml:"content_type,omitempty"`
	Body        string   `yaml:"body,omitempty"`
}

// Scope is a path parameter that must name the caller's own scope.
type Scope struct {
	Param   string   `yaml:"param"`
	Value   string   `yaml:"value"`
	Reasons []string `yaml:"reasons"`
	Line    int      `yaml:"line"`
}

// Reading is an expectation read from a document line rather than stated by it.
type Reading struct {
	Reasons []string `yaml:"reasons"`
	Line    int      `yaml:"line"`
}

// PagingCase is one documented bad-parameter case of paging.
type PagingCase struct {
	Name   string `yaml:"name"`
	Query  string `yaml:"query"`
	Status int    `yaml:"status"`
	Reason string `yaml:"reason,omitempty"`
	Line   int    `yaml:"line"`
}

// NotProvokable is a documented status (or REASON code) only the vendor's side can cause.
type NotProvokable struct {
	// Operation is an operationId, or "*" for every operation documenting it.
	Operation string `yaml:"operation"`
	Status    int    `yaml:"status,omitempty"`
	Reason    string `yaml:"reason,omitempty"`
	Why       string `yaml:"why"`
}

// LoadTable reads specs/<api>/negative.yaml; an API without one has an empty table.
func LoadTable(specDir string) (*Table, error) {
	data, err := os.ReadFile(filepath.Join(specDir, TableFile))
	if errors.Is(err, os.ErrNotExist) {
		return &Table{}, nil
	}
	if err != nil {
		return nil, err
	}
	var t Table
	if err := yaml.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(specDir, TableFile), err)
	}
	return &t, nil
}

// NotProvokableWhy says why a documented status (or REASON code) of an operation cannot be
// provoked from outside, or "" when the table does not say it cannot.
func (t *Table) NotProvokableWhy(op string, status int, reason string) string {
	for _, n := range t.NotProvokable {
		if n.Operation != "*" && n.Operation != op {
			continue
		}
		if reason != "" && n.Reason == reason || reason == "" && n.Reason == "" && n.Status == status {
			return n.Why
		}
	}
	return ""
}
