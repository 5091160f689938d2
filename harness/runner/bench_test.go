package runner

import (
	"context"
	"io"
	"testing"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// BenchmarkReplayScenario replays one committed UKCloud scenario (a login and a list), the
// contract parsed once beforehand as in a run.
func BenchmarkReplayScenario(b *testing.B) {
	reg := spec.NewRegistry("../../specs")
	if _, err := reg.Get("ukcloud"); err != nil {
		b.Fatal(err)
	}
	cfg := Config{APIs: []string{"ukcloud"}, SpecsDir: "../../specs", FeaturesDir: "../../features", CassettesDir: "../../cassettes",
		Registry: reg, Output: io.Discard, Tags: "@billing", Format: "progress"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Run(context.Background(), cfg)
		if err != nil || !res.OK() {
			b.Fatalf("%v %+v", err, res)
		}
	}
}
