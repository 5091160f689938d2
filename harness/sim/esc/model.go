package esc

import "encoding/xml"

// Namespaces of the document's bodies (DEFECTS.md D32): resources and
// notifications use the NETCONF base namespace, the deployment datamodel the
// ESC one. Resources the document shows only as JSON models (network,
// subnet, volume, router, VIM connector and user, operation mode, config
// parameter) are written without a namespace, as the contract assumes (D37).
const (
	nsNetconf = "urn:ietf:params:xml:ns:netconf:base:1.0"
	nsESC     = "http://www.cisco.com/esc/esc"
	nsXSI     = "http://www.w3.org/2001/XMLSchema-instance"
	nsXS      = "http://www.w3.org/2001/XMLSchema"
)

// The resource types below are both the request bodies (XML or JSON) and
// the answers and notification bodies. XMLName carries no tag so that
// decoding accepts any namespace and encoding writes the name set in the
// value (see named).

type property struct {
	Name           string `xml:"name" json:"name"`
	Value          string `xml:"value,omitempty" json:"value,omitempty"`
	EncryptedValue string `xml:"encrypted_value,omitempty" json:"encrypted_value,omitempty"`
}

type properties struct {
	Property []property `xml:"property" json:"property,omitempty"`
}

type container struct {
	Name       string      `xml:"name,omitempty" json:"name,omitempty"`
	Properties *properties `xml:"properties,omitempty" json:"properties,omitempty"`
}

type extension struct {
	Name       string      `xml:"name,omitempty" json:"name,omitempty"`
	Properties *properties `xml:"properties,omitempty" json:"properties,omitempty"`
	Containers *struct {
		Container []container `xml:"container" json:"container,omitempty"`
	} `xml:"containers,omitempty" json:"containers,omitempty"`
}

type extensions struct {
	Extension []extension `xml:"extension" json:"extension,omitempty"`
}

// tenant is components/schemas/Tenant.
type tenant struct {
	XMLName          xml.Name    `json:"-"`
	Enabled          *bool       `xml:"enabled,omitempty" json:"enabled,omitempty"`
	EventType        string      `xml:"event_type,omitempty" json:"event_type,omitempty"`
	ExternalTenantID string      `xml:"external_tenant_id,omitempty" json:"external_tenant_id,omitempty"`
	InternalTenantID string      `xml:"internal_tenant_id,omitempty" json:"internal_tenant_id,omitempty"`
	Name             string      `xml:"name,omitempty" json:"name,omitempty"`
	VimMapping       *bool       `xml:"vim_mapping,omitempty" json:"vim_mapping,omitempty"`
	Extensions       *extensions `xml:"extensions,omitempty" json:"extensions,omitempty"`
	ManagedResource  *bool       `xml:"managed_resource,omitempty" json:"managed_resource,omitempty"`
	// VimProjectID is not in the document: an element a later ESC might
	// add, served only by the second data set's seeded tenants.
	VimProjectID string `xml:"vim_project_id,omitempty" json:"vim_project_id,omitempty"`
}

type tenantList struct {
	XMLName xml.Name `xml:"urn:ietf:params:xml:ns:netconf:base:1.0 tenants"`
	Tenants []tenant `xml:"tenant"`
}

type locator struct {
	VimID        string `xml:"vim_id,omitempty" json:"vim_id,omitempty"`
	VimType      string `xml:"vim_type,omitempty" json:"vim_type,omitempty"`
	VimProject   string `xml:"vim_project,omitempty" json:"vim_project,omitempty"`
	VimProjectID string `xml:"vim_project_id,omitempty" json:"vim_project_id,omitempty"`
	VimRegion    string `xml:"vim_region,omitempty" json:"vim_region,omitempty"`
	VimVdc       string `xml:"vim_vdc,omitempty" json:"vim_vdc,omitempty"`
}

// network is components/schemas/Network.
type network struct {
	XMLName                 xml.Name `json:"-"`
	Locator                 *locator `xml:"locator,omitempty" json:"locator,omitempty"`
	VimNetName              string   `xml:"vimNetName,omitempty" json:"vimNetName,omitempty"`
	InternalTenantID        string   `xml:"internal_tenant_id,omitempty" json:"internal_tenant_id,omitempty"`
	InternalNetworkID       string   `xml:"internal_network_id,omitempty" json:"internal_network_id,omitempty"`
	InternalDeploymentID    string   `xml:"internal_deployment_id,omitempty" json:"internal_deployment_id,omitempty"`
	Name                    string   `xml:"name,omitempty" json:"name,omitempty"`
	Shared                  *bool    `xml:"shared,omitempty" json:"shared,omitempty"`
	ExternalTenantID        string   `xml:"external_tenant_id,omitempty" json:"external_tenant_id,omitempty"`
	TenantName              string   `xml:"tenant_name,omitempty" json:"tenant_name,omitempty"`
	ExternalNetworkID       string   `xml:"external_network_id,omitempty" json:"external_network_id,omitempty"`
	Subnet                  []string `xml:"subnet" json:"subnet,omitempty"`
	AdminStateUp            *bool    `xml:"admin_state_up,omitempty" json:"admin_state_up,omitempty"`
	EventType               string   `xml:"event_type,omitempty" json:"event_type,omitempty"`
	SwitchName              string   `xml:"switch_name,omitempty" json:"switch_name,omitempty"`
	ProviderSegmentationID  string   `xml:"provider_segmentation_id,omitempty" json:"provider_segmentation_id,omitempty"`
	RouterExternal          *bool    `xml:"router_external,omitempty" json:"router_external,omitempty"`
	ProviderPhysicalNetwork string   `xml:"provider_physical_network,omitempty" json:"provider_physical_network,omitempty"`
	ProviderNetworkType     string   `xml:"provider_network_type,omitempty" json:"provider_network_type,omitempty"`
	VlanID                  *int     `xml:"vlan_id,omitempty" json:"vlan_id,omitempty"`
	NumberOfPorts           *int     `xml:"number_of_ports,omitempty" json:"number_of_ports,omitempty"`
}

type allocationPool struct {
	Start string `xml:"start,omitempty" json:"start,omitempty"`
	End   string `xml:"end,omitempty" json:"end,omitempty"`
}

// subnet is components/schemas/Subnet.
type subnet struct {
	XMLName           xml.Name         `json:"-"`
	NetworkFromCdg    *network         `xml:"networkFromCdg,omitempty" json:"networkFromCdg,omitempty"`
	InternalTenantID  string           `xml:"internal_tenant_id,omitempty" json:"internal_tenant_id,omitempty"`
	ExternalTenantID  string           `xml:"external_tenant_id,omitempty" json:"external_tenant_id,omitempty"`
	InternalNetworkID string           `xml:"internal_network_id,omitempty" json:"internal_network_id,omitempty"`
	ExternalNetworkID string           `xml:"external_network_id,omitempty" json:"external_network_id,omitempty"`
	InternalSubnetID  string           `xml:"internal_subnet_id,omitempty" json:"internal_subnet_id,omitempty"`
	ExternalSubnetID  string           `xml:"external_subnet_id,omitempty" json:"external_subnet_id,omitempty"`
	Name              string           `xml:"name,omitempty" json:"name,omitempty"`
	AllocationPools   []allocationPool `xml:"allocation_pools" json:"allocation_pools,omitempty"`
	GatewayIP         string           `xml:"gateway_ip,omitempty" json:"gateway_ip,omitempty"`
	IPVersion         *int             `xml:"ip_version,omitempty" json:"ip_version,omitempty"`
	Cidr              string           `xml:"cidr,omitempty" json:"cidr,omitempty"`
	EnableDhcp        *bool            `xml:"enable_dhcp,omitempty" json:"enable_dhcp,omitempty"`
	EventType         string           `xml:"event_type,omitempty" json:"event_type,omitempty"`
}

// image is components/schemas/Image (elements in the order of the callback
// example, lines 680-694).
type image struct {
	XMLName          xml.Name    `json:"-"`
	DiskBus          string      `xml:"disk_bus,omitempty" json:"disk_bus,omitempty"`
	E1000Net         *bool       `xml:"e1000_net,omitempty" json:"e1000_net,omitempty"`
	VirtioNet        *bool       `xml:"virtio_net,omitempty" json:"virtio_net,omitempty"`
	EventType        string      `xml:"event_type,omitempty" json:"event_type,omitempty"`
	ExternalImageID  string      `xml:"external_image_id,omitempty" json:"external_image_id,omitempty"`
	ExternalTenantID string      `xml:"external_tenant_id,omitempty" json:"external_tenant_id,omitempty"`
	ImageIsEnabled   *bool       `xml:"imageisenabled,omitempty" json:"imageisenabled,omitempty"`
	Name             string      `xml:"name,omitempty" json:"name,omitempty"`
	InternalImageID  string      `xml:"internal_image_id,omitempty" json:"internal_image_id,omitempty"`
	InternalTenantID string      `xml:"internal_tenant_id,omitempty" json:"internal_tenant_id,omitempty"`
	Visibility       string      `xml:"visibility,omitempty" json:"visibility,omitempty"`
	Src              string      `xml:"src,omitempty" json:"src,omitempty"`
	Properties       *properties `xml:"properties,omitempty" json:"properties,omitempty"`
}

// flavor is components/schemas/Flavor (callback example order, lines 817-826).
type flavor struct {
	XMLName          xml.Name `json:"-"`
	EphemeralDiskMB  *int     `xml:"ephemeral_disk_mb,omitempty" json:"ephemeral_disk_mb,omitempty"`
	EventType        string   `xml:"event_type,omitempty" json:"event_type,omitempty"`
	ExternalFlavorID string   `xml:"external_flavor_id,omitempty" json:"external_flavor_id,omitempty"`
	Name             string   `xml:"name,omitempty" json:"name,omitempty"`
	InternalFlavorID string   `xml:"internal_flavor_id,omitempty" json:"internal_flavor_id,omitempty"`
	MemoryMB         *int     `xml:"memory_mb,omitempty" json:"memory_mb,omitempty"`
	VCPUs            *int     `xml:"vcpus,omitempty" json:"vcpus,omitempty"`
}

// volume is components/schemas/Volume.
type volume struct {
	XMLName          xml.Name `json:"-"`
	ExternalVolumeID string   `xml:"external_volume_id,omitempty" json:"external_volume_id,omitempty"`
	Size             string   `xml:"size,omitempty" json:"size,omitempty"`
	SizeUnit         string   `xml:"sizeunit,omitempty" json:"sizeunit,omitempty"`
	Bus              string   `xml:"bus,omitempty" json:"bus,omitempty"`
	Type             string   `xml:"type,omitempty" json:"type,omitempty"`
	OutOfBand        *bool    `xml:"outOfBand,omitempty" json:"outOfBand,omitempty"`
	BootIndex        string   `xml:"bootIndex,omitempty" json:"bootIndex,omitempty"`
	Name             string   `xml:"name,omitempty" json:"name,omitempty"`
	Format           string   `xml:"format,omitempty" json:"format,omitempty"`
	StorageLocation  string   `xml:"storageLocation,omitempty" json:"storageLocation,omitempty"`
	ExternalTenantID string   `xml:"external_tenant_id,omitempty" json:"external_tenant_id,omitempty"`
	InternalTenantID string   `xml:"internal_tenant_id,omitempty" json:"internal_tenant_id,omitempty"`
	InternalVolumeID string   `xml:"internal_volume_id,omitempty" json:"internal_volume_id,omitempty"`
	VolID            *int     `xml:"volid,omitempty" json:"volid,omitempty"`
	EventType        string   `xml:"event_type,omitempty" json:"event_type,omitempty"`
	Image            string   `xml:"image,omitempty" json:"image,omitempty"`
}

type routerInterface struct {
	InternalAttachInterfaceID string `xml:"internalAttachInterfaceId,omitempty" json:"internalAttachInterfaceId,omitempty"`
	RouterName                string `xml:"routerName,omitempty" json:"routerName,omitempty"`
	SubnetID                  string `xml:"subnetId,omitempty" json:"subnetId,omitempty"`
	InternalRouterID          string `xml:"internal_router_id,omitempty" json:"internal_router_id,omitempty"`
	RouterID                  string `xml:"router_id,omitempty" json:"router_id,omitempty"`
	Subnet                    string `xml:"subnet,omitempty" json:"subnet,omitempty"`
	PortID                    string `xml:"port_id,omitempty" json:"port_id,omitempty"`
	EventType                 string `xml:"event_type,omitempty" json:"event_type,omitempty"`
}

type routerRoute struct {
	RouterID         string `xml:"routerId,omitempty" json:"routerId,omitempty"`
	InternalID       string `xml:"internalId,omitempty" json:"internalId,omitempty"`
	InternalRouterID string `xml:"internal_router_id,omitempty" json:"internal_router_id,omitempty"`
	Destination      string `xml:"destination,omitempty" json:"destination,omitempty"`
	NextHop          string `xml:"next_hop,omitempty" json:"next_hop,omitempty"`
	RouteName        string `xml:"route_name,omitempty" json:"route_name,omitempty"`
	EventType        string `xml:"event_type,omitempty" json:"event_type,omitempty"`
}

// router is components/schemas/Router.
type router struct {
	XMLName           xml.Name          `json:"-"`
	InternalTenantID  string            `xml:"internal_tenant_id,omitempty" json:"internal_tenant_id,omitempty"`
	InternalRouterID  string            `xml:"internal_router_id,omitempty" json:"internal_router_id,omitempty"`
	Name              string            `xml:"name,omitempty" json:"name,omitempty"`
	ExternalTenantID  string            `xml:"external_tenant_id,omitempty" json:"external_tenant_id,omitempty"`
	TenantName        string            `xml:"tenant_name,omitempty" json:"tenant_name,omitempty"`
	ExternalRouterID  string            `xml:"external_router_id,omitempty" json:"external_router_id,omitempty"`
	AdminState        *bool             `xml:"admin_state,omitempty" json:"admin_state,omitempty"`
	ExternalNetwork   string            `xml:"external_network,omitempty" json:"external_network,omitempty"`
	Description       string            `xml:"description,omitempty" json:"description,omitempty"`
	ExternalNetworkID string            `xml:"external_network_id,omitempty" json:"external_network_id,omitempty"`
	Interface         []routerInterface `xml:"interface" json:"interface,omitempty"`
	Route             []routerRoute     `xml:"route" json:"route,omitempty"`
	EventType         string            `xml:"event_type,omitempty" json:"event_type,omitempty"`
	SnatEnable        *bool             `xml:"snat_enable,omitempty" json:"snat_enable,omitempty"`
	IsDistributed     *bool             `xml:"isdistributed,omitempty" json:"isdistributed,omitempty"`
}

// vimConnector is components/schemas/VimConnector.
type vimConnector struct {
	XMLName    xml.Name    `json:"-"`
	ID         string      `xml:"id,omitempty" json:"id,omitempty"`
	Type       string      `xml:"type,omitempty" json:"type,omitempty"`
	Properties *properties `xml:"properties,omitempty" json:"properties,omitempty"`
	EventType  string      `xml:"event_type,omitempty" json:"event_type,omitempty"`
}

type vimConnectorList struct {
	XMLName xml.Name       `xml:"vim_connectors"`
	Vims    []vimConnector `xml:"vim_connector"`
}

// defaultVim is components/schemas/DefaultVimConnector.
type defaultVim struct {
	XMLName               xml.Name `json:"-"`
	DefaultVimConnectorID string   `xml:"defaultVimConnectorId,omitempty" json:"defaultVimConnectorId,omitempty"`
	EventType             string   `xml:"event_type,omitempty" json:"event_type,omitempty"`
}

// vimUser is components/schemas/VimUser.
type vimUser struct {
	XMLName     xml.Name `json:"-"`
	Credentials *struct {
		Properties *properties `xml:"properties,omitempty" json:"properties,omitempty"`
	} `xml:"credentials,omitempty" json:"credentials,omitempty"`
	ID        string `xml:"id,omitempty" json:"id,omitempty"`
	VimID     string `xml:"vim_id,omitempty" json:"vim_id,omitempty"`
	EventType string `xml:"event_type,omitempty" json:"event_type,omitempty"`
}

// operationMode is components/schemas/OperationMode.
type operationMode struct {
	XMLName xml.Name `xml:"operationmode" json:"-"`
	Message string   `xml:"message" json:"message"`
	Mode    string   `xml:"mode" json:"mode"`
}

// configValue is the JAXB Object value of a config parameter (D36): the
// xsi/xs declarations of the document's example and an xsi:type.
type configValue struct {
	Attrs []xml.Attr `xml:",any,attr"`
	Text  string     `xml:",chardata"`
}

// configParamXML is components/schemas/EscConfigParameter.
type configParamXML struct {
	XMLName  xml.Name    `xml:"escconfigparameter"`
	Category string      `xml:"category"`
	Key      string      `xml:"key"`
	Type     string      `xml:"type"`
	Value    configValue `xml:"value"`
}

// configParamJSON is components/schemas/EscConfigParameterJson.
type configParamJSON struct {
	Category string `json:"category"`
	Key      string `json:"key"`
	Value    any    `json:"value"`
	Type     string `json:"type"`
}

// noteInterface is components/schemas/NotificationInterface. Empty elements
// are kept, as in the examples.
type noteInterface struct {
	NetworkUUID    string `xml:"network_uuid"`
	Gateway        string `xml:"gateway,omitempty"`
	IPAddress      string `xml:"ip_address"`
	MacAddress     string `xml:"mac_address"`
	Netmask        string `xml:"netmask,omitempty"`
	NicID          int    `xml:"nic_id"`
	PortForwarding string `xml:"port_forwarding"`
	PortUUID       string `xml:"port_uuid"`
	SecurityGroups string `xml:"security_groups"`
	SubnetUUID     string `xml:"subnet_uuid"`
	Type           string `xml:"type"`
}

type noteInterfaces struct {
	Interface []noteInterface `xml:"interface"`
}

// deploymentDetails is components/schemas/DeploymentDetails.
type deploymentDetails struct {
	HostUUID    string          `xml:"host_uuid"`
	HostName    string          `xml:"host_name"`
	VMUUID      string          `xml:"vm_uuid"`
	Interfaces  *noteInterfaces `xml:"interfaces,omitempty"`
	VMGroupName string          `xml:"vm_group_name"`
	VMName      string          `xml:"vm_name"`
	VMState     string          `xml:"vm_state_machine_state"`
}

// deploymentNote is components/schemas/Deployment: the <deployment>
// notification, also the body of GET /v0/deployments/{id}.
type deploymentNote struct {
	XMLName    xml.Name `json:"-"`
	Datacenter struct {
		Default bool `xml:"default"`
	} `xml:"datacenter"`
	Details              []deploymentDetails `xml:"deployment_details"`
	DeploymentName       string              `xml:"deployment_name"`
	DeploymentStage      string              `xml:"deployment_stage,omitempty"`
	ExternalDeploymentID string              `xml:"external_deployment_id"`
	ExternalTenantID     string              `xml:"external_tenant_id"`
	InternalDeploymentID string              `xml:"internal_deployment_id"`
	InternalTenantID     string              `xml:"internal_tenant_id"`
	ServiceState         string              `xml:"service_state_machine_state"`
}

// vmSource is the vm_source of an esc_event.
type vmSource struct {
	Interfaces  *noteInterfaces `xml:"interfaces,omitempty"`
	HostUUID    string          `xml:"host_uuid"`
	HostName    string          `xml:"host_name"`
	VMUUID      string          `xml:"vm_uuid"`
	VMGroupName string          `xml:"vm_group_name"`
	VMName      string          `xml:"vm_name"`
}

// escEvent is components/schemas/EscEvent.
type escEvent struct {
	XMLName              xml.Name  `json:"-"`
	DeploymentName       string    `xml:"deployment_name,omitempty"`
	EventDetails         string    `xml:"event_details"`
	EventType            string    `xml:"event_type,omitempty"`
	ExternalDeploymentID string    `xml:"external_deployment_id,omitempty"`
	ExternalTenantID     string    `xml:"external_tenant_id,omitempty"`
	InternalDeploymentID string    `xml:"internal_deployment_id,omitempty"`
	InternalTenantID     string    `xml:"internal_tenant_id,omitempty"`
	VMSource             *vmSource `xml:"vm_source,omitempty"`
}

// Operation payloads (ServiceOperation, VmOperation, MigrateVmOperation,
// RecoveryVmOperation, SnapshotVmOperation): one type reads them all.
type operationBody struct {
	XMLName               xml.Name       `json:"-"`
	Operation             string         `xml:"operation" json:"operation"`
	MigrationType         string         `xml:"migrationType" json:"migrationType"`
	Host                  string         `xml:"host" json:"host"`
	BlockMigration        string         `xml:"blockMigration" json:"blockMigration"`
	CheckVMBeforeRecovery *bool          `xml:"checkVmBeforeRecovery" json:"checkVmBeforeRecovery"`
	Name                  string         `xml:"name" json:"name"`
	ID                    string         `xml:"id" json:"id"`
	Properties            map[string]any `xml:"-" json:"properties"`
	Metadata              map[string]any `xml:"-" json:"metadata"`
}

// named sets the element name (and namespace) a value is written with.
func named(ns, local string) xml.Name { return xml.Name{Space: ns, Local: local} }

func boolp(b bool) *bool { return &b }
func intp(i int) *int    { return &i }
