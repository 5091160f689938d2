package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeStd is DecodeJSON's encoding/json path.
func decodeStd(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("more than one value")
	}
	return v, nil
}

var jsonSamples = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `12`, `-1.5e+10`, `1E-3`, `3.25`, `""`, `"a"`,
	` {"a" : [1, 2, {"b": null}], "c": "d"} `, "\t[\n1\r\n]\n",
	`{"a": 1, "a": 2}`, `{"a": {"x": 1}, "a": [2]}`,
	`"\u00e9\n\t\"\\\/\b\f\r"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\udc00x"`, `"é ü 日本"`, "\"\xff\xfe\"", "\"a\xc3\"",
	`{"\u0061": 1}`, "{\"k\xff\": 1}",
	orderSample,
	// Not JSON, or not only one value: encoding/json decides (and DecodeJSON reports what it says).
	``, ` `, `{`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `[1 2]`, `01`, `-`, `1.`, `.5`, `1e`, `+1`, `NaN`,
	`tru`, `nul`, `"abc`, "\"a\x01b\"", `"\x"`, `"\u12"`, `"\u12G4"`, `{"a":1}}`, `[1]]`, `{"a":1} {"b":2}`,
	`1 2`, `[1] x`, "\xef\xbb\xbf{}", `{"a":1}x`, `["a"` + "\x00" + `]`,
}

const orderSample = `[{"id": 1, "email": "user1@example.com", "createdAt": "2016-07-08T10:42:14+01:00", "note": null, "items": [{"sku": "a-1"}, {"sku": "b-1"}]}]`

func assertSameAsEncodingJSON(t *testing.T, data []byte) {
	t.Helper()
	want, wantErr := decodeStd(data)
	got, ok := parseJSON(data)
	if ok {
		require.NoError(t, wantErr, "parseJSON accepted %q", data)
		require.True(t, reflect.DeepEqual(want, got), "%q: got %#v, want %#v", data, got, want)
	}
	// Whatever the fast path does, DecodeJSON gives encoding/json's value or error, after the
	// byte-order mark it allows.
	want, wantErr = decodeStd(bytes.TrimPrefix(data, []byte("\ufeff")))
	d, err := DecodeJSON(data, nil)
	if wantErr != nil {
		require.Error(t, err, "%q", data)
		return
	}
	require.NoError(t, err, "%q", data)
	require.True(t, reflect.DeepEqual(want, d.Value), "%q: got %#v, want %#v", data, d.Value, want)
}

func TestParseJSONMatchesEncodingJSON(t *testing.T) {
	accepted := 0
	for _, s := range jsonSamples {
		assertSameAsEncodingJSON(t, []byte(s))
		if _, ok := parseJSON([]byte(s)); ok {
			accepted++
		}
	}
	assert.Greater(t, accepted, 25)

	rng := rand.New(rand.NewSource(1))
	const alphabet = `{}[],:"\ 0123456789.eE+-tfnul` + "\x00\xff\xc3\xa9"
	for _, s := range jsonSamples {
		for i := 0; i < 300; i++ {
			b := []byte(s)
			for n := rng.Intn(3) + 1; n > 0; n-- {
				j := 0
				if len(b) > 0 {
					j = rng.Intn(len(b))
				}
				c := alphabet[rng.Intn(len(alphabet))]
				switch rng.Intn(3) {
				case 0:
					if len(b) > 0 {
						b[j] = c
					}
				case 1:
					b = append(b[:j], append([]byte{c}, b[j:]...)...)
				default:
					if len(b) > 0 {
						b = append(b[:j], b[j+1:]...)
					}
				}
			}
			assertSameAsEncodingJSON(t, b)
		}
	}
}

func TestParseJSONDepth(t *testing.T) {
	for _, n := range []int{maxJSONDepth - 1, maxJSONDepth, maxJSONDepth + 1} {
		assertSameAsEncodingJSON(t, []byte(strings.Repeat("[", n)+strings.Repeat("]", n)))
		assertSameAsEncodingJSON(t, []byte(strings.Repeat(`{"a":`, n)+"1"+strings.Repeat("}", n)))
	}
}

func TestParseJSONLargeDocument(t *testing.T) {
	data := orders(3000)
	assertSameAsEncodingJSON(t, data)
	_, ok := parseJSON(data)
	assert.True(t, ok)
	// The parser reused from the pool starts clean.
	assertSameAsEncodingJSON(t, []byte(orderSample))
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range jsonSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		assertSameAsEncodingJSON(t, data)
	})
}
