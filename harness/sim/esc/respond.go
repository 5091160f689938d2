package esc

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// contentTypeText is the media type of error answers. The contract
// documents no body for any error (DEFECTS.md D56), so the simulator says
// what went wrong in plain text: the document's reason phrase, then detail.
const contentTypeText = "text/plain; charset=utf-8"

// fail writes an error answer.
func (s *Simulator) fail(w http.ResponseWriter, status int, reason, detail string) {
	body := reason
	if detail != "" {
		body += ": " + detail
	}
	sim.WriteBody(w, status, contentTypeText, []byte(body+"\n"))
}

// wantsJSON reports whether the Accept header prefers JSON over XML. XML is
// the default: "ESC is currently tested to accept and return XML" (line 53).
func wantsJSON(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch strings.ToLower(mt) {
		case "application/json":
			return true
		case "application/xml", "text/xml", "*/*", "application/*":
			return false
		}
	}
	return false
}

// write answers v as XML, or as JSON when the operation documents JSON
// (jsonOK) and the client asks for it.
func (s *Simulator) write(w http.ResponseWriter, r *http.Request, status int, v any, jsonOK bool) {
	if jsonOK && wantsJSON(r) {
		sim.WriteJSON(w, status, v)
		return
	}
	sim.WriteXML(w, status, v)
}

// maxBody bounds request bodies.
const maxBody = 4 << 20

// errEmptyBody reports a missing request body.
var errEmptyBody = errors.New("the request body is empty")

func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, errEmptyBody
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, errEmptyBody
	}
	return b, nil
}

// isJSON reports a JSON request body.
func isJSON(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}

// decodeBody reads a resource body: JSON when the operation accepts JSON
// and the client sent it, XML otherwise, in which case the root element must
// be root (any namespace).
func decodeBody(r *http.Request, v any, root string, jsonOK bool) error {
	b, err := readBody(r)
	if err != nil {
		return err
	}
	if jsonOK && isJSON(r) {
		return json.Unmarshal(b, v)
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	var start xml.StartElement
	for {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("invalid XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			start = se
			break
		}
	}
	if start.Name.Local != root {
		return fmt.Errorf("the root element is <%s>, expected <%s>", start.Name.Local, root)
	}
	if err := dec.DecodeElement(v, &start); err != nil {
		return fmt.Errorf("invalid XML: %v", err)
	}
	return nil
}

// internalIDPattern is the internal id rule of lines 77-83: 1..72
// characters of the RFC 3986 unreserved set, without "~".
var internalIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,72}$`)

// validID reports whether id follows the internal id rule.
func validID(id string) bool { return internalIDPattern.MatchString(id) }

// Name lengths (lines 71-73): tenant and user names 1..64, network, subnet,
// flavor, image and VM names 1..255.
const (
	maxTenantName = 64
	maxName       = 255
)

// validName reports a name of 1..max characters.
func validName(name string, max int) bool {
	n := utf8.RuneCountInString(name)
	return n >= 1 && n <= max
}

// badID is the detail of an answer to an id outside the rule.
func badID(param, id string) string {
	return fmt.Sprintf("%s %q must be 1..72 characters of A-Z a-z 0-9 - . _", param, id)
}
