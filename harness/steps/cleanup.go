package steps

import (
	"context"
	"net/http"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/cleanup"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// cleanupTimeout bounds the deletions after one scenario, however the scenario ended, besides the
// longest wait of the API's cleanup rules for an operation in progress.
const cleanupTimeout = time.Minute

// cleanupDoer sends the requests that delete what a scenario left behind: authenticated like the
// scenario, over the session's cleanup transport, kept out of the scenario's exchanges, and
// without a callback URL (their notifications are not the scenario's).
type cleanupDoer struct {
	s      *Scenario
	client *http.Client
}

// Do implements cleanup.Doer.
func (d cleanupDoer) Do(ctx context.Context, method, path string) (*validate.Exchange, error) {
	req, u, _, err := d.s.newRequest(ctx, method, path, nil, nil)
	if err != nil {
		return nil, err
	}
	x, _, err := d.s.exchange(req, u, nil, func() (*http.Response, error) { return d.client.Do(req) })
	return x, err
}

// Wait implements cleanup.Pacer: the cleanup pauses like the scenario's polls.
func (d cleanupDoer) Wait(ctx context.Context, pause time.Duration) error {
	return d.s.env.Wait(ctx, pause)
}

// Doer returns a cleanup.Doer that sends requests with the scenario's authentication over t, out
// of the scenario's exchanges (the cleanup command authenticates a scenario and lists with it).
func (s *Scenario) Doer(t http.RoundTripper) cleanup.Doer {
	c := *s.client
	c.Transport = t
	return cleanupDoer{s: s, client: &c}
}

// cleanUp deletes, newest first, what the scenario created and did not delete itself, with a
// context of its own: it runs after failed and interrupted scenarios too. It returns what the
// user must know: resources left behind and resources the run created without its prefix. The
// session has no cleanup transport when nothing was created (replay).
func (s *Scenario) cleanUp(ctx context.Context) []string {
	if s.session.Cleanup == nil {
		return nil
	}
	notes := s.tracker.Notes()
	if len(s.tracker.Pending()) == 0 {
		return notes
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout+s.env.API.Harness.LongestCleanupWait())
	defer cancel()
	for _, err := range s.tracker.CleanUp(ctx, s.Doer(s.session.Cleanup), s.env.Validator) {
		notes = append(notes, "left behind: "+s.env.Policy.String(err.Error()))
	}
	return notes
}
