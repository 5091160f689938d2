package vcr

import "testing"

// BenchmarkLoadAllCassettes reads every committed cassette and callback recording.
func BenchmarkLoadAllCassettes(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		recs, err := Recordings("../../cassettes")
		if err != nil {
			b.Fatal(err)
		}
		if len(recs) < 700 {
			b.Fatalf("only %d cassettes", len(recs))
		}
	}
}
