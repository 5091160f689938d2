package runner

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// Shard is one part of a run split over several machines: Index of Count, from 1. A scenario
// outline stays whole. The split is deterministic: the same features and cassettes give every
// machine the same plan, and the parts together hold every scenario once.
type Shard struct {
	Index, Count int
}

// Active tells whether the run is split.
func (s Shard) Active() bool { return s.Count > 1 }

// String renders "i/n".
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// ParseShard reads "i/n" (1 ≤ i ≤ n), or "auto/n", whose index comes from the environment: a
// Kubernetes Indexed Job's JOB_COMPLETION_INDEX (from 0), else CLOUDCONTRACT_SHARD_INDEX (from 1).
func ParseShard(v string, getenv func(string) string) (Shard, error) {
	if v == "" {
		return Shard{}, nil
	}
	i, n, ok := strings.Cut(v, "/")
	count, err := strconv.Atoi(n)
	if !ok || err != nil || count < 1 {
		return Shard{}, fmt.Errorf("--shard %q: write INDEX/COUNT, e.g. 2/3 (or auto/3 in a Kubernetes Indexed Job)", v)
	}
	var index int
	if i == "auto" {
		switch {
		case getenv("JOB_COMPLETION_INDEX") != "":
			k, err := strconv.Atoi(getenv("JOB_COMPLETION_INDEX"))
			if err != nil {
				return Shard{}, fmt.Errorf("--shard auto: JOB_COMPLETION_INDEX %q is not a number", getenv("JOB_COMPLETION_INDEX"))
			}
			index = k + 1
		case getenv("CLOUDCONTRACT_SHARD_INDEX") != "":
			if index, err = strconv.Atoi(getenv("CLOUDCONTRACT_SHARD_INDEX")); err != nil {
				return Shard{}, fmt.Errorf("--shard auto: CLOUDCONTRACT_SHARD_INDEX %q is not a number", getenv("CLOUDCONTRACT_SHARD_INDEX"))
			}
		default:
			return Shard{}, fmt.Errorf("--shard auto/%d: neither JOB_COMPLETION_INDEX (Kubernetes) nor CLOUDCONTRACT_SHARD_INDEX is set", count)
		}
	} else if index, err = strconv.Atoi(i); err != nil {
		return Shard{}, fmt.Errorf("--shard %q: %q is not a number", v, i)
	}
	if index < 1 || index > count {
		return Shard{}, fmt.Errorf("--shard %q: the index must be between 1 and %d", v, count)
	}
	return Shard{Index: index, Count: count}, nil
}

// shardUnit is what a shard runs whole: a scenario, or an outline with all its examples.
type shardUnit struct {
	path   string // file:line
	weight time.Duration
}

// defaultWeight stands for a scenario without a recording.
const defaultWeight = 50 * time.Millisecond

// shardPaths returns the godog paths of one API that the shard runs. The API's scenarios (those
// paths select, every one when paths is empty) are weighed by the durations their cassettes
// recorded, heaviest first, and each goes to the lightest part so far (ties to the lower part):
// parts of about the same length, the same on every machine.
func shardPaths(sh Shard, featureDir, cassetteDir string, paths []string) ([]string, error) {
	files, err := featureFiles(featureDir, paths)
	if err != nil {
		return nil, err
	}
	var units []shardUnit
	for _, f := range files {
		scenarios, err := scenariosOf(f)
		if err != nil {
			return nil, err
		}
		base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		for _, sc := range scenarios {
			w := time.Duration(0)
			for _, name := range sc.names {
				w += recordedDuration(filepath.Join(cassetteDir, base, vcr.Slug(name)+".yaml"))
			}
			units = append(units, shardUnit{path: fmt.Sprintf("%s:%d", f, sc.line), weight: w})
		}
	}
	sort.SliceStable(units, func(i, j int) bool {
		if units[i].weight != units[j].weight {
			return units[i].weight > units[j].weight
		}
		return units[i].path < units[j].path
	})
	load := make([]time.Duration, sh.Count)
	var mine []string
	for _, u := range units {
		k := 0
		for j := range load {
			if load[j] < load[k] {
				k = j
			}
		}
		load[k] += u.weight
		if k == sh.Index-1 {
			mine = append(mine, u.path)
		}
	}
	sort.Strings(mine)
	return mine, nil
}

// featureFiles lists the feature files of a selection: the files and folders paths names (a
// file:line counts as its file), or every file under dir.
func featureFiles(dir string, paths []string) ([]string, error) {
	if len(paths) == 0 {
		paths = []string{dir}
	}
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		file, _, err := splitLine(p)
		if err != nil {
			return nil, err
		}
		err = filepath.WalkDir(file, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".feature") && !seen[path] {
				seen[path] = true
				out = append(out, path)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

var durationLine = regexp.MustCompile(`(?m)^\s+duration: (\S+)$`)

// recordedDuration sums the durations a cassette recorded (defaultWeight when there is none).
func recordedDuration(path string) time.Duration {
	data, err := os.ReadFile(path)
	if err != nil {
		return defaultWeight
	}
	total := time.Duration(0)
	for _, m := range durationLine.FindAllSubmatch(data, -1) {
		if d, err := time.ParseDuration(string(m[1])); err == nil {
			total += d
		}
	}
	if total <= 0 {
		return time.Millisecond
	}
	return total
}
