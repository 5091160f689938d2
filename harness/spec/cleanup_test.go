package spec

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const cleanupSpec = `openapi: 3.0.3
info: {title: x, version: '1'}
paths:
  /things/{id}:
    post:
      operationId: createThing
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
    delete:
      operationId: deleteThing
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
  /things/{id}/state:
    get:
      operationId: getThingState
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
  /boxes/{box}/items/{item}:
    get:
      operationId: getItem
      parameters:
      - {name: box, in: path, required: true, schema: {type: string}}
      - {name: item, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
  /things:
    get:
      operationId: listThings
      responses: {'200': {description: ok}}
  /boxes/{box}/items:
    post:
      operationId: createItem
      parameters: [{name: box, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
    get:
      operationId: listItems
      parameters: [{name: box, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
x-query-paths:
  /boxes/{box}/items/{item}?delete:
    get:
      operationId: deleteItem
      parameters:
      - {name: box, in: path, required: true, schema: {type: string}}
      - {name: item, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
`

func TestCleanupRulesAreCheckedAgainstTheContract(t *testing.T) {
	tests := []struct {
		name, rules, want string
	}{
		{"valid", "- {resource: thing, create: [createThing], name: 'path:id', delete: deleteThing, list: listThings, items: '', item_name: /name, item_params: {id: /id}}", ""},
		{"valid found by list", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: list}, list: listItems, item_name: /name, item_params: {item: /id}}", ""},
		{"list without a source of a parameter", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: list}, list: listThings, item_name: /name, item_params: {item: /id}}", "path parameter {box} of deleteItem has no source in a listed item"},
		{"unknown create", "- {resource: thing, create: [makeThing], name: 'path:id', delete: deleteThing}", `line 3: cleanup rule "thing": operation "makeThing" is not in the contract`},
		{"unknown delete", "- {resource: thing, create: [createThing], name: 'path:id', delete: removeThing}", `operation "removeThing" is not in the contract`},
		{"bad source", "- {resource: thing, create: [createThing], name: 'id', delete: deleteThing}", `name "id" is not KIND:WHERE`},
		{"unknown source kind", "- {resource: thing, create: [createThing], name: 'cookie:id', delete: deleteThing}", `name "cookie:id" is not KIND:WHERE`},
		{"valid alternatives", "- {resource: thing, create: [createThing], name: 'element:id|body:/id', delete: deleteThing}", ""},
		{"callback is a round-trip source only", "- {resource: thing, create: [createThing], name: 'callback:/id', delete: deleteThing}", `name "callback:/id" is not KIND:WHERE`},
		{"bad alternative", "- {resource: thing, create: [createThing], name: 'element:id|/id', delete: deleteThing}", `name "element:id|/id" is not KIND:WHERE`},
		{"param without source", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem}", "path parameter {item} of deleteItem has no source: add params.item"},
		{"list source without list", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: list}}", "params.item: list needs a list operation"},
		{"missing delete", "- {resource: thing, create: [createThing], name: 'path:id'}", "create, name and delete are required"},
		{"missing resource", "- {create: [createThing], name: 'path:id', delete: deleteThing}", "resource is missing"},
		{"bad query", "- {resource: thing, create: [createThing], name: 'path:id', delete: deleteThing, query: always}", `query "always"`},
		{"list without item_name", "- {resource: thing, create: [createThing], name: 'path:id', delete: deleteThing, list: listThings}", "list needs item_name"},
		{"unknown field", "- {resource: thing, create: [createThing], name: 'path:id', delete: deleteThing, colour: red}", "field colour not found"},
		{"valid wait", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: getItem, field: /state, states: [PENDING_ADD], within: 30s, every: 2s}}", ""},
		{"wait on an unknown read", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: readItem, field: /state, states: [PENDING_ADD], within: 30s, every: 2s}}", `wait: operation "readItem" is not in the contract`},
		{"wait reading a parameter the delete lacks", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: getThingState, field: /state, states: [PENDING_ADD], within: 30s, every: 2s}}", "wait: path parameter {id} of getThingState is not one of deleteItem"},
		{"wait without states", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: getItem, field: /state, within: 30s, every: 2s}}", "wait: read, field and states are required"},
		{"wait field not a pointer", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: getItem, field: state, states: [X], within: 30s, every: 2s}}", `wait: field "state" is not a JSON pointer`},
		{"wait without end", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: getItem, field: /state, states: [X], every: 2s}}", "wait: within 0s"},
		{"wait too long", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: getItem, field: /state, states: [X], within: 2h, every: 2s}}", "wait: within 2h0m0s"},
		{"wait reads more seldom than it lasts", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: getItem, field: /state, states: [X], within: 3s, every: 5s}}", "wait: every 5s"},
		{"wait duration not a duration", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: getItem, field: /state, states: [X], within: soon, every: 5s}}", "soon"},
		{"wait unknown field", "- {resource: item, create: [createItem], name: 'element:name', delete: deleteItem, params: {item: 'response:/id'}, wait: {read: getItem, field: /state, states: [X], within: 3s, every: 1s, until: 5}}", "field until not found in a cleanup wait"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, err := Load(specDir(t, noAuth+"cleanup:\n"+tt.rules+"\n", ""))
			if tt.want == "" {
				require.NoError(t, err)
				require.Len(t, api.Harness.Cleanup, 1)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), "harness.yaml")
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestOperationPathFillsParametersAndKeepsTheMarker(t *testing.T) {
	api, err := Load(specDir(t, noAuth, ""))
	require.NoError(t, err)
	p, err := api.Operation("deleteItem").Path(map[string]string{"box": "b 1", "item": "i/2"})
	require.NoError(t, err)
	assert.Equal(t, "/boxes/b%201/items/i%2F2?delete", p)
	_, err = api.Operation("deleteItem").Path(map[string]string{"box": "b"})
	assert.ErrorContains(t, err, "no value for path parameter {item}")
	assert.Equal(t, []string{"box", "item"}, api.Operation("deleteItem").Params())
}
