package cloudcontrol

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// TestMaintenanceAnswersEveryURL: in maintenance (sim.Options.VendorState maintenance) every operation of the
// contract, with or without credentials, and a URL no operation has, answers what document line
// 424 says: HTTP 503 and a <Status> XML of REASON_5, which conforms to the contract; the
// organization is not touched (the system is down).
func TestMaintenanceAnswersEveryURL(t *testing.T) {
	_, v := loadAPI(t)
	param := regexp.MustCompile(`\{[^}]+\}`)
	for _, dataset := range sim.Datasets() {
		s := newSim(t, sim.Options{VendorState: maintenanceState, Dataset: dataset})
		for _, op := range operations {
			path := param.ReplaceAllString(op.PathKey, "00000000-0000-0000-0000-00000000cc00")
			for _, auth := range []bool{true, false} {
				req := httptest.NewRequest(op.Method, path, nil)
				if auth {
					req.SetBasicAuth(DefaultUsername, DefaultPassword)
				}
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				require.Equal(t, http.StatusServiceUnavailable, rec.Code, "%s %s (credentials %v): %s", op.Method, path, auth, rec.Body.String())
				assert.Contains(t, rec.Header().Get("Content-Type"), "application/xml")
				assert.Contains(t, rec.Body.String(), "<resultCode>REASON_5</resultCode>")
				assert.Contains(t, rec.Body.String(), "<operation>"+escape(op.Title)+"</operation>")
				u, _ := url.Parse(path)
				x := &validate.Exchange{Method: op.Method, URL: u, Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
				assert.NoError(t, v.Validate(x), "%s %s", op.Method, path)
			}
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/oec/0.9/nothing/here", nil))
		assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
		assert.Contains(t, rec.Body.String(), "<resultCode>REASON_5</resultCode>")
	}

	normal := newClient(t, sim.Options{})
	assert.Equal(t, http.StatusOK, normal.send(get("/oec/0.9/myaccount")).Code, "out of maintenance, the API answers")
}

// TestFailingStatesAnswerTheirCode: in a vendor state of a failing back end, an authenticated
// request of an operation documenting the state's code answers it with its documented status; an
// operation not documenting it, and a request without credentials, are served as usual.
func TestFailingStatesAnswerTheirCode(t *testing.T) {
	for _, v := range vendorStates {
		if v.Name == maintenanceState {
			continue
		}
		t.Run(v.Name, func(t *testing.T) {
			s := newClient(t, sim.Options{VendorState: v.Name})
			var documenting *opSpec
			for i := range operations {
				op := &operations[i]
				if op.documents(code(v.code)) && documenting == nil {
					documenting = op
				}
			}
			other := opsByID["getMyAccount"]
			require.NotNil(t, documenting, "an operation documents %s", code(v.code))
			require.False(t, other.documents(code(v.code)))
			path := strings.ReplaceAll(documenting.PathKey, "{org-id}", s.s.st.orgID)
			path = regexp.MustCompile(`\{[^}]+\}`).ReplaceAllString(path, "00000000-0000-0000-0000-00000000cc00")
			rec := s.send(req{documenting.Method, path, ""})
			status, _ := documenting.reasonStatus(code(v.code))
			assert.Equal(t, status, rec.Code, "%s: %s", path, rec.Body.String())
			assert.Contains(t, rec.Body.String(), "<resultCode>"+code(v.code)+"</resultCode>")
			assert.Equal(t, http.StatusOK, s.send(get("/oec/0.9/myaccount")).Code, "an operation not documenting it is served")
			anon := httptest.NewRecorder()
			s.s.ServeHTTP(anon, httptest.NewRequest(documenting.Method, path, nil))
			assert.Equal(t, http.StatusUnauthorized, anon.Code, "credentials are checked first")
		})
	}
	_, err := New(sim.Options{VendorState: "on-fire"})
	assert.ErrorContains(t, err, `vendor state "on-fire": expected one of maintenance, network-failure`)
}

// TestDataCenterInMaintenance: each data set holds a server and a customer image of its data
// center in maintenance for servers and images (the vendor-side fixtures server_maintenance and
// customer_image_maintenance), and every operation naming one answers 400 REASON_51 (line 427),
// changing nothing; the same operation on a server or an image elsewhere is not refused, and a
// network of that data center is not ("does not affect other resources such as Networks").
func TestDataCenterInMaintenance(t *testing.T) {
	for _, dataset := range sim.Datasets() {
		t.Run(dataset, func(t *testing.T) {
			s := newSim(t, sim.Options{Dataset: dataset})
			c := &client{t: t, s: s, user: DefaultUsername, pass: DefaultPassword}
			vars := s.Fixtures()
			org := "/oec/0.9/" + vars["org_id"]
			server, img, loc := vars["server_maintenance"], vars["customer_image_maintenance"], vars["location_maintenance"]
			require.NotEmpty(t, server)
			require.NotEmpty(t, img)
			s.mu.Lock()
			require.Equal(t, loc, s.st.server(server).location, "the server is at the data center in maintenance")
			require.Equal(t, loc, s.st.image(img).location, "the image is at the data center in maintenance")
			s.mu.Unlock()
			for _, path := range []string{
				org + "/server/" + server + "?start",
				org + "/server/" + server + "?poweroff",
				org + "/server/" + server + "?delete",
				org + "/server/" + server,
				org + "/server/" + server + "/backup",
				org + "/server/" + server + "/disk/00000000-0000-0000-0000-00000000cc00?delete",
				org + "/image/" + img,
				org + "/image/" + img + "?delete",
				org + "/image/" + vars["image_maintenance"],
			} {
				requireFault(t, c.get(path), http.StatusBadRequest, "REASON_51")
			}
			requireFault(t, c.send(post(org+"/image/"+img, "description=changed")), http.StatusBadRequest, "REASON_51")
			const ns = `xmlns="http://oec.api.opsource.net/schemas/server"`
			rules := len(decodeNode(t, c.get(org+"/antiAffinityRule")).all("antiAffinityRule"))
			for to, body := range map[string]string{
				"/antiAffinityRule":  `<NewAntiAffinityRule ` + ns + `><serverId>` + server + `</serverId><serverId>` + vars["server_maintenance_peer"] + `</serverId></NewAntiAffinityRule>`,
				"/copyCustomerImage": `<NewImageCopy ` + ns + `><sourceImageId>` + img + `</sourceImageId><targetImageName>copied</targetImageName><targetLocation>` + vars["location"] + `</targetLocation></NewImageCopy>`,
				"/imageExport":       `<NewImageExport ` + ns + `><imageId>` + img + `</imageId><ovfPackagePrefix>exported</ovfPackagePrefix></NewImageExport>`,
			} {
				requireFault(t, c.send(post(org+to, body)), http.StatusBadRequest, "REASON_51")
			}
			assert.Len(t, decodeNode(t, c.get(org+"/antiAffinityRule")).all("antiAffinityRule"), rules, "no rule created")
			assert.NotContains(t, c.get(org+"/imageExport").Body.String(), "exported", "no export started")
			assert.NotContains(t, c.get(org+"/copyCustomerImage").Body.String(), "copied", "no copy started")
			d := decodeNode(t, c.get(org+"/serverWithState?id="+server))
			require.Len(t, d.all("serverWithState"), 1, "the server is still there")
			assert.Equal(t, "true", d.all("serverWithState")[0].text("isStarted"), "still started")
			assert.Contains(t, c.get(org+"/image/deployedWithSoftwareLabels/"+loc).Body.String(), img, "the image is still there")

			requireOK(t, c.get(org+"/server/"+vars["server_stopped"]+"?start"))
			assert.Equal(t, http.StatusOK, c.get(org+"/image/"+vars["image_customer"]).Code)
			assert.Equal(t, http.StatusOK, c.get(org+"/network/"+vars["network_maintenance"]).Code, "a network there answers")
		})
	}
}
