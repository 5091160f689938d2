package cloudcontrol

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeXML(t *testing.T) {
	body, err := encodeXML("Account", obj{"userName": "u", "fullName": "F", "firstName": "F", "lastName": "L", "emailAddress": "e@x",
		"orgId": "o", "roles": []any{obj{"name": "server"}}})
	require.NoError(t, err)
	want := xmlHeader + `<Account xmlns="http://oec.api.opsource.net/schemas/directory">
  <userName>u</userName>
  <fullName>F</fullName>
  <firstName>F</firstName>
  <lastName>L</lastName>
  <emailAddress>e@x</emailAddress>
  <orgId>o</orgId>
  <roles>
    <role>
      <name>server</name>
    </role>
  </roles>
</Account>

`
	assert.Equal(t, want, string(body))

	// Attributes, escaping and a nested namespace.
	body, err = encodeXML("Status", obj{"result": "ERROR", "resultDetail": `a<b & "c"`, "resultCode": "REASON_1",
		"additionalInformation": []any{obj{"name": `n"1`, "value": "v"}}})
	require.NoError(t, err)
	assert.Contains(t, string(body), `<resultDetail>a&lt;b &amp; &#34;c&#34;</resultDetail>`)
	assert.Contains(t, string(body), `<additionalInformation name="n&#34;1">`)

	_, err = encodeXML("Status", obj{"result": "ERROR", "resultDetail": "d", "resultCode": "REASON_1", "colour": "blue"})
	assert.ErrorContains(t, err, "colour")
	_, err = encodeXML("Status", obj{"result": "ERROR"})
	assert.ErrorContains(t, err, "required property")
	_, err = encodeXML("Status", obj{"result": "ERROR"}, true)
	assert.NoError(t, err)
	_, err = encodeXML("Nope", obj{})
	assert.Error(t, err)

	body, err = encodeXML("Exists", true)
	require.NoError(t, err)
	assert.Contains(t, string(body), `<Exists xmlns="http://oec.api.opsource.net/schemas/general">true</Exists>`)
}

func TestParseXML(t *testing.T) {
	n, err := parseXML([]byte(`<ns:A xmlns:ns="urn:x" k="v"><ns:b>1</ns:b><b> 2 </b><c/></ns:A>`))
	require.NoError(t, err)
	assert.Equal(t, "A", n.Name)
	assert.Equal(t, "v", n.Attrs["k"])
	assert.Len(t, n.all("b"), 2)
	assert.Equal(t, "2", n.all("b")[1].Text)
	assert.True(t, n.has("c"))
	assert.Equal(t, "", n.text("d"))
	_, err = parseXML([]byte(`<a>`))
	assert.Error(t, err)
	_, err = parseXML([]byte(``))
	assert.Error(t, err)
}
