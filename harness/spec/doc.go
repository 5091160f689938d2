// Package spec loads the contract of each API (specs/NAME/openapi.yaml with its JSON schemas and
// specs/NAME/harness.yaml), validates it once, routes a request to the operation that describes
// it, and hands out compiled JSON schemas for its bodies. The operations named by a query marker
// are read from the x-query-paths extension beside paths (QueryPaths), so that the files stay
// valid OpenAPI for other tools while the harness routes them like any other operation.
//
// Nothing here performs HTTP or knows about scenarios: it is data about the contracts.
package spec
