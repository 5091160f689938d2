// Package scan looks through recordings for anything that looks like a credential that escaped
// redaction: authorization headers, cookies, password or token fields with a value, bearer
// tokens, JWTs, private keys, cloud access keys, and the simulators' own default passwords. It is
// the last line of defence behind the redaction policy, run over cassettes/ in CI.
package scan

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Finding is one suspicious line.
type Finding struct {
	File string
	Line int
	Rule string
	// Excerpt shows the match with its secret part elided.
	Excerpt string
}

// String implements fmt.Stringer.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", f.File, f.Line, f.Rule, f.Excerpt)
}

type rule struct {
	name string
	re   *regexp.Regexp
	// value is the index of the submatch holding the secret value; it must not be a mask.
	value int
}

// masked says whether a value is a redaction, an empty value or a placeholder.
func masked(v string) bool {
	v = strings.Trim(strings.TrimSpace(v), `"',;`)
	switch {
	case v == "", v == "REDACTED", strings.HasSuffix(v, "REDACTED"), strings.Trim(v, "*") == "", v == "null", v == "encrypted_value":
		return true
	}
	return false
}

var rules = []rule{
	{"authorization header", regexp.MustCompile(`(?i)^\s*-?\s*(basic|bearer|digest|negotiate)\s+([A-Za-z0-9+/=._~-]{6,})\s*$`), 2},
	{"authorization header", regexp.MustCompile(`(?i)\bauthorization["']?\s*[:=]\s*["']?(basic|bearer)\s+([A-Za-z0-9+/=._~-]{6,})`), 2},
	{"cookie value", regexp.MustCompile(`(?i)^\s*-?\s*(?:set-cookie:\s*)?([A-Za-z0-9_.-]*(?:sess|session|token|auth|sid)[A-Za-z0-9_.-]*)=([^;\s"]+)`), 2},
	{"secret field", regexp.MustCompile(`(?i)["<]?\b(password|passwd|secret|api_?key|access_?token|refresh_?token|bearer_?token|client_?secret|private_?key)\b["']?\s*(?:[:=]|>)\s*(?:\\?")?([^"<,}&\s\\]{4,})`), 2},
	{"JSON web token", regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`), 0},
	{"private key", regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----`), 0},
	{"AWS access key", regexp.MustCompile(`\b(AKIA|ASIA)[0-9A-Z]{16}\b`), 0},
	{"simulator password", regexp.MustCompile(`portal-sim-password|cloud-sim-password|sub-admin-password|read-only-password|esc-sim-password|cam-sim-bearer-token`), 0},
}

// File scans one file.
func File(path string) ([]Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Finding
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		for _, r := range rules {
			for _, m := range r.re.FindAllStringSubmatch(line, -1) {
				if r.value > 0 && masked(m[r.value]) {
					continue
				}
				out = append(out, Finding{File: path, Line: n, Rule: r.name, Excerpt: elide(m[0], m[r.value])})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// elide keeps the first characters of the secret so a person can find it, and hides the rest.
func elide(match, secret string) string {
	if len(secret) > 4 {
		match = strings.Replace(match, secret, secret[:3]+"…", 1)
	}
	if len(match) > 100 {
		match = match[:100] + "…"
	}
	return strings.TrimSpace(match)
}

// Dir scans every file under dir.
func Dir(dir string) ([]Finding, int, error) {
	var out []Finding
	files := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		files++
		f, err := File(p)
		out = append(out, f...)
		return err
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out, files, err
}
