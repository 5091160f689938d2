package spec

import "testing"

// BenchmarkLoadAllSpecs parses and validates the four contracts (done once per process in use).
func BenchmarkLoadAllSpecs(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, name := range []string{"ukcloud", "cloudcontrol", "esc", "cam"} {
			if _, err := Load("../../specs/" + name); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRoute finds the operation of a request among CloudControl's 139.
func BenchmarkRoute(b *testing.B) {
	api, err := Load("../../specs/cloudcontrol")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := api.Find("GET", "/oec/0.9/1831c1a9-9c03-44df-a5a4-f2a4662d6bde/server/5f3b8e2c", "start"); err != nil {
			b.Fatal(err)
		}
	}
}
