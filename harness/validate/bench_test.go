package validate

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// Benchmarks of one response's validation, against bare kin-openapi ValidateResponse on the same
// input (issue: validation overhead within 1.5× of kin-openapi). Run with
// go test -bench . -benchmem ./harness/validate

func orders(n int) []byte {
	var b bytes.Buffer
	b.WriteString("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": %d, "email": "user%d@example.com", "createdAt": "2016-07-08T10:42:14+01:00", "note": null, "items": [{"sku": "a-%d"}, {"sku": "b-%d"}]}`, i, i, i, i)
	}
	b.WriteString("]")
	return b.Bytes()
}

func serversXML(n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<Servers xmlns="http://oec.api.opsource.net/schemas/server" pageNumber="1" pageCount="%d" totalCount="%d" pageSize="%d">`, n, n, n)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<server id="s%d"><name>server-%d</name><cpuCount>%d</cpuCount><started>true</started><disks><disk sizeGb="10">root</disk><disk sizeGb="20">data</disk></disks></server>`, i, i, i%8+1)
	}
	b.WriteString(`</Servers>`)
	return b.Bytes()
}

func benchOurs(b *testing.B, path, ct string, body []byte) {
	api, err := spec.Load("../spec/testdata/shop")
	if err != nil {
		b.Fatal(err)
	}
	v := New(api)
	u, _ := url.Parse(path)
	h := http.Header{"Content-Type": {ct}}
	if err := v.Validate(&Exchange{Method: "GET", URL: u, Status: 200, Header: h, Body: body}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := v.Validate(&Exchange{Method: "GET", URL: u, Status: 200, Header: h, Body: body}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchKin(b *testing.B, path string, body []byte) {
	api, err := spec.Load("../spec/testdata/shop")
	if err != nil {
		b.Fatal(err)
	}
	router, err := gorillamux.NewRouter(api.Doc)
	if err != nil {
		b.Fatal(err)
	}
	req, _ := http.NewRequest("GET", "https://shop.example.com"+path, nil)
	route, params, err := router.FindRoute(req)
	if err != nil {
		b.Fatal(err)
	}
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}
	in := func() *openapi3filter.ResponseValidationInput {
		return &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts},
			Status:                 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(bytes.NewReader(body)), Options: opts,
		}
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in()); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := openapi3filter.ValidateResponse(context.Background(), in()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateSmallJSON(b *testing.B) {
	benchOurs(b, "/api/orders", "application/json", orders(1))
}
func BenchmarkKinValidateSmallJSON(b *testing.B) { benchKin(b, "/api/orders", orders(1)) }
func BenchmarkValidateLargeJSON(b *testing.B) {
	benchOurs(b, "/api/orders", "application/json", orders(5000))
}
func BenchmarkKinValidateLargeJSON(b *testing.B) { benchKin(b, "/api/orders", orders(5000)) }
func BenchmarkValidateLargeXML(b *testing.B) {
	benchOurs(b, "/api/servers?pageSize="+fmt.Sprint(5000), "application/xml", serversXML(5000))
}
