@esc @tenants
Feature: Tenants (group 01)
  Tenant writes are asynchronous: ESC answers 200 with the transaction id in ESC_TRANSACTION_ID,
  then POSTs the tenant to the URL of the Callback header with ESC-Status-Code and the same
  transaction id. Internal ids are the client's: 1..72 characters of A-Z a-z 0-9 - . _, unique
  across every resource (document lines 77-83).

  Every id a scenario creates starts with ${run_id} (the run's id; in replay, the recorded one), so
  a live run deletes what it leaves behind and nothing else. An id at the 72-character limit keeps
  its length: the run id is 10 characters.

  Background:
    Given I am authenticated

  @destructive
  Scenario: Create, read, update and delete a tenant, each write confirmed by its callback
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-tnt-crud" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <name>tenant-crud</name>
          <managed_resource>true</managed_resource>
      </tenant>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "ESC_TRANSACTION_ID" should be present
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "CREATE_TENANT"
    And the callback field "/internal_tenant_id" should be "${run_id}-tnt-crud"
    And the callback field "/name" should be "tenant-crud"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/tenants/${run_id}-tnt-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/name" should be "tenant-crud"
    And the response field "/managed_resource" should be "true"
    When I send a PUT request to "/ESCManager/v0/tenants/${run_id}-tnt-crud" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <name>tenant-crud-renamed</name>
          <enabled>false</enabled>
      </tenant>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_update"
    And the completion callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "UPDATE_TENANT"
    And the callback field "/name" should be "tenant-crud-renamed"
    And the callback field "/enabled" should be "false"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "" should have an item whose "/internal_tenant_id" is "${run_id}-tnt-crud"
    When I send a DELETE request to "/ESCManager/v0/tenants/${run_id}-tnt-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "DELETE_TENANT"
    When I send a GET request to "/ESCManager/v0/tenants/${run_id}-tnt-crud"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: Create a tenant with a JSON body and read it back as JSON
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-tnt-json" with body:
      """json
      {"name": "tenant-json", "enabled": true, "managed_resource": false}
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "CREATE_TENANT"
    Given the request header "Accept" is "application/json"
    When I send a GET request to "/ESCManager/v0/tenants/${run_id}-tnt-json"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "^application/json"
    And the response field "/internal_tenant_id" should be "${run_id}-tnt-json"
    And the response field "/managed_resource" should be "false"
    Given the request header "Accept" is "application/json"
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: A tenant picked from the list is readable by its id, as listed
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And the response should conform to the contract
    And I save "/internal_tenant_id" of the first item of "" whose "/enabled" is "true" as "tenant"
    And I save "/name" of the first item of "" whose "/internal_tenant_id" is "${tenant}" as "tenant_name"
    When I send a GET request to "/ESCManager/v0/tenants/${tenant}"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/internal_tenant_id" should be "${tenant}"
    And the response field "/name" should be "${tenant_name}"
    And the response field "/enabled" should be "true"

  @destructive
  Scenario: A tenant id longer than 72 characters is refused
    When I send a POST request to "/ESCManager/v0/tenants/tnt-73-012345678901234567890123456789012345678901234567890123456789012345" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>too-long</name></tenant>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A tenant id of exactly 72 characters is accepted
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-4567890123456789012345678901234567890123456789012345678901234" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>seventy-two</name></tenant>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/internal_tenant_id" should be "${run_id}-4567890123456789012345678901234567890123456789012345678901234"

  @destructive
  Scenario: A tenant id with a tilde is refused although RFC 3986 calls it unreserved
    When I send a POST request to "/ESCManager/v0/tenants/tnt~tilde" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>tilde</name></tenant>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A tenant id with a reserved character is refused
    When I send a POST request to "/ESCManager/v0/tenants/tnt@at" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>at-sign</name></tenant>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A tenant name longer than 64 characters is refused
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-tnt-longname" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>name-of-sixty-five-characters-01234567890123456789012345678901234</name></tenant>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A tenant body with the wrong root element is refused
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-tnt-wrongroot" with body:
      """xml
      <network><name>not-a-tenant</name></network>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A Callback header that is not an absolute URL is refused
    Given the request header "Callback" is "not-a-url"
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-tnt-badcallback" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>bad-callback</name></tenant>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Creating a tenant twice under the same id is a conflict
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-tnt-twice" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>first</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-tnt-twice" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>second</name></tenant>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: A tenant id already used by an image is a conflict
    When I send a POST request to "/ESCManager/v0/images/${run_id}-shared-id-image" with body:
      """xml
      <image xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <name>${run_id}-shared-id-image</name>
          <src>http://files.example/cirros.qcow2</src>
          <disk_bus>virtio</disk_bus>
      </image>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-shared-id-image" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>clash</name></tenant>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: Reading, updating and deleting a tenant that does not exist
    When I send a GET request to "/ESCManager/v0/tenants/tnt-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/v0/tenants/tnt-nosuch" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>nosuch</name></tenant>
      """
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/tenants/tnt-nosuch"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: Reading a tenant under an id that breaks the id rule is a 404
    When I send a GET request to "/ESCManager/v0/tenants/tnt~nosuch"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A tenant that still holds a network cannot be deleted
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-tnt-busy" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>busy</name></tenant>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/${run_id}-tnt-busy/networks/${run_id}-tnt-busy-net" with body:
      """xml
      <network><name>busy-net</name></network>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/tenants/${run_id}-tnt-busy"
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: The system tenant cannot be deleted
    Images belong to the system tenant (document lines 670-694): an image made for the scenario
    tells which tenant that is.
    When I send a POST request to "/ESCManager/v0/images/${run_id}-tnt-sysimg" with body:
      """xml
      <image xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <name>${run_id}-tnt-sysimg</name>
          <src>http://files.example/share/cirros.qcow2</src>
      </image>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    And I save the callback field "/internal_tenant_id" as "system_tenant"
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And the response field "" should have an item whose "/internal_tenant_id" is "${system_tenant}"
    When I send a DELETE request to "/ESCManager/v0/tenants/${system_tenant}"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/tenants/${system_tenant}"
    Then the response status should be 200

  @destructive
  Scenario: An update with a tenant name longer than 64 characters is refused
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-tnt-longupd" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>long-update</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    When I send a PUT request to "/ESCManager/v0/tenants/${run_id}-tnt-longupd" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>name-of-sixty-five-characters-01234567890123456789012345678901234</name></tenant>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/tenants/${run_id}-tnt-longupd"
    Then the response status should be 200
    And the response field "/name" should be "long-update"
