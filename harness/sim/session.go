package sim

import (
	"sync"
	"time"
)

// Sessions keeps login sessions with a sliding expiry: a session lives for
// ttl after its last use. Tokens come from the seeded generator, so session
// cookies and bearer tokens are deterministic; expiry is measured with the
// real (or injected) time source, never the simulated clock.
type Sessions struct {
	mu   sync.Mutex
	ttl  time.Duration
	now  func() time.Time
	ids  *IDs
	byID map[string]*session
}

type session struct {
	user     string
	lastSeen time.Time
}

// NewSessions returns an empty session store.
func NewSessions(ttl time.Duration, now func() time.Time, ids *IDs) *Sessions {
	if now == nil {
		now = time.Now
	}
	return &Sessions{ttl: ttl, now: now, ids: ids, byID: map[string]*session{}}
}

// TTL returns the session lifetime.
func (s *Sessions) TTL() time.Duration { return s.ttl }

// Create opens a session for user and returns its token.
func (s *Sessions) Create(user string) string {
	tok := s.ids.Token()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[tok] = &session{user: user, lastSeen: s.now()}
	return tok
}

// Touch returns the user of a live session and extends it. An unknown token
// or one idle for longer than the TTL reports false; an expired session is
// forgotten.
func (s *Sessions) Touch(token string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ses, ok := s.byID[token]
	if !ok {
		return "", false
	}
	now := s.now()
	if now.Sub(ses.lastSeen) > s.ttl {
		delete(s.byID, token)
		return "", false
	}
	ses.lastSeen = now
	return ses.user, true
}

// Delete ends a session (logout).
func (s *Sessions) Delete(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, token)
}
