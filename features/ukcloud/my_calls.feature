@ukcloud
Feature: Support calls (My Calls)
  Tickets of the user and of the account, notes, subscriptions, and the ticket life cycle. A
  scenario that changes a ticket raises its own, its summary starting with ${run_id}, and finds it
  in the user's list by that summary; it is left for a person to remove (the document has no
  delete). A new ticket awaits review by a Customer Support Engineer, who then works it (In
  Progress) and resolves it (Resolved): the scenarios that need those states wait for them.
  Refused changes to a closed ticket are tried on a closed ticket of the user's list.

  Background:
    Given I am authenticated

  @destructive
  Scenario: List the user's tickets
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: listed", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/" should have an item whose "/summary" is "${run_id}: listed"

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
    When I send a GET request to "/api/my_calls?for=account"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" as "ticket"
    When I send a GET request to "/api/my_calls/${ticket}?for=account"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/ticket" should exist
    And the response field "/updates" should exist
    And the response field "/changes" should exist

  Scenario: A ticket that does not exist
    When I send a GET request to "/api/my_calls/INC99999"
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Raise an incident
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Production Service > unavailable or unresponsive", "summary": "${run_id}: My Incident", "further_details": "My further details"}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    And reading back the last write should show the fields it sent

  @destructive
  Scenario: Raise a service request
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"service": {"problem_area": "storage", "service": "My Service", "query_nature": "Change a Configuration", "summary": "${run_id}: My Request", "further_details": "My further details"}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    And reading back the last write should show the fields it sent

  @destructive
  Scenario: An incident with an undocumented problem area cannot be saved
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "kitchen", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: kitchen", "further_details": "d"}}
      """
    Then the response status should be 422
    And the response should conform to the contract

  @destructive
  Scenario: A ticket body without incident or service
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"summary": "${run_id}: nothing else"}
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Add a note to a ticket
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: note", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: note" as "ticket"
    When I send a PUT request to "/api/my_calls/${ticket}" with body:
      """json
      {"description": "My new update"}
      """
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "My new update"

  @destructive
  Scenario: A note on a ticket that does not exist
    When I send a PUT request to "/api/my_calls/INC99999" with body:
      """json
      {"description": "My new update"}
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A note on a closed ticket cannot be saved
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/status" is "Closed" as "closed"
    When I send a PUT request to "/api/my_calls/${closed}" with body:
      """json
      {"description": "Too late"}
      """
    Then the response status should be 422
    And the response should conform to the contract

  @destructive @fixture:colleague_email
  Scenario: Subscribe a colleague, then unsubscribe them
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: subscribe", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: subscribe" as "ticket"
    When I send a PUT request to "/api/my_calls/${ticket}/subscribe" with body:
      """json
      {"email": "${colleague_email}"}
      """
    Then the response status should be 200
    And the response should conform to the contract
    When I send a PUT request to "/api/my_calls/${ticket}/unsubscribe" with body:
      """json
      {"email": "${colleague_email}"}
      """
    Then the response status should be 200
    And the response should conform to the contract

  @destructive
  Scenario: Subscribe someone outside the account
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: stranger", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: stranger" as "ticket"
    When I send a PUT request to "/api/my_calls/${ticket}/subscribe" with body:
      """json
      {"email": "stranger@example.org"}
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive @slow @fixture:colleague_email
  Scenario: Change the owner of a ticket
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: change owner", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: change owner" as "ticket"
    When I poll GET "/api/my_calls/${ticket}?for=user" until the response field "/ticket/status" is "In Progress" within 5 attempts
    And I send a PUT request to "/api/my_calls/${ticket}/change_owner" with body:
      """json
      {"email": "${colleague_email}"}
      """
    Then the response status should be 200
    And the response should conform to the contract

  @destructive @slow
  Scenario: Reopen a resolved ticket
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: reopen", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: reopen" as "ticket"
    When I poll GET "/api/my_calls/${ticket}?for=user" until the response field "/ticket/status" is "Resolved" within 5 attempts
    And I send a PUT request to "/api/my_calls/${ticket}/reopen"
    Then the response status should be 200
    And the response should conform to the contract

  @destructive @slow
  Scenario: Close a resolved ticket
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: close", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: close" as "ticket"
    When I poll GET "/api/my_calls/${ticket}?for=user" until the response field "/ticket/status" is "Resolved" within 5 attempts
    And I send a PUT request to "/api/my_calls/${ticket}/close"
    Then the response status should be 200
    And the response should conform to the contract

  @destructive @slow
  Scenario: Cancel a ticket in progress
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: cancel", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: cancel" as "ticket"
    When I poll GET "/api/my_calls/${ticket}?for=user" until the response field "/ticket/status" is "In Progress" within 5 attempts
    And I send a PUT request to "/api/my_calls/${ticket}/cancel"
    Then the response status should be 200
    And the response should conform to the contract

  @destructive
  Scenario: A ticket awaiting review cannot be cancelled yet
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: too early", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: too early" as "ticket"
    When I send a PUT request to "/api/my_calls/${ticket}/cancel"
    Then the response status should be 422
    And the response should conform to the contract

  @destructive
  Scenario: A closed ticket cannot be reopened
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/status" is "Closed" as "closed"
    When I send a PUT request to "/api/my_calls/${closed}/reopen"
    Then the response status should be 422
    And the response should conform to the contract

  @destructive
  Scenario: A closed ticket cannot be closed again
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/status" is "Closed" as "closed"
    When I send a PUT request to "/api/my_calls/${closed}/close"
    Then the response status should be 422
    And the response should conform to the contract
