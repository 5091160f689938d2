@ukcloud @billing
Feature: Billing reports as CSV

  Background:
    Given I am authenticated

  Scenario: Cloud Storage report of a month
    When I send a GET request to "/api/billing/cloud-storage-report?date=2018-01-01&org_id=1-1-1-9836cf"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Cloud Storage report without a date
    When I send a GET request to "/api/billing/cloud-storage-report?org_id=1-1-1-9836cf"
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: Billing CSV of a period
    When I send a GET request to "/api/billing/billing-csv?period=2018-01&org_id=1-1-1-9836cf"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Billing CSV with a malformed period
    When I send a GET request to "/api/billing/billing-csv?period=January&org_id=1-1-1-9836cf"
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: Billing CSV needs a session
    Given I am not authenticated
    When I send a GET request to "/api/billing/billing-csv?period=2018-01&org_id=1-1-1-9836cf"
    Then the response status should be 401
    And the response should conform to the contract
