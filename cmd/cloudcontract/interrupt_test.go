package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for the watcher goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestNoInterruptedNoteWithoutASignal: a command that ends by itself (help, version, a failed
// bind) never prints the note of an interrupted run.
func TestNoInterruptedNoteWithoutASignal(t *testing.T) {
	for i := 0; i < 200; i++ {
		var stderr syncBuffer
		sigs := make(chan os.Signal, 1)
		ctx, stop := interruptible(context.Background(), sigs, nil, &stderr)
		code := realMain(ctx, []string{"version"}, &bytes.Buffer{}, &stderr)
		assert.NoError(t, ctx.Err())
		stop()
		assert.Equal(t, 0, code)
		if !assert.NotContains(t, stderr.String(), "interrupted") {
			return
		}
	}
}

func TestSignalCancelsAndReleases(t *testing.T) {
	var stderr syncBuffer
	sigs := make(chan os.Signal, 1)
	released := make(chan struct{})
	ctx, stop := interruptible(context.Background(), sigs, func() { close(released) }, &stderr)
	defer stop()
	sigs <- syscall.SIGINT
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the signal did not cancel the context")
	}
	<-released
	assert.Contains(t, stderr.String(), "interrupted: deleting what the run created")
}

// TestMain lets the tests run the real main in a child process (CLOUDCONTRACT_TEST_MAIN=1), to
// see its exit status and what it prints when signalled.
func TestMain(m *testing.M) {
	if os.Getenv("CLOUDCONTRACT_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// child runs the real main in a child process, from the repository root.
func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CLOUDCONTRACT_TEST_MAIN=1")
	cmd.Dir = "../.."
	return cmd
}

func TestProcessNeverClaimsAnInterruption(t *testing.T) {
	rounds := 10
	if testing.Short() {
		rounds = 3 // the note came at least once in three before the fix
	}
	for i := 0; i < rounds; i++ {
		for _, args := range [][]string{{"help"}, {"version"}, {"simulate", "--api", "ukcloud", "--addr", "256.0.0.1:1"}} {
			var stderr bytes.Buffer
			cmd := child(args...)
			cmd.Stdout, cmd.Stderr = io.Discard, &stderr
			_ = cmd.Run()
			require.NotContains(t, stderr.String(), "interrupted", "cloudcontract %v", args)
		}
	}
}

func TestProcessInterruptedExits130(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT")
	}
	cmd := child("simulate", "--api", "ukcloud", "--addr", "127.0.0.1:0", "--quiet")
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr syncBuffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err)
	require.Contains(t, line, "simulating ukcloud on http://127.0.0.1:")
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	err = cmd.Wait()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, 130, ee.ExitCode())
	assert.Contains(t, stderr.String(), "interrupted:")
}

// TestCtrlCDuringALiveRun: Ctrl-C during a long wait ends the run at once; the scenarios it
// stopped or kept from starting are not run, not failed, and the exit status is 130.
func TestCtrlCDuringALiveRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT")
	}
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(dir+"/ukcloud", 0o755))
	require.NoError(t, os.WriteFile(dir+"/ukcloud/wait.feature", []byte(`Feature: wait
  Scenario: first
    Given I am not authenticated
  Scenario: a session expires
    When I wait "30" seconds
  Scenario: last
    Given I am not authenticated
`), 0o644))
	cmd := child("run", "--api", "ukcloud", "--target", "sim", "--features", dir)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	var stdout syncBuffer
	cmd.Stdout = &stdout
	require.NoError(t, cmd.Start())
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if strings.Contains(lines.Text(), "waiting") {
			assert.Equal(t, `ukcloud: a session expires: waiting 30 s (I wait "30" seconds) ...`, lines.Text())
			break
		}
	}
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	var rest strings.Builder
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, stdout.String())
	assert.Equal(t, 130, ee.ExitCode(), stdout.String()+rest.String())
	assert.Equal(t, "1 passed, 0 failed, 2 not run", lastLine(stdout.String()))
	assert.NotContains(t, stdout.String(), "Failed")
	assert.Contains(t, rest.String(), "interrupted: 2 of 3 scenarios not run")
}
