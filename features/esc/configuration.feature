@esc @config
Feature: Configuration parameters, operation mode, system states and the truststore (groups 09, 11, 15, SSL)
  These operations are synchronous (DEFECTS.md D51): they answer the result at once, with no
  callback. Scenarios change only keys they created, or put back what they changed.

  Background:
    Given I am authenticated

  @destructive
  Scenario: Create a configuration key, read it, change it and list it
    Given the request header "Accept" is "application/xml"
    When I send a POST request to "/ESCManager/v0/config/cctest/create_key" with body:
      """text
      first-value
      """
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/category" should be "CCTEST"
    And the response field "/key" should be "CREATE_KEY"
    And the response field "/value/text" should be "first-value"
    And reading back the last write should show the fields it sent
    Given the request header "Accept" is "application/json"
    When I send a GET request to "/ESCManager/v0/config/cctest/create_key"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "^application/json"
    And the response field "/value" should be "first-value"
    Given the request header "Accept" is "application/xml"
    When I send a PUT request to "/ESCManager/v0/config/cctest/create_key/second-value"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/value/text" should be "second-value"
    When I send a GET request to "/ESCManager/v0/config/cctest"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "second-value"
    When I send a GET request to "/ESCManager/v0/config"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "CREATE_KEY"

  Scenario: Read a seeded configuration parameter as XML and as JSON
    When I send a GET request to "/ESCManager/v0/config/default/vm_recovery_attempts_max"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/type" should be "INT"
    Given the request header "Accept" is "application/json"
    When I send a GET request to "/ESCManager/v0/config/DEFAULT/VM_RECOVERY_ATTEMPTS_MAX"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/category" should be "DEFAULT"

  @destructive
  Scenario: A configuration value outside the parameter's type is refused
    When I send a PUT request to "/ESCManager/v0/config/DEFAULT/VM_RECOVERY_ATTEMPTS_MAX/many"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/v0/config/LOG/LEVEL/LOUD"
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Configuration categories and keys that do not exist
    When I send a GET request to "/ESCManager/v0/config/NOSUCHCATEGORY"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/config/LOG/NOSUCHKEY"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/v0/config/LOG/NOSUCHKEY/DEBUG"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: Configuration names with forbidden characters are refused
    When I send a GET request to "/ESCManager/v0/config/bad!category"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/config/LOG/bad!key"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/v0/config/bad!category/key/value"
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Switch ESC to maintenance mode and back
    When I send a GET request to "/ESCManager/v0/operationmode"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/mode" should be "OPERATION"
    When I send a POST request to "/ESCManager/v0/operationmode/MAINTENANCE"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/mode" should be "MAINTENANCE"
    When I send a GET request to "/ESCManager/v0/operationmode"
    Then the response status should be 200
    And the response field "/mode" should be "MAINTENANCE"
    When I send a POST request to "/ESCManager/v0/operationmode/OPERATION"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/mode" should be "OPERATION"

  @destructive
  Scenario: An unknown operation mode leaves the mode unchanged
    When I send a POST request to "/ESCManager/v0/operationmode/HOLIDAY"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/message" should match "mode unchanged"
    And the response field "/mode" should exist
    Given the request header "Accept" is "application/json"
    When I send a GET request to "/ESCManager/v0/operationmode"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/mode" should exist

  @destructive @fixture:system_state
  Scenario: Read and reset a system state
    The document names no system state and lists none: the name is the fixture ${system_state}.
    When I send a GET request to "/ESCManager/v0/systemstate/${system_state}"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/name" should be "${system_state}"
    And the response field "/state" should exist
    When I send a POST request to "/ESCManager/v0/systemstate/${system_state}/reset"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/name" should be "${system_state}"
    And I save the response field "/state" as "state_reset"
    When I send a GET request to "/ESCManager/v0/systemstate/${system_state}"
    Then the response status should be 200
    And the response field "/state" should be "${state_reset}"

  @destructive
  Scenario: A system state that does not exist
    When I send a GET request to "/ESCManager/v0/systemstate/NO_SUCH_STATE"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/systemstate/NO_SUCH_STATE/reset"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: Reload the truststore
    When I send a PUT request to "/ESCManager/internal/ssl/reload"
    Then the response status should be 204
    And the response should conform to the contract
