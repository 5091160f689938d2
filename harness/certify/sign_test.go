package certify

import (
	"crypto/ed25519"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim/ukcloud"
)

func newKey(t *testing.T) (ed25519.PrivateKey, ed25519.PublicKey, string) {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "cert")
	pub, err := GenerateKey(prefix)
	require.NoError(t, err)
	priv, err := LoadPrivateKey(prefix + ".key")
	require.NoError(t, err)
	loaded, err := LoadPublicKey(prefix + ".pub")
	require.NoError(t, err)
	require.True(t, pub.Equal(loaded))
	return priv, pub, prefix
}

// copyDir copies a bundle, so that each case tampers with its own.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "bundle")
	require.NoError(t, os.CopyFS(dst, os.DirFS(src)))
	return dst
}

func readManifest(t *testing.T, dir string) (Manifest, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	require.NoError(t, err)
	var m Manifest
	require.NoError(t, json.Unmarshal(data, &m))
	return m, data
}

func writeManifest(t *testing.T, dir string, m Manifest) []byte {
	t.Helper()
	data, err := json.MarshalIndent(m, "", "  ")
	require.NoError(t, err)
	data = append(data, '\n')
	require.NoError(t, os.WriteFile(filepath.Join(dir, "manifest.json"), data, 0o644))
	return data
}

// flipVerdict rewrites the verdict in results.json, as someone turning a failed certification
// into a pass would, and returns the new sha256 of the file.
func flipVerdict(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "results.json")
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	data = []byte(strings.Replace(string(data), `"verdict": "fail"`, `"verdict": "pass"`, 1))
	require.NoError(t, os.WriteFile(p, data, 0o644))
	sums, err := hashFiles(dir)
	require.NoError(t, err)
	return sums["results.json"]
}

func firstCassette(t *testing.T, m Manifest) string {
	t.Helper()
	var names []string
	for name := range m.Files {
		if strings.HasPrefix(name, "cassettes/") {
			names = append(names, name)
		}
	}
	require.NotEmpty(t, names, "no cassette in the bundle")
	sort.Strings(names)
	return names[0]
}

// TestVerifyBundleDetectsTampering edits a signed bundle in each way someone could, and checks
// that verification fails and says what changed.
func TestVerifyBundleDetectsTampering(t *testing.T) {
	priv, pub, _ := newKey(t)
	_, otherPub, _ := newKey(t)
	otherPriv, _, _ := newKey(t)
	signed, res := certifyWith(t, "@builds", func(o *Options) { o.SignKey = priv }, ukcloud.FaultMissingLocation)
	require.Equal(t, "fail", string(res.Verdict))
	m, _ := readManifest(t, signed)
	require.Equal(t, KeyID(pub), m.SignedBy)
	require.Equal(t, "test-revision", m.Revision)
	require.NotContains(t, m.Files, SignatureFile, "the signature is not part of what it signs")

	tests := []struct {
		name   string
		key    ed25519.PublicKey
		tamper func(t *testing.T, dir string)
		want   []string // each must appear in the problems; none means the bundle verifies
	}{
		{name: "untouched", key: pub},
		{name: "verdict changed", key: pub, tamper: func(t *testing.T, dir string) { flipVerdict(t, dir) },
			want: []string{"changed: results.json", "results.json says verdict pass, manifest.json says fail"}},
		{name: "verdict and manifest hash both rewritten", key: pub, tamper: func(t *testing.T, dir string) {
			sum := flipVerdict(t, dir)
			m, _ := readManifest(t, dir)
			m.Files["results.json"], m.Verdict = sum, "pass"
			writeManifest(t, dir, m)
		}, want: []string{"signature: manifest.json.sig does not verify manifest.json with key " + KeyID(pub) + ": the manifest was changed after signing"}},
		{name: "rewritten and signed again with another key", key: pub, tamper: func(t *testing.T, dir string) {
			sum := flipVerdict(t, dir)
			m, _ := readManifest(t, dir)
			m.Files["results.json"], m.Verdict, m.SignedBy = sum, "pass", KeyID(otherPriv.Public().(ed25519.PublicKey))
			data := writeManifest(t, dir, m)
			require.NoError(t, os.WriteFile(filepath.Join(dir, SignatureFile), ed25519.Sign(otherPriv, data), 0o644))
		}, want: []string{"does not verify manifest.json", "another key signed it (the manifest names " + KeyID(otherPriv.Public().(ed25519.PublicKey))}},
		{name: "file added", key: pub, tamper: func(t *testing.T, dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "cassettes", "extra.yaml"), []byte("x"), 0o644))
		}, want: []string{"added: cassettes/extra.yaml"}},
		{name: "file removed", key: pub, tamper: func(t *testing.T, dir string) {
			require.NoError(t, os.Remove(filepath.Join(dir, "junit.xml")))
		}, want: []string{"missing: junit.xml"}},
		{name: "evidence changed", key: pub, tamper: func(t *testing.T, dir string) {
			name := firstCassette(t, m)
			f, err := os.OpenFile(filepath.Join(dir, filepath.FromSlash(name)), os.O_APPEND|os.O_WRONLY, 0)
			require.NoError(t, err)
			_, err = f.WriteString("# edited\n")
			require.NoError(t, err)
			require.NoError(t, f.Close())
		}, want: []string{"changed: " + firstCassette(t, m)}},
		{name: "report changed", key: pub, tamper: func(t *testing.T, dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "report.html"), []byte("<p>pass</p>"), 0o644))
		}, want: []string{"changed: report.html"}},
		{name: "signature removed", key: pub, tamper: func(t *testing.T, dir string) {
			require.NoError(t, os.Remove(filepath.Join(dir, SignatureFile)))
		}, want: []string{"signature: the bundle is not signed"}},
		{name: "signature removed, no key given", tamper: func(t *testing.T, dir string) {
			require.NoError(t, os.Remove(filepath.Join(dir, SignatureFile)))
		}, want: []string{"missing: manifest.json.sig (the manifest says " + KeyID(pub) + " signed it)"}},
		{name: "another public key", key: otherPub, want: []string{"does not verify manifest.json with key " + KeyID(otherPub)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDir(t, signed)
			if tt.tamper != nil {
				tt.tamper(t, dir)
			}
			v, err := VerifyBundle(dir, tt.key)
			require.NoError(t, err)
			joined := strings.Join(v.Problems, "\n")
			if len(tt.want) == 0 {
				assert.Empty(t, v.Problems)
				assert.True(t, v.SignatureChecked)
				return
			}
			for _, w := range tt.want {
				assert.Contains(t, joined, w)
			}
			assert.False(t, tt.key != nil && v.SignatureChecked && strings.Contains(joined, "signature:"))
		})
	}
}

// TestUnsignedBundle shows the limit of an unsigned bundle: rewritten together with its
// manifest it still matches, and only a key tells.
func TestUnsignedBundle(t *testing.T) {
	_, pub, _ := newKey(t)
	out, _ := bundle(t, nil, ukcloud.FaultMissingLocation)
	sum := flipVerdict(t, out)
	m, _ := readManifest(t, out)
	m.Files["results.json"], m.Verdict = sum, "pass"
	writeManifest(t, out, m)

	v, err := VerifyBundle(out, nil)
	require.NoError(t, err)
	assert.Empty(t, v.Problems, "without a signature, a consistent rewrite goes unseen")
	assert.False(t, v.Signed)
	assert.False(t, v.SignatureChecked)

	v, err = VerifyBundle(out, pub)
	require.NoError(t, err)
	assert.Equal(t, []string{"signature: the bundle is not signed (no manifest.json.sig), a signature by " + KeyID(pub) + " was expected"}, v.Problems)
}

// TestOpenSSLKeysAndSignatures signs with a key openssl made, and has openssl verify the
// signature: the bundle needs no cloudcontract to be checked.
func TestOpenSSLKeysAndSignatures(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl not installed")
	}
	dir := t.TempDir()
	key, pubFile := filepath.Join(dir, "cert.key"), filepath.Join(dir, "cert.pub")
	for _, args := range [][]string{{"genpkey", "-algorithm", "ed25519", "-out", key}, {"pkey", "-in", key, "-pubout", "-out", pubFile}} {
		out, err := exec.Command(openssl, args...).CombinedOutput()
		require.NoError(t, err, "%s", out)
	}
	priv, err := LoadPrivateKey(key)
	require.NoError(t, err)
	pub, err := LoadPublicKey(pubFile)
	require.NoError(t, err)
	out, _ := certifyWith(t, "@builds", func(o *Options) { o.SignKey = priv })
	v, err := VerifyBundle(out, pub)
	require.NoError(t, err)
	assert.Empty(t, v.Problems)
	assert.True(t, v.SignatureChecked)
	res, err := exec.Command(openssl, "pkeyutl", "-verify", "-pubin", "-inkey", pubFile, "-rawin",
		"-in", filepath.Join(out, "manifest.json"), "-sigfile", filepath.Join(out, SignatureFile)).CombinedOutput()
	require.NoError(t, err, "%s", res)
	assert.Contains(t, string(res), "Signature Verified Successfully")
}

func TestKeyFiles(t *testing.T) {
	_, _, prefix := newKey(t)
	_, err := GenerateKey(prefix)
	assert.ErrorContains(t, err, "exists: choose another prefix")
	info, err := os.Stat(prefix + ".key")
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	_, err = LoadPrivateKey(prefix + ".pub")
	assert.ErrorContains(t, err, `no PEM block "PRIVATE KEY"`)
	_, err = LoadPublicKey(prefix + ".key")
	assert.ErrorContains(t, err, `no PEM block "PUBLIC KEY"`)
}
