package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func statusXML(result, code string) string {
	return fmt.Sprintf(`<Status xmlns="http://oec.api.opsource.net/schemas/general"><operation>Cancel</operation><result>%s</result><resultCode>%s</resultCode></Status>`, result, code)
}

func TestReasonCodes(t *testing.T) {
	v := shop(t)
	tests := []struct {
		name   string
		status int
		ct     string
		body   string
		want   []string
	}{
		{"documented code and status", 400, "application/xml", statusXML("ERROR", "REASON_10"), nil},
		{"common code", 503, "application/xml", statusXML("ERROR", "REASON_5"), nil},
		{"success Status", 200, "application/xml", statusXML("SUCCESS", "REASON_0"), nil},
		{"undocumented code", 400, "application/xml", statusXML("ERROR", "REASON_999"), []string{"REASON_999 is not a documented REASON code of cancelOrder", "expected one of REASON_10, REASON_20, REASON_5"}},
		{"status/code mismatch", 400, "application/xml", statusXML("ERROR", "REASON_20"), []string{"REASON_20 of cancelOrder is documented with HTTP 404, it came with HTTP 400"}},
		{"error saying SUCCESS", 404, "application/xml", statusXML("SUCCESS", "REASON_20"), []string{"an error Status must say ERROR"}},
		{"success without REASON_0", 200, "application/xml", statusXML("SUCCESS", "REASON_10"), []string{"must carry REASON_0 and SUCCESS", "got REASON_10 / SUCCESS"}},
		{"non-XML error", 400, "text/plain", "it broke", []string{"error 400 of cancelOrder has no Status body", "text/plain body: it broke"}},
		{"paging code on a non-paging operation", 400, "application/xml", statusXML("ERROR", "REASON_71"), []string{"REASON_71 is not a documented REASON code of cancelOrder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.Validate(exchange("GET", "http://h/api/orders/1?cancel", tt.status, tt.ct, tt.body))
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	// The paging codes belong to paging operations.
	assert.NoError(t, v.Validate(exchange("GET", "http://h/api/servers?pageSize=-1", 400, "application/xml", statusXML("ERROR", "REASON_71"))))
}

func servers(attrs string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<Servers xmlns="http://oec.api.opsource.net/schemas/server" %s>`, attrs)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<server id="s%d"><name>n%d</name><cpuCount>1</cpuCount></server>`, i, i)
	}
	b.WriteString(`</Servers>`)
	return b.String()
}

func TestPagingAttributes(t *testing.T) {
	v := shop(t)
	tests := []struct {
		name  string
		query string
		attrs string
		items int
		want  []string
	}{
		{"default page", "", `pageNumber="1" pageCount="3" totalCount="3" pageSize="250"`, 3, nil},
		{"middle page", "?pageSize=2&pageNumber=2", `pageNumber="2" pageCount="2" totalCount="5" pageSize="2"`, 2, nil},
		{"last partial page", "?pageSize=2&pageNumber=3", `pageNumber="3" pageCount="1" totalCount="5" pageSize="2"`, 1, nil},
		{"past the last page answers the last", "?pageSize=2&pageNumber=9", `pageNumber="3" pageCount="1" totalCount="5" pageSize="2"`, 1, nil},
		{"empty list", "?pageSize=2", `pageNumber="1" pageCount="0" totalCount="0" pageSize="2"`, 0, nil},
		{"missing attribute", "", `pageNumber="1" pageCount="3" pageSize="250"`, 3, []string{"paging attribute totalCount is missing"}},
		{"pageCount beyond pageSize", "?pageSize=2", `pageNumber="1" pageCount="3" totalCount="5" pageSize="2"`, 3, []string{"pageCount (items on the page) exceeds pageSize"}},
		{"pageCount differs from items", "?pageSize=2", `pageNumber="1" pageCount="2" totalCount="5" pageSize="2"`, 1, []string{"pageCount differs from the number of server items", "expected 1; got 2"}},
		{"pageSize not the requested one", "?pageSize=2", `pageNumber="1" pageCount="3" totalCount="5" pageSize="3"`, 3, []string{"pageSize is not the requested pageSize", "expected 2; got 3"}},
		{"pageSize not the default", "", `pageNumber="1" pageCount="3" totalCount="3" pageSize="100"`, 3, []string{"pageSize is not the documented default", "expected 250; got 100"}},
		{"wrong pageNumber", "?pageSize=2&pageNumber=2", `pageNumber="1" pageCount="2" totalCount="5" pageSize="2"`, 2, []string{"pageNumber is not the page asked for (the last page is 3)", "expected 2; got 1"}},
		{"short middle page", "?pageSize=2&pageNumber=1", `pageNumber="1" pageCount="1" totalCount="5" pageSize="2"`, 1, []string{"page 1 of 3 should hold 2 of the 5 items"}},
		{"totalCount below pageCount", "?pageSize=5", `pageNumber="1" pageCount="3" totalCount="2" pageSize="5"`, 3, []string{"totalCount is smaller than the items on this page"}},
		{"negative attribute", "", `pageNumber="1" pageCount="-3" totalCount="3" pageSize="250"`, 3, []string{"pageCount is not a non-negative integer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.Validate(exchange("GET", "http://h/api/servers"+tt.query, 200, "application/xml", servers(tt.attrs, tt.items)))
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Contains(t, err.Error(), "paging")
		})
	}
}
