package report

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// WriteJSON writes the machine-readable result.
func WriteJSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Name    string       `xml:"name,attr"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Class   string        `xml:"classname,attr"`
	Name    string        `xml:"name,attr"`
	Failure *junitFailure `xml:"failure,omitempty"`
	Skipped *struct{}     `xml:"skipped,omitempty"`
	Output  string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes two suites: the scenarios, and the operations with their checks.
func WriteJUnit(w io.Writer, r *Result) error {
	scen := junitSuite{Name: r.API + " scenarios"}
	for _, s := range r.Scenarios {
		c := junitCase{Class: s.Feature, Name: s.Name}
		switch s.Verdict {
		case Fail:
			c.Failure = &junitFailure{Message: firstLine(s.Error), Text: s.Error}
			scen.Failures++
		case Waived:
			c.Output = "waived: " + s.Waiver + "\n" + s.Error
		}
		scen.Tests++
		scen.Cases = append(scen.Cases, c)
	}
	ops := junitSuite{Name: r.API + " operations"}
	for _, op := range r.Operations {
		c := junitCase{Class: r.API + ".operations", Name: fmt.Sprintf("%s (%s %s)", op.ID, op.Method, op.Path)}
		switch op.Verdict {
		case Fail:
			var b strings.Builder
			var failing []string
			for _, f := range op.Failures {
				if f.Waiver != "" {
					continue
				}
				failing = append(failing, f.Check)
				fmt.Fprintf(&b, "%s: %s\n  expected: %s\n  actual: %s\n  at: %s %s\n  request: %s\n  reproduce: %s\n\n", f.Check, f.Message, f.Expected, f.Actual, f.Pointer, f.XMLPath, f.Request, f.Curl)
			}
			c.Failure = &junitFailure{Message: "failing checks: " + strings.Join(unique(failing), ", "), Text: b.String()}
			ops.Failures++
		case NotExercised:
			c.Skipped = &struct{}{}
			ops.Skipped++
		case Waived:
			c.Output = "every failure of this operation is waived"
		}
		ops.Tests++
		ops.Cases = append(ops.Cases, c)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(junitSuites{Name: "cloudcontract " + r.API, Suites: []junitSuite{scen, ops}}); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func unique(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// WriteHTML writes a self-contained page (no external resource): the verdict, the per-operation
// matrix of checks, and every failure with expected/actual, location, request, excerpts and curl.
func WriteHTML(w io.Writer, r *Result) error {
	return page.Execute(w, struct {
		*Result
		Checks []string
	}{r, Checks})
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"cell": func(v Verdict) string {
		switch v {
		case Pass:
			return "✓"
		case Fail:
			return "✗"
		case Waived:
			return "~"
		case NotApplied:
			return "·"
		}
		return "–"
	},
	"class": func(v Verdict) string { return strings.ReplaceAll(string(v), "/", "") },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>cloudcontract certification: {{.Title}} — {{.Verdict}}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{background:#1d2430;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:20px}
header .meta{opacity:.8;font-size:13px}
main{padding:20px 28px}
.badge{display:inline-block;padding:3px 10px;border-radius:12px;font-weight:600;text-transform:uppercase;font-size:12px;margin-left:8px}
.badge.pass{background:#1f9d55;color:#fff}.badge.fail{background:#cc1f1a;color:#fff}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:20px}
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:10px 16px;min-width:150px}
.card b{font-size:22px;display:block}
table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:24px;font-size:13px}
th,td{border:1px solid #dde1e6;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f4;position:sticky;top:0}
td.c{text-align:center;width:70px}
.pass{color:#1f9d55}.fail{color:#cc1f1a;font-weight:700}.waived{color:#b7791f}.not-exercised,.na{color:#8a94a3}
tr.fail td:first-child{border-left:4px solid #cc1f1a}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
pre{background:#f0f2f5;padding:8px;overflow:auto;white-space:pre-wrap;word-break:break-all;margin:4px 0}
details{background:#fff;border:1px solid #dde1e6;border-radius:6px;margin:8px 0;padding:8px 12px}
summary{cursor:pointer;font-weight:600}
dl{display:grid;grid-template-columns:110px 1fr;gap:2px 10px;margin:8px 0}
dt{color:#5b6573}
input#filter{padding:6px 10px;width:320px;margin-bottom:10px;border:1px solid #c5ccd6;border-radius:4px}
</style></head>
<body>
<header>
<h1>{{.Title}} ({{.API}}) <span class="badge {{.Verdict}}" id="verdict">{{.Verdict}}</span></h1>
<div class="meta">{{if .Vendor}}Vendor: {{.Vendor}} · {{end}}Target: {{.Target}} · {{.Started.Format "2006-01-02 15:04:05 MST"}} · {{.Duration}} · {{.Tool}} {{.Version}} · contract sha256 {{printf "%.16s" .SpecSHA256}}</div>
</header>
<main>
<div class="cards">
<div class="card"><b>{{.Summary.OperationsPassed}}/{{.Summary.Operations}}</b>operations passing</div>
<div class="card"><b class="fail">{{.Summary.OperationsFailed}}</b>operations failing</div>
<div class="card"><b>{{.Summary.OperationsWaived}}</b>operations waived</div>
<div class="card"><b>{{.Summary.OperationsNotExercised}}</b>not exercised</div>
<div class="card"><b>{{.Summary.ScenariosPassed}}/{{.Summary.Scenarios}}</b>scenarios passing</div>
</div>

<h2>Operations</h2>
<input id="filter" placeholder="filter operations…" oninput="for(const r of document.querySelectorAll('#ops tbody tr')){r.style.display=r.textContent.toLowerCase().includes(this.value.toLowerCase())?'':'none'}">
<table id="ops"><thead><tr><th>operation</th><th>request</th><th>calls</th>{{range .Checks}}<th>{{.}}</th>{{end}}<th>verdict</th></tr></thead><tbody>
{{range .Operations}}{{$op := .}}<tr id="op-{{.ID}}" class="{{class .Verdict}}" data-verdict="{{.Verdict}}"><td><a href="#fail-{{.ID}}">{{.ID}}</a>{{if .Deprecated}} <small>(deprecated)</small>{{end}}</td><td><code>{{.Method}} {{.Path}}</code></td><td>{{.Calls}}</td>
{{range $.Checks}}{{$v := index $op.Checks .}}<td class="c {{class $v}}" title="{{.}}: {{$v}}">{{cell $v}}</td>{{end}}<td class="{{class .Verdict}}">{{.Verdict}}</td></tr>
{{end}}</tbody></table>

<h2>Failures</h2>
{{range .Operations}}{{if .Failures}}<section id="fail-{{.ID}}"><h3 class="{{class .Verdict}}">{{.ID}} <small><code>{{.Method}} {{.Path}}</code></small></h3>
{{range .Failures}}<details{{if not .Waiver}} open{{end}}><summary class="{{if .Waiver}}waived{{else}}fail{{end}}">{{.Check}}: {{.Message}}</summary>
<dl><dt>request</dt><dd><code>{{.Request}}</code>{{if .Status}} → {{.Status}}{{end}}</dd>
{{if .Expected}}<dt>expected</dt><dd><code>{{.Expected}}</code></dd>{{end}}
{{if .Actual}}<dt>actual</dt><dd><code>{{.Actual}}</code></dd>{{end}}
{{if .Pointer}}<dt>where</dt><dd><code>{{.Pointer}}</code>{{if .XMLPath}} (XML <code>{{.XMLPath}}</code>){{end}}</dd>{{end}}
{{if .Waiver}}<dt>waived</dt><dd>{{.Waiver}}</dd>{{end}}
<dt>evidence</dt><dd><code>{{.Cassette}}</code></dd></dl>
{{if .Curl}}<div>reproduce (set TARGET; secrets are masked):</div><pre>{{.Curl}}</pre>{{end}}
{{if .RequestBody}}<div>request body</div><pre>{{.RequestBody}}</pre>{{end}}
{{if .ResponseBody}}<div>response body</div><pre>{{.ResponseBody}}</pre>{{end}}
</details>{{end}}</section>{{end}}{{end}}

<h2>Scenarios</h2>
<table id="scenarios"><thead><tr><th>feature</th><th>scenario</th><th>verdict</th><th>reason</th></tr></thead><tbody>
{{range .Scenarios}}<tr class="{{class .Verdict}}"><td>{{.Feature}}</td><td>{{.Name}}</td><td class="{{class .Verdict}}">{{.Verdict}}</td><td>{{if .Error}}<pre>{{.Error}}</pre>{{end}}{{if .Waiver}}waived: {{.Waiver}}{{end}}</td></tr>
{{end}}</tbody></table>
{{if .Waivers}}<h2>Waivers</h2><table><thead><tr><th>line</th><th>what</th><th>reason</th><th>expires</th><th>state</th></tr></thead><tbody>
{{range .Waivers}}<tr class="{{if .Expired}}fail{{end}}"><td>{{.Line}}</td><td>{{if .Operation}}{{.Operation}} / {{.Check}}{{else}}scenario: {{.Scenario}}{{end}}</td><td>{{.Reason}}</td><td>{{.Expires}}</td><td>{{if .Expired}}<span class="fail">EXPIRED</span>{{else if .Used}}used{{else}}unused{{end}}</td></tr>
{{end}}</tbody></table>{{end}}
</main></body></html>
`))
