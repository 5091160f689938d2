package redact

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

const canary = "CANARY-pa55w0rd-7f3a"

func TestBody(t *testing.T) {
	p := New("template_params_*")
	tests := []struct {
		name, ct, in, want string
	}{
		{"json string", "application/json", `{"email": "a@b.c", "password": "` + canary + `"}`, `{"email": "a@b.c", "password": "REDACTED"}`},
		{"json case-insensitive, nested, number", "application/json; charset=utf-8", `{"a":{"Bearer_Token":"tok-123456","pin":1,"Token": 98765}}`, `{"a":{"Bearer_Token":"REDACTED","pin":1,"Token": "REDACTED"}}`},
		{"json prefix field", "application/json", `{"template_params_db_pass":"hunter22"}`, `{"template_params_db_pass":"REDACTED"}`},
		{"json secured parameter", "application/json", `[{"name":"db","value":"s3cr3t-value","secured":true},{"name":"x","value":"public"}]`, `[{"name":"db","value":"REDACTED","secured":true},{"name":"x","value":"public"}]`},
		{"json password-typed parameter", "application/json", `{"p":{"type":"password","default":"dflt-secret"}}`, `{"p":{"type":"password","default":"REDACTED"}}`},
		{"xml element and attribute", "application/xml", `<Account><ns:password>` + canary + `</ns:password><user name="u" token='abcd1234'/></Account>`, `<Account><ns:password>REDACTED</ns:password><user name="u" token="REDACTED"/></Account>`},
		{"form", "application/x-www-form-urlencoded", "name=x&password=" + canary + "&b=2", "name=x&password=REDACTED&b=2"},
		{"sniffed json without content type", "", `{"password":"zzzzzz"}`, `{"password":"REDACTED"}`},
		{"untouched body", "application/json", `{"passwordHint":"no"}`, `{"passwordHint":"no"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, string(p.Body(tt.ct, []byte(tt.in))))
		})
	}
}

func TestHeaderAndLearn(t *testing.T) {
	p := New()
	basic := base64.StdEncoding.EncodeToString([]byte("alice:" + canary))
	h := http.Header{
		"Authorization": {"Basic " + basic},
		"Cookie":        {"portal_session=tok-abcdef; other=1"},
		"Set-Cookie":    {"portal_session=tok-abcdef; Path=/; HttpOnly"},
		"X-Echo":        {"session tok-abcdef and " + canary},
	}
	p.Learn(h)
	out := p.Header(h)
	assert.Equal(t, "Basic REDACTED", out.Get("Authorization"))
	assert.Equal(t, "portal_session=REDACTED; other=REDACTED", out.Get("Cookie"))
	assert.Equal(t, "portal_session=REDACTED; Path=/; HttpOnly", out.Get("Set-Cookie"))
	assert.Equal(t, "session REDACTED and REDACTED", out.Get("X-Echo"), "learned values are masked anywhere")
	assert.Equal(t, "Basic "+basic, h.Get("Authorization"), "the input is not modified")
	assert.Equal(t, `{"note":"REDACTED"}`, string(p.Body("application/json", []byte(`{"note":"`+canary+`"}`))))
}

func TestQueryAndURL(t *testing.T) {
	p := New()
	p.AddValues("known-secret-1")
	assert.Equal(t, "a=1&api_key=REDACTED&b=REDACTED", p.Query("a=1&api_key=xyz&b=known-secret-1"))
	assert.Equal(t, "http://h/x?token=REDACTED", p.URL("http://h/x?token=abc"))
	assert.Equal(t, "http://h/REDACTED", p.URL("http://h/known-secret-1"))
	p.AddValues("ab") // too short to mask
	assert.Equal(t, "abc", p.String("abc"))
}

func TestIsSecretField(t *testing.T) {
	p := New("template_params_*")
	for name, want := range map[string]bool{"Password": true, "template_params_x": true, "name": false, "passwords": false} {
		assert.Equal(t, want, p.IsSecretField(name), name)
	}
}

func TestContainers(t *testing.T) {
	p := New().WithContainers("template_params")
	in := `{"template_params": {"db_pass": "hunter2-secret", "nested": {"k": "v-se\"cret"}, "n": 5}, "name": "hunter2-secret", "other": "ok", "after": {"template_params": "flat-secret"}}`
	got := string(p.Body("application/json", []byte(in)))
	assert.Equal(t, `{"template_params": {"db_pass": "REDACTED", "nested": {"k": "REDACTED"}, "n": 5}, "name": "hunter2-secret", "other": "ok", "after": {"template_params": "REDACTED"}}`, got)
}

func TestSecretsThatLookLikeKeysStayKeys(t *testing.T) {
	p := New().WithContainers("template_params")
	in := `{"template_params": {"a": "name"}, "name": "x", "list": ["name", "y"]}`
	assert.Equal(t, `{"template_params": {"a": "REDACTED"}, "name": "x", "list": ["name", "y"]}`, string(p.Body("application/json", []byte(in))))
	assert.Equal(t, `{"x": ["a", "b"], "y": "a"}`, replaceJSONValue(`{"x": ["a", "b"], "y": "a"}`, `"z"`, `"R"`))
	assert.Equal(t, `{"a": "R", "R2": 1}`, strings.Replace(replaceJSONValue(`{"a": "s", "s": 1}`, `"s"`, `"R"`), `"s"`, `"R2"`, 1))
}
