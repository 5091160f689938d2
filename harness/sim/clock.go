package sim

import (
	"sync"
	"time"
)

// Clock is the simulated clock for timestamps written into bodies. It starts
// at a fixed origin and moves forward by a fixed step each time an event is
// stamped, so timestamps depend only on the sequence of events and never on
// wall time.
type Clock struct {
	mu   sync.Mutex
	now  time.Time
	step time.Duration
}

// NewClock returns a clock at start that advances by step per Tick.
func NewClock(start time.Time, step time.Duration) *Clock {
	return &Clock{now: start, step: step}
}

// Now returns the current simulated time without advancing it.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Tick advances the clock by one step and returns the new time: the stamp of
// one event.
func (c *Clock) Tick() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(c.step)
	return c.now
}
