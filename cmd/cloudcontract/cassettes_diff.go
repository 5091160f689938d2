package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

const cassettesDiffUsage = `cassettes diff OLD NEW | cassettes diff --git REV [PATH]

Shows what the API answered differently between two recordings, per scenario and interaction:
status, headers and body fields (JSON pointers, decoded XML paths). OLD and NEW are two cassette
files or two folders of cassettes; with --git, PATH (default cassettes) of the working tree is
compared with PATH at revision REV. Host and port, the run id, dates and other volatile headers,
durations, timestamps the API wrote and identifiers it generated are not changes.
Exit status: 0 when nothing changed, 1 when something did, 2 on bad input.`

// cassettesDiffCmd compares two recordings of the scenarios.
func cassettesDiffCmd(args []string, stdout, stderr io.Writer) error {
	flags := newFlagSet("cassettes diff", cassettesDiffUsage, stderr)
	rev := flags.String("git", "", "compare the working tree with this revision (e.g. HEAD, main~1)")
	rest, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	var d *vcr.TreeDiff
	switch {
	case *rev != "" && len(rest) <= 1:
		p := "cassettes"
		if len(rest) == 1 {
			p = rest[0]
		}
		d, err = diffGit(*rev, p)
	case *rev == "" && len(rest) == 2:
		d, err = diffPaths(rest[0], rest[1])
	default:
		return usageErr("usage: cloudcontract %s", strings.SplitN(cassettesDiffUsage, "\n", 2)[0])
	}
	if err != nil {
		return badInput(err)
	}
	d.Write(stdout)
	if !d.Empty() {
		return &exitError{code: 1, msg: fmt.Sprintf("the recordings differ: %d changed, %d added, %d removed", len(d.Changed), len(d.Added), len(d.Removed))}
	}
	return nil
}

// badInput turns an unreadable recording or path into exit status 2.
func badInput(err error) error {
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	return &exitError{code: 2, msg: err.Error()}
}

// diffPaths compares two cassette files, or two folders of cassettes.
func diffPaths(oldPath, newPath string) (*vcr.TreeDiff, error) {
	oi, err := os.Stat(oldPath)
	if err != nil {
		return nil, err
	}
	ni, err := os.Stat(newPath)
	if err != nil {
		return nil, err
	}
	switch {
	case oi.IsDir() && ni.IsDir():
		return vcr.DiffTrees(vcr.Tree{FS: os.DirFS(oldPath), Dir: ".", Label: dirLabel(oldPath)}, vcr.Tree{FS: os.DirFS(newPath), Dir: ".", Label: dirLabel(newPath)})
	case !oi.IsDir() && !ni.IsDir():
		o, err := readSnapshotFile(oldPath)
		if err != nil {
			return nil, err
		}
		n, err := readSnapshotFile(newPath)
		if err != nil {
			return nil, err
		}
		o.Name, n.Name = oldPath, newPath
		return single(vcr.Compare(o, n)), nil
	}
	return nil, usageErr("%s and %s: compare two files or two folders", oldPath, newPath)
}

// readSnapshotFile reads a cassette file and the callbacks beside it; errors name the files as
// given.
func readSnapshotFile(p string) (*vcr.Snapshot, error) {
	s, err := vcr.ReadSnapshot(os.DirFS(filepath.Dir(p)), filepath.Base(p))
	var ie *vcr.InputError
	if errors.As(err, &ie) {
		ie.File = filepath.Join(filepath.Dir(p), ie.File)
	}
	return s, err
}

// dirLabel is how files under dir are named in errors.
func dirLabel(dir string) string {
	if dir == "." {
		return ""
	}
	return strings.TrimSuffix(filepath.ToSlash(dir), "/") + "/"
}

func single(c *vcr.Comparison) *vcr.TreeDiff {
	d := &vcr.TreeDiff{}
	switch {
	case !c.Same():
		d.Changed = append(d.Changed, c)
	case c.SpecChanged:
		d.SpecOnly, d.Unchanged = 1, 1
	default:
		d.Unchanged = 1
	}
	return d
}

// diffGit compares p (a cassette or a folder, inside the working directory) of the working tree
// with p at revision rev, read with git.
func diffGit(rev, p string) (*vcr.TreeDiff, error) {
	clean := filepath.ToSlash(filepath.Clean(p))
	if filepath.IsAbs(p) || clean == ".." || strings.HasPrefix(clean, "../") {
		return nil, usageErr("--git: %s must be a path inside the working directory", p)
	}
	old, err := gitTree(rev, clean)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(clean)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		o, err := vcr.ReadSnapshot(old, clean)
		var ie *vcr.InputError
		if errors.As(err, &ie) {
			ie.File = rev + ":" + ie.File
		}
		if errors.Is(err, fs.ErrNotExist) {
			return &vcr.TreeDiff{Added: []string{clean}}, nil
		}
		if err != nil {
			return nil, err
		}
		n, err := vcr.ReadSnapshot(os.DirFS("."), clean)
		if err != nil {
			return nil, err
		}
		return single(vcr.Compare(o, n)), nil
	}
	if _, err := fs.Stat(old, clean); err != nil {
		old[clean] = &fstest.MapFile{Mode: fs.ModeDir | 0o755} // nothing there at rev: all added
	}
	return vcr.DiffTrees(vcr.Tree{FS: old, Dir: clean, Label: rev + ":" + dirLabel(clean)}, vcr.Tree{FS: os.DirFS("."), Dir: clean, Label: dirLabel(clean)})
}

// gitTree reads the files under p at revision rev into memory, named as in the working directory.
func gitTree(rev, p string) (fstest.MapFS, error) {
	ls := exec.Command("git", "ls-tree", "-r", "-z", "--name-only", rev, "--", p)
	var errb bytes.Buffer
	ls.Stderr = &errb
	out, err := ls.Output()
	if err != nil {
		return nil, usageErr("--git %s: git ls-tree: %v %s", rev, err, strings.TrimSpace(errb.String()))
	}
	var names []string
	for _, n := range strings.Split(string(out), "\x00") {
		if n != "" && strings.HasSuffix(n, ".yaml") {
			names = append(names, path.Clean(filepath.ToSlash(n)))
		}
	}
	tree := fstest.MapFS{}
	if len(names) == 0 {
		return tree, nil
	}
	cat := exec.Command("git", "cat-file", "--batch")
	var in bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&in, "%s:./%s\n", rev, n)
	}
	cat.Stdin = &in
	cat.Stderr = &errb
	data, err := cat.Output()
	if err != nil {
		return nil, usageErr("--git %s: git cat-file: %v %s", rev, err, strings.TrimSpace(errb.String()))
	}
	r := bufio.NewReader(bytes.NewReader(data))
	for _, n := range names {
		head, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("--git %s: reading %s: %w", rev, n, err)
		}
		f := strings.Fields(head)
		if len(f) != 3 || f[1] != "blob" {
			continue // a submodule or something missing: not a recording
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("--git %s: reading %s: %q", rev, n, head)
		}
		body := make([]byte, size+1) // the content, then a newline
		if _, err := io.ReadFull(r, body); err != nil {
			return nil, fmt.Errorf("--git %s: reading %s: %w", rev, n, err)
		}
		tree[n] = &fstest.MapFile{Data: body[:size], Mode: 0o644}
	}
	return tree, nil
}
