@esc @hosts
Feature: Host actions (group 12)
  Disabling and enabling a host takes only a Callback-ESC-Events header (written "Callback-
  ESC-Events" by the document, lines 2267 and 2287); the result comes as an <esc_event> to that URL.
  The operations document only a default response. ESC documents no list of hosts: a host is the
  one ESC placed a VM on, read from the deployment (deployment_details/host_name), so the scenario
  deploys first under its own tenant, and enables the host again before it ends.

  Background:
    Given I am authenticated

  @destructive @slow @fixture:image
  Scenario: Disable and enable a host, each confirmed by an event notification
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-host-tnt" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-host-tnt</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-host-dep" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-host-tnt</name><deployments><deployment>
          <name>${run_id}-host-dep</name>
          <vm_group><name>host-probe</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_deploy"
    And the "Callback" callbacks for transaction "${tx_deploy}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-host-dep"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response field "/deployment_details/host_name" as "host"
    When I send a GET request to "/ESCManager/v0/hosts/${host}/status"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/name" should be "${host}"
    And the response field "/status" should be "ENABLED"
    When I send a POST request to "/ESCManager/v0/hosts/${host}/disable"
    Then the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_disable"
    And a "Callback-ESC-Events" callback for transaction "${tx_disable}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "SERVICE_UPDATED"
    And the callback field "/event_details" should be "host ${host} disabled"
    When I send a GET request to "/ESCManager/v0/hosts/${host}/status"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/status" should be "DISABLED"
    When I send a POST request to "/ESCManager/v0/hosts/${host}/enable"
    Then the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_enable"
    And the completion callback for transaction "${tx_enable}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_details" should be "host ${host} enabled"
    When I send a GET request to "/ESCManager/v0/hosts/${host}/status"
    Then the response status should be 200
    And the response field "/status" should be "ENABLED"

  Scenario: The status of a host ESC does not know
    Given the request header "Client-Transaction-Id" is "host-status-unknown"
    When I send a GET request to "/ESCManager/v0/hosts/no-such-host/status"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/status" should be "UNKNOWN"

  @destructive
  Scenario: Disabling a host ESC does not know
    When I send a POST request to "/ESCManager/v0/hosts/no-such-host/disable"
    Then the response status should be 404
    And the response should conform to the contract
