package roundtrip

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/url"

	"github.com/getkin/kin-openapi/openapi3"
)

// File part fields: what a read can show of a file sent in a multipart body.
const (
	// FileName is the field of a file part holding the part's file name.
	FileName = "filename"
	// FileType is the field of a file part holding the part's Content-Type.
	FileType = "contentType"
)

// MultipartValues decodes a multipart/form-data body (contentType its Content-Type, which names
// the boundary) into a JSON object, as FormValues a form: a text field converted to the type its
// schema (the request body's, nil for none) gives it, a repeated field an array. A file part (one
// with a file name) is an object of its file name (FileName) and media type (FileType): what a
// read can show of a file; its bytes are no field.
func MultipartValues(body []byte, contentType string, s *openapi3.Schema) (map[string]any, error) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, fmt.Errorf("Content-Type %q: %w", contentType, err)
	}
	if params["boundary"] == "" {
		return nil, fmt.Errorf("Content-Type %q names no boundary", contentType)
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	text, files := url.Values{}, map[string][]any{}
	for {
		p, err := r.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		name := p.FormName()
		if fn := p.FileName(); fn != "" {
			files[name] = append(files[name], map[string]any{FileName: fn, FileType: p.Header.Get("Content-Type")})
			continue
		}
		b, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		text.Add(name, string(b))
	}
	out := Fields(text, func(name string) *openapi3.Schema { return SchemaAt(s, "/"+escape(name)) })
	for name, fs := range files {
		out[name] = fs[0]
		if len(fs) > 1 {
			out[name] = fs
		}
	}
	return out, nil
}
