@esc @auth
Feature: HTTP Basic authentication (document lines 87-135)
  When REST authentication is enabled, every request needs the REST user's credentials; without
  them ESC answers 401 with a Basic challenge (DEFECTS.md D55: 401 added to every operation).

  Scenario: Listing tenants without credentials is refused
    Given I am not authenticated
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 401
    And the response should conform to the contract
    And the response header "WWW-Authenticate" should match "^Basic realm="

  @destructive
  Scenario: An asynchronous write without credentials is refused before anything changes
    Given I am not authenticated
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-auth-none" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-auth-none</name></tenant>
      """
    Then the response status should be 401
    And the response should conform to the contract
    Given I am authenticated
    When I send a GET request to "/ESCManager/v0/tenants/${run_id}-auth-none"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A deployment without credentials is refused
    Given I am not authenticated
    When I send a DELETE request to "/ESCManager/v0/deployments/auth-none-dep"
    Then the response status should be 401
    And the response should conform to the contract

  @destructive
  Scenario: Host actions and synchronous operations without credentials are refused
    Given I am not authenticated
    When I send a POST request to "/ESCManager/v0/hosts/${run_id}-host/disable"
    Then the response status should be 401
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/internal/ssl/reload"
    Then the response status should be 401
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/config"
    Then the response status should be 401
    And the response should conform to the contract

  Scenario: A wrong password is refused
    Given the request header "Authorization" is "Basic YWRtaW46bm90LXRoZS1wYXNzd29yZA=="
    When I send a GET request to "/ESCManager/v0/operationmode"
    Then the response status should be 401
    And the response should conform to the contract

  Scenario: The REST user's credentials are accepted
    Given I am authenticated
    When I send a GET request to "/ESCManager/v0/operationmode"
    Then the response status should be 200
    And the response should conform to the contract
