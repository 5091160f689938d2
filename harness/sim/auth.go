package sim

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// FindUser returns the credential with this username and password. The
// comparison runs in constant time per credential so the simulator does not
// teach a timing side channel by example.
func FindUser(creds []Credential, username, password string) (Credential, bool) {
	for _, c := range creds {
		u := subtle.ConstantTimeCompare([]byte(c.Username), []byte(username))
		p := subtle.ConstantTimeCompare([]byte(c.Password), []byte(password))
		if u&p == 1 && c.Username != "" {
			return c, true
		}
	}
	return Credential{}, false
}

// FindToken returns the credential whose static Token matches.
func FindToken(creds []Credential, token string) (Credential, bool) {
	for _, c := range creds {
		if c.Token != "" && subtle.ConstantTimeCompare([]byte(c.Token), []byte(token)) == 1 {
			return c, true
		}
	}
	return Credential{}, false
}

// BasicUser checks HTTP Basic credentials against creds.
func BasicUser(r *http.Request, creds []Credential) (Credential, bool) {
	u, p, ok := r.BasicAuth()
	if !ok {
		return Credential{}, false
	}
	return FindUser(creds, u, p)
}

// BearerToken returns the token of an "Authorization: Bearer" header.
func BearerToken(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	const prefix = "bearer "
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return "", false
	}
	return strings.TrimSpace(h[len(prefix):]), true
}

// CookieValue returns the value of the named request cookie.
func CookieValue(r *http.Request, name string) (string, bool) {
	c, err := r.Cookie(name)
	if err != nil || c.Value == "" {
		return "", false
	}
	return c.Value, true
}
