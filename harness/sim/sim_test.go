package sim

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testFaults = []Fault{{Name: "wrong-status", Description: "a"}, {Name: "build-stuck", Description: "b"}}

func TestParseFaults(t *testing.T) {
	tests := []struct {
		name    string
		names   []string
		on      []string
		wantErr string
	}{
		{name: "none", names: nil, on: []string{}},
		{name: "one", names: []string{"build-stuck"}, on: []string{"build-stuck"}},
		{name: "blank ignored", names: []string{" wrong-status ", ""}, on: []string{"wrong-status"}},
		{name: "unknown", names: []string{"wrong-status", "nope"}, wantErr: `unknown fault "nope" (known faults: build-stuck, wrong-status)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFaults(testFaults, tt.names)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.EqualError(t, err, tt.wantErr)
				var ue *UnknownFaultError
				assert.True(t, errors.As(err, &ue))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.on, f.Names())
			for _, k := range testFaults {
				assert.Equal(t, contains(tt.on, k.Name), f.On(k.Name), k.Name)
			}
		})
	}
	var zero Faults
	assert.False(t, zero.On("wrong-status"), "zero value is the empty set")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestIDsDeterministic(t *testing.T) {
	a, b, c := NewIDs(7), NewIDs(7), NewIDs(8)
	for range 5 {
		ua, ub, uc := a.UUID(), b.UUID(), c.UUID()
		assert.Equal(t, ua, ub)
		assert.NotEqual(t, ua, uc)
		assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, ua)
	}
	assert.Len(t, a.Token(), 64)
	assert.Len(t, a.Hex(5), 5)
	assert.Equal(t, 10, a.Next("x", 10))
	assert.Equal(t, 11, a.Next("x", 10))
	assert.Equal(t, 1, a.Next("y", 1), "sequences are independent")
	n := a.IntN(3)
	assert.True(t, n >= 0 && n < 3)
}

func TestClock(t *testing.T) {
	c := NewClock(DefaultStart, time.Minute)
	assert.Equal(t, DefaultStart, c.Now())
	assert.Equal(t, DefaultStart.Add(time.Minute), c.Tick())
	assert.Equal(t, DefaultStart.Add(2*time.Minute), c.Tick())
	assert.Equal(t, DefaultStart.Add(2*time.Minute), c.Now())
}

func TestOptionsDefaults(t *testing.T) {
	var o Options
	assert.Equal(t, DefaultStart, o.StartTime())
	assert.NotNil(t, o.NowFunc())
	assert.Equal(t, 5*time.Second, o.TTL(5*time.Second))
	def := []Credential{{Username: "u", Password: "p"}}
	assert.Equal(t, def, o.Users(def))

	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	now := func() time.Time { return start }
	o = Options{Start: start, Now: now, SessionTTL: time.Second, Credentials: []Credential{{Username: "x"}}}
	assert.Equal(t, start, o.StartTime())
	assert.Equal(t, start, o.NowFunc()())
	assert.Equal(t, time.Second, o.TTL(5*time.Second))
	assert.Equal(t, "x", o.Users(def)[0].Username)
}

func TestSessionsSlidingExpiry(t *testing.T) {
	now := DefaultStart
	s := NewSessions(10*time.Second, func() time.Time { return now }, NewIDs(1))
	tok := s.Create("alice")
	tests := []struct {
		advance time.Duration
		ok      bool
	}{
		{advance: 9 * time.Second, ok: true},
		{advance: 10 * time.Second, ok: true}, // slid: 10s after the last use
		{advance: 11 * time.Second, ok: false},
		{advance: 0, ok: false}, // forgotten once expired
	}
	for i, tt := range tests {
		now = now.Add(tt.advance)
		user, ok := s.Touch(tok)
		assert.Equal(t, tt.ok, ok, "step %d", i)
		if ok {
			assert.Equal(t, "alice", user)
		}
	}
	_, ok := s.Touch("unknown")
	assert.False(t, ok)
	tok = s.Create("bob")
	s.Delete(tok)
	_, ok = s.Touch(tok)
	assert.False(t, ok)
}

func TestParsePage(t *testing.T) {
	tests := []struct {
		query   string
		want    Page
		paged   bool
		wantErr string
	}{
		{query: "", paged: false},
		{query: "page=2", want: Page{2, 25}, paged: true},
		{query: "per_page=5", want: Page{1, 5}, paged: true},
		{query: "page=3&per_page=2", want: Page{3, 2}, paged: true},
		{query: "page=0", wantErr: `query parameter page="0" must be a positive integer`},
		{query: "per_page=-1", wantErr: `query parameter per_page="-1" must be a positive integer`},
		{query: "page=abc", wantErr: `query parameter page="abc" must be a positive integer`},
		{query: "page=", wantErr: `query parameter page="" must be a positive integer`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			require.NoError(t, err)
			p, paged, err := ParsePage(q, "page", "per_page", 25)
			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.paged, paged)
			assert.Equal(t, tt.want, p)
		})
	}
}

func TestSlice(t *testing.T) {
	items := []int{1, 2, 3, 4, 5}
	tests := []struct {
		p    Page
		want []int
	}{
		{Page{1, 2}, []int{1, 2}},
		{Page{3, 2}, []int{5}},
		{Page{4, 2}, []int{}},
		{Page{1, 25}, []int{1, 2, 3, 4, 5}},
		{Page{0, 2}, []int{}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Slice(items, tt.p), "%+v", tt.p)
	}
}

func TestRedactedTarget(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/api/ping", "/api/ping"},
		{"/api/x?page=2&per_page=5", "/api/x?page=2&per_page=5"},
		{"/api/x?password=hunter2&b=1", "/api/x?b=1&password=REDACTED"},
		{"/api/x?api_key=k&access_token=t&SessionId=s", "/api/x?SessionId=REDACTED&access_token=REDACTED&api_key=REDACTED"},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.in)
		require.NoError(t, err)
		assert.Equal(t, tt.want, RedactedTarget(u))
	}
}

func TestAccessLogNeverLogsSecrets(t *testing.T) {
	var buf bytes.Buffer
	h := WithAccessLog(&buf, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "set-cookie-secret"})
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"token":"response-secret"}`)
	}))
	req := httptest.NewRequest(http.MethodPost, "/login?token=query-secret&x=1", strings.NewReader(`{"password":"body-secret"}`))
	req.Header.Set("Authorization", "Bearer header-secret")
	req.Header.Set("Cookie", "session=cookie-secret")
	h.ServeHTTP(httptest.NewRecorder(), req)

	line := buf.String()
	assert.True(t, strings.HasPrefix(line, "POST /login?token=REDACTED&x=1 201 "), line)
	for _, secret := range []string{"query-secret", "header-secret", "cookie-secret", "body-secret", "set-cookie-secret", "response-secret"} {
		assert.NotContains(t, line, secret)
	}
}

func TestWithLatency(t *testing.T) {
	h := WithLatency(30*time.Millisecond, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(204) }))
	start := time.Now()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)
	assert.Equal(t, 204, rec.Code)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil).WithContext(ctx))
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)

	plain := http.NotFoundHandler()
	assert.NotNil(t, WithLatency(0, plain))
}

func TestWriters(t *testing.T) {
	type item struct {
		XMLName xml.Name `xml:"item" json:"-"`
		Name    string   `xml:"name,attr" json:"name"`
	}
	tests := []struct {
		name  string
		write func(w http.ResponseWriter)
		ct    string
		body  string
	}{
		{"json", func(w http.ResponseWriter) { WriteJSON(w, 200, map[string]string{"b": "x>y", "a": "£"}) }, ContentTypeJSON, "{\"a\":\"£\",\"b\":\"x>y\"}\n"},
		{"json as", func(w http.ResponseWriter) { WriteJSONAs(w, 201, ContentTypeHTML, []int{1}) }, ContentTypeHTML, "[1]\n"},
		{"xml", func(w http.ResponseWriter) { WriteXML(w, 200, item{Name: "n"}) }, ContentTypeXML, xml.Header + `<item name="n"></item>` + "\n"},
		{"csv", func(w http.ResponseWriter) { WriteCSV(w, 200, []string{"A", "B c"}, [][]string{{"1", "x,y"}}) }, ContentTypeCSV, "A,B c\n1,\"x,y\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			tt.write(rec)
			assert.Equal(t, tt.ct, rec.Header().Get("Content-Type"))
			assert.Equal(t, tt.body, rec.Body.String())
		})
	}
	rec := httptest.NewRecorder()
	WriteJSON(rec, 200, func() {})
	assert.Equal(t, http.StatusInternalServerError, rec.Code, "unencodable value is a simulator bug")
}

func TestReshape(t *testing.T) {
	type v struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	}
	g, err := Reshape([]v{{1, "a"}})
	require.NoError(t, err)
	m := g.([]any)[0].(map[string]any)
	delete(m, "name")
	body, err := MarshalJSON(g)
	require.NoError(t, err)
	assert.Equal(t, "[{\"id\":1}]\n", string(body))
}

func TestAuthHelpers(t *testing.T) {
	creds := []Credential{{Username: "u", Password: "p", Token: "tok"}}
	_, ok := FindUser(creds, "u", "p")
	assert.True(t, ok)
	_, ok = FindUser(creds, "u", "x")
	assert.False(t, ok)
	_, ok = FindUser([]Credential{{}}, "", "")
	assert.False(t, ok, "an empty username never matches")
	_, ok = FindToken(creds, "tok")
	assert.True(t, ok)

	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.SetBasicAuth("u", "p")
	_, ok = BasicUser(r, creds)
	assert.True(t, ok)

	r = httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("Authorization", "bearer abc")
	tok, ok := BearerToken(r)
	assert.True(t, ok)
	assert.Equal(t, "abc", tok)

	r = httptest.NewRequest(http.MethodGet, "/", nil)
	r.AddCookie(&http.Cookie{Name: "s", Value: "v"})
	v, ok := CookieValue(r, "s")
	assert.True(t, ok)
	assert.Equal(t, "v", v)
	_, ok = CookieValue(r, "other")
	assert.False(t, ok)
}

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, "ok")
		}), func(addr string) { addrc <- addr })
	}()
	addr := <-addrc
	resp, err := http.Get("http://" + addr + "/")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	assert.Equal(t, "ok", string(body))
	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}

	assert.Error(t, Serve(context.Background(), "256.0.0.1:bad", http.NotFoundHandler(), nil))
}

func TestOptionsWrapLogs(t *testing.T) {
	var buf bytes.Buffer
	h := Options{Log: &buf}.Wrap(http.NotFoundHandler())
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/x", nil))
	assert.Contains(t, buf.String(), "GET /x 404 ")
}
