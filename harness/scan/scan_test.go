package scan

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFile(t *testing.T) {
	tests := []struct {
		line string
		rule string // "" means clean
	}{
		{`                - Basic YWxhZGRpbjpvcGVuc2VzYW1l`, "authorization header"},
		{`                - Bearer eyJhbGciOi.abcdefghij.klmnopqrst`, "authorization header"},
		{`                - Basic REDACTED`, ""},
		{`                - portal_session=8f3a9c0d1e; Path=/; HttpOnly`, "cookie value"},
		{`                - portal_session=REDACTED; Path=/; HttpOnly`, ""},
		{`                - JSESSIONID=abc123def`, "cookie value"},
		{`        body: '{"email": "a@b.c", "password": "hunter2-real"}'`, "secret field"},
		{`        body: '{"email": "a@b.c", "password": "REDACTED"}'`, ""},
		{`        body: '<login><password>s3cr3t!</password></login>'`, "secret field"},
		{`        body: '<login><password>REDACTED</password></login>'`, ""},
		{`        body: name=x&password=hunter22&b=1`, "secret field"},
		{`        body: '{"Bearer_Token": "abcd1234efgh"}'`, "secret field"},
		{`        body: '{"Bearer_Token": "*******"}'`, ""},
		{`        body: '{"passwordHint": "the dog"}'`, ""},
		{`        body: '{"token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"}'`, "JSON web token"},
		{`-----BEGIN RSA PRIVATE KEY-----`, "private key"},
		{`        body: 'key AKIAIOSFODNN7EXAMPLE'`, "AWS access key"},
		{`        body: '{"email": "api.user@example.com", "note": "portal-sim-password"}'`, "simulator password"},
		{`        url: http://127.0.0.1:1/api/accounts?page=2`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "c.yaml")
			require.NoError(t, os.WriteFile(p, []byte("version: 1\n"+tt.line+"\n"), 0o644))
			found, err := File(p)
			require.NoError(t, err)
			if tt.rule == "" {
				assert.Empty(t, found)
				return
			}
			require.NotEmpty(t, found, "not detected")
			assert.Equal(t, tt.rule, found[0].Rule)
			assert.Equal(t, 2, found[0].Line)
			assert.NotContains(t, found[0].Excerpt, "hunter2-real", "the finding does not print the secret")
		})
	}
}

func TestCommittedCassettesAreClean(t *testing.T) {
	found, files, err := Dir("../../cassettes")
	require.NoError(t, err)
	assert.Greater(t, files, 100)
	assert.Empty(t, found)
}
