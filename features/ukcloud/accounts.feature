@ukcloud
Feature: Accounts and what they hold
  Accounts, compute services (vOrgs with their VDCs, vApps and VMs), API credentials and vMotion
  events. Account 1 is the user's, 48 is visible without administration rights, 2 is someone
  else's.

  Background:
    Given I am authenticated

  Scenario: List the user's accounts
    When I send a GET request to "/api/accounts"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/0/id" should exist
    And the response field "/" should have at least 2 items

  Scenario: List the compute services of an account
    When I send a GET request to "/api/accounts/1/compute_services"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/account/id" should be "1"
    And the response field "/vOrgs" should have at least 3 items

  Scenario: Compute services of an account the user cannot see
    When I send a GET request to "/api/accounts/2/compute_services"
    Then the response status should be 403
    And the response should conform to the contract

  Scenario: Compute services of an account that does not exist
    When I send a GET request to "/api/accounts/999/compute_services"
    Then the response status should be 403
    And the response should conform to the contract

  Scenario: One compute service
    When I send a GET request to "/api/accounts/1/compute_services/12"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: A compute service of another customer's account
    When I send a GET request to "/api/accounts/2/compute_services/41"
    Then the response status should be 403
    And the response should conform to the contract

  Scenario: API credentials of an account
    When I send a GET request to "/api/accounts/1/api_credentials"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: API credentials of an account the user cannot see
    When I send a GET request to "/api/accounts/2/api_credentials"
    Then the response status should be 403
    And the response should conform to the contract

  Scenario: vMotion events of the last 12 hours
    When I send a GET request to "/api/accounts/1/platform_visibility/vmotion_events"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: vMotion events of an account the user cannot see
    When I send a GET request to "/api/accounts/2/platform_visibility/vmotion_events"
    Then the response status should be 403
    And the response should conform to the contract

  Scenario: VMs with billing data
    When I send a GET request to "/api/my_vm"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: VMs with billing data need a session
    Given I am not authenticated
    When I send a GET request to "/api/my_vm"
    Then the response status should be 401
    And the response should conform to the contract
