package validate

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A body is validated against its schema's copy without reference-only schemas; the problems of a
// failing body are those of the schema itself, keyword locations included.
func TestSchemaProblemsAreTheSchemas(t *testing.T) {
	v := shop(t)
	bodies := []string{
		`[{"id": 1, "createdAt": "2016-07-08T10:42:14Z"}]`,
		`[{"id": "x", "email": "nobody", "createdAt": "yesterday", "items": [{}, {"sku": 3}]}]`,
		`[{"id": 1.5, "email": "a@example.com", "createdAt": "2016-07-08T23:59:60Z", "note": 2}]`,
		`{"id": 1}`,
	}
	for _, body := range bodies {
		tg, err := v.Prepare(exchange("GET", "http://h/api/orders", 200, "application/json", body))
		require.NoError(t, err)
		require.NotNil(t, tg.Body, body)
		require.NotNil(t, tg.Body.Schema, body)
		got := SchemaProblems(tg.Body.Schema.JSON, tg.Body)
		plain := *tg.Body
		plain.Schema = nil // validated by the compiled schema alone
		want := SchemaProblems(tg.Body.Schema.JSON, &plain)
		require.NotEmpty(t, want, body)
		assert.Equal(t, want, got, body)
		if body[0] == '[' {
			assert.Contains(t, got[0].Expected, "(schema /items/$ref", body)
		}
	}
}
