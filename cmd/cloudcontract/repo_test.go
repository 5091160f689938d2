package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// executableMagic are the first bytes of compiled programs (ELF, Mach-O, PE).
var executableMagic = [][]byte{{0x7f, 'E', 'L', 'F'}, {0xcf, 0xfa, 0xed, 0xfe}, {0xfe, 0xed, 0xfa, 0xcf}, {'M', 'Z'}}

// TestNoBuiltBinaryIsTracked keeps compiled programs out of git: a built cloudcontract is ignored
// wherever `go build` puts it, and no tracked file is an executable.
func TestNoBuiltBinaryIsTracked(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout")
	}
	for _, built := range []string{"cloudcontract", "cmd/cloudcontract/cloudcontract", "bin/cloudcontract", "cloudcontract.exe"} {
		cmd := exec.Command("git", "check-ignore", "-q", "--no-index", built)
		cmd.Dir = root
		assert.NoError(t, cmd.Run(), "%s should be ignored by .gitignore", built)
	}
	for _, kept := range []string{"cmd/cloudcontract/main.go", "cmd/cloudcontract/testdata/usage.golden"} {
		cmd := exec.Command("git", "check-ignore", "-q", "--no-index", kept)
		cmd.Dir = root
		assert.Error(t, cmd.Run(), "%s should not be ignored", kept)
	}
	cmd := exec.Command("git", "ls-files", "-z", "--", ".", ":!cassettes", ":!features", ":!specs")
	cmd.Dir = root
	out, err := cmd.Output()
	require.NoError(t, err)
	for _, f := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		head := make([]byte, 4)
		fh, err := os.Open(filepath.Join(root, f))
		if err != nil {
			continue // deleted in the worktree
		}
		n, _ := fh.Read(head)
		fh.Close()
		for _, m := range executableMagic {
			assert.False(t, n >= len(m) && bytes.Equal(head[:len(m)], m), "%s is a compiled program: remove it from git (git rm --cached)", f)
		}
	}
}
