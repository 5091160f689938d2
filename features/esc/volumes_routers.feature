@esc @volumes @routers
Feature: Volumes and routers (groups 10 and 19)
  Volumes and routers live under a tenant; their writes are confirmed by a callback carrying the
  resource. Router PUT documents 200 and 204 (lines 3093-3094) and ties neither to a request:
  either is accepted, the contract step refuses any other.

  Background:
    Given I am authenticated

  @destructive
  Scenario: Create, read, list and delete a volume with callbacks
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-vol-crud-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-vol-crud</name></tenant>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-vol-crud-tenant/volumes/${run_id}-vol-crud" with body:
      """xml
      <volume>
          <name>data-volume</name>
          <size>2</size>
          <sizeunit>GiB</sizeunit>
          <bus>virtio</bus>
          <type>lvm</type>
      </volume>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "CREATE_VOLUME"
    And the callback field "/internal_volume_id" should be "${run_id}-vol-crud"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/${run_id}-vol-crud-tenant/volumes/${run_id}-vol-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/size" should be "2"
    When I send a GET request to "/ESCManager/v0/${run_id}-vol-crud-tenant/volumes"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "${run_id}-vol-crud"
    When I send a DELETE request to "/ESCManager/v0/${run_id}-vol-crud-tenant/volumes/${run_id}-vol-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "DELETE_VOLUME"
    When I send a GET request to "/ESCManager/v0/${run_id}-vol-crud-tenant/volumes/${run_id}-vol-crud"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: Create a volume with a JSON body
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-vol-json-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-vol-json</name></tenant>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-vol-json-tenant/volumes/${run_id}-vol-json" with body:
      """json
      {"name": "json-volume", "size": "1", "sizeunit": "GiB", "bus": "ide", "type": "lvm"}
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/bus" should be "ide"

  @destructive
  Scenario: A volume under a tenant that does not exist
    When I send a POST request to "/ESCManager/v0/vol-nosuch-tenant/volumes/${run_id}-vol-orphan" with body:
      """xml
      <volume><name>orphan</name><size>1</size><sizeunit>GiB</sizeunit></volume>
      """
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A volume without a name is refused
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a POST request to "/ESCManager/v0/${tenant}/volumes/${run_id}-vol-noname" with body:
      """xml
      <volume><size>1</size><sizeunit>GiB</sizeunit></volume>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A volume id already used by a tenant is a conflict
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a POST request to "/ESCManager/v0/${tenant}/volumes/${tenant}" with body:
      """xml
      <volume><name>clash</name><size>1</size><sizeunit>GiB</sizeunit></volume>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: Reading and deleting a volume that does not exist
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a GET request to "/ESCManager/v0/${tenant}/volumes/vol-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/${tenant}/volumes/vol-nosuch"
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Create, update and delete a router with callbacks
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-rtr-crud-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-rtr-crud</name></tenant>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-rtr-crud-tenant/routers/${run_id}-rtr-crud" with body:
      """xml
      <router>
          <name>edge-router</name>
          <admin_state>true</admin_state>
          <interface><subnetId>rtr-crud-sub</subnetId></interface>
      </router>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "CREATE_ROUTER"
    And the callback field "/internal_router_id" should be "${run_id}-rtr-crud"
    When I send a PUT request to "/ESCManager/v0/${run_id}-rtr-crud-tenant/routers/${run_id}-rtr-crud" with body:
      """xml
      <router>
          <description>edge router of the crud tenant</description>
          <route><destination>0.0.0.0/0</destination><next_hop>10.0.0.254</next_hop></route>
      </router>
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_update"
    And the completion callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "UPDATE_ROUTER"
    And the callback field "/description" should be "edge router of the crud tenant"
    When I send a DELETE request to "/ESCManager/v0/${run_id}-rtr-crud-tenant/routers/${run_id}-rtr-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "DELETE_ROUTER"

  @destructive
  Scenario: A router under a tenant that does not exist
    When I send a POST request to "/ESCManager/v0/rtr-nosuch-tenant/routers/${run_id}-rtr-orphan" with body:
      """xml
      <router><name>orphan</name></router>
      """
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A router id already used by another router is a conflict
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-rtr-twice-tenant" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-rtr-twice-tenant</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/${run_id}-rtr-twice-tenant/routers/${run_id}-rtr-twice" with body:
      """xml
      <router><name>twice</name></router>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-rtr-twice-tenant/routers/${run_id}-rtr-twice" with body:
      """xml
      <router><name>twice</name></router>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: A router id with a forbidden character is refused
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a POST request to "/ESCManager/v0/${tenant}/routers/rtr:colon" with body:
      """xml
      <router><name>colon</name></router>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Updating and deleting a router that does not exist
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    When I send a PUT request to "/ESCManager/v0/${tenant}/routers/rtr-nosuch" with body:
      """xml
      <router><description>nothing</description></router>
      """
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/${tenant}/routers/rtr-nosuch"
    Then the response status should be 400
    And the response should conform to the contract
