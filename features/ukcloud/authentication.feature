@ukcloud
Feature: Authentication and sessions
  POST /api/authenticate opens a session carried by a cookie; every other operation needs it. The
  refused logins use an address that is no Portal user's, so no real account is locked out.

  Scenario: Authenticate with valid credentials
    Given I am authenticated
    Then the response status should be 201
    And the response should conform to the contract
    And the response header "Set-Cookie" should be present
    And the response field "/expire_after" should match "^[0-9]+$"

  @destructive
  Scenario: Authenticate without a password
    When I send a POST request to "/api/authenticate" with body:
      """json
      {"email": "nobody@example.net"}
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Authenticate with a wrong password
    When I send a POST request to "/api/authenticate" with body:
      """json
      {"email": "nobody@example.net", "password": "not-the-password"}
      """
    Then the response status should be 401
    And the response should conform to the contract

  Scenario: Ping with a session
    Given I am authenticated
    When I send a GET request to "/api/ping"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Ping without a session
    When I send a GET request to "/api/ping"
    Then the response status should be 401
    And the response should conform to the contract

  Scenario: An operation without a session is refused
    When I send a GET request to "/api/accounts"
    Then the response status should be 401
    And the response should conform to the contract

  Scenario: Logging out of the client forgets the session
    Given I am authenticated
    And I am not authenticated
    When I send a GET request to "/api/accounts"
    Then the response status should be 401

  @slow
  Scenario: A session expires after expire_after seconds without activity
    Given I am authenticated
    When I wait "${expire_after}" seconds
    And I send a GET request to "/api/accounts"
    Then the response status should be 401
    And the response should conform to the contract
