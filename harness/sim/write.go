package sim

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"strconv"
)

// Media types the simulators answer with.
const (
	ContentTypeJSON = "application/json; charset=utf-8"
	ContentTypeXML  = "application/xml; charset=utf-8"
	ContentTypeCSV  = "text/csv; charset=utf-8"
	ContentTypeHTML = "text/html; charset=utf-8"
)

// MarshalJSON encodes v as JSON without HTML escaping (vendor bodies carry
// characters such as '>' and '£' literally) and with a trailing newline.
// Struct fields keep their declared order and map keys are sorted, so the
// output is deterministic.
func MarshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// MarshalXML encodes v as an XML document with the standard declaration.
func MarshalXML(v any) ([]byte, error) {
	body, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(append([]byte(xml.Header), body...), '\n'), nil
}

// MarshalCSV encodes header and rows as CSV with CRLF-free line ends.
func MarshalCSV(header []string, rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteBody writes body with the given status and Content-Type, setting
// Content-Length. An empty contentType writes no Content-Type header.
func WriteBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	if contentType != "" {
		w.Header().Set("Content-Type", contentType)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// WriteJSON writes v as JSON with Content-Type application/json. A value that
// cannot be encoded is a simulator bug and answers 500.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	WriteJSONAs(w, status, ContentTypeJSON, v)
}

// WriteJSONAs writes v as JSON under an explicit Content-Type, which lets a
// simulator commit a wrong-content-type fault without a second encoder.
func WriteJSONAs(w http.ResponseWriter, status int, contentType string, v any) {
	body, err := MarshalJSON(v)
	if err != nil {
		http.Error(w, "simulator: encoding JSON: "+err.Error(), http.StatusInternalServerError)
		return
	}
	WriteBody(w, status, contentType, body)
}

// WriteXML writes v as XML with Content-Type application/xml.
func WriteXML(w http.ResponseWriter, status int, v any) {
	body, err := MarshalXML(v)
	if err != nil {
		http.Error(w, "simulator: encoding XML: "+err.Error(), http.StatusInternalServerError)
		return
	}
	WriteBody(w, status, ContentTypeXML, body)
}

// WriteCSV writes a CSV body with Content-Type text/csv.
func WriteCSV(w http.ResponseWriter, status int, header []string, rows [][]string) {
	body, err := MarshalCSV(header, rows)
	if err != nil {
		http.Error(w, "simulator: encoding CSV: "+err.Error(), http.StatusInternalServerError)
		return
	}
	WriteBody(w, status, ContentTypeCSV, body)
}

// Reshape round-trips v through JSON into generic values (maps, slices,
// json.Number, strings, bools, nil) so that a fault can drop a field or change
// its type without a second set of body types. Encoding the result again sorts
// object keys, which keeps it deterministic.
func Reshape(v any) (any, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}
