package vcr

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dnaeon/go-vcr/v2/cassette"
	"gopkg.in/yaml.v3"

	"github.com/cloudcontract/cloudcontract/harness/callback"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// Recording is one cassette read back: its interactions, the callbacks recorded beside it and
// what its header comment says.
type Recording struct {
	// Path is the cassette file.
	Path string
	// SpecHash is the sha256 of the contract it was recorded against ("" when unknown).
	SpecHash string
	// Vars are the fixture variables it was recorded with (the "# vars:" line; a vendor-side
	// one only when the scenario used it).
	Vars map[string]string
	// Interactions in recorded order.
	Interactions []*cassette.Interaction
	// Callbacks received during the scenario, in arrival order.
	Callbacks []callback.Received
}

// ReadRecording reads a cassette file and its callback recording.
func ReadRecording(path string) (*Recording, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	h := parseHeader(data)
	r := &Recording{Path: path, SpecHash: h.SpecHash, Vars: h.Vars}
	var c struct {
		Version      int                     `yaml:"version"`
		Interactions []*cassette.Interaction `yaml:"interactions"`
	}
	if err := yaml.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("cassette %s cannot be read: %w", path, err)
	}
	if c.Version != 1 {
		return nil, fmt.Errorf("cassette %s: version %d, expected 1", path, c.Version)
	}
	for i, in := range c.Interactions {
		if in == nil || in.Request.Method == "" || in.Request.URL == "" {
			return nil, fmt.Errorf("cassette %s: interaction %d has no request method or URL", path, i+1)
		}
		if in.Response.Code < 100 || in.Response.Code > 599 {
			return nil, fmt.Errorf("cassette %s: interaction %d has response code %d", path, i+1, in.Response.Code)
		}
	}
	r.Interactions = c.Interactions
	if r.Callbacks, err = LoadCallbacks(CallbacksPath(path)); err != nil {
		return nil, err
	}
	return r, nil
}

// Recordings reads every cassette under dir, sorted by path.
func Recordings(dir string) ([]*Recording, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if strings.HasPrefix(name, ".recording-") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".callbacks.yaml") && !strings.HasPrefix(name, ".") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	out := make([]*Recording, 0, len(paths))
	for _, p := range paths {
		r, err := ReadRecording(p)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Exchange turns a recorded interaction into an exchange to validate.
func Exchange(i *cassette.Interaction) (*validate.Exchange, error) {
	u, err := url.Parse(i.Request.URL)
	if err != nil {
		return nil, fmt.Errorf("recorded URL %q: %w", i.Request.URL, err)
	}
	u.Scheme, u.Host = "", ""
	return &validate.Exchange{
		Method: i.Request.Method, URL: u, RequestHeader: i.Request.Headers, RequestBody: []byte(i.Request.Body),
		Status: i.Response.Code, Header: i.Response.Headers, Body: []byte(i.Response.Body), Duration: i.Response.Duration,
	}, nil
}
