package vcr

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/cloudcontract/cloudcontract/harness/callback"
)

// Callbacks an API sent during a recorded scenario are kept beside its cassette, in
// <scenario>.callbacks.yaml, redacted like the cassette; replay files them in the scenario's inbox
// so the scenario runs with no listener.

// replayCallbackBase is the callback URL given in replayed requests: never called.
const replayCallbackBase = "http://replay.cloudcontract.invalid/cb/replay"

type callbackFile struct {
	Version   int                 `yaml:"version"`
	Callbacks []callback.Received `yaml:"callbacks"`
}

// CallbacksPath is the callback recording of a cassette.
func CallbacksPath(cassette string) string {
	return strings.TrimSuffix(cassette, ".yaml") + ".callbacks.yaml"
}

// LoadCallbacks reads a callback recording; a missing file is an empty recording.
func LoadCallbacks(path string) ([]callback.Received, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var f callbackFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("callback recording %s cannot be read: %w", path, err)
	}
	return f.Callbacks, nil
}

// callbacksData renders the redacted notifications of a passing scenario as their recording (nil
// when the scenario received none: a stale recording is then removed).
func (f *Factory) callbacksData(list []callback.Received, used map[string]bool) ([]byte, error) {
	if len(list) == 0 {
		return nil, nil
	}
	p := f.opts.Policy
	out := make([]callback.Received, len(list))
	for i, r := range list {
		ct := r.Headers.Get("Content-Type")
		r.Headers = p.Header(r.Headers)
		r.Body = string(p.Body(ct, []byte(r.Body)))
		out[i] = r
	}
	data, err := yaml.Marshal(callbackFile{Version: 1, Callbacks: out})
	if err != nil {
		return nil, err
	}
	return append([]byte(f.header(used)), data...), nil
}

// writeOrRemove writes data to path atomically, or removes path when data is nil.
func writeOrRemove(path string, data []byte) error {
	if data == nil {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}
	return writeAtomic(path, data)
}
