package sim

import (
	"fmt"
	"strings"
)

// Data set names. Every simulator serves at least these two, populated independently: other
// ids, names, counts, locations and item order, and, where the document allows a choice, the
// other choice (default page sizes, optional fields absent, extra elements a later revision of
// the API might add). A suite that passes against both does not lean on either one's data.
const (
	// DatasetDefault is the data set served when Options.Dataset is empty.
	DatasetDefault = "default"
	// DatasetSecond is the second, independently populated data set.
	DatasetSecond = "second"
)

// Datasets lists the data set names every simulator serves.
func Datasets() []string { return []string{DatasetDefault, DatasetSecond} }

// DatasetName returns o.Dataset, or DatasetDefault when it is empty, and an error naming the
// known data sets when it is neither of them.
func (o Options) DatasetName() (string, error) {
	switch o.Dataset {
	case "", DatasetDefault:
		return DatasetDefault, nil
	case DatasetSecond:
		return DatasetSecond, nil
	}
	return "", fmt.Errorf("unknown data set %q (known: %s)", o.Dataset, strings.Join(Datasets(), ", "))
}

// Seeded is what a simulator tells about the data set it serves.
//
// Fixtures gives the value, in this data set, of each fixture variable the API declares in
// specs/<api>/harness.yaml (fixtures:) that a run cannot discover by itself: with --target sim,
// the harness sets these instead of asking the user.
//
// SeedValues lists the identifying literals of the data set (ids, names, locations, e-mail
// addresses): a feature that names one of them leans on the simulator's data, and a test fails
// when one appears in features/.
type Seeded interface {
	Fixtures() map[string]string
	SeedValues() []string
}
