// Package redact is the one redaction policy of cloudcontract: what counts as a secret in
// headers, cookies, JSON fields, XML elements and attributes, form fields and query parameters,
// and the known secret values (credentials, session tokens) that are masked wherever they appear.
//
// The same policy is applied when a cassette is written and when a live request is matched against
// a recorded one, so redaction never breaks replay. Reports and logs pass through it too.
package redact

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"mime"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Mask replaces every secret value.
const Mask = "REDACTED"

// DefaultFields are the field names (JSON keys, XML element and attribute names, form fields,
// query parameters) whose values are secrets for every API. A trailing * matches any suffix.
var DefaultFields = []string{
	"password", "passwd", "pwd", "newpassword", "oldpassword", "currentpassword", "confirmpassword",
	"secret", "client_secret", "clientsecret", "token", "access_token", "accesstoken", "refresh_token",
	"id_token", "bearer_token", "bearertoken", "api_key", "apikey", "private_key", "privatekey",
	"session", "session_id", "sessionid", "authorization",
}

// DefaultHeaders are headers whose whole value is a secret.
var DefaultHeaders = []string{"Authorization", "Proxy-Authorization", "X-Auth-Token", "X-Api-Key", "X-Subject-Token"}

// Policy says what to redact. It is safe for concurrent use; values learned during a run are
// shared by every scenario.
type Policy struct {
	fields     []string
	containers map[string]bool // objects whose every value is a secret
	headers    map[string]bool

	jsonKey  *regexp.Regexp // "key": scalar
	xmlElem  *regexp.Regexp // <key ...>text</
	xmlAttr  *regexp.Regexp // key="value"
	formPair *regexp.Regexp // key=value in a query or form body

	mu     sync.RWMutex
	values []string // known secret values, longest first
}

// New returns a policy over DefaultFields and DefaultHeaders plus extra field names.
func New(extraFields ...string) *Policy {
	p := &Policy{headers: map[string]bool{}}
	for _, h := range DefaultHeaders {
		p.headers[strings.ToLower(h)] = true
	}
	seen := map[string]bool{}
	for _, f := range append(append([]string{}, DefaultFields...), extraFields...) {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		p.fields = append(p.fields, f)
	}
	sort.Strings(p.fields)
	alt := make([]string, len(p.fields))
	for i, f := range p.fields {
		if strings.HasSuffix(f, "*") {
			alt[i] = regexp.QuoteMeta(strings.TrimSuffix(f, "*")) + `[A-Za-z0-9_.\-]*`
		} else {
			alt[i] = regexp.QuoteMeta(f)
		}
	}
	names := "(?:" + strings.Join(alt, "|") + ")"
	p.jsonKey = regexp.MustCompile(`(?i)("` + names + `"\s*:\s*)("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+\-]*|true|false)`)
	p.xmlElem = regexp.MustCompile(`(?i)(<(?:[A-Za-z_][\w.\-]*:)?` + names + `(?:\s[^>]*)?>)([^<]+)(</)`)
	p.xmlAttr = regexp.MustCompile(`(?i)(\s(?:[A-Za-z_][\w.\-]*:)?` + names + `\s*=\s*)("[^"]*"|'[^']*')`)
	p.formPair = regexp.MustCompile(`(?i)((?:^|&)` + names + `=)([^&]*)`)
	return p
}

// WithContainers returns the policy with field names whose object values hold only secrets (every
// string inside them is masked: template parameters keyed by parameter name, say).
func (p *Policy) WithContainers(names ...string) *Policy {
	if p.containers == nil {
		p.containers = map[string]bool{}
	}
	for _, n := range names {
		p.containers[strings.ToLower(n)] = true
	}
	return p
}

// IsSecretField tells whether a field name is a secret by this policy.
func (p *Policy) IsSecretField(name string) bool {
	name = strings.ToLower(name)
	for _, f := range p.fields {
		if strings.HasSuffix(f, "*") {
			if strings.HasPrefix(name, strings.TrimSuffix(f, "*")) {
				return true
			}
		} else if name == f {
			return true
		}
	}
	return false
}

// AddValues registers known secret values (credentials, tokens); they are masked wherever they
// appear. Values shorter than 4 characters are ignored (masking them would garble every body).
func (p *Policy) AddValues(vals ...string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, v := range vals {
		if len(v) < 4 || v == Mask {
			continue
		}
		dup := false
		for _, x := range p.values {
			if x == v {
				dup = true
				break
			}
		}
		if !dup {
			p.values = append(p.values, v)
			// The forms a value takes on the wire: JSON-escaped, base64 of user:pass is added
			// by Learn.
			if esc, err := json.Marshal(v); err == nil && string(esc[1:len(esc)-1]) != v {
				p.values = append(p.values, string(esc[1:len(esc)-1]))
			}
		}
	}
	sort.SliceStable(p.values, func(i, j int) bool { return len(p.values[i]) > len(p.values[j]) })
}

// Learn registers the secrets carried by headers: session cookies set by a server, and the
// credentials of an Authorization header.
func (p *Policy) Learn(h http.Header) {
	var vals []string
	for _, sc := range h.Values("Set-Cookie") {
		nv, _, _ := strings.Cut(sc, ";")
		if _, v, ok := strings.Cut(nv, "="); ok {
			vals = append(vals, strings.Trim(strings.TrimSpace(v), `"`))
		}
	}
	for _, c := range h.Values("Cookie") {
		for _, part := range strings.Split(c, ";") {
			if _, v, ok := strings.Cut(part, "="); ok {
				vals = append(vals, strings.TrimSpace(v))
			}
		}
	}
	for name := range p.headers {
		for _, v := range h.Values(name) {
			scheme, cred, ok := strings.Cut(v, " ")
			if !ok {
				vals = append(vals, v)
				continue
			}
			vals = append(vals, cred)
			if strings.EqualFold(scheme, "Basic") {
				if raw, err := base64.StdEncoding.DecodeString(cred); err == nil {
					if _, pw, ok := strings.Cut(string(raw), ":"); ok {
						vals = append(vals, pw)
					}
				}
			}
		}
	}
	p.AddValues(vals...)
}

// String masks every known secret value in s.
func (p *Policy) String(s string) string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for _, v := range p.values {
		if strings.Contains(s, v) {
			s = strings.ReplaceAll(s, v, Mask)
		}
	}
	return s
}

// Header returns a redacted copy of h: secret headers masked (their scheme kept), cookie values
// masked (names and attributes kept), known values masked everywhere.
func (p *Policy) Header(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for k, vs := range h {
		lk := strings.ToLower(k)
		nv := make([]string, len(vs))
		for i, v := range vs {
			switch {
			case p.headers[lk]:
				if scheme, _, ok := strings.Cut(v, " "); ok && len(scheme) < 16 {
					nv[i] = scheme + " " + Mask
				} else {
					nv[i] = Mask
				}
			case lk == "cookie":
				nv[i] = maskCookiePairs(v, "; ")
			case lk == "set-cookie":
				first, rest, _ := strings.Cut(v, ";")
				nv[i] = maskCookiePairs(first, "")
				if rest != "" {
					nv[i] += ";" + rest
				}
			default:
				nv[i] = p.String(v)
			}
		}
		out[k] = nv
	}
	return out
}

func maskCookiePairs(s, sep string) string {
	parts := strings.Split(s, ";")
	for i, part := range parts {
		name, _, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok {
			parts[i] = name + "=" + Mask
		} else {
			parts[i] = strings.TrimSpace(part)
		}
	}
	if sep == "" {
		sep = "; "
	}
	return strings.Join(parts, sep)
}

// Query masks secret parameters of a raw query string, keeping the order of parameters.
func (p *Policy) Query(raw string) string {
	if raw == "" {
		return raw
	}
	return p.String(p.formPair.ReplaceAllString(raw, "${1}"+Mask))
}

// URL masks the secret query parameters and known values of a URL string.
func (p *Policy) URL(raw string) string {
	base, q, ok := strings.Cut(raw, "?")
	if !ok {
		return p.String(raw)
	}
	return p.String(base) + "?" + p.Query(q)
}

// Body masks the secrets of a body of the given Content-Type, keeping its layout.
func (p *Policy) Body(contentType string, body []byte) []byte {
	if len(body) == 0 {
		return body
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	s := string(body)
	switch {
	case mt == "application/x-www-form-urlencoded":
		s = p.formPair.ReplaceAllString(s, "${1}"+Mask)
	case strings.HasSuffix(mt, "json") || (mt == "" && looksJSON(body)):
		s = p.jsonKey.ReplaceAllString(s, `${1}"`+Mask+`"`)
		s = p.jsonSecured(s)
		if len(p.containers) > 0 {
			s = p.maskContainers(s)
		}
	case strings.HasSuffix(mt, "xml") || (mt == "" && looksXML(body)):
		s = p.xmlElem.ReplaceAllString(s, "${1}"+Mask+"${3}")
		s = p.xmlAttr.ReplaceAllString(s, `${1}"`+Mask+`"`)
	}
	return []byte(p.String(s))
}

// jsonSecured masks the values of parameter objects flagged as secret by their own content
// ({"name": "db_pass", "value": "...", "secured": true} or "type": "password"), a shape several
// cloud APIs use for template parameters.
func (p *Policy) jsonSecured(s string) string {
	if !strings.Contains(s, "secured") && !strings.Contains(s, "password") {
		return s
	}
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return s
	}
	var secrets []string
	var walk func(any)
	walk = func(x any) {
		switch t := x.(type) {
		case map[string]any:
			flagged := isTrue(t["secured"]) || strings.EqualFold(asString(t["type"]), "password")
			for k, e := range t {
				if flagged && (k == "value" || k == "default" || k == "defaultValue" || k == "default_value") {
					if str, ok := e.(string); ok && str != "" && str != Mask {
						secrets = append(secrets, str)
					}
				}
				walk(e)
			}
		case []any:
			for _, e := range t {
				walk(e)
			}
		}
	}
	walk(v)
	for _, sec := range secrets {
		lit, _ := json.Marshal(sec)
		s = replaceJSONValue(s, string(lit), `"`+Mask+`"`)
	}
	return s
}

// replaceJSONValue replaces a string literal where it stands as a value (after ':' '[' or ',' and
// before ',' '}' or ']'), never where it is a key.
func replaceJSONValue(s, lit, with string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, lit)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before := strings.TrimRight(s[:i], " \t\r\n")
		after := strings.TrimLeft(s[i+len(lit):], " \t\r\n")
		isValue := before != "" && strings.ContainsRune(":[,", rune(before[len(before)-1])) &&
			after != "" && strings.ContainsRune(",}]", rune(after[0]))
		b.WriteString(s[:i])
		if isValue {
			b.WriteString(with)
		} else {
			b.WriteString(lit)
		}
		s = s[i+len(lit):]
	}
}

func isTrue(v any) bool {
	switch t := v.(type) {
	case bool:
		return t
	case string:
		return strings.EqualFold(t, "true")
	}
	return false
}

func asString(v any) string {
	s, _ := v.(string)
	return s
}

func looksJSON(b []byte) bool {
	t := bytes.TrimSpace(b)
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

func looksXML(b []byte) bool {
	t := bytes.TrimSpace(b)
	return len(t) > 0 && t[0] == '<'
}

// maskContainers masks every string value inside the value of a container field, in place: the
// layout, the keys and everything outside the container stay as they are.
func (p *Policy) maskContainers(s string) string {
	var out strings.Builder
	depth, maskFrom := 0, -1
	pending := false // the last key read names a container
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				out.WriteString(s[i:])
				return out.String()
			}
			lit := s[i : j+1]
			rest := strings.TrimLeft(s[j+1:], " \t\r\n")
			if rest != "" && rest[0] == ':' { // a key
				var key string
				_ = json.Unmarshal([]byte(lit), &key)
				pending = maskFrom < 0 && p.containers[strings.ToLower(key)]
				out.WriteString(lit)
			} else {
				if maskFrom >= 0 || pending {
					out.WriteString(`"` + Mask + `"`)
				} else {
					out.WriteString(lit)
				}
				pending = false
			}
			i = j + 1
			continue
		case '{', '[':
			depth++
			if pending {
				maskFrom, pending = depth, false
			}
		case '}', ']':
			if maskFrom == depth {
				maskFrom = -1
			}
			depth--
		case ',':
			pending = false
		}
		out.WriteByte(c)
		i++
	}
	return out.String()
}
