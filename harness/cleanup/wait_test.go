package cleanup

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// pacingDoer answers each request with the next of its answers (the last one again when they run
// out), and records the requests and the pauses instead of sleeping.
type pacingDoer struct {
	answers map[string][]answer // "METHOD path" -> successive answers (default 200, no body)
	sent    []string
	pauses  []time.Duration
}

type answer struct {
	status int
	body   string
}

func (f *pacingDoer) Do(_ context.Context, method, path string) (*validate.Exchange, error) {
	key := method + " " + path
	f.sent = append(f.sent, key)
	a := answer{status: http.StatusOK}
	if list := f.answers[key]; len(list) > 0 {
		a = list[0]
		if len(list) > 1 {
			f.answers[key] = list[1:]
		}
	}
	u, _ := url.Parse(path)
	return &validate.Exchange{Method: method, URL: u, Status: a.status, Header: http.Header{"Content-Type": {"application/xml"}}, Body: []byte(a.body)}, nil
}

func (f *pacingDoer) Wait(_ context.Context, d time.Duration) error {
	f.pauses = append(f.pauses, d)
	return nil
}

const (
	org     = "1831c1a9-9c03-44df-a5a4-f2a4662d6bde"
	imageID = "c325fe04-7711-4968-962e-c88784eb2999"
)

func imageState(state string) answer {
	return answer{http.StatusOK, `<ServerImageWithState xmlns="http://oec.api.opsource.net/schemas/server"><id>` + imageID +
		`</id><location>NA1</location><name>` + runID + `-imported-web</name><state>` + state + `</state></ServerImageWithState>`}
}

func refused(code string) answer {
	return answer{http.StatusBadRequest, `<Status xmlns="http://oec.api.opsource.net/schemas/general"><operation>Delete Server Image</operation>` +
		`<result>ERROR</result><resultDetail>Operation in progress.</resultDetail><resultCode>` + code + `</resultCode></Status>`}
}

// An image being imported refuses its delete (REASON_601, line 1480) until the import completes:
// the cleanup reads its state (Get Server Image) until no operation is in progress, within the
// rule's bound, and reports, naming the image and the REASON code, what it could not delete.
func TestImagesAreDeletedOnceTheirOperationCompletes(t *testing.T) {
	get := "GET /oec/0.9/" + org + "/image/" + imageID
	del := get + "?delete"
	pending, normal := imageState("PENDING_ADD"), imageState("NORMAL")
	tests := []struct {
		name    string
		answers map[string][]answer
		sent    []string
		pauses  int
		err     []string // parts of the one error; none: deleted
	}{
		{"completed already", map[string][]answer{get: {normal}}, []string{get, del}, 0, nil},
		{"waited out", map[string][]answer{get: {pending, pending, normal}}, []string{get, get, get, del}, 2, nil},
		{"a copy in progress (PENDING_CHANGE)", map[string][]answer{get: {imageState("PENDING_CHANGE"), normal}}, []string{get, get, del}, 1, nil},
		{"gone meanwhile: the delete says so", map[string][]answer{get: {refused("REASON_390")}, del: {refused("REASON_390")}}, []string{get, del}, 0,
			[]string{`imported customer image "` + runID + `-imported-web"`, "answered 400 REASON_390"}},
		{"refused although idle", map[string][]answer{get: {normal}, del: {refused("REASON_601")}}, []string{get, del}, 0,
			[]string{`deleting imported customer image "` + runID + `-imported-web"`, "answered 400 REASON_601"}},
		{"still in progress when the wait runs out", map[string][]answer{get: {pending}}, nil, 60,
			[]string{`imported customer image "` + runID + `-imported-web": not deleted: still PENDING_ADD after 5m0s`, get[4:]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := load(t, "cloudcontrol")
			tr := NewTracker(api, runID)
			body := `<NewImageImport xmlns="http://oec.api.opsource.net/schemas/server"><ovfPackage>p.mf</ovfPackage><location>NA1</location><name>` + runID + `-imported-web</name></NewImageImport>`
			tr.Observe(ex("POST", "/oec/0.9/"+org+"/imageImport", 200, body), func(ptr string) (any, bool) {
				return map[string]any{"/id": imageID}[ptr], ptr == "/id"
			})
			require.Len(t, tr.Pending(), 1)
			d := &pacingDoer{answers: tt.answers}
			errs := tr.CleanUp(context.Background(), d, validate.New(api))
			if tt.sent != nil {
				assert.Equal(t, tt.sent, d.sent)
			} else {
				assert.NotContains(t, d.sent, del, "an image still in progress is not sent a delete")
			}
			assert.Len(t, d.pauses, tt.pauses)
			var waited time.Duration
			for _, p := range d.pauses {
				waited += p
			}
			assert.LessOrEqual(t, waited, 5*time.Minute, "the wait is bounded by the rule's within")
			if tt.err == nil {
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1)
			for _, part := range tt.err {
				assert.Contains(t, errs[0].Error(), part)
			}
		})
	}
}

// A copy's image id is in the answer's targetImage; a clone's answer is a Status, so its image is
// found by name among the deployed customer images; the sweep finds both, each once.
func TestCopiedAndClonedImagesAreFoundAndSweptOnce(t *testing.T) {
	api := load(t, "cloudcontrol")
	tr := NewTracker(api, runID)
	copyBody := `<NewImageCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceImageId>s</sourceImageId><targetImageName>` + runID + `-copy</targetImageName><targetLocation>NA5</targetLocation></NewImageCopy>`
	tr.Observe(ex("POST", "/oec/0.9/"+org+"/copyCustomerImage", 200, copyBody), func(ptr string) (any, bool) {
		return map[string]any{"/targetImage/id": "img-copy"}[ptr], ptr == "/targetImage/id"
	})
	tr.Observe(ex("GET", "/oec/0.9/"+org+"/server/srv-1?clone="+runID+"-clone&desc=x", 200, ""), nil)
	deployed := `<DeployedImages xmlns="http://oec.api.opsource.net/schemas/server">` +
		`<DeployedImage><id>img-other</id><name>production</name></DeployedImage>` +
		`<DeployedImage><id>img-clone</id><name>` + runID + `-clone</name></DeployedImage>` +
		`<DeployedImage><id>img-copy</id><name>` + runID + `-copy</name></DeployedImage></DeployedImages>`
	pending := `<PendingDeployImages xmlns="http://oec.api.opsource.net/schemas/server">` +
		`<PendingDeployImage><id>img-import</id><name>` + runID + `-imported-web</name></PendingDeployImage></PendingDeployImages>`
	I := "/oec/0.9/" + org + "/image/"
	d := &pacingDoer{answers: map[string][]answer{
		"GET " + I + "deployed":      {{http.StatusOK, deployed}},
		"GET " + I + "pendingDeploy": {{http.StatusOK, pending}},
	}}
	assert.Empty(t, tr.CleanUp(context.Background(), d, validate.New(api)))
	assert.Equal(t, []string{
		"GET " + I + "deployed", "GET " + I + "img-clone", "GET " + I + "img-clone?delete",
		"GET " + I + "img-copy", "GET " + I + "img-copy?delete",
	}, d.sent)

	d.sent = nil
	api.Harness.Cleanup = slices.DeleteFunc(api.Harness.Cleanup, func(r spec.CleanupRule) bool {
		return !strings.HasSuffix(r.Resource, "customer image") // the other kinds are swept by other tests
	})
	require.Len(t, api.Harness.Cleanup, 3)
	found, err := Sweep(context.Background(), d, validate.New(api), api, runID, map[string]string{"org-id": org}, false, nil)
	require.NoError(t, err)
	var names []string
	for _, r := range found {
		names = append(names, r.Name)
	}
	assert.ElementsMatch(t, []string{runID + "-imported-web", runID + "-copy", runID + "-clone"}, names, "each image once, whichever rules list it")
	assert.Contains(t, d.sent, "GET "+I+"img-import?delete")
	assert.Len(t, d.sent, 3+2*3, "three lists, then a state read and a delete per image")
}
