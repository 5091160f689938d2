// Package transport builds the HTTP transport to a live endpoint: TLS trust (the system roots,
// plus a CA certificate file for private clouds, or nothing at all when the user says
// --insecure explicitly, as self-signed ESC installations need) and connection limits.
package transport

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"
)

// Options of the transport.
type Options struct {
	// CACert is a PEM file of certificates trusted in addition to the system's.
	CACert string
	// Insecure skips certificate verification; only when asked for explicitly.
	Insecure bool
}

// New returns the transport to the live endpoint.
func New(o Options) (*http.Transport, error) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16
	t.ResponseHeaderTimeout = 0 // the client's --timeout bounds the whole exchange
	t.TLSHandshakeTimeout = 15 * time.Second
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if o.CACert != "" {
		pem, err := os.ReadFile(o.CACert)
		if err != nil {
			return nil, fmt.Errorf("--ca-cert: %w", err)
		}
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("--ca-cert %s: no PEM certificate in the file", o.CACert)
		}
		cfg.RootCAs = pool
	}
	if o.Insecure {
		if o.CACert != "" {
			return nil, errors.New("--insecure and --ca-cert contradict each other: give one")
		}
		cfg.InsecureSkipVerify = true
	}
	t.TLSClientConfig = cfg
	return t, nil
}
