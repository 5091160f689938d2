@ukcloud
Feature: Support calls (My Calls)
  Tickets of the user and of the account, notes, subscriptions, and the ticket life cycle.
  Scenarios that change a ticket's state each act on their own seeded ticket, so they do not
  depend on each other's order; run them against a fresh simulator (or provide such tickets).

  Background:
    Given I am authenticated

  Scenario: List the user's tickets
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/0/ticket_id" should exist

  Scenario: List the account's tickets
    When I send a GET request to "/api/my_calls?for=account"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Tickets need a session
    Given I am not authenticated
    When I send a GET request to "/api/my_calls"
    Then the response status should be 401
    And the response should conform to the contract

  Scenario: One ticket with its updates and changes
    When I send a GET request to "/api/my_calls/INC10001?for=user"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/ticket" should exist
    And the response field "/updates" should exist
    And the response field "/changes" should exist

  Scenario: A ticket that does not exist
    When I send a GET request to "/api/my_calls/INC99999"
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: Raise an incident
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Production Service > unavailable or unresponsive", "summary": "${run_id}: My Incident", "further_details": "My further details"}}
      """
    Then the response status should be 201
    And the response should conform to the contract

  Scenario: Raise a service request
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"service": {"problem_area": "storage", "service": "My Service", "query_nature": "Change a Configuration", "summary": "${run_id}: My Request", "further_details": "My further details"}}
      """
    Then the response status should be 201
    And the response should conform to the contract

  Scenario: An incident with an undocumented problem area cannot be saved
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "kitchen", "service": "My Service", "classification": "Other incident", "summary": "s", "further_details": "d"}}
      """
    Then the response status should be 422
    And the response should conform to the contract

  Scenario: A ticket body without incident or service
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"summary": "nothing else"}
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: Add a note to a ticket
    When I send a PUT request to "/api/my_calls/INC10001" with body:
      """json
      {"description": "My new update"}
      """
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "My new update"

  Scenario: A note on a ticket that does not exist
    When I send a PUT request to "/api/my_calls/INC99999" with body:
      """json
      {"description": "My new update"}
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: A note on a closed ticket cannot be saved
    When I send a PUT request to "/api/my_calls/INC1002185" with body:
      """json
      {"description": "Too late"}
      """
    Then the response status should be 422
    And the response should conform to the contract

  Scenario: Subscribe a colleague, then unsubscribe them
    When I send a PUT request to "/api/my_calls/INC10001/subscribe" with body:
      """json
      {"email": "jane.doe@example.com"}
      """
    Then the response status should be 200
    And the response should conform to the contract
    When I send a PUT request to "/api/my_calls/INC10001/unsubscribe" with body:
      """json
      {"email": "jane.doe@example.com"}
      """
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Subscribe someone outside the account
    When I send a PUT request to "/api/my_calls/INC10001/subscribe" with body:
      """json
      {"email": "stranger@example.org"}
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: Change the owner of a ticket
    When I send a PUT request to "/api/my_calls/INC10003/change_owner" with body:
      """json
      {"email": "ops.team@example.com"}
      """
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Reopen a resolved ticket
    When I send a PUT request to "/api/my_calls/INC1002184/reopen"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Close a resolved ticket
    When I send a PUT request to "/api/my_calls/INC1002186/close"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Cancel a ticket in progress
    When I send a PUT request to "/api/my_calls/INC10002/cancel"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: A ticket awaiting review cannot be cancelled yet
    When I send a PUT request to "/api/my_calls/INC1002183/cancel"
    Then the response status should be 422
    And the response should conform to the contract

  Scenario: A closed ticket cannot be reopened
    When I send a PUT request to "/api/my_calls/INC1002185/reopen"
    Then the response status should be 422
    And the response should conform to the contract

  Scenario: A closed ticket cannot be closed again
    When I send a PUT request to "/api/my_calls/INC1002185/close"
    Then the response status should be 422
    And the response should conform to the contract
