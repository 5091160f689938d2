@cloudcontrol @account
Feature: Account (section 2)
  The organization's administrators, data centers, geographies and software labels. The org id
  comes from GET /oec/0.9/myaccount; add, update and delete act on sub-administrators each
  scenario creates.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response field "/orgId" as "org"
    And I save the response field "/userName" as "me"

  Scenario: My account names the primary administrator and the organization
    Then the response field "/userName" should exist
    And the response field "/orgId" should match "^[0-9a-f-]{36}$"
    And the response field "/roles" should have at least 1 item
    And the response field "/roles/0/name" should be "primary administrator"

  @destructive
  Scenario: Add, update and delete a sub-administrator
    When I send a POST request to "/oec/0.9/${org}/account" with body:
      """xml
      <Account xmlns="http://oec.api.opsource.net/schemas/directory">
        <userName>${run_id}-jpublic</userName>
        <password>321321321</password>
        <fullName>Joe Public</fullName>
        <firstName>Joe</firstName>
        <lastName>Public</lastName>
        <emailAddress>${run_id}-jpublic@example.com</emailAddress>
        <orgId>${org}</orgId>
        <roles><role><name>network</name></role><role><name>server</name></role></roles>
      </Account>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/account/${run_id}-jpublic" with form:
      | password | short |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_122"
    When I send a POST request to "/oec/0.9/${org}/account/${run_id}-jpublic" with form:
      | fullName | Joe Q Public |
      | role     | server       |
      | role     | create image |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/result" should be "SUCCESS"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/account"
    Then the response should conform to the contract
    And the response status should be 200
    And the response body should contain "Joe Q Public"
    When I send a GET request to "/oec/0.9/${org}/account/${run_id}-jpublic?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/account/${run_id}-jpublic?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_110"

  Scenario Outline: Adding a sub-administrator <problem> answers <code>
    When I send a POST request to "/oec/0.9/${org}/account" with body:
      """xml
      <Account xmlns="http://oec.api.opsource.net/schemas/directory">
        <userName><user></userName>
        <password><secret></password>
        <fullName>Jane Doe</fullName>
        <firstName>Jane</firstName>
        <lastName>Doe</lastName>
        <emailAddress>${run_id}-jane@example.com</emailAddress>
        <orgId>${org}</orgId>
        <roles><role><name><role_name></name></role></roles>
      </Account>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    @destructive
    Examples:
      | problem                   | user      | secret      | role_name | code       |
      | whose user name is taken  | ${me}            | long-enough | server    | REASON_120 |
      | with an invalid user name | -jane            | long-enough | server    | REASON_121 |
      | with a short password     | ${run_id}-jane   | short       | server    | REASON_122 |
      | with an unknown role      | ${run_id}-jane2  | long-enough | overlord  | REASON_123 |

  @destructive
  Scenario: Updating an unknown administrator answers REASON_10
    When I send a POST request to "/oec/0.9/${org}/account/nobody" with form:
      | fullName | No Body |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_10"

  @destructive
  Scenario: Giving the primary administrator roles answers REASON_123
    When I send a POST request to "/oec/0.9/${org}/account/${me}" with form:
      | role | network |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_123"

  @destructive
  Scenario: Update my own account details
    When I send a POST request to "/oec/0.9/${org}/account/${me}" with form:
      | department | Operations |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"

  Scenario Outline: <request> of an administrator answers <code>
    When I send a GET request to "/oec/0.9/${org}/account/<request>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    @destructive
    Examples:
      | request               | code       |
      | nobody?delete         | REASON_110 |
      | ${me}?delete          | REASON_130 |
      | nobody?primary        | REASON_110 |
      | ${me}?primary         | REASON_10  |

  Scenario: List the administrators of the organization
    When I send a GET request to "/oec/0.9/${org}/account"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/Account" should have at least 1 item
    And the response field "/Account" should have an item whose "/userName" is "${me}"

  Scenario: Data centers with their maintenance status
    When I send a GET request to "/oec/0.9/${org}/datacenter"
    Then the response should conform to the contract
    Then I save the number of items of "/datacenter" as "n"
    When I send a GET request to "/oec/0.9/${org}/datacenterWithMaintenanceStatus"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/datacenter" should have "${n}" items
    And the response field "/totalCount" should be "${n}"

  Scenario: Multi-geography data centers with their key
    When I send a GET request to "/oec/0.9/${org}/multigeo"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/geo" should have at least 1 item
    And the response field "/geo/0/geoKey" should exist

  Scenario: Software labels
    When I send a GET request to "/oec/0.9/${org}/softwarelabel"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/softwareLabel" should have at least 1 item
