@esc @mappings
Feature: Dynamic mappings (group 17)
  Dynamic mapping actions and metrics are synchronous. CORE mappings (those the document's
  datamodel uses, such as "ALWAYS log" and ICMPPing) cannot be deleted. Deleting "all" removes
  every non-CORE mapping, so each kind is created and deleted in one scenario only; the mappings a
  scenario creates are named after the run id.

  Background:
    Given I am authenticated

  @destructive
  Scenario: Create, read, list and delete dynamic mapping actions
    When I send a POST request to "/ESCManager/v0/dynamic_mapping/actions" with body:
      """xml
      <actions>
          <action><name>TRUE ${run_id}-scale-out.sh</name><type>SCRIPT</type></action>
          <action><name>TRUE ${run_id}-scale-in.sh</name><type>SCRIPT</type></action>
      </actions>
      """
    Then the response status should be 200
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/actions/TRUE%20${run_id}-scale-out.sh"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/type" should be "SCRIPT"
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/actions"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "TRUE ${run_id}-scale-in.sh"
    When I send a DELETE request to "/ESCManager/v0/dynamic_mapping/actions/TRUE%20${run_id}-scale-out.sh"
    Then the response status should be 200
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/actions/TRUE%20${run_id}-scale-out.sh"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/dynamic_mapping/actions"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "TRUE ${run_id}-scale-in.sh"
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/actions/TRUE%20${run_id}-scale-in.sh"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: Create, read, list and delete dynamic mapping metrics
    When I send a POST request to "/ESCManager/v0/dynamic_mapping/metrics" with body:
      """xml
      <metrics>
          <metric><name>${run_id}_DISK_FREE</name><type>SNMPGet</type></metric>
          <metric><name>${run_id}_SESSIONS</name><type>SNMPGet</type></metric>
      </metrics>
      """
    Then the response status should be 200
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/metrics/${run_id}_DISK_FREE"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/type" should be "SNMPGet"
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/metrics"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "${run_id}_SESSIONS"
    When I send a DELETE request to "/ESCManager/v0/dynamic_mapping/metrics/${run_id}_DISK_FREE"
    Then the response status should be 200
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/dynamic_mapping/metrics"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "${run_id}_SESSIONS"
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/metrics/${run_id}_SESSIONS"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: CORE mappings cannot be deleted or created again
    When I send a DELETE request to "/ESCManager/v0/dynamic_mapping/actions/ALWAYS%20log"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/dynamic_mapping/metrics/ICMPPing"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/dynamic_mapping/actions" with body:
      """xml
      <actions><action><name>ALWAYS log</name><type>ESC_POST_EVENT</type></action></actions>
      """
    Then the response status should be 409
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/dynamic_mapping/metrics" with body:
      """xml
      <metrics><metric><name>ICMPPing</name><type>ICMPPing</type></metric></metrics>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: Mapping definitions and names that are refused
    When I send a POST request to "/ESCManager/v0/dynamic_mapping/actions" with body:
      """xml
      <actions/>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/dynamic_mapping/metrics" with body:
      """xml
      <metrics><metric><type>SNMPGet</type></metric></metrics>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/actions/%20padded"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/metrics/%20padded"
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Mappings that do not exist
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/actions/NO_SUCH_ACTION"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/dynamic_mapping/actions/NO_SUCH_ACTION"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/metrics/NO_SUCH_METRIC"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/dynamic_mapping/metrics/NO_SUCH_METRIC"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: A CORE action the document's datamodel uses is readable
    When I send a GET request to "/ESCManager/v0/dynamic_mapping/actions/TRUE%20esc_vm_alive_notification"
    Then the response status should be 200
    And the response should conform to the contract
