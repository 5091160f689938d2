package cloudcontrol

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// TestFaultsBreakTheContract shows that each fault is caught by checking the
// simulator's answers against the contract (the validator plus the REASON
// check), while the same script is clean without faults.
func TestFaultsBreakTheContract(t *testing.T) {
	script := append(specScript(), faultScript()...)
	for _, f := range []string{FaultWrongReasonCode, FaultStatusReasonMismatch, FaultBrokenPagingAttributes, FaultNonXMLError, FaultSuccessNotReason0} {
		t.Run(f, func(t *testing.T) {
			problems, _ := run(t, sim.Options{Faults: []string{f}}, script)
			assert.NotEmpty(t, problems)
		})
	}
}

// pagingWalk walks every page of a paging list and reports the ids served,
// the ids repeated and the totalCount announced.
func pagingWalk(t *testing.T, c *client) (served []string, repeated []string, total int) {
	t.Helper()
	seen := map[string]bool{}
	for page := 1; page <= 3; page++ {
		root := decodeNode(t, c.get(fmt.Sprintf("%s/serverWithBackup?pageSize=6&pageNumber=%d", P, page)))
		total = atoi(root.attr("totalCount"))
		for _, s := range root.all("serverWithBackup") {
			id := s.attr("id")
			if seen[id] {
				repeated = append(repeated, id)
			}
			seen[id] = true
			served = append(served, id)
		}
	}
	return served, repeated, total
}

func TestPagingFaults(t *testing.T) {
	clean, rep, total := pagingWalk(t, newClient(t, sim.Options{}))
	require.Empty(t, rep)
	require.Len(t, clean, total)

	dup, rep, _ := pagingWalk(t, newClient(t, sim.Options{Faults: []string{FaultDuplicatePageItems}}))
	assert.Len(t, rep, 2, "the last item of pages 1 and 2 comes again")
	assert.Greater(t, len(dup), total)

	miss, rep, total := pagingWalk(t, newClient(t, sim.Options{Faults: []string{FaultMissingPageItems}}))
	assert.Empty(t, rep)
	assert.Len(t, miss, total-1, "one item never appears while totalCount counts it")
	assert.NotContains(t, miss, clean[1])

	broken := decodeNode(t, newClient(t, sim.Options{Faults: []string{FaultBrokenPagingAttributes}}).get(P+"/serverWithBackup?pageSize=5"))
	assert.Empty(t, broken.attr("pageSize"))
	assert.Equal(t, "16", broken.attr("pageCount"))
	assert.Equal(t, "2", broken.attr("pageNumber"))
}

func TestErrorFaults(t *testing.T) {
	notFound := get(P + "/server/nope?start")
	tests := []struct {
		fault       string
		status      int
		contentType string
		body        string
	}{
		{"", 400, "application/xml", "<resultCode>REASON_395</resultCode>"},
		{FaultWrongReasonCode, 400, "application/xml", "<resultCode>REASON_999</resultCode>"},
		{FaultStatusReasonMismatch, 403, "application/xml", "<resultCode>REASON_395</resultCode>"},
		{FaultNonXMLError, 400, "text/plain", "REASON_395: "},
	}
	for _, tt := range tests {
		t.Run(tt.fault, func(t *testing.T) {
			var faults []string
			if tt.fault != "" {
				faults = []string{tt.fault}
			}
			rec := newClient(t, sim.Options{Faults: faults}).send(notFound)
			assert.Equal(t, tt.status, rec.Code)
			assert.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), tt.contentType), rec.Header().Get("Content-Type"))
			assert.Contains(t, rec.Body.String(), tt.body)
		})
	}
	c := newClient(t, sim.Options{Faults: []string{FaultStatusReasonMismatch, FaultNonXMLError}})
	rec := c.as(SubAdminUsername, SubAdminPassword).get(P + "/network/" + NetworkEmpty + "?delete")
	assert.Equal(t, 400, rec.Code, "403 REASON_140 answered 400")
	assert.Contains(t, rec.Header().Get("Content-Type"), "text/plain")

	ok := newClient(t, sim.Options{Faults: []string{FaultSuccessNotReason0}}).get(P + "/server/" + ServerWeb03 + "?start")
	st := decodeStatus(t, ok)
	assert.Equal(t, "SUCCESS", st.Result)
	assert.NotEqual(t, "REASON_0", st.ResultCode)
}

func TestFaultDescriptionsNameOperations(t *testing.T) {
	for _, f := range KnownFaults() {
		assert.NotEmpty(t, f.Description, f.Name)
		assert.True(t, strings.Contains(f.Description, "operation") || strings.Contains(f.Description, "list"), f.Name)
	}
}

func TestDescriptionNotKept(t *testing.T) {
	for _, faulty := range []bool{false, true} {
		var faults []string
		if faulty {
			faults = []string{FaultDescriptionNotKept}
		}
		c := newClient(t, sim.Options{Faults: faults})
		rec := c.send(req{method: "POST", path: P + "/server/" + ServerWeb03, body: "description=changed"})
		require.Equal(t, 200, rec.Code, rec.Body.String())
		details := c.get(P + "/server/" + ServerWeb03).Body.String()
		assert.Equal(t, !faulty, strings.Contains(details, "<description>changed</description>"), details)
	}
}

func TestBlockSizeIgnored(t *testing.T) {
	for _, faulty := range []bool{false, true} {
		var faults []string
		if faulty {
			faults = []string{FaultBlockSizeIgnored}
		}
		c := newClient(t, sim.Options{Faults: faults})
		rec := c.get(P + "/network/" + NetworkDB + "/publicip?reserveNewWithSize=4")
		require.Equal(t, 200, rec.Code, rec.Body.String())
		config := c.get(P + "/network/" + NetworkDB + "/config").Body.String()
		assert.Equal(t, !faulty, strings.Contains(config, "<subnetSize>4</subnetSize>"), config)
	}
}

// An edit, an export or a copy of an image being imported is refused with REASON_601 (lines 1513,
// 1951, 2230); image-in-progress-changed carries them out.
func TestImageInProgress(t *testing.T) {
	for _, tc := range []struct {
		name string
		req  req
	}{
		{"modifyCustomerServerImage", post(P+"/image/"+ImagePending, "description=edited")},
		{"exportCustomerImage", post(P+"/imageExport", strings.Replace(newExport, ImageDevTemplate, ImagePending, 1))},
		{"copyCustomerImageToDataCenter", post(P+"/copyCustomerImage", strings.Replace(newCopy, ImageDBTemplate, ImagePending, 1))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireFault(t, newClient(t, sim.Options{}).send(tc.req), 400, "REASON_601")
			faulty := newClient(t, sim.Options{Faults: []string{FaultImageInProgressChanged}}).send(tc.req)
			assert.Equal(t, 200, faulty.Code, faulty.Body.String())
		})
	}
}
