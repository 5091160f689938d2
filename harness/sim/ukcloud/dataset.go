package ukcloud

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// dataset is one population of the simulated Portal, with the choices it makes where the
// document leaves one open. The default data set is the one the simulator always had; the
// second (data_second.go) is populated independently so that a suite passing against both
// does not lean on either one's ids, names, counts or order.
type dataset struct {
	name     string
	accounts []*account
	vmotions map[int][]vmotion
	builds   []*build
	tickets  []*ticket

	// firstID is the first id each sequence hands out at run time: build ids per kind (the
	// buildKind seq names), "vorg" for vOrgs that builds create, and the ticket sequences.
	firstID map[string]int
	// incidentPrefix and servicePrefix start the ids of tickets raised at run time.
	incidentPrefix, servicePrefix string
	// sessionTTL is the session lifetime when Options.SessionTTL does not set one (the
	// document's example says 900 seconds; the value is the Portal's to choose).
	sessionTTL time.Duration
	// extras adds fields a later revision of the API might add where the contract allows
	// additional properties.
	extras bool
	// ticketsNewestFirst lists tickets newest first instead of in catalogue order (the document
	// fixes no order).
	ticketsNewestFirst bool
	// buildsNewestFirst lists each account's builds newest first (no order is documented).
	buildsNewestFirst bool
	// vdcListIDs gives the VDCs of GET vdcs ids in the document's "<account>-<vOrg>-<n>" form
	// (its attribute table and example) instead of their URNs (its schema's pattern); the
	// published schema, as fixed, accepts both (DEFECTS.md #13).
	vdcListIDs bool
	// absoluteLocation sends the Location of a 202 as an absolute URL instead of the path the
	// document shows.
	absoluteLocation bool

	// fixtures are the values, in this data set, of the fixture variables of
	// specs/ukcloud/harness.yaml that a run cannot discover (see Simulator.Fixtures).
	fixtures map[string]string
}

// newDataset populates the named data set (sim.DatasetDefault or sim.DatasetSecond); start is the
// origin of the simulated clock.
func newDataset(name string, start time.Time) (*dataset, error) {
	switch name {
	case sim.DatasetDefault:
		return defaultDataset(start), nil
	case sim.DatasetSecond:
		return secondDataset(start), nil
	}
	return nil, fmt.Errorf("ukcloud: unknown data set %q", name)
}

func defaultDataset(start time.Time) *dataset {
	return &dataset{
		name:     sim.DatasetDefault,
		accounts: seedAccounts(),
		vmotions: seedVmotions(),
		builds:   seedBuilds(start),
		tickets:  seedTickets(),
		firstID: map[string]int{kindVorg.seq: 11, kindVDC.seq: 11, kindEdge.seq: 24, "vorg": 50,
			"incident": 1002200, "service": 1000200},
		incidentPrefix: "INC",
		servicePrefix:  "SR",
		sessionTTL:     DefaultSessionTTL,
		fixtures: map[string]string{
			"account":         strconv.Itoa(AccountDemo),
			"member_account":  strconv.Itoa(AccountDevTeam),
			"restricted_vorg": strconv.Itoa(VorgRestricted),
			"colleague_email": ColleagueEmail,
		},
	}
}

// seedValues lists the identifying literals of d: names, URNs, service ids, e-mail addresses,
// ticket ids, and the numeric ids of accounts, vOrgs and builds. A number is (also) given in the
// path form a feature would write it in ("/accounts/1/", "/api/vdc-builds/10"), since short bare
// digits also occur in page sizes and dates.
func (d *dataset) seedValues() []string {
	var out []string
	add := func(vs ...string) {
		for _, v := range vs {
			if v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	num := func(prefix string, n int, suffix string) {
		if n >= 1000 {
			add(strconv.Itoa(n))
		}
		add(prefix + strconv.Itoa(n) + suffix)
	}
	for _, a := range d.accounts {
		num("/accounts/", a.id, "/")
		add(a.name)
		add(a.users...)
		for _, v := range a.vorgs {
			num("/vorgs/", v.id, "/")
			num("/compute_services/", v.id, "")
			add(fmt.Sprintf("%d-%d", a.id, v.id), v.name, v.serviceID, v.urn, v.apiUser)
			for _, b := range v.buckets {
				add(b.name)
			}
			for _, dc := range v.vdcs {
				add(dc.urn, dc.name)
				for _, ap := range dc.vapps {
					add(ap.urn, ap.name)
					for _, m := range ap.vms {
						add(m.urn, m.name)
					}
				}
				for _, e := range dc.edges {
					add(e.urn, e.name)
				}
			}
		}
	}
	for _, b := range d.builds {
		num(b.kind.location, b.id, "")
		add(b.createdBy)
	}
	for _, t := range d.tickets {
		add(t.id, t.summary, t.owner)
		add(t.subscribers...)
	}
	return out
}
