package certify

import (
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
)

// SignatureFile holds the detached ed25519 signature of manifest.json (64 raw bytes), when the
// bundle is signed. The manifest lists every other file's sha256, so the signature covers the
// whole bundle. openssl checks it too:
//
//	openssl pkeyutl -verify -pubin -inkey cert.pub -rawin -in manifest.json -sigfile manifest.json.sig
const SignatureFile = "manifest.json.sig"

// LoadPrivateKey reads an ed25519 private key from a PEM file (PKCS#8, "PRIVATE KEY"), as
// `openssl genpkey -algorithm ed25519` or GenerateKey writes it.
func LoadPrivateKey(path string) (ed25519.PrivateKey, error) {
	der, err := readPEM(path, "PRIVATE KEY")
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ed, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%s: a %T, not an ed25519 key (openssl genpkey -algorithm ed25519)", path, k)
	}
	return ed, nil
}

// LoadPublicKey reads an ed25519 public key from a PEM file (PKIX, "PUBLIC KEY"), as
// `openssl pkey -pubout` or GenerateKey writes it.
func LoadPublicKey(path string) (ed25519.PublicKey, error) {
	der, err := readPEM(path, "PUBLIC KEY")
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ed, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("%s: a %T, not an ed25519 public key", path, k)
	}
	return ed, nil
}

func readPEM(path, kind string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			return nil, fmt.Errorf("%s: no PEM block %q", path, kind)
		}
		if b.Type == kind {
			return b.Bytes, nil
		}
	}
}

// GenerateKey writes a new ed25519 key pair: PREFIX.key (PKCS#8 PEM, mode 0600) and PREFIX.pub
// (PKIX PEM). It refuses to overwrite a key.
func GenerateKey(prefix string) (ed25519.PublicKey, error) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, err
	}
	privDER, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, err
	}
	pubDER, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name, kind string
		der        []byte
		mode       os.FileMode
	}{{prefix + ".key", "PRIVATE KEY", privDER, 0o600}, {prefix + ".pub", "PUBLIC KEY", pubDER, 0o644}} {
		out, err := os.OpenFile(f.name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, f.mode)
		if err != nil {
			if errors.Is(err, os.ErrExist) {
				return nil, fmt.Errorf("%s exists: choose another prefix", f.name)
			}
			return nil, err
		}
		if err := pem.Encode(out, &pem.Block{Type: f.kind, Bytes: f.der}); err != nil {
			out.Close()
			return nil, err
		}
		if err := out.Close(); err != nil {
			return nil, err
		}
	}
	return pub, nil
}

// KeyID names a public key: "ed25519:" and the first 16 hex digits of the sha256 of its 32 bytes.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return "ed25519:" + hex.EncodeToString(sum[:8])
}
