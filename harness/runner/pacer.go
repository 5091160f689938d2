package runner

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/cucumber/godog"

	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// Waits a person can mistake for a hang get progress lines: a wait of waitNotice or longer is
// announced, and a step that has been waiting (polling) that long is too; then a line comes every
// waitEvery while it lasts. Replay never waits, so it never prints them.
var (
	waitNotice = 5 * time.Second
	waitEvery  = 30 * time.Second
)

// pacer is the only place the mode decides a behaviour of steps: replay never sleeps. Live, it
// sleeps, and tells progress about long waits.
func pacer(mode vcr.Mode, progress io.Writer) func(context.Context, time.Duration) error {
	if mode == vcr.Replay {
		return func(ctx context.Context, _ time.Duration) error { return interrupted(ctx.Err()) }
	}
	return func(ctx context.Context, d time.Duration) error {
		w, _ := ctx.Value(waitKey{}).(*waiting)
		if progress == nil || w == nil {
			return sleep(ctx, d)
		}
		return w.wait(ctx, d, progress)
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return interrupted(ctx.Err())
	case <-t.C:
		return nil
	}
}

type waitKey struct{}

// waiting is the progress of one step: which API, scenario and step, since when, and when it
// last said something.
type waiting struct {
	api, scenario, step string
	start               time.Time
	mu                  sync.Mutex
	said                time.Time
}

type scenarioKey struct{}

// scenarioHooks install the runner's own hooks: each step gets its *waiting in the context, and
// an undefined step becomes the scenario's failure, naming its line and the closest steps of the
// vocabulary.
func scenarioHooks(sc *godog.ScenarioContext, api string, col *collector) {
	sc.Before(func(ctx context.Context, gs *godog.Scenario) (context.Context, error) {
		ctx = context.WithValue(ctx, scenarioKey{}, gs)
		return context.WithValue(ctx, waitKey{}, &waiting{api: api, scenario: gs.Name}), nil
	})
	sc.StepContext().Before(func(ctx context.Context, st *godog.Step) (context.Context, error) {
		name := ""
		if w, ok := ctx.Value(waitKey{}).(*waiting); ok {
			name = w.scenario
		}
		return context.WithValue(ctx, waitKey{}, &waiting{api: api, scenario: name, step: st.Text, start: time.Now()}), nil
	})
	sc.StepContext().After(func(ctx context.Context, st *godog.Step, status godog.StepResultStatus, err error) (context.Context, error) {
		if gs, ok := ctx.Value(scenarioKey{}).(*godog.Scenario); ok && status == godog.StepUndefined {
			col.undefinedStep(gs, st)
		}
		return ctx, nil // godog keeps the step's own error; returning it again would repeat it
	})
}

func (w *waiting) say(out io.Writer, format string, a ...any) {
	w.mu.Lock()
	w.said = time.Now()
	w.mu.Unlock()
	fmt.Fprintf(out, "%s: %s: %s\n", w.api, w.scenario, fmt.Sprintf(format, a...))
}

// wait sleeps d, saying so when d is long, every waitEvery while it lasts, and when the step's
// waits add up to waitNotice or more (polls).
func (w *waiting) wait(ctx context.Context, d time.Duration, out io.Writer) error {
	end := time.Now().Add(d)
	if d >= waitNotice {
		w.say(out, "waiting %s (%s) ...", secs(d), w.step)
	}
	tick := time.NewTicker(waitEvery)
	defer tick.Stop()
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return interrupted(ctx.Err())
		case <-tick.C:
			w.say(out, "still waiting, %s left (%s) ...", secs(time.Until(end)), w.step)
		case <-t.C:
			w.mu.Lock()
			quiet := w.said.IsZero() || time.Since(w.said) >= waitEvery
			w.mu.Unlock()
			if elapsed := time.Since(w.start); d < waitNotice && elapsed >= waitNotice && quiet {
				w.say(out, "still at it after %s (%s) ...", secs(elapsed), w.step)
			}
			return nil
		}
	}
}

// secs renders a duration as whole seconds ("900 s"), or tenths below ten seconds.
func secs(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
}
