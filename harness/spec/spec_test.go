package spec

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadShop(t *testing.T) *API {
	t.Helper()
	api, err := Load("testdata/shop")
	require.NoError(t, err)
	return api
}

func TestRouterFind(t *testing.T) {
	api := loadShop(t)
	tests := []struct {
		method, path, query string
		wantID              string
		wantParams          map[string]string
		wantErr             string
	}{
		{"GET", "/api/orders", "", "listOrders", map[string]string{}, ""},
		{"post", "/api/orders", "", "createOrder", map[string]string{}, ""},
		{"GET", "/api/orders/7", "", "getOrder", map[string]string{"id": "7"}, ""},
		{"GET", "/api/orders/special", "", "getSpecialOrder", map[string]string{}, ""},
		{"GET", "/api/orders/7", "cancel", "cancelOrder", map[string]string{"id": "7"}, ""},
		{"GET", "/api/orders/7", "cancel=&x=1", "cancelOrder", map[string]string{"id": "7"}, ""},
		{"GET", "/api/orders/7", "action=ship", "shipOrder", map[string]string{"id": "7"}, ""},
		{"GET", "/api/orders/7", "action=burn", "getOrder", map[string]string{"id": "7"}, ""},
		{"GET", "/api/orders/a%2Fb", "", "getOrder", map[string]string{"id": "a/b"}, ""},
		{"DELETE", "/api/orders", "", "", nil, "documents only GET, POST"},
		{"GET", "/api/nothing", "", "", nil, "not in the contract"},
		{"GET", "/api/orders/7/extra", "", "", nil, "not in the contract"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path+"?"+tt.query, func(t *testing.T) {
			op, params, err := api.Find(tt.method, tt.path, tt.query)
			if tt.wantErr != "" {
				require.Error(t, err)
				var re *RouteError
				assert.ErrorAs(t, err, &re)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantID, op.ID)
			assert.Equal(t, tt.wantParams, params)
		})
	}
}

func TestLoadComputesHashesAndOperations(t *testing.T) {
	api := loadShop(t)
	assert.Equal(t, "shop", api.Name)
	assert.Len(t, api.Operations(), 10)
	assert.Contains(t, api.Files, "schemas/order.json")
	assert.Len(t, api.Hash, 64)
	assert.NotNil(t, api.Operation("listServers"))
	assert.Nil(t, api.Operation("nope"))
}

func TestResponseBodySchemas(t *testing.T) {
	api := loadShop(t)
	op := api.Operation("listOrders")
	bs, ok, err := api.ResponseBody(op, "200", "application/json; charset=utf-8")
	require.NoError(t, err)
	require.True(t, ok)
	require.NotNil(t, bs.JSON)
	assert.NoError(t, bs.JSON.Validate([]any{map[string]any{"id": 1, "email": "a@b.co", "createdAt": "2016-07-08T10:42:14+01:00", "note": nil}}))
	assert.Error(t, bs.JSON.Validate([]any{map[string]any{"id": 1, "email": "not-an-email", "createdAt": "2016-07-08T10:42:14+01:00"}}), "formats are asserted")
	assert.Error(t, bs.JSON.Validate([]any{map[string]any{"id": 1, "email": "a@b.co", "createdAt": "08/07/2016 10:42"}}), "date-time is asserted")

	// A response given by $ref to components/responses.
	bs, ok, err = api.ResponseBody(op, "401", "application/json")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Error(t, bs.JSON.Validate(map[string]any{}))

	_, ok, err = api.ResponseBody(op, "200", "text/html")
	require.NoError(t, err)
	assert.False(t, ok)
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"bad yaml", "openapi.yaml", "openapi: [", "openapi.yaml"},
		{"invalid spec", "openapi.yaml", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n", "openapi.yaml"},
		{"missing operationId", "openapi.yaml", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n", "operationId is missing"},
		{"bad harness", "harness.yaml", "auth: {kind: magic}\n", "harness.yaml"},
		{"unknown harness field", "harness.yaml", "auth: {kind: none}\ncolour: blue\n", "field colour not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			good := "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\n"
			require.NoError(t, os.WriteFile(filepath.Join(dir, "openapi.yaml"), []byte(good), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "harness.yaml"), []byte("auth: {kind: none}\n"), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.content), 0o644))
			_, err := Load(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestRegistryLoadsOnce(t *testing.T) {
	r := NewRegistry("testdata")
	a, err := r.Get("shop")
	require.NoError(t, err)
	b, err := r.Get("shop")
	require.NoError(t, err)
	assert.Same(t, a, b)
	_, err = r.Get("nope")
	assert.ErrorContains(t, err, "known: routes, shop")
	names, err := r.Names()
	require.NoError(t, err)
	assert.Equal(t, []string{"routes", "shop"}, names)
}

func TestSecretFieldsFromTheContract(t *testing.T) {
	api, err := Load("../../specs/cam")
	require.NoError(t, err)
	fields, containers := api.SecretFields()
	assert.Contains(t, fields, "Bearer_Token")
	assert.NotContains(t, fields, "value", "secret only when secured: left to the shared rule")
	assert.Contains(t, containers, "template_params")
	assert.NotContains(t, containers, "InputParameters", "also an ordinary parameter set: ambiguous")
}

// TestRoutingHonoursParameterSchemas: a path parameter takes only the values its schema allows,
// text around a parameter is more specific than a bare parameter, and a trailing slash is the
// same path.
func TestRoutingHonoursParameterSchemas(t *testing.T) {
	api, err := Load("testdata/routes")
	require.NoError(t, err)
	tests := []struct {
		path, wantID string
		params       map[string]string
	}{
		{"/items/0a1b2c3d", "getItem", map[string]string{"id": "0a1b2c3d"}},
		{"/items/0a1b2c3d.json", "getItemJSON", map[string]string{"id": "0a1b2c3d"}},
		{"/items/0a1b2c3d/", "getItem", map[string]string{"id": "0a1b2c3d"}},
		{"/items/0a1b2c3d/parts/3", "getPart", map[string]string{"id": "0a1b2c3d", "n": "3"}},
		{"/items/0a1b2c3d/parts/latest", "getLatestPart", map[string]string{"id": "0a1b2c3d"}},
		// No operation takes the value: the one whose template fits, so its refusal is judged.
		{"/items/not-an-id", "getItem", map[string]string{"id": "not-an-id"}},
		{"/items/0a1b2c3d/parts/three", "getPart", map[string]string{"id": "0a1b2c3d", "n": "three"}},
	}
	for _, tt := range tests {
		op, params, err := api.Find("GET", tt.path, "")
		require.NoError(t, err, tt.path)
		assert.Equal(t, tt.wantID, op.ID, tt.path)
		assert.Equal(t, tt.params, params, tt.path)
	}
}
