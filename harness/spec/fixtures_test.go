package spec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAcceptHeader(t *testing.T) {
	tests := []struct {
		types, preferred []string
		want             string
	}{
		{[]string{"application/json", "application/xml"}, []string{"application/xml", "application/json"}, "application/xml, application/json;q=0.9"},
		{[]string{"application/json", "application/xml"}, nil, "application/json, application/xml"},
		{[]string{"application/json"}, []string{"application/xml"}, "application/json"},
		{[]string{"text/plain", "application/json", "application/xml"}, []string{"application/xml"}, "application/xml, text/plain;q=0.9, application/json;q=0.8"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, AcceptHeader(tt.types, tt.preferred), "%v by %v", tt.types, tt.preferred)
	}
}
