package transport

import (
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTLSTrust(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) }))
	defer srv.Close()
	ca := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o644))
	bad := filepath.Join(t.TempDir(), "bad.pem")
	require.NoError(t, os.WriteFile(bad, []byte("not a certificate"), 0o644))

	tests := []struct {
		name string
		opts Options
		ok   bool
		err  string
	}{
		{"system roots refuse a self-signed server", Options{}, false, "certificate"},
		{"the CA file is trusted", Options{CACert: ca}, true, ""},
		{"insecure, when asked", Options{Insecure: true}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := New(tt.opts)
			require.NoError(t, err)
			resp, err := (&http.Client{Transport: tr}).Get(srv.URL)
			if tt.ok {
				require.NoError(t, err)
				resp.Body.Close()
				assert.Equal(t, 204, resp.StatusCode)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
	_, err := New(Options{CACert: bad})
	assert.ErrorContains(t, err, "no PEM certificate")
	_, err = New(Options{CACert: filepath.Join(t.TempDir(), "missing.pem")})
	assert.ErrorContains(t, err, "--ca-cert")
	_, err = New(Options{CACert: ca, Insecure: true})
	assert.ErrorContains(t, err, "contradict")
}
