package spec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specDir writes the test contract of cleanupSpec with a harness.yaml and, unless empty, a
// readback.yaml, and returns its folder.
func specDir(t *testing.T, harness, readback string) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "openapi.yaml"), []byte(cleanupSpec), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "harness.yaml"), []byte(harness), 0o644))
	if readback != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, ReadBackFile), []byte(readback), 0o644))
	}
	return dir
}

const noAuth = "auth: {kind: none}\n"

func TestReadBackRulesAreCheckedAgainstTheContract(t *testing.T) {
	tests := []struct {
		name, rules, want string
	}{
		{"valid get", "createThing: {read: listThings, items: /, match: {/id: path:id}, document-line: 3}", ""},
		{"valid with evidence", "createItem: {read: listItems, sent: /a|/b, at: /x, skip: {/password: never returned}, evidence: {source: prose, line: 9}}", ""},
		{"valid none", "createThing: {none: nothing is stored}", ""},
		{"unknown write", "makeThing: {none: x}", "line 2: readback rule makeThing: operation \"makeThing\" is not in the contract"},
		{"unknown read", "createThing: {read: getThing, document-line: 3}", `read operation "getThing" is not in the contract`},
		{"valid open", "createThing: {open: listThings could}", ""},
		{"neither read nor none", "createThing: {document-line: 3}", "read (the operationId that reads it back), none (why nothing can) or open"},
		{"both read and none", "createThing: {read: listThings, none: x, document-line: 3}", "read, none and open exclude each other"},
		{"both none and open", "createThing: {open: x, none: y}", "read, none and open exclude each other"},
		{"no provenance", "createThing: {read: listThings}", "one of document-line"},
		{"both provenances", "createThing: {read: listThings, document-line: 3, evidence: {source: prose, line: 3}}", "one of document-line"},
		{"bad evidence", "createThing: {read: listThings, evidence: {source: rumour}}", "evidence is not {source, line, note}"},
		{"bad param source", "createItem: {read: listItems, params: {box: 'id'}, document-line: 3}", `params.box: "id" is not KIND:WHERE`},
		{"param without source", "createThing: {read: listItems, document-line: 3}", "path parameter {box} of listItems has no source: add params.box"},
		{"items without match", "createThing: {read: listThings, items: /, document-line: 3}", "items (the list's items) and match (which item) go together"},
		{"bad match source", "createThing: {read: listThings, items: /, match: {/id: 'id'}, document-line: 3}", `match /id: "id" is not KIND:WHERE`},
		{"match key not a pointer", "createThing: {read: listThings, items: /, match: {id: 'path:id'}, document-line: 3}", `match key "id" is not a JSON pointer`},
		{"sent not a pointer", "createThing: {read: listThings, sent: data, document-line: 3}", `"data" is not a JSON pointer`},
		{"skip without a reason", "createThing: {read: listThings, skip: {/password: ''}, document-line: 3}", `skip "/password": a JSON pointer with the reason`},
		{"valid within", "createThing: {read: listThings, within: [{items: /things, match: {/id: path:id}}], items: /parts, match: {/id: callback:/part}, document-line: 3}", ""},
		{"within without items", "createThing: {read: listThings, within: [{items: /things, match: {/id: path:id}}], document-line: 3}", "within picks the item holding a list"},
		{"within level without match", "createThing: {read: listThings, within: [{items: /things}], items: /, match: {/id: path:id}, document-line: 3}", "within[0]: items (the list) and match (which item) are required"},
		{"within items not a pointer", "createThing: {read: listThings, within: [{items: things, match: {/id: path:id}}], items: /, match: {/id: path:id}, document-line: 3}", `within[0]: items "things" is not a JSON pointer`},
		{"within bad source", "createThing: {read: listThings, within: [{items: /things, match: {/id: 'cookie:x'}}], items: /, match: {/id: path:id}, document-line: 3}", `within[0] /id: "cookie:x" is not KIND:WHERE`},
		{"valid absent", "createThing: {read: listThings, items: /, match: {/id: path:id}, absent: true, document-line: 3}", ""},
		{"absent without items", "createThing: {read: listThings, absent: true, document-line: 3}", "absent needs items and match"},
		{"absent with sent", "createThing: {read: listThings, items: /, match: {/id: path:id}, absent: true, sent: /a, document-line: 3}", "absent compares no field"},
		{"valid pairs", "createThing: {read: listThings, sent: /params, at: /inputs, pairs: {name: /name, value: /value}, document-line: 3}", ""},
		{"pairs not pointers", "createThing: {read: listThings, pairs: {name: name, value: /value}, document-line: 3}", `pairs {name: "name", value: "/value"}: both must be JSON pointers`},
		{"pairs without value", "createThing: {read: listThings, pairs: {name: /name}, document-line: 3}", `pairs {name: "/name", value: ""}: both must be JSON pointers`},
		{"pairs with rename", "createThing: {read: listThings, pairs: {name: /name, value: /value}, rename: {/a: /b}, document-line: 3}", "rename does not apply"},
		{"absent with pairs", "createThing: {read: listThings, items: /, match: {/id: path:id}, absent: true, pairs: {name: /name, value: /value}, document-line: 3}", "absent compares no field"},
		{"callback source", "createItem: {read: listItems, params: {box: 'callback:/box'}, document-line: 3}", ""},
		{"unknown source kind", "createItem: {read: listItems, params: {box: 'cookie:/box'}, document-line: 3}", "KIND one of body, callback, element"},
		{"unknown field", "createThing: {read: listThings, colour: red, document-line: 3}", "field colour not found"},
		{"twice", "createThing: {none: x}\n  createThing: {none: y}", "is given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, err := Load(specDir(t, noAuth, "readback:\n  "+tt.rules+"\n"))
			if tt.want == "" {
				require.NoError(t, err)
				assert.Len(t, api.ReadBacks(), 1)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), ReadBackFile)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestReadBackIsNotPartOfTheContractHash(t *testing.T) {
	dir := specDir(t, noAuth, "")
	before, err := Load(dir)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, ReadBackFile), []byte("readback:\n  createThing: {none: x}\n"), 0o644))
	after, err := Load(dir)
	require.NoError(t, err)
	assert.Equal(t, before.Hash, after.Hash)
	assert.NotNil(t, after.ReadBack("createThing"))
	assert.Nil(t, before.ReadBack("createThing"))
}

func TestWritesAreCreatesUpdatesAndActions(t *testing.T) {
	api, err := Load(specDir(t, noAuth, ""))
	require.NoError(t, err)
	for id, want := range map[string]bool{"createThing": true, "deleteThing": false, "listThings": false, "deleteItem": true} {
		assert.Equal(t, want, api.Operation(id).Writes(), id)
	}
}

func TestReadBackLinesAreWithinTheDocument(t *testing.T) {
	api, err := Load(specDir(t, noAuth, "readback:\n  createThing: {read: listThings, document-line: 900}\n  createItem: {read: listItems, evidence: {source: example}}\n"))
	require.NoError(t, err)
	var got []string
	for _, p := range api.EvidenceProblems(100) {
		if strings.HasPrefix(p.Where, ReadBackFile) {
			got = append(got, p.Where+": "+p.Message)
		}
	}
	assert.ElementsMatch(t, []string{
		"readback.yaml line 3 (createItem)/evidence: evidence from the document's example needs the line it reads",
		"readback.yaml line 2 (createThing)/document-line: 900 is not a line of the document (1-100)",
	}, got)
}
