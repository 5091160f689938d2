@ukcloud @paging @fixture:account
Feature: Paging of compute services
  page and per_page page the vOrgs of GET compute_services; without them every vOrg comes back.
  Each page is compared with the unpaged list the Portal gave first (${account} holds at least
  three vOrgs, and at most 25).

  Background:
    Given I am authenticated
    When I send a GET request to "/api/accounts/${account}/compute_services"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response field "/vOrgs/0/urn" as "first"
    And I save the response field "/vOrgs/1/urn" as "second"
    And I save the response field "/vOrgs/2/urn" as "third"

  Scenario: Every vOrg when page and per_page are unset
    When I send a GET request to "/api/accounts/${account}/compute_services?page=2&per_page=2"
    Then the response status should be 200
    And I save "/urn" of the first item of "/vOrgs" as "on_page_two"
    When I send a GET request to "/api/accounts/${account}/compute_services"
    Then the response status should be 200
    And the response field "/vOrgs" should have an item whose "/urn" is "${first}"
    And the response field "/vOrgs" should have an item whose "/urn" is "${on_page_two}"

  Scenario: The first page of two
    When I send a GET request to "/api/accounts/${account}/compute_services" with query:
      | page     | 1 |
      | per_page | 2 |
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/vOrgs" should have 2 items
    And the response field "/vOrgs/0/urn" should be "${first}"
    And the response field "/vOrgs/1/urn" should be "${second}"

  Scenario: The second page
    When I send a GET request to "/api/accounts/${account}/compute_services?page=2&per_page=2"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/vOrgs" should have at least 1 item
    And the response field "/vOrgs" should have at most 2 items
    And the response field "/vOrgs/0/urn" should be "${third}"

  Scenario: A page past the end is empty
    When I send a GET request to "/api/accounts/${account}/compute_services?page=100000&per_page=2"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/vOrgs" should have 0 items

  Scenario Outline: Walking the pages by <per_page> yields every vOrg exactly once
    Then walking the pages of "/api/accounts/${account}/compute_services" with "page" and "per_page" of <per_page> yields every item of "/vOrgs" exactly once

    Examples:
      | per_page |
      | 1        |
      | 2        |

  Scenario: One page of 25 holds every vOrg of the account
    When I send a GET request to "/api/accounts/${account}/compute_services"
    Then the response status should be 200
    And I save the number of items of "/vOrgs" as "vorg_count"
    When I send a GET request to "/api/accounts/${account}/compute_services?page=1&per_page=25"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/vOrgs" should have "${vorg_count}" items
    And the response field "/vOrgs/0/urn" should be "${first}"

  Scenario: An invalid page size is refused
    When I send a GET request to "/api/accounts/${account}/compute_services?per_page=0"
    Then the response status should be 400
    And the response should conform to the contract
