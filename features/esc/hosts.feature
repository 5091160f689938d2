@esc @hosts
Feature: Host actions (group 12)
  Disabling and enabling a host takes only a Callback-ESC-Events header (written "Callback-
  ESC-Events" by the document, lines 2267 and 2287); the result comes as an <esc_event> to that URL.
  The operations document only a default response. my-ucs-3 is the host of the document's
  notifications; only this feature disables it, and two other hosts stay enabled for deployments.

  Background:
    Given I am authenticated

  Scenario: Disable and enable a host, each confirmed by an event notification
    When I send a GET request to "/ESCManager/v0/hosts/my-ucs-3/status"
    Then the response status should be 200
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/hosts/my-ucs-3/disable"
    Then the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_disable"
    And a "Callback-ESC-Events" callback for transaction "${tx_disable}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "SERVICE_UPDATED"
    And the callback field "/event_details" should be "host my-ucs-3 disabled"
    When I send a GET request to "/ESCManager/v0/hosts/my-ucs-3/status"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/status" should be "DISABLED"
    When I send a POST request to "/ESCManager/v0/hosts/my-ucs-3/enable"
    Then the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_enable"
    And the completion callback for transaction "${tx_enable}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_details" should be "host my-ucs-3 enabled"
    When I send a GET request to "/ESCManager/v0/hosts/my-ucs-3/status"
    Then the response status should be 200
    And the response field "/status" should be "ENABLED"

  Scenario: The status of a host ESC does not know
    Given the request header "Client-Transaction-Id" is "host-status-unknown"
    When I send a GET request to "/ESCManager/v0/hosts/no-such-host/status"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/status" should be "UNKNOWN"

  Scenario: Disabling a host ESC does not know
    When I send a POST request to "/ESCManager/v0/hosts/no-such-host/disable"
    Then the response status should be 404
    And the response should conform to the contract
