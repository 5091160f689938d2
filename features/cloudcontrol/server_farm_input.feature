@cloudcontrol @load-balancing
Feature: Server farm functions without their required input (section 8)
  Adding or removing a probe or a real server names it in the form; a request naming none is
  refused with REASON_320 (lines 5406, 5447, 5487, 5524). The server farm is one of the fixture
  network's, discovered; a request without the id changes nothing.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  @destructive @fixture:network_lb
  Scenario Outline: <change> of a server farm without its <field> answers REASON_320
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/serverFarm"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save "/id" of the first item of "/serverFarm" as "farm"
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/serverFarm/${farm}/<change>" with form:
      | <other> | 80 |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

    Examples:
      | change           | field        | other          |
      | addRealServer    | realServerId | realServerPort |
      | removeRealServer | realServerId | realServerPort |

  @destructive @fixture:network_lb
  Scenario Outline: <change> of a server farm without a probe id answers REASON_320
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/serverFarm"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save "/id" of the first item of "/serverFarm" as "farm"
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/serverFarm/${farm}/<change>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

    Examples:
      | change      |
      | addProbe    |
      | removeProbe |
