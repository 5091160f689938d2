Feature: A run interrupted while a scenario waits
  Scenario: Create a tenant, then wait for longer than the run lasts
    Given I am authenticated
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-interrupted" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>interrupted</name></tenant>
      """
    Then the response status should be 200
    And I wait 60 seconds

  Scenario: Never started once the run is interrupted
    Given I am authenticated
    When I send a GET request to "/ESCManager/v0/tenants"
