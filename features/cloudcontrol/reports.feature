@cloudcontrol @reports
Feature: Reports (section 10)
  CSV reports of usage, software units, backup usage and administrator logs; the header line
  is checked against the contract's x-csv-header.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  Scenario Outline: The <report> report of <start> to <end>
    When I send a GET request to "/oec/0.9/${org}/<path>?startDate=<start>&endDate=<end>"
    Then the response should conform to the contract
    And the response status should be 200
    And the response header "Content-Type" should match "^text/csv"

    Examples:
      | report             | path                      | start      | end        |
      | summary usage      | report/usage              | 2013-07-01 | 2013-07-02 |
      | detailed usage     | report/usageDetailed      | 2013-07-01 | 2013-07-02 |
      | software units     | report/usageSoftwareUnits | 2013-07-01 | 2013-07-01 |
      | administrator logs | auditlog                  | 2013-07-01 | 2013-07-30 |


  @fixture:location
  Scenario: The backup usage report of the default location
    When I send a GET request to "/oec/0.9/${org}/backup/detailedUsageReport?datacenterId=${location}&fromDate=2013-07-01&toDate=2013-07-01"
    Then the response should conform to the contract
    And the response status should be 200
    And the response header "Content-Type" should match "^text/csv"

  Scenario Outline: The <report> report with dates <start> to <end> answers REASON_520
    When I send a GET request to "/oec/0.9/${org}/<path>?startDate=<start>&endDate=<end>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_520"

    Examples:
      | report             | path                      | start      | end        |
      | summary usage      | report/usage              | 2013-07-02 | 2013-07-01 |
      | detailed usage     | report/usageDetailed      | 2013-07-01 | 2013-09-30 |
      | software units     | report/usageSoftwareUnits | yesterday  | 2013-07-01 |
      | administrator logs | auditlog                  | 2013-06-01 | 2013-07-30 |

  Scenario Outline: The backup usage report of <datacenter> answers <code>
    When I send a GET request to "/oec/0.9/${org}/backup/detailedUsageReport?datacenterId=<datacenter>&fromDate=2013-07-01&toDate=2013-07-01"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"


    @fixture:location_no_backup
    Examples:
      | datacenter | code       |
      | ${location_no_backup} | REASON_53  |

    Examples:
      | datacenter | code       |
      | XX9        | REASON_770 |
