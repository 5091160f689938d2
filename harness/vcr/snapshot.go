package vcr

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dnaeon/go-vcr/v2/cassette"
	"gopkg.in/yaml.v3"

	"github.com/cloudcontract/cloudcontract/harness/callback"
)

// A Snapshot is the unit a re-record is judged by: one cassette file and the callback recording
// beside it, read together. They share one run id (the header of both), so they are kept or
// rewritten together: keeping an old cassette beside new callbacks would mix two run ids in one
// scenario, and ${run_id} names would no longer match on replay.
type Snapshot struct {
	// Name is the cassette file (a path of the file system it was read from).
	Name string
	// Header is what the header comments say.
	Header Header
	// Interactions in recorded order.
	Interactions []*cassette.Interaction
	// Callbacks in arrival order; HasCallbacks tells an empty recording from none.
	Callbacks    []callback.Received
	HasCallbacks bool

	raw, rawCallbacks []byte
}

// Header is what a cassette's header comment says.
type Header struct {
	// Harness is the version of cloudcontract that recorded it.
	Harness string
	// API, SpecHash and RunID are the api=, spec-sha256= and run-id= fields.
	API, SpecHash, RunID string
	// Vars are the fixture variables of the recording (the "# vars:" line).
	Vars map[string]string
}

var harnessVersionRe = regexp.MustCompile(`^# cloudcontract (\S+) cassette:`)

// parseHeader reads the leading comment lines of a recording.
func parseHeader(data []byte) Header {
	var h Header
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		if enc, ok := strings.CutPrefix(line, varsPrefix); ok {
			if vals, err := url.ParseQuery(enc); err == nil {
				h.Vars = map[string]string{}
				for k := range vals {
					h.Vars[k] = vals.Get(k)
				}
			}
			continue
		}
		if i > 0 {
			continue
		}
		if m := harnessVersionRe.FindStringSubmatch(line); m != nil {
			h.Harness = m[1]
		}
		for _, f := range strings.Fields(line) {
			k, v, ok := strings.Cut(f, "=")
			if !ok {
				continue
			}
			switch k {
			case "api":
				h.API = v
			case "spec-sha256":
				h.SpecHash = v
			case "run-id":
				h.RunID = v
			}
		}
	}
	return h
}

// yamlLineRe finds the line number in a yaml.v3 error ("yaml: line 12: ...").
var yamlLineRe = regexp.MustCompile(`^yaml: (?:unmarshal errors:\s*)?line (\d+): `)

// InputError is a recording that cannot be read: it names the file and, when known, the line.
type InputError struct {
	File string
	Line int
	Msg  string
}

// Error implements error.
func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

func yamlError(file string, err error) error {
	msg := err.Error()
	if m := yamlLineRe.FindStringSubmatch(strings.TrimSpace(msg)); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &InputError{File: file, Line: n, Msg: strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(msg), m[0]))}
	}
	return &InputError{File: file, Msg: strings.TrimPrefix(msg, "yaml: ")}
}

// ParseSnapshot reads a cassette and its callback recording (nil when there is none) from
// memory; name is used in errors.
func ParseSnapshot(name string, cassetteData, callbacksData []byte) (*Snapshot, error) {
	s := &Snapshot{Name: name, Header: parseHeader(cassetteData), raw: cassetteData, rawCallbacks: callbacksData}
	var c struct {
		Version      int                     `yaml:"version"`
		Interactions []*cassette.Interaction `yaml:"interactions"`
	}
	if err := yaml.Unmarshal(cassetteData, &c); err != nil {
		return nil, yamlError(name, err)
	}
	if c.Version != 1 {
		return nil, &InputError{File: name, Msg: fmt.Sprintf("version %d, expected 1 (is it a cassette?)", c.Version)}
	}
	for i, in := range c.Interactions {
		if in == nil || in.Request.Method == "" || in.Request.URL == "" {
			return nil, &InputError{File: name, Msg: fmt.Sprintf("interaction %d has no request method or URL", i+1)}
		}
		if in.Response.Code < 100 || in.Response.Code > 599 {
			return nil, &InputError{File: name, Msg: fmt.Sprintf("interaction %d has response code %d", i+1, in.Response.Code)}
		}
	}
	s.Interactions = c.Interactions
	if callbacksData != nil {
		cbName := CallbacksPath(name)
		var f callbackFile
		dec := yaml.NewDecoder(bytes.NewReader(callbacksData))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			return nil, yamlError(cbName, err)
		}
		s.Callbacks, s.HasCallbacks = f.Callbacks, true
	}
	return s, nil
}

// ReadSnapshot reads the cassette name of fsys and the callback recording beside it.
func ReadSnapshot(fsys fs.FS, name string) (*Snapshot, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	cb, err := fs.ReadFile(fsys, CallbacksPath(name))
	if errors.Is(err, fs.ErrNotExist) {
		cb, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseSnapshot(name, data, cb)
}

// ListCassettes returns the cassette files under dir of fsys ("." for all), sorted; callback
// recordings, hidden files and unfinished recordings are not cassettes.
func ListCassettes(fsys fs.FS, dir string) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		if isCassetteName(name) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func isCassetteName(name string) bool {
	return path.Ext(name) == ".yaml" && !strings.HasSuffix(name, ".callbacks.yaml") && !strings.HasPrefix(name, ".")
}
