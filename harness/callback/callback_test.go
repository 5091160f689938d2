package callback

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReceiverFilesNotificationsPerScenario(t *testing.T) {
	r, err := Start("", "")
	require.NoError(t, err)
	defer r.Close()
	assert.True(t, strings.HasPrefix(r.Base, "http://127.0.0.1:"), "loopback by default: %s", r.Base)

	a, urlA, closeA := r.Open()
	b, urlB, closeB := r.Open()
	defer closeB()
	post := func(url, body string) int {
		req, _ := http.NewRequest("POST", url, strings.NewReader(body))
		req.Header.Set("ESC_TRANSACTION_ID", "tx-1")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	assert.Equal(t, 200, post(urlA+"/Callback", "<one/>"))
	assert.Equal(t, 200, post(urlA+"/Callback-ESC-Events", "<two/>"))
	assert.Equal(t, 200, post(urlB+"/Callback", "<other/>"))

	got, err := a.Wait(context.Background(), 0, time.Second)
	require.NoError(t, err)
	assert.Equal(t, "Callback", got.Header)
	assert.Equal(t, "<one/>", got.Body)
	assert.Equal(t, "tx-1", got.Headers.Get("ESC_TRANSACTION_ID"))
	got, err = a.Wait(context.Background(), 1, time.Second)
	require.NoError(t, err)
	assert.Equal(t, "Callback-ESC-Events", got.Header)
	assert.Len(t, b.All(), 1)

	closeA()
	assert.Equal(t, 404, post(urlA+"/Callback", "<late/>"))
	assert.Len(t, r.Unrouted(), 1)
}

func TestWaitTimesOutAndRecordedInboxesDoNotWait(t *testing.T) {
	in := NewInbox()
	start := time.Now()
	_, err := in.Wait(context.Background(), 0, 50*time.Millisecond)
	assert.True(t, errors.Is(err, ErrTimeout))
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)

	go func() { time.Sleep(10 * time.Millisecond); in.Add(Received{Body: "late"}) }()
	got, err := in.Wait(context.Background(), 0, time.Second)
	require.NoError(t, err)
	assert.Equal(t, "late", got.Body)

	rec := Recorded([]Received{{Body: "x"}})
	got, err = rec.Wait(context.Background(), 0, time.Hour)
	require.NoError(t, err)
	assert.Equal(t, "x", got.Body)
	start = time.Now()
	_, err = rec.Wait(context.Background(), 1, time.Hour)
	assert.ErrorContains(t, err, "none was recorded")
	assert.Less(t, time.Since(start), time.Second, "replay never waits")
}
