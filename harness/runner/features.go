package runner

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/features"
)

// CheckFeatures parses every .feature file under dir and returns an error naming the first file
// that does not parse, with its line and column, and the folder when it holds no feature at all.
func CheckFeatures(dir string) error {
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".feature") {
			return nil
		}
		n++
		_, _, err = features.Parse(path)
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("no .feature file in %s", dir)
	}
	return nil
}
