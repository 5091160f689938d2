@esc @networks
Feature: Networks and subnets (groups 02 and 03)
  Networks and subnets live under a tenant. Their writes are confirmed by a callback carrying the
  resource with its event_type. Every scenario creates its own tenant.

  Background:
    Given I am authenticated

  @destructive
  Scenario: Create a network and a subnet, read and list them, then delete both with callbacks
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-net-crud-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>net-crud</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback should conform to the contract
    When I send a POST request to "/ESCManager/v0/${run_id}-net-crud-tenant/networks/${run_id}-net-crud-net" with body:
      """xml
      <network>
          <name>mgmt-net</name>
          <shared>false</shared>
          <admin_state_up>true</admin_state_up>
      </network>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_net"
    And the completion callback for transaction "${tx_net}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "CREATE_NETWORK"
    And the callback field "/internal_network_id" should be "${run_id}-net-crud-net"
    And the callback field "/internal_tenant_id" should be "${run_id}-net-crud-tenant"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/${run_id}-net-crud-tenant/networks/${run_id}-net-crud-net"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/name" should be "mgmt-net"
    When I send a POST request to "/ESCManager/v0/${run_id}-net-crud-tenant/subnets/${run_id}-net-crud-sub" with body:
      """xml
      <subnet>
          <name>mgmt-subnet</name>
          <internal_network_id>${run_id}-net-crud-net</internal_network_id>
          <cidr>10.0.0.0/24</cidr>
          <gateway_ip>10.0.0.1</gateway_ip>
          <ip_version>4</ip_version>
      </subnet>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_sub"
    And the completion callback for transaction "${tx_sub}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "CREATE_SUBNET"
    And the callback field "/internal_network_id" should be "${run_id}-net-crud-net"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/${run_id}-net-crud-tenant/subnets/${run_id}-net-crud-sub"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/cidr" should be "10.0.0.0/24"
    When I send a GET request to "/ESCManager/v0/${run_id}-net-crud-tenant/networks"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "${run_id}-net-crud-net"
    Given the request header "internalNetworkId" is "${run_id}-net-crud-net"
    When I send a GET request to "/ESCManager/v0/${run_id}-net-crud-tenant/subnets"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "${run_id}-net-crud-sub"
    When I send a DELETE request to "/ESCManager/v0/${run_id}-net-crud-tenant/subnets/${run_id}-net-crud-sub"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_sub_delete"
    And the completion callback for transaction "${tx_sub_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "DELETE_SUBNET"
    When I send a DELETE request to "/ESCManager/v0/${run_id}-net-crud-tenant/networks/${run_id}-net-crud-net"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_net_delete"
    And the completion callback for transaction "${tx_net_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "DELETE_NETWORK"
    When I send a GET request to "/ESCManager/v0/${run_id}-net-crud-tenant/networks/${run_id}-net-crud-net"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/tenants/${run_id}-net-crud-tenant"
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant_delete"
    And the completion callback for transaction "${tx_tenant_delete}" should arrive within 10 seconds
    And the callback should conform to the contract

  @destructive
  Scenario: Create a network with a JSON body
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-net-json-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>net-json</name></tenant>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-net-json-tenant/networks/${run_id}-net-json-net" with body:
      """json
      {"name": "json-net", "shared": true, "provider_network_type": "vlan", "vlan_id": 101}
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/vlan_id" should be "101"
    Given the request header "Accept" is "application/json"
    When I send a GET request to "/ESCManager/v0/${run_id}-net-json-tenant/networks/${run_id}-net-json-net"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/shared" should be "true"

  @destructive
  Scenario: Deleting a network deletes its subnets
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-net-cascade-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>net-cascade</name></tenant>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-net-cascade-tenant/networks/${run_id}-net-cascade-net" with body:
      """xml
      <network><name>cascade-net</name></network>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-net-cascade-tenant/subnets/${run_id}-net-cascade-sub" with body:
      """xml
      <subnet><name>cascade-sub</name><internal_network_id>${run_id}-net-cascade-net</internal_network_id><cidr>10.1.0.0/24</cidr></subnet>
      """
    Then the response status should be 200
    When I send a DELETE request to "/ESCManager/v0/${run_id}-net-cascade-tenant/networks/${run_id}-net-cascade-net"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    When I send a GET request to "/ESCManager/v0/${run_id}-net-cascade-tenant/subnets/${run_id}-net-cascade-sub"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A network under a tenant that does not exist
    When I send a POST request to "/ESCManager/v0/net-nosuch-tenant/networks/${run_id}-net-orphan" with body:
      """xml
      <network><name>orphan</name></network>
      """
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A network id already used by a tenant is a conflict
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-net-clash-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>net-clash</name></tenant>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-net-clash-tenant/networks/${run_id}-net-clash-tenant" with body:
      """xml
      <network><name>clash</name></network>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: Network ids that break the id rule are refused
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a POST request to "/ESCManager/v0/${tenant}/networks/net!bang" with body:
      """xml
      <network><name>bang</name></network>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/${tenant}/networks/net-73-012345678901234567890123456789012345678901234567890123456789012345" with body:
      """xml
      <network><name>too-long</name></network>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A network without a name is refused
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a POST request to "/ESCManager/v0/${tenant}/networks/${run_id}-net-noname" with body:
      """xml
      <network><shared>false</shared></network>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Reading and deleting a network that does not exist
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a GET request to "/ESCManager/v0/${tenant}/networks/net-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/${tenant}/networks/net-nosuch"
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A subnet in a network that does not exist
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a POST request to "/ESCManager/v0/${tenant}/subnets/${run_id}-sub-orphan" with body:
      """xml
      <subnet><name>orphan</name><internal_network_id>net-nosuch</internal_network_id><cidr>10.9.0.0/24</cidr></subnet>
      """
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A subnet without a cidr is refused
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a POST request to "/ESCManager/v0/${tenant}/subnets/${run_id}-sub-nocidr" with body:
      """xml
      <subnet><name>nocidr</name><internal_network_id>net-nosuch</internal_network_id></subnet>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A subnet id already used by its network is a conflict
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-sub-clash-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>sub-clash</name></tenant>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-sub-clash-tenant/networks/${run_id}-sub-clash-net" with body:
      """xml
      <network><name>clash-net</name></network>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-sub-clash-tenant/subnets/${run_id}-sub-clash-net" with body:
      """xml
      <subnet><name>clash-sub</name><internal_network_id>${run_id}-sub-clash-net</internal_network_id><cidr>10.2.0.0/24</cidr></subnet>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: Reading, listing and deleting subnets that do not exist
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a GET request to "/ESCManager/v0/${tenant}/subnets/sub-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/${tenant}/subnets/sub-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/sub-nosuch-tenant/subnets"
    Then the response status should be 404
    And the response should conform to the contract
    Given the request header "internalNetworkId" is "net-nosuch"
    When I send a GET request to "/ESCManager/v0/${tenant}/subnets"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: The subnets of a tenant without networks
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-sub-empty-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-sub-empty-tenant</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a GET request to "/ESCManager/v0/${run_id}-sub-empty-tenant/subnets"
    Then the response status should be 200
    And the response should conform to the contract
