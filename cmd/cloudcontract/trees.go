package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	cloudcontract "github.com/cloudcontract/cloudcontract"
)

// The trees a command reads: the contracts, the features and the cassettes. Each comes from its
// flag when given, else from the folder of that name in the working directory when there is one
// (a checkout, or a team's own copy), else from the copy built into the binary, unpacked once per
// build into the user's cache folder.
const (
	treeSpecs     = "specs"
	treeFeatures  = "features"
	treeCassettes = "cassettes"
)

// resolveTrees replaces the value of each tree flag of fs that the user did not give, and whose
// folder the working directory lacks, by the built-in copy. With writeCassettes (recording), the
// cassettes go to ./cassettes instead, never into the cache.
func resolveTrees(fs *flag.FlagSet, writeCassettes bool) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, name := range []string{treeSpecs, treeFeatures, treeCassettes} {
		f := fs.Lookup(name)
		if f == nil || given[name] {
			continue
		}
		if fi, err := os.Stat(f.Value.String()); err == nil && fi.IsDir() {
			continue
		}
		if name == treeCassettes && writeCassettes {
			continue // recordings are the user's: written where they work
		}
		root, err := builtIn()
		if err != nil {
			return fmt.Errorf("the %s built into this binary cannot be unpacked (give --%s DIR): %w", name, name, err)
		}
		if err := f.Value.Set(filepath.Join(root, name)); err != nil {
			return err
		}
	}
	return nil
}

var (
	builtInOnce sync.Once
	builtInDir  string
	builtInErr  error
)

// builtIn unpacks the embedded trees into a cache folder named after their content, once.
func builtIn() (string, error) {
	builtInOnce.Do(func() { builtInDir, builtInErr = unpack(cloudcontract.Trees) })
	return builtInDir, builtInErr
}

func unpack(trees fs.FS) (string, error) {
	h := sha256.New()
	var files []string
	err := fs.WalkDir(trees, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files = append(files, p)
		data, err := fs.ReadFile(trees, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", p, len(data))
		h.Write(data)
		return nil
	})
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "cloudcontract", "trees-"+hex.EncodeToString(h.Sum(nil))[:16])
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".unpacking-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for _, p := range files {
		dst := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return "", err
		}
		if err := copyOut(trees, p, dst); err != nil {
			return "", err
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), nil, 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, serr := os.Stat(filepath.Join(dir, ".complete")); serr == nil {
			return dir, nil // another process unpacked the same build first
		}
		return "", err
	}
	return dir, nil
}

func copyOut(trees fs.FS, src, dst string) error {
	in, err := trees.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return errors.Join(out.Close())
}
