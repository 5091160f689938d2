package report

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"sort"
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
		case NotRun:
			c.Skipped, c.Output = &struct{}{}, "not run: "+s.Why
			scen.Skipped++
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
				if f.Waiver != "" || f.Deviation != "" {
					continue
				}
				failing = append(failing, f.Check)
				fmt.Fprintf(&b, "%s: %s\n  expected: %s\n  actual: %s\n  at: %s %s\n  request: %s\n  reproduce: %s\n", f.Check, f.Title, f.Want, f.Got, f.Pointer, f.XMLPath, f.Request, f.Curl)
				for _, l := range f.Diff {
					fmt.Fprintf(&b, "  %s %s\n", l.Op, l.Text)
				}
				b.WriteString("\n")
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

// WriteHTML writes a self-contained page (no external resource) that fits a 1280 px wide
// window: the verdict and counts, the waivers in trouble, then the failures grouped by kind
// (those not waived first, the most frequent first) with the constraint in words, the value that
// came, a line diff, the operations hit and the evidence; then the per-operation matrix (failing
// operations first), the scenarios (failed first) and the waivers.
func WriteHTML(w io.Writer, r *Result) error {
	v := htmlView{Result: r, Checks: Checks}
	v.Groups = make([]groupView, len(r.Failures))
	for i, g := range r.Failures {
		v.Groups[i].FailureGroup = g
		v.Groups[i].N = i + 1
		v.Groups[i].Hits, v.Groups[i].MoreHits = g.Operations, nil
		if len(g.Operations) > maxHits {
			v.Groups[i].Hits, v.Groups[i].MoreHits = g.Operations[:maxHits], g.Operations[maxHits:]
		}
	}
	for _, op := range r.Operations {
		for _, f := range op.Failures {
			if f.Group < 0 || f.Group >= len(v.Groups) {
				continue
			}
			g := &v.Groups[f.Group]
			if len(g.Occurrences) < maxOccurrences {
				g.Occurrences = append(g.Occurrences, f)
			} else {
				g.More++
			}
		}
	}
	v.Ops = append([]Operation(nil), r.Operations...)
	sort.SliceStable(v.Ops, func(i, j int) bool { return verdictRank[v.Ops[i].Verdict] < verdictRank[v.Ops[j].Verdict] })
	v.Scenarios = append([]Scenario(nil), r.Scenarios...)
	sort.SliceStable(v.Scenarios, func(i, j int) bool {
		return verdictRank[v.Scenarios[i].Verdict] < verdictRank[v.Scenarios[j].Verdict]
	})
	for _, ws := range r.Waivers {
		if ws.Problem() != "" {
			v.WaiverProblems = append(v.WaiverProblems, ws)
		}
	}
	return page.Execute(w, v)
}

// maxOccurrences bounds the occurrences listed per group in the page (results.json has them all).
const maxOccurrences = 50

// maxHits bounds the operations listed under a group before "and N more".
const maxHits = 12

var verdictRank = map[Verdict]int{Fail: 0, Waived: 1, Pass: 2, NotExercised: 3, NotApplied: 4}

type htmlView struct {
	*Result
	Checks         []string
	Groups         []groupView
	Ops            []Operation
	Scenarios      []Scenario
	WaiverProblems []WaiverStatus
}

type groupView struct {
	FailureGroup
	N           int
	Occurrences []Failure
	More        int
	// Hits are the operations listed at once, MoreHits those behind "and N more".
	Hits, MoreHits []GroupHit
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
	"inc":   func(i int) int { return i + 1 },
	"groups": func(op Operation) []int {
		var out []int
		for _, f := range op.Failures {
			if len(out) == 0 || out[len(out)-1] != f.Group+1 {
				out = append(out, f.Group+1)
			}
		}
		return unique2(out)
	},
	"diffclass": func(op string) string {
		switch op {
		case "-":
			return "del"
		case "+":
			return "ins"
		case "…":
			return "gap"
		}
		return "ctx"
	},
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cloudcontract certification: {{.Title}} — {{.Verdict}}</title>
<style>
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{background:#1d2430;color:#fff;padding:16px 24px}
header h1{margin:0 0 4px;font-size:20px}
header .meta{opacity:.8;font-size:13px;overflow-wrap:anywhere}
main{padding:16px 24px;max-width:1280px}
h2{margin:24px 0 8px}
.badge{display:inline-block;padding:3px 10px;border-radius:12px;font-weight:600;text-transform:uppercase;font-size:12px;margin-left:8px}
.badge.pass{background:#1f9d55;color:#fff}.badge.fail{background:#cc1f1a;color:#fff}
.cards{display:flex;gap:10px;flex-wrap:wrap;margin-bottom:12px}
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:8px 14px;min-width:140px}
.card b{font-size:22px;display:block}
.alert{background:#fff5f5;border:1px solid #cc1f1a;border-left:6px solid #cc1f1a;border-radius:6px;padding:8px 14px;margin:8px 0 16px}
.alert.warn{background:#fffaf0;border-color:#b7791f}
.alert ul{margin:4px 0;padding-left:20px}
table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:20px;font-size:13px;table-layout:fixed}
th,td{border:1px solid #dde1e6;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eef1f4;position:sticky;top:0}
#ops th.c{font-size:11px;font-weight:600;text-align:center;padding:4px 2px}
td.c{text-align:center}
.pass{color:#1f9d55}.fail{color:#cc1f1a;font-weight:700}.waived{color:#b7791f}.not-exercised,.not-run,.na{color:#8a94a3}
tr.fail,tr.waived,tr.pass,tr.not-exercised{color:inherit;font-weight:inherit}
tr.fail td:first-child{border-left:4px solid #cc1f1a}
tr.waived td:first-child{border-left:4px solid #b7791f}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;overflow-wrap:anywhere}
pre{background:#f0f2f5;padding:8px;overflow:auto;white-space:pre-wrap;word-break:break-all;margin:4px 0;max-height:320px}
section.group{background:#fff;border:1px solid #dde1e6;border-left:6px solid #cc1f1a;border-radius:6px;margin:10px 0;padding:8px 14px}
section.group.waived{border-left-color:#b7791f}
section.group h3{margin:2px 0 4px;font-size:15px;overflow-wrap:anywhere}
.n{color:#5b6573;font-weight:400}
.chk{display:inline-block;background:#eef1f4;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;margin-right:4px}
.count{font-weight:400;color:#5b6573;white-space:nowrap}
.hits{font-size:13px;color:#3b4452}
.hit{margin-right:10px;white-space:nowrap}
details{margin:6px 0}
summary{cursor:pointer;font-weight:600;font-size:13px}
dl{display:grid;grid-template-columns:90px minmax(0,1fr);gap:2px 10px;margin:6px 0}
dt{color:#5b6573}dd{margin:0;overflow-wrap:anywhere}
.diff{background:#fbfcfd;border:1px solid #dde1e6;padding:4px 0;white-space:pre-wrap}
.diff span{display:block;padding:0 8px}
.diff .del{background:#ffe9e9;color:#8b1a17}.diff .ins{background:#e6f6ec;color:#145c33}.diff .gap{color:#8a94a3}
.legend{font-size:12px;color:#5b6573}
input#filter{padding:6px 10px;width:320px;max-width:100%;margin-bottom:10px;border:1px solid #c5ccd6;border-radius:4px}
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
<div class="card"><b>{{.Summary.OperationsWaived}}</b>operations waived{{if .Summary.OperationsPartlyWaived}} ({{.Summary.OperationsPartlyWaived}} partly){{end}}</div>
<div class="card"><b>{{.Summary.OperationsNotExercised}}</b>not exercised</div>
<div class="card"><b>{{.Summary.ScenariosPassed}}/{{.Summary.Scenarios}}</b>scenarios passing{{if .Summary.ScenariosWaived}} ({{.Summary.ScenariosWaived}} waived){{end}}{{if .Summary.ScenariosNotRun}}, {{.Summary.ScenariosNotRun}} not run{{end}}</div>
<div class="card"><b>{{.Summary.Failures}}</b>failures of {{.Summary.FailureGroups}} kinds{{if .Summary.FailuresWaived}} ({{.Summary.FailuresWaived}} waived){{end}}{{if .Summary.Deviations}}; {{.Summary.Deviations}} deviations from inferred behaviour{{end}}</div>
</div>
{{if .WaiverProblems}}<div class="alert{{if not .Summary.WaiversExpired}} warn{{end}}" id="waiver-problems"><b>Waivers needing attention</b><ul>
{{range .WaiverProblems}}<li>line {{.Line}}, {{.What}}: <span class="{{if .Expired}}fail{{else}}waived{{end}}">{{.Problem}}</span></li>
{{end}}</ul></div>{{end}}

<h2 id="failures">Failures</h2>
{{if not .Groups}}<p>None.</p>{{else}}<p class="legend">{{.Summary.Failures}} failures of {{len .Groups}} kinds, those not waived first, then the most frequent. Diffs: <span class="fail">−</span> the response, <span class="pass">+</span> what the contract wants.</p>{{end}}
{{range .Groups}}<section class="group{{if not .Failing}} waived{{end}}" id="g{{.N}}">
<h3><span class="n">#{{.N}}</span> <span class="chk">{{.Check}}</span>{{.Title}} <span class="count">× {{.Count}}{{if .Waived}} ({{.Waived}} waived){{end}}{{if .Deviations}} ({{.Deviations}} deviations from inferred behaviour, not failing){{end}}</span></h3>
<div class="hits">{{len .Operations}} operation{{if gt (len .Operations) 1}}s{{end}}: {{range .Hits}}{{template "hit" .}}{{end}}{{if .MoreHits}}<details><summary>and {{len .MoreHits}} more operations</summary>{{range .MoreHits}}{{template "hit" .}}{{end}}</details>{{end}}</div>
{{with .Example}}<dl>
{{if .Want}}<dt>expected</dt><dd>{{.Want}}</dd>{{end}}
{{if .Got}}<dt>actual</dt><dd>{{.Got}}</dd>{{end}}
{{if or .Pointer .XMLPath}}<dt>where</dt><dd><code>{{.Pointer}}</code>{{if .XMLPath}} (XML <code>{{.XMLPath}}</code>){{end}}{{if and .Expected (ne .Expected .Want)}} <small class="n">— {{.Expected}}</small>{{end}}</dd>{{end}}
<dt>request</dt><dd><code>{{.Request}}</code>{{if .Status}} → {{.Status}}{{end}} <small class="n">({{.Operation}})</small></dd>
{{if .Waiver}}<dt>waived</dt><dd>{{.Waiver}}</dd>{{end}}{{if .Deviation}}<dt>deviation</dt><dd>an assertion the contract inferred, not one the document states: {{.Deviation}}</dd>{{end}}
<dt>evidence</dt><dd><code>{{.Cassette}}</code></dd></dl>
{{if .Diff}}<pre class="diff">{{range .Diff}}<span class="{{diffclass .Op}}">{{.Op}} {{.Text}}</span>{{end}}</pre>{{end}}
{{if or .Curl .RequestBody .ResponseBody}}<details><summary>reproduce and bodies</summary>
{{if .Curl}}<div>reproduce (set TARGET; secrets are masked):</div><pre>{{.Curl}}</pre>{{end}}
{{if .RequestBody}}<div>request body</div><pre>{{.RequestBody}}</pre>{{end}}
{{if .ResponseBody}}<div>response body</div><pre>{{.ResponseBody}}</pre>{{end}}
</details>{{end}}{{end}}
{{if gt .Count 1}}<details><summary>all {{.Count}} occurrences</summary><table><thead><tr><th style="width:22%">operation</th><th style="width:34%">request</th><th style="width:18%">where</th><th>actual</th></tr></thead><tbody>
{{range .Occurrences}}<tr class="{{if or .Waiver .Deviation}}waived{{else}}fail{{end}}"><td>{{.Operation}}{{if .Waiver}} <small class="waived">waived</small>{{end}}{{if .Deviation}} <small class="waived">deviation</small>{{end}}</td><td><code>{{.Request}}</code>{{if .Status}} → {{.Status}}{{end}}</td><td><code>{{.Pointer}}</code></td><td>{{.Got}}</td></tr>
{{end}}{{if .More}}<tr><td colspan="4">and {{.More}} more (results.json lists every one)</td></tr>{{end}}</tbody></table></details>{{end}}
</section>
{{end}}
<h2>Operations</h2>
<input id="filter" placeholder="filter operations…" oninput="for(const r of document.querySelectorAll('#ops tbody tr')){r.style.display=r.textContent.toLowerCase().includes(this.value.toLowerCase())?'':'none'}">
<table id="ops"><colgroup><col><col style="width:48px">{{range .Checks}}<col style="width:62px">{{end}}<col style="width:120px"></colgroup>
<thead><tr><th>operation</th><th>calls</th>{{range .Checks}}<th class="c">{{.}}</th>{{end}}<th>verdict</th></tr></thead><tbody>
{{range .Ops}}{{$op := .}}<tr id="op-{{.ID}}" class="{{class .Verdict}}" data-verdict="{{.Verdict}}"><td>{{.ID}}{{if .Deprecated}} <small>(deprecated)</small>{{end}}<br><code>{{.Method}} {{.Path}}</code></td><td>{{.Calls}}</td>
{{range $.Checks}}{{$v := index $op.Checks .}}<td class="c {{class $v}}" title="{{.}}: {{$v}}">{{cell $v}}</td>{{end}}<td class="{{class .Verdict}}">{{.Verdict}}{{range groups .}} <a href="#g{{.}}">#{{.}}</a>{{end}}</td></tr>
{{end}}</tbody></table>
{{if .NeverObserved}}<h2>Documented statuses and codes never observed</h2>
<p>{{len .NeverObserved}} documented status{{if gt (len .NeverObserved) 1}}es and codes{{else}} or code{{end}} no response of this run carried: the run cannot vouch for how the cloud fails there.</p>
<ul id="never-observed">{{range .NeverObserved}}<li><code>{{.}}</code></li>{{end}}</ul>{{end}}
{{if .VendorSideOnly}}<h2>Observed only on the vendor's side</h2>
<p>{{len .VendorSideOnly}} documented status{{if gt (len .VendorSideOnly) 1}}es and codes{{else}} or code{{end}} only vendor-side scenarios observed, on deployments the vendor put in a state: no user's run sees them.</p>
<ul id="vendor-side-only">{{range .VendorSideOnly}}<li><code>{{.}}</code></li>{{end}}</ul>{{end}}

<h2>Scenarios</h2>
<table id="scenarios"><colgroup><col style="width:22%"><col style="width:28%"><col style="width:90px"><col></colgroup><thead><tr><th>feature</th><th>scenario</th><th>verdict</th><th>reason</th></tr></thead><tbody>
{{range .Scenarios}}<tr class="{{class .Verdict}}"><td>{{.Feature}}</td><td>{{.Name}}</td><td class="{{class .Verdict}}">{{.Verdict}}</td><td>{{if .Error}}<pre>{{.Error}}</pre>{{end}}{{if .Waiver}}waived: {{.Waiver}}{{end}}{{if .Why}}not run: {{.Why}}{{end}}</td></tr>
{{end}}</tbody></table>
{{if .Waivers}}<h2>Waivers</h2><table id="waivers"><colgroup><col style="width:50px"><col style="width:24%"><col><col style="width:100px"><col style="width:22%"><col style="width:22%"></colgroup><thead><tr><th>line</th><th>what</th><th>reason</th><th>expires</th><th>accepted</th><th>state</th></tr></thead><tbody>
{{range .Waivers}}<tr class="{{if .Expired}}fail{{else if .Unknown}}waived{{end}}"><td>{{.Line}}</td><td>{{.What}}</td><td>{{.Reason}}</td><td>{{.Expires}}</td><td>{{.Waived}} failure{{if ne .Waived 1}}s{{end}}{{if .Operations}} in {{range $i, $o := .Operations}}{{if $i}}, {{end}}<a href="#op-{{$o}}">{{$o}}</a>{{end}}{{end}}</td><td>{{if .Expired}}<span class="fail">EXPIRED</span>{{else if .Unknown}}<span class="waived">unknown</span>{{else if .Used}}used{{else}}unused{{end}}{{if .Unknown}}: {{.Unknown}}{{end}}</td></tr>
{{end}}</tbody></table>{{end}}
</main></body></html>
{{define "hit"}}<span class="hit"><a href="#op-{{.Operation}}">{{.Operation}}</a>{{if gt .Count 1}} ×{{.Count}}{{end}}{{if .Waived}} <span class="waived">(waived)</span>{{end}}</span> {{end}}`))

func unique2(list []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, n := range list {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out
}
