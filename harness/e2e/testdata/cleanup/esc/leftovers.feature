Feature: A scenario that fails after creating tenants
  The harness must delete the tenant named after the run id, and must keep the other one.

  Scenario: Create two tenants, then fail
    Given I am authenticated
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-left" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>left</name></tenant>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/tenants/keep-unowned" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>keep</name></tenant>
      """
    Then the response status should be 200
    And the response status should be 418
