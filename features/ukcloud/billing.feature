@ukcloud @billing @fixture:account
Feature: Billing reports as CSV
  The reports are asked for a compute service of ${account}, by its service id (org_id).

  Background:
    Given I am authenticated
    When I send a GET request to "/api/accounts/${account}/compute_services"
    Then the response status should be 200
    And I save "/serviceId" of the first item of "/vOrgs" as "org"

  Scenario: Cloud Storage report of a month
    When I send a GET request to "/api/billing/cloud-storage-report?date=2018-01-01&org_id=${org}"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Cloud Storage report without a date
    When I send a GET request to "/api/billing/cloud-storage-report?org_id=${org}"
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: Billing CSV of a period
    When I send a GET request to "/api/billing/billing-csv?period=2018-01&org_id=${org}"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Billing CSV with a malformed period
    When I send a GET request to "/api/billing/billing-csv?period=January&org_id=${org}"
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: Billing CSV needs a session
    Given I am not authenticated
    When I send a GET request to "/api/billing/billing-csv?period=2018-01&org_id=${org}"
    Then the response status should be 401
    And the response should conform to the contract
