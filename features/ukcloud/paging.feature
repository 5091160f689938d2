@ukcloud @paging
Feature: Paging of compute services
  page and per_page page the vOrgs of GET compute_services; without them every vOrg comes back.

  Background:
    Given I am authenticated

  Scenario: Every vOrg when page and per_page are unset
    When I send a GET request to "/api/accounts/1/compute_services"
    Then the response status should be 200
    And the response field "/vOrgs" should have at least 3 items

  Scenario: The first page of two
    When I send a GET request to "/api/accounts/1/compute_services" with query:
      | page     | 1 |
      | per_page | 2 |
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/vOrgs" should have 2 items

  Scenario: The second page
    When I send a GET request to "/api/accounts/1/compute_services?page=2&per_page=2"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/vOrgs" should have at least 1 item
    And the response field "/vOrgs" should have at most 2 items

  Scenario: A page past the end is empty
    When I send a GET request to "/api/accounts/1/compute_services?page=500&per_page=2"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/vOrgs" should have 0 items

  Scenario Outline: Walking the pages by <per_page> yields every vOrg exactly once
    Then walking the pages of "/api/accounts/1/compute_services" with "page" and "per_page" of <per_page> yields every item of "/vOrgs" exactly once

    Examples:
      | per_page |
      | 1        |
      | 2        |
      | 25       |

  Scenario: An invalid page size is refused
    When I send a GET request to "/api/accounts/1/compute_services?per_page=0"
    Then the response status should be 400
    And the response should conform to the contract
