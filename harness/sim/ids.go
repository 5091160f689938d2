package sim

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"sync"
)

// IDs hands out identifiers from a seeded generator, so the same seed and the
// same sequence of calls give the same identifiers. It is safe for concurrent
// use, but concurrent callers race for the order; simulators that promise
// determinism call it under their state lock.
type IDs struct {
	mu  sync.Mutex
	rng *rand.Rand
	seq map[string]int
}

// NewIDs returns a generator seeded with seed.
func NewIDs(seed int64) *IDs {
	s := uint64(seed)
	return &IDs{rng: rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15)), seq: map[string]int{}}
}

// Bytes returns n pseudo-random bytes.
func (g *IDs) Bytes(n int) []byte {
	g.mu.Lock()
	defer g.mu.Unlock()
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.rng.UintN(256))
	}
	return b
}

// Hex returns n pseudo-random lower-case hexadecimal digits.
func (g *IDs) Hex(n int) string {
	return hex.EncodeToString(g.Bytes((n + 1) / 2))[:n]
}

// UUID returns a version-4 style UUID in canonical lower-case form.
func (g *IDs) UUID() string {
	b := g.Bytes(16)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return fmt.Sprintf("%s-%s-%s-%s-%s", h[0:8], h[8:12], h[12:16], h[16:20], h[20:32])
}

// Token returns a 256-bit secret in hexadecimal, for session cookies and
// bearer tokens.
func (g *IDs) Token() string { return g.Hex(64) }

// IntN returns a pseudo-random int in [0, n).
func (g *IDs) IntN(n int) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.rng.IntN(n)
}

// Next returns the next number of the named sequence, starting at first.
// Sequences are independent of the random stream, so adding a sequence does
// not shift the random identifiers.
func (g *IDs) Next(name string, first int) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	v, ok := g.seq[name]
	if !ok {
		v = first
	}
	g.seq[name] = v + 1
	return v
}
