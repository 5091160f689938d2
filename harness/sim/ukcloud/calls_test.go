package ukcloud

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

func ticketIDs(t *testing.T, c *client, target string) []string {
	t.Helper()
	rec := c.get(target)
	require.Equal(t, http.StatusOK, rec.Code)
	ids := []string{}
	for _, it := range arr(decode(t, rec)) {
		ids = append(ids, dig(it, "ticket_id").(string))
	}
	return ids
}

func TestListCalls(t *testing.T) {
	c := login(t, sim.Options{})
	mine := []string{TicketInProgress, TicketAwaitingReview, TicketResolved, TicketClosed, TicketToCancel, TicketToReassign, TicketToClose}
	assert.Equal(t, mine, ticketIDs(t, c, "/api/my_calls"))
	assert.Equal(t, mine, ticketIDs(t, c, "/api/my_calls?for=user"))
	assert.Equal(t, append(mine, TicketColleague), ticketIDs(t, c, "/api/my_calls?for=account"))

	rec := c.get("/api/my_calls")
	assert.Equal(t, map[string]any{"ticket_id": "INC1002183", "summary": "Test incident (Compute)", "submitted": "28/08/2014 15:42",
		"status": "Awaiting Review"}, arr(decode(t, rec))[1])
}

func TestGetCall(t *testing.T) {
	c := login(t, sim.Options{})
	tests := []struct {
		target string
		status int
	}{
		{"/api/my_calls/INC10001", 200},
		{"/api/my_calls/INC10001?for=user", 200},
		{"/api/my_calls/SR1000123?for=account", 200},
		{"/api/my_calls/SR1000123", 400},
		{"/api/my_calls/SR1000123?for=user", 400},
		{"/api/my_calls/INC0", 400},
	}
	for _, tt := range tests {
		rec := c.get(tt.target)
		assert.Equal(t, tt.status, rec.Code, tt.target)
		v := decode(t, rec)
		if tt.status == 200 {
			assert.Contains(t, obj(v), "ticket")
			assert.Contains(t, obj(v), "updates")
			assert.Contains(t, obj(v), "changes")
		} else {
			assert.Contains(t, obj(v)["detail"], "could not be found")
		}
	}
	v := decode(t, c.get("/api/my_calls/INC10001"))
	assert.Equal(t, "In Progress", dig(v, "ticket", "status"))
	assert.Equal(t, "We are investigating the storage latency.", dig(v, "updates", 0, "description"))
}

func TestCreateCall(t *testing.T) {
	incident := func(area, class string) string {
		return `{"incident":{"problem_area":"` + area + `","service":"My Service","classification":"` + class +
			`","summary":"My Incident","further_details":"My further details"}}`
	}
	service := func(area, nature string) string {
		return `{"service":{"problem_area":"` + area + `","service":"My Service","query_nature":"` + nature +
			`","summary":"My Request","further_details":"My further details"}}`
	}
	tests := []struct {
		name   string
		body   string
		status int
		id     string
	}{
		{"incident", incident("compute", "Production Service > unavailable or unresponsive"), 201, "INC1002200"},
		{"service", service("IP Addresses", "Change a Configuration"), 201, "SR1000200"},
		{"incident area other", incident("other", "Other incident"), 201, "INC1002200"},
		{"incident with service-only area", incident("Other", "Other incident"), 422, ""},
		{"incident with unknown area", incident("network", "Other incident"), 422, ""},
		{"document's curl example classification (no '>')", incident("compute", "Production Service unavailable or unresponsive"), 422, ""},
		{"service with unknown nature", service("compute", "Please help"), 422, ""},
		{"no body", "", 400, ""},
		{"neither kind", `{"summary":"x"}`, 400, ""},
		{"both kinds", `{"incident":{},"service":{}}`, 400, ""},
		{"missing summary", `{"incident":{"problem_area":"compute","service":"s","classification":"Other incident","further_details":"d"}}`, 400, ""},
		{"missing classification", `{"incident":{"problem_area":"compute","service":"s","summary":"s","further_details":"d"}}`, 400, ""},
		{"incident not an object", `{"incident":"compute"}`, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := login(t, sim.Options{})
			rec := c.do(http.MethodPost, "/api/my_calls", tt.body)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			v := decode(t, rec)
			if tt.status != 201 {
				assert.NotEmpty(t, obj(v)["error"])
				return
			}
			assert.Equal(t, tt.id, dig(v, "ticket_id"))
			assert.Equal(t, "Awaiting Review", dig(v, "status"))
			assert.Equal(t, "20/07/2018 10:01", dig(v, "submitted"))
			assert.Equal(t, DefaultUsername, dig(v, "owner"))
			assert.Contains(t, ticketIDs(t, c, "/api/my_calls?for=user"), tt.id)
			assert.Equal(t, http.StatusOK, c.get("/api/my_calls/"+tt.id).Code)
		})
	}
}

func TestCallActions(t *testing.T) {
	type step struct {
		method, path, body string
		status             int
		ticketStatus       string // expected afterwards, when set
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"note", []step{
			{"PUT", "/api/my_calls/INC10001", `{"description":"My new update"}`, 200, "In Progress"},
			{"PUT", "/api/my_calls/INC10001", `{"description":""}`, 422, ""},
			{"PUT", "/api/my_calls/INC10001", `{}`, 422, ""},
			{"PUT", "/api/my_calls/INC0", `{"description":"x"}`, 400, ""},
			{"PUT", "/api/my_calls/INC1002185", `{"description":"x"}`, 422, "Closed"},
			{"PUT", "/api/my_calls/SR1000123", `{"description":"here you go"}`, 200, "In Progress"},
		}},
		{"subscribe and unsubscribe", []step{
			{"PUT", "/api/my_calls/INC10001/subscribe", `{"email":"ops.team@example.com"}`, 200, ""},
			{"PUT", "/api/my_calls/INC10001/subscribe", `{"email":"ops.team@example.com"}`, 422, ""},
			{"PUT", "/api/my_calls/INC10001/subscribe", `{"email":"stranger@example.com"}`, 400, ""},
			{"PUT", "/api/my_calls/INC10001/subscribe", `{}`, 400, ""},
			{"PUT", "/api/my_calls/INC0/subscribe", `{"email":"ops.team@example.com"}`, 400, ""},
			{"PUT", "/api/my_calls/INC1002185/subscribe", `{"email":"ops.team@example.com"}`, 422, ""},
			{"PUT", "/api/my_calls/INC10001/unsubscribe", `{"email":"ops.team@example.com"}`, 200, ""},
			{"PUT", "/api/my_calls/INC10001/unsubscribe", `{"email":"ops.team@example.com"}`, 422, ""},
			{"PUT", "/api/my_calls/INC10001/unsubscribe", `{"email":"stranger@example.com"}`, 400, ""},
		}},
		{"cancel", []step{
			{"PUT", "/api/my_calls/INC1002183/cancel", "", 422, "Awaiting Review"},
			{"PUT", "/api/my_calls/INC10001/cancel", "", 200, "Cancelled"},
			{"PUT", "/api/my_calls/INC10001/cancel", "", 422, "Cancelled"},
			{"PUT", "/api/my_calls/INC10001/reopen", "", 422, "Cancelled"},
			{"PUT", "/api/my_calls/INC0/cancel", "", 400, ""},
		}},
		{"close and reopen", []step{
			{"PUT", "/api/my_calls/INC1002183/close", "", 422, "Awaiting Review"},
			{"PUT", "/api/my_calls/INC10001/reopen", "", 422, "In Progress"},
			{"PUT", "/api/my_calls/INC1002184/reopen", "", 200, "In Progress"},
			{"PUT", "/api/my_calls/INC1002184/close", "", 200, "Closed"},
			{"PUT", "/api/my_calls/INC1002184/close", "", 422, "Closed"},
			{"PUT", "/api/my_calls/INC1002184/reopen", "", 422, "Closed"},
			{"PUT", "/api/my_calls/INC0/close", "", 400, ""},
			{"PUT", "/api/my_calls/INC0/reopen", "", 400, ""},
		}},
		{"change owner", []step{
			{"PUT", "/api/my_calls/INC1002183/change_owner", `{"email":"jane.doe@example.com"}`, 422, ""},
			{"PUT", "/api/my_calls/INC10001/change_owner", `{"email":"stranger@example.com"}`, 400, ""},
			{"PUT", "/api/my_calls/INC0/change_owner", `{"email":"jane.doe@example.com"}`, 400, ""},
			{"PUT", "/api/my_calls/INC1002185/change_owner", `{"email":"jane.doe@example.com"}`, 422, ""},
			{"PUT", "/api/my_calls/INC10001/change_owner", `{"email":"jane.doe@example.com"}`, 200, ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := login(t, sim.Options{})
			for i, st := range tt.steps {
				rec := c.do(st.method, st.path, st.body)
				require.Equal(t, st.status, rec.Code, "step %d %s: %s", i, st.path, rec.Body.String())
				if st.status == 200 && !strings.HasSuffix(st.path, "INC10001") && !strings.HasSuffix(st.path, "SR1000123") {
					assert.Empty(t, rec.Body.String(), "no body on actions")
				}
				if st.ticketStatus != "" {
					id := strings.Split(st.path, "/")[3]
					v := decode(t, c.get("/api/my_calls/"+id+"?for=account"))
					assert.Equal(t, st.ticketStatus, dig(v, "ticket", "status"), "step %d", i)
				}
			}
		})
	}

	c := login(t, sim.Options{})
	rec := c.do("PUT", "/api/my_calls/INC10001", `{"description":"My new update"}`)
	notes := arr(decode(t, rec))
	require.Len(t, notes, 2, "all notes including the new one")
	assert.Equal(t, map[string]any{"description": "My new update", "created_by": DefaultUsername, "created_at": "20/07/2018 10:01"}, notes[1])

	c.do("PUT", "/api/my_calls/INC10001/change_owner", `{"email":"jane.doe@example.com"}`)
	assert.NotContains(t, ticketIDs(t, c, "/api/my_calls?for=user"), "INC10001", "handed over")
	v := decode(t, c.get("/api/my_calls/INC10001?for=account"))
	assert.Equal(t, ColleagueEmail, dig(v, "ticket", "owner"))
}

func TestBilling(t *testing.T) {
	c := login(t, sim.Options{})
	tests := []struct {
		target string
		status int
		header []string
		rows   int
	}{
		{"/api/billing/cloud-storage-report?date=2018-01-01&org_id=1-1-1-9836cf", 200, cloudStorageHeader, 2},
		{"/api/billing/cloud-storage-report?date=2018-01-01&org_id=1-1-2-883623", 200, cloudStorageHeader, 0},
		{"/api/billing/cloud-storage-report?org_id=1-1-1-9836cf", 400, nil, 0},
		{"/api/billing/cloud-storage-report?date=2018-13-01&org_id=1-1-1-9836cf", 400, nil, 0},
		{"/api/billing/cloud-storage-report?date=01/01/2018&org_id=1-1-1-9836cf", 400, nil, 0},
		{"/api/billing/cloud-storage-report?date=2018-01-01", 400, nil, 0},
		{"/api/billing/cloud-storage-report?date=2018-01-01&org_id=2-1-1-0th3r1", 400, nil, 0},
		{"/api/billing/billing-csv?period=2018-01&org_id=1-1-1-9836cf", 200, billingHeader, 2},
		{"/api/billing/billing-csv?period=2018-01&org_id=48-1-1-d3v001", 200, billingHeader, 1},
		{"/api/billing/billing-csv?org_id=1-1-1-9836cf", 400, nil, 0},
		{"/api/billing/billing-csv?period=2018-1&org_id=1-1-1-9836cf", 400, nil, 0},
		{"/api/billing/billing-csv?period=2018-01-01&org_id=1-1-1-9836cf", 400, nil, 0},
		{"/api/billing/billing-csv?period=2018-01", 400, nil, 0},
		{"/api/billing/billing-csv?period=2018-01&org_id=nope", 400, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := c.get(tt.target)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			if tt.status != 200 {
				assert.Equal(t, sim.ContentTypeJSON, rec.Header().Get("Content-Type"))
				assert.NotEmpty(t, obj(decode(t, rec))["error"])
				return
			}
			assert.Equal(t, sim.ContentTypeCSV, rec.Header().Get("Content-Type"))
			lines := strings.Split(strings.TrimSuffix(rec.Body.String(), "\n"), "\n")
			assert.Equal(t, strings.Join(tt.header, ","), lines[0])
			assert.Len(t, lines, 1+tt.rows)
		})
	}
	rec := c.get("/api/billing/cloud-storage-report?date=2018-01-01&org_id=1-1-1-9836cf")
	assert.Equal(t, "Org Id,Company Id,Account Id,Service Id,Bucket Name,Service Level,Consumption (GB),Cost\n"+
		"1-1-1-9836cf,1,1,12,demo-backups,Standard,120.50,6.03\n1-1-1-9836cf,1,1,12,demo-logs,Standard,10.00,0.50\n", rec.Body.String())
}
