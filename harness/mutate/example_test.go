package mutate_test

import (
	"fmt"
	"net/http"

	"github.com/cloudcontract/cloudcontract/harness/mutate"
)

// A mutation addresses a JSON body by pointer and an XML body by element path.
func ExampleMutation_Apply() {
	r := &mutate.Response{Status: 200, Header: http.Header{"Content-Type": {"application/xml"}},
		Body: []byte(`<Servers totalCount="2"><server><name>web</name></server></Servers>`)}
	for _, m := range []mutate.Mutation{
		{Operator: mutate.OpPaging, Path: "/Servers/@totalCount", Value: "3"},
		{Operator: mutate.OpNamespace, Path: "/Servers/server/name"},
	} {
		if err := m.Apply(r); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println(string(r.Body))
	// Output:
	// <Servers totalCount="3"><server><mutant:name xmlns:mutant="urn:cloudcontract:mutant">web</mutant:name></server></Servers>
}
