package runner

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	gherkin "github.com/cucumber/gherkin/go/v26"
	messages "github.com/cucumber/messages/go/v21"
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
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := gherkin.ParseGherkinDocument(f, (&messages.Incrementing{}).NewId); err != nil {
			return fmt.Errorf("feature file %s: %v", path, strings.ReplaceAll(err.Error(), "\n", "; "))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("no .feature file in %s", dir)
	}
	return nil
}
