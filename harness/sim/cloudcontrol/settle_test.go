package cloudcontrol

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// An image being imported or copied shows PENDING_ADD to a number of reads of its state that
// each data set fixes, refuses its delete with REASON_601 meanwhile, and is NORMAL (and deleted)
// afterwards; the seeded image being imported never completes.
func TestImportsAndCopiesCompleteAfterTheirReads(t *testing.T) {
	for _, tt := range []struct {
		dataset string
		reads   int
	}{
		{sim.DatasetDefault, firstSettleReads},
		{sim.DatasetSecond, secondSettleReads},
	} {
		t.Run(tt.dataset, func(t *testing.T) {
			c := newClient(t, sim.Options{Dataset: tt.dataset})
			fx := c.s.Fixtures()
			org := "/oec/0.9/" + c.s.st.orgID
			pkg := c.s.st.ovfPackages[0].name
			imported := decodeNode(t, c.send(post(org+"/imageImport", `<NewImageImport xmlns="http://oec.api.opsource.net/schemas/server"><ovfPackage>`+pkg+`</ovfPackage><location>`+fx["location"]+`</location><name>cc0123abcd-imported</name></NewImageImport>`)))
			copied := decodeNode(t, c.send(post(org+"/copyCustomerImage", `<NewImageCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceImageId>`+fx["image_customer"]+`</sourceImageId><targetImageName>cc0123abcd-copy</targetImageName><targetLocation>`+fx["location_no_backup"]+`</targetLocation></NewImageCopy>`)))
			ids := []string{imported.text("id"), copied.all("targetImage")[0].text("id")}
			for _, id := range ids {
				require.NotEmpty(t, id)
				for read := 1; read <= tt.reads; read++ {
					requireFault(t, c.get(org+"/image/"+id+"?delete"), 400, "REASON_601")
					assert.Equal(t, "PENDING_ADD", decodeNode(t, c.get(org+"/image/"+id)).text("state"), "read %d of %s", read, id)
				}
				assert.Equal(t, "NORMAL", decodeNode(t, c.get(org+"/image/"+id)).text("state"), "%s after %d reads", id, tt.reads)
				requireOK(t, c.get(org+"/image/"+id+"?delete"))
				requireFault(t, c.get(org+"/image/"+id), 400, "REASON_390")
			}
			for range 5 {
				assert.Equal(t, "PENDING_ADD", decodeNode(t, c.get(org+"/image/"+fx["image_pending"])).text("state"))
			}
			requireFault(t, c.get(org+"/image/"+fx["image_pending"]+"?delete"), 400, "REASON_601")
		})
	}
}
