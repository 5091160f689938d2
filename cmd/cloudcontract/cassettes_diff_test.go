package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/cassettes-diff: old holds committed recordings, new the same scenarios recorded again
// (other ports, run id, dates, receiver paths), some with a real change, one scenario gone and
// one new; broken holds a malformed cassette.
const diffData = "cmd/cloudcontract/testdata/cassettes-diff/"

func TestCassettesDiff(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		golden string // of stdout
		stderr string
	}{
		{"folders", []string{diffData + "old", diffData + "new"}, 1, "cassettes-diff", "3 changed, 1 added, 1 removed"},
		{"files", []string{diffData + "old/esc/tenants/a-tenant-id-of-exactly-72-characters-is-accepted.yaml", diffData + "new/esc/tenants/a-tenant-id-of-exactly-72-characters-is-accepted.yaml"}, 1, "cassettes-diff-file", ""},
		{"noise only", []string{diffData + "old/ukcloud/builds/a-vdc-build-by-a-user-who-does-not-administer-the-vorg.yaml", diffData + "new/ukcloud/builds/a-vdc-build-by-a-user-who-does-not-administer-the-vorg.yaml"}, 0, "cassettes-diff-same", ""},
		{"malformed", []string{diffData + "old", diffData + "broken"}, 2, "", diffData + "broken/bad.yaml:8: did not find expected node content"},
		{"malformed file", []string{diffData + "broken/bad.yaml", diffData + "old/ukcloud/builds/a-vdc-build-by-a-user-who-does-not-administer-the-vorg.yaml"}, 2, "", diffData + "broken/bad.yaml:8: "},
		{"missing", []string{diffData + "old", diffData + "nowhere"}, 2, "", "nowhere"},
		{"file and folder", []string{diffData + "old", diffData + "broken/bad.yaml"}, 2, "", "compare two files or two folders"},
		{"one argument", []string{diffData + "old"}, 2, "", "usage: cloudcontract cassettes diff OLD NEW"},
		{"help", []string{"--help"}, 0, "", "Exit status: 0 when nothing changed, 1 when something did, 2 on bad input."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"cassettes", "diff"}, tt.args...)...)
			assert.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
			if tt.golden != "" {
				golden(t, tt.golden, out)
			}
			assert.Contains(t, out+errOut, tt.stderr) // help goes to stdout, errors to stderr
		})
	}
}

// With --git, the working tree is compared with a revision: here a repository whose last commit
// holds the old recordings, and whose working tree holds the new ones.
func TestCassettesDiffGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
	}
	git("init", "-q")
	require.NoError(t, os.CopyFS(filepath.Join(repo, "cassettes"), os.DirFS(filepath.Join("testdata", "cassettes-diff", "old"))))
	git("add", "-A")
	git("commit", "-qm", "old")
	require.NoError(t, os.RemoveAll(filepath.Join(repo, "cassettes")))
	require.NoError(t, os.CopyFS(filepath.Join(repo, "cassettes"), os.DirFS(filepath.Join("testdata", "cassettes-diff", "new"))))

	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(repo))
	defer func() { require.NoError(t, os.Chdir(wd)) }()
	var out, errb bytes.Buffer
	code := realMain(context.Background(), []string{"cassettes", "diff", "--git", "HEAD"}, &out, &errb)
	assert.Equal(t, 1, code, errb.String())
	want, err := os.ReadFile(filepath.Join(wd, "testdata", "cassettes-diff.golden"))
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String(), "--git HEAD says what comparing the two folders says")

	out.Reset()
	code = realMain(context.Background(), []string{"cassettes", "diff", "--git", "HEAD", "cassettes/ukcloud/builds/a-vdc-build-by-a-user-who-does-not-administer-the-vorg.yaml"}, &out, &errb)
	assert.Equal(t, 0, code, errb.String())

	errb.Reset()
	code = realMain(context.Background(), []string{"cassettes", "diff", "--git", "no-such-rev"}, &out, &errb)
	assert.Equal(t, 2, code)
	assert.Contains(t, errb.String(), "no-such-rev")
}
