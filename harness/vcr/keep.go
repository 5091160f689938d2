package vcr

import (
	"errors"
	"os"
	"strings"
)

// A re-record that says nothing new keeps the old files byte for byte, so that a review of the
// re-record shows only the scenarios whose API answers changed.
//
// The unit is the scenario: its cassette and its callback recording are kept, or rewritten,
// together. Both carry the run id of their recording in their header, and replay gives the
// scenario that run id, so ${run_id} names must come from one recording; a finer unit (keeping
// some interactions of the old recording beside new ones) would mix two run ids in one replay.
// A recording against another contract that answers the same keeps its bytes too, with the
// contract hash of its header brought up to date (one line).

// keepOrWrite writes the new recording of a scenario at path (its cassette, and its callbacks
// when the API has a receiver), unless it says the same as the recording already there.
func (f *Factory) keepOrWrite(path string, cassetteData, callbacks []byte, hasReceiver bool) error {
	cbPath := CallbacksPath(path)
	oldData, err := os.ReadFile(path)
	if err == nil {
		oldCB, cbErr := os.ReadFile(cbPath)
		if errors.Is(cbErr, os.ErrNotExist) {
			oldCB, cbErr = nil, nil
		}
		if !hasReceiver {
			callbacks = oldCB // the API sends none: what is there stays as it is
		}
		if cbErr == nil && sameRecording(path, oldData, oldCB, cassetteData, callbacks) {
			return refreshSpecHash(path, cbPath, oldData, oldCB, cassetteData)
		}
	}
	if hasReceiver {
		if err := writeOrRemove(cbPath, callbacks); err != nil {
			return err
		}
	}
	return writeAtomic(path, cassetteData)
}

// sameRecording says whether two recordings of a scenario say the same thing (see Compare); a
// recording that cannot be read is never the same.
func sameRecording(path string, oldData, oldCB, newData, newCB []byte) bool {
	o, err := ParseSnapshot(path, oldData, oldCB)
	if err != nil {
		return false
	}
	n, err := ParseSnapshot(path, newData, newCB)
	if err != nil {
		return false
	}
	return Compare(o, n).Same()
}

// refreshSpecHash keeps the old files, with the contract hash of the new recording in their
// header when it changed.
func refreshSpecHash(path, cbPath string, oldData, oldCB, newData []byte) error {
	oldHash, newHash := parseHeader(oldData).SpecHash, parseHeader(newData).SpecHash
	if oldHash == "" || newHash == "" || oldHash == newHash {
		return nil
	}
	if oldCB != nil {
		if err := writeAtomic(cbPath, replaceSpecHash(oldCB, oldHash, newHash)); err != nil {
			return err
		}
	}
	return writeAtomic(path, replaceSpecHash(oldData, oldHash, newHash))
}

// replaceSpecHash changes the spec-sha256 field of the first line only.
func replaceSpecHash(data []byte, oldHash, newHash string) []byte {
	first, rest, _ := strings.Cut(string(data), "\n")
	first = strings.Replace(first, "spec-sha256="+oldHash, "spec-sha256="+newHash, 1)
	return []byte(first + "\n" + rest)
}
