package cloudcontrol

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// call is one request on its way through the skeleton: the operation, the
// caller and what the handler needs to answer.
type call struct {
	s      *Simulator
	w      http.ResponseWriter
	r      *http.Request
	op     *opSpec
	params map[string]string
	query  url.Values
	user   *account
	paging *pageQuery
}

// st is the simulator state (the caller holds the lock).
func (c *call) st() *state { return c.s.st }

// param returns a path parameter.
func (c *call) param(name string) string { return c.params[name] }

// errorStatus builds the <Status> of a fault.
func errorStatus(operation, code, detail string) obj {
	return obj{"operation": operation, "result": "ERROR", "resultDetail": detail, "resultCode": code}
}

var htmlTag = regexp.MustCompile(`</?[a-zA-Z]+>`)

// describe returns the documented description of code for the operation,
// with the path parameters filled in: the default resultDetail of a fault.
func (c *call) describe(code string) string {
	var d string
	for _, r := range c.op.Reasons {
		if r.Code == code {
			d = r.Description
			break
		}
	}
	if d == "" {
		for _, r := range append(append([]reason(nil), pagingReasons...), commonReasons...) {
			if r.Code == code {
				d = r.Description
				break
			}
		}
	}
	d = htmlTag.ReplaceAllString(d, "")
	d = strings.TrimPrefix(d, "[5.6] ")
	d = strings.TrimPrefix(d, "[6.13] ")
	for k, v := range c.params {
		d = strings.ReplaceAll(d, "{"+k+"}", v)
	}
	return strings.Join(strings.Fields(d), " ")
}

// fail answers the documented fault REASON_n of the operation: the HTTP
// status is the one the contract gives the code (x-reason-codes, then the
// paging and common codes), and the detail defaults to the documented
// description. A code the operation does not document is a simulator bug;
// it is answered as the catch-all REASON_420 so the break stays visible.
func (c *call) fail(n int, detail string) {
	code := code(n)
	status, ok := c.op.reasonStatus(code)
	if !ok {
		detail = fmt.Sprintf("simulator: %s is not documented for %s: %s", code, c.op.ID, detail)
		code, status = "REASON_420", http.StatusBadRequest
	}
	if detail == "" {
		detail = c.describe(code)
	}
	if c.s.faults.On(FaultWrongReasonCode) {
		code = undocumentedCode(c.op)
	}
	if c.s.faults.On(FaultStatusReasonMismatch) {
		status = mismatchedStatus(status)
	}
	c.write(status, errorStatus(c.op.Title, code, detail))
}

// ok answers a success <Status> (REASON_0, SUCCESS).
func (c *call) ok(detail string, info ...obj) {
	st := obj{"operation": c.op.Title, "result": "SUCCESS", "resultDetail": detail, "resultCode": "REASON_0"}
	if len(info) > 0 {
		var items []any
		for _, i := range info {
			items = append(items, i)
		}
		st["additionalInformation"] = items
	}
	if c.s.faults.On(FaultSuccessNotReason0) {
		st["resultCode"] = successCodeFault(c.op)
	}
	c.write(http.StatusOK, st)
}

// info is one <additionalInformation name=...><value>.
func info(name, value string) obj { return obj{"name": name, "value": value} }

// reply answers 200 with the operation's documented response body.
func (c *call) reply(v any) {
	body, err := encodeXML(c.op.Response, v, c.s.faults.On(FaultBrokenPagingAttributes))
	if err != nil {
		c.fail(420, "simulator: "+err.Error())
		return
	}
	sim.WriteBody(c.w, http.StatusOK, sim.ContentTypeXML, body)
}

// write writes a <Status> body (success or fault). Under non-xml-error a
// fault goes out as text/plain (400s) or an HTML page (403 and others).
func (c *call) write(status int, st obj) {
	if st["result"] == "ERROR" && c.s.faults.On(FaultNonXMLError) {
		if status == http.StatusBadRequest {
			sim.WriteBody(c.w, status, "text/plain; charset=utf-8", []byte(fmt.Sprintf("%s: %s\n", st["resultCode"], st["resultDetail"])))
			return
		}
		sim.WriteBody(c.w, status, sim.ContentTypeHTML, []byte(fmt.Sprintf("<html><body><h1>%d</h1><p>%s</p></body></html>\n", status, escape(fmt.Sprint(st["resultDetail"])))))
		return
	}
	body, err := encodeXML("Status", st)
	if err != nil {
		http.Error(c.w, "simulator: "+err.Error(), http.StatusInternalServerError)
		return
	}
	sim.WriteBody(c.w, status, sim.ContentTypeXML, body)
}

// csv answers a report.
func (c *call) csv(rows [][]string) {
	sim.WriteCSV(c.w, http.StatusOK, c.op.CSVHeader, rows)
}

// maxBody bounds request bodies.
const maxBody = 1 << 20

func (c *call) rawBody() []byte {
	b, _ := io.ReadAll(io.LimitReader(c.r.Body, maxBody))
	return b
}

// xmlBody reads the XML request body; a body that is not XML, or whose root
// is not the documented element, answers REASON_60 (common: "XML
// unmarshalling error") and returns nil.
func (c *call) xmlBody() *xnode {
	n, err := parseXML(c.rawBody())
	if err != nil {
		c.fail(60, "Unexpected content in the message payload: "+err.Error())
		return nil
	}
	t := xmlTypes[c.op.Request]
	if t != nil && t.Name != "" && n.Name != t.Name {
		c.fail(60, fmt.Sprintf("Unexpected element <%s>, expected <%s>.", n.Name, t.Name))
		return nil
	}
	if bad := unexpectedChild(n, t); bad != "" {
		// The documented element with content of another structure: the catch-all
		// REASON_420, "most frequently caused by invalid XML in a request payload where
		// a particular structure is expected" (line 430). REASON_60 ("unexpected content
		// in the message payload", line 428) reads on it too: the second data set answers
		// that one.
		code := 420
		if c.s.dataset == sim.DatasetSecond {
			code = 60
		}
		c.fail(code, fmt.Sprintf("Unexpected element <%s> in <%s>.", bad, n.Name))
		return nil
	}
	if miss := missingRequired(n, t); miss != "" && c.ownsReason("REASON_320") {
		// Every operation whose fault table lists REASON_320 describes it as invalid input
		// data, "a required field is missing" among it (e.g. lines 1747, 2222, 5327, 5678).
		c.fail(320, fmt.Sprintf("Invalid Data: <%s> misses its required %s.", n.Name, miss))
		return nil
	}
	return n
}

// ownsReason tells whether the operation's own fault table lists the code.
func (c *call) ownsReason(code string) bool {
	for _, r := range c.op.Reasons {
		if r.Code == code {
			return true
		}
	}
	return false
}

// missingRequired names the first required element or attribute of the schema t that n lacks
// or leaves empty ("" when n has every one, or t is nil).
func missingRequired(n *xnode, t *xmlType) string {
	if t == nil {
		return ""
	}
	for _, p := range t.Props {
		switch {
		case !p.Required || p.Text:
		case p.Attr:
			if n.Attrs[p.XMLName] == "" {
				return "attribute " + p.XMLName
			}
		case p.Kind == "object" || p.Kind == "array" && p.ItemKind == "object":
			if n.child(p.XMLName) == nil && (p.ItemName == "" || n.child(p.ItemName) == nil) {
				return "<" + p.XMLName + ">"
			}
		default:
			name := p.XMLName
			if p.ItemName != "" && !p.Wrapped {
				name = p.ItemName
			}
			if n.text(name) == "" {
				return "<" + name + ">"
			}
		}
	}
	return ""
}

// unexpectedChild returns the name of the first child element of n that the
// schema t has no property for ("" when every child is known, or t is nil).
func unexpectedChild(n *xnode, t *xmlType) string {
	if t == nil {
		return ""
	}
	for _, ch := range n.Children {
		known := false
		for _, p := range t.Props {
			if !p.Attr && (p.XMLName == ch.Name || p.ItemName == ch.Name) {
				known = true
				break
			}
		}
		if !known {
			return ch.Name
		}
	}
	return ""
}

// form reads an application/x-www-form-urlencoded body (the modification
// functions, 1.3). Parameter names are matched as sent.
func (c *call) form() url.Values {
	v, err := url.ParseQuery(string(c.rawBody()))
	if err != nil {
		return url.Values{}
	}
	return v
}
