@ukcloud
Feature: Accounts and what they hold
  Accounts, compute services (vOrgs with their VDCs, vApps and VMs), API credentials and vMotion
  events of ${account}, an account the user administers. The document answers an account the user
  cannot see and one that does not exist alike (403), so an id no account has (404404) stands for
  both.

  Background:
    Given I am authenticated

  @fixture:account
  Scenario: List the user's accounts
    When I send a GET request to "/api/accounts"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/" should have an item whose "/id" is "${account}"

  @fixture:account
  Scenario: List the compute services of an account
    When I send a GET request to "/api/accounts/${account}/vorgs"
    Then the response status should be 200
    And I save "/attributes/name" of the first item of "/data" as "vorg_name"
    When I send a GET request to "/api/accounts/${account}/compute_services"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/account/id" should be "${account}"
    And the response field "/vOrgs" should have an item whose "/name" is "${vorg_name}"

  Scenario: Compute services of an account that does not exist
    When I send a GET request to "/api/accounts/404404/compute_services"
    Then the response status should be 403
    And the response should conform to the contract

  @fixture:account
  Scenario: One compute service
    When I send a GET request to "/api/accounts/${account}/vorgs"
    Then the response status should be 200
    And I save "/id" of the first item of "/data" as "vorg"
    And I save "/attributes/name" of the first item of "/data" as "vorg_name"
    When I send a GET request to "/api/accounts/${account}/compute_services/${vorg}"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/name" should be "${vorg_name}"

  @fixture:account
  Scenario: A compute service of an account the user cannot see
    When I send a GET request to "/api/accounts/${account}/vorgs"
    Then the response status should be 200
    And I save "/id" of the first item of "/data" as "vorg"
    When I send a GET request to "/api/accounts/404404/compute_services/${vorg}"
    Then the response status should be 403
    And the response should conform to the contract

  @fixture:account
  Scenario: API credentials of an account
    When I send a GET request to "/api/accounts/${account}/compute_services"
    Then the response status should be 200
    And I save "/serviceId" of the first item of "/vOrgs" as "service_id"
    When I send a GET request to "/api/accounts/${account}/api_credentials"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "(${service_id})"

  Scenario: API credentials of an account the user cannot see
    When I send a GET request to "/api/accounts/404404/api_credentials"
    Then the response status should be 403
    And the response should conform to the contract

  @fixture:account
  Scenario: vMotion events of the last 12 hours
    When I send a GET request to "/api/accounts/${account}/platform_visibility/vmotion_events"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: vMotion events of an account the user cannot see
    When I send a GET request to "/api/accounts/404404/platform_visibility/vmotion_events"
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
