@cloudcontrol @paging
Feature: Paging, ordering and filtering of the seven paging lists (section 1.8)
  Walks page through a list by a small page size and compare the pages with the whole list.
  The server walks keep to the seeded, deployed servers (deployed=true&created.MAX=...), the
  anti-affinity walk to NA3 and NA5, the in-progress OVF copy walk to the seeded packages: the
  resources other scenarios create or remove at the same time are outside them.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  Scenario Outline: Paging through <list> by <size> yields every item exactly once
    Then paging through "/oec/0.9/${org}/<list>" by <size> yields every item exactly once

    Examples:
      | list                                                                                                           | size |
      | serverWithBackup?deployed=true&created.MAX=2013-12-31T23:59:59Z                                                | 5    |
      | serverWithBackup?deployed=true&created.MAX=2013-12-31T23:59:59Z                                                | 1    |
      | serverWithState?deployed=true&created.MAX=2013-12-31T23:59:59Z                                                 | 5    |
      | serverWithState?DEPLOYED=TRUE&Created.max=20131231&orderBy=name                                                | 4    |
      | antiAffinityRule?location=NA3&location=NA5                                                                     | 1    |
      | datacenterWithMaintenanceStatus                                                                                | 3    |
      | datacenterWithMaintenanceStatus?orderBy=location.DESCENDING                                                    | 1    |
      | datacenterWithDiskSpeed                                                                                        | 2    |
      | remoteOvfPackageCopy?packageName=remote-package-07&packageName=remote-package-08&packageName=remote-package-09 | 2    |
      | remoteOvfPackageCopyHistory                                                                                    | 4    |
      | remoteOvfPackageCopyHistory?sourceGeoKey=europe&orderBy=startDate.descending                                   | 2    |

  Scenario Outline: <list> ordered by <order>
    When I send a GET request to "/oec/0.9/${org}/<list>" with query:
      | orderBy  | <order> |
      | pageSize | 50      |
    Then the response should conform to the contract
    And the response status should be 200
    And the response page should hold at least 2 items
    And the response items should be ordered by "<check>"

    Examples:
      | list                            | order                              | check                             |
      | serverWithBackup                | name.DESCENDING,created            | name.DESCENDING,created           |
      | serverWithBackup                | location.descending,NAME.Ascending | location.DESCENDING,name          |
      | serverWithBackup                | created.DESCENDING                 | created.DESCENDING                |
      | serverWithState                 | Location,created.Descending        | location,created.DESCENDING       |
      | serverWithState                 | name                               | name                              |
      | antiAffinityRule                | location.DESCENDING,created        | location.DESCENDING,created       |
      | antiAffinityRule                | created.descending                 | created.DESCENDING                |
      | datacenterWithMaintenanceStatus | location.DESCENDING                | location.DESCENDING               |
      | datacenterWithDiskSpeed         | LOCATION.ascending                 | location                          |
      | remoteOvfPackageCopyHistory     | sourceGeoKey,startDate.DESCENDING  | sourceGeoKey,startDate.DESCENDING |
      | remoteOvfPackageCopy            | startDate.DESCENDING               | startDate.DESCENDING              |

  Scenario Outline: <list> filtered by <filter> equal to <value>
    When I send a GET request to "/oec/0.9/${org}/<list>?<filter>=<value>"
    Then the response should conform to the contract
    And the response status should be 200
    And the response page should hold at least 1 item
    And every response item should have "<field>" equal to "<value>"

    Examples:
      | list                            | filter       | value                                | field        |
      | serverWithBackup                | location     | NA3                                  | location     |
      | serverWithBackup                | name         | web-01                               | name         |
      | serverWithState                 | location     | NA5                                  | location     |
      | serverWithState                 | deployed     | false                                | isDeployed   |
      | serverWithState                 | networkId    | a4c8b1e2-0c1d-11e3-b29c-001517c46403 | networkId    |
      | antiAffinityRule                | location     | NA1                                  | location     |
      | datacenterWithMaintenanceStatus | location     | NA9                                  | location     |
      | datacenterWithDiskSpeed         | location     | NA5                                  | location     |
      | remoteOvfPackageCopyHistory     | sourceGeoKey | australia                            | sourceGeoKey |

  Scenario Outline: <list> filtered by location IN NA1 and NA3
    When I send a GET request to "/oec/0.9/${org}/<list>?location=NA1&location=NA3&pageSize=100"
    Then the response should conform to the contract
    And the response status should be 200
    And the response page should hold at least 2 items
    And every response item should have "location" in "NA1,NA3"

    Examples:
      | list                            |
      | serverWithBackup                |
      | serverWithState                 |
      | antiAffinityRule                |
      | datacenterWithMaintenanceStatus |
      | datacenterWithDiskSpeed         |

  Scenario Outline: <list> created between <min> and <max>
    When I send a GET request to "/oec/0.9/${org}/<list>" with query:
      | created.MIN | <min>   |
      | created.MAX | <max>   |
      | orderBy     | created |
    Then the response should conform to the contract
    And the response status should be 200
    And the response page should hold at least 1 item
    And every response item should have "created" at least "<from>"
    And every response item should have "created" at most "<to>"
    And the response items should be ordered by "created"

    Examples:
      | list             | min                  | max                  | from                 | to                   |
      | serverWithBackup | 2013-01-01T00:00:00Z | 2013-06-30T23:59:59Z | 2013-01-01T00:00:00Z | 2013-06-30T23:59:59Z |
      | serverWithState  | 20130101             | 20130331             | 2013-01-01T00:00:00Z | 2013-03-31T23:59:59Z |
      | serverWithState  | 2012-01-01           | 2012-12-31           | 2012-01-01T00:00:00Z | 2012-12-31T23:59:59Z |

  Scenario Outline: A page past the last of <list> answers the last page
    When I send a GET request to "/oec/0.9/${org}/<list>?pageSize=3&pageNumber=99"
    Then the response should conform to the contract
    And the response status should be 200
    And the response page should hold at least 1 item

    Examples:
      | list                            |
      | datacenterWithMaintenanceStatus |
      | datacenterWithDiskSpeed         |
      | remoteOvfPackageCopyHistory     |

  Scenario Outline: <list> with <query> answers <code>
    When I send a GET request to "/oec/0.9/${org}/<list>?<query>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"
    And the response field "/result" should be "ERROR"

    Examples:
      | list                            | query                                                                                                                    | code       |
      | serverWithBackup                | colour=blue                                                                                                              | REASON_70  |
      | serverWithState                 | cpuCount=2                                                                                                               | REASON_70  |
      | antiAffinityRule                | name=x                                                                                                                   | REASON_70  |
      | datacenterWithMaintenanceStatus | city=Ashburn                                                                                                             | REASON_70  |
      | remoteOvfPackageCopy            | state=NORMAL                                                                                                             | REASON_70  |
      | serverWithBackup                | pageSize=0                                                                                                               | REASON_71  |
      | serverWithState                 | pageSize=-5                                                                                                              | REASON_71  |
      | antiAffinityRule                | pageNumber=abc                                                                                                           | REASON_71  |
      | datacenterWithDiskSpeed         | pageSize=2&pageSize=3                                                                                                    | REASON_71  |
      | remoteOvfPackageCopyHistory     | orderBy=size                                                                                                             | REASON_71  |
      | serverWithBackup                | orderBy=name.SIDEWAYS                                                                                                    | REASON_71  |
      | serverWithState                 | orderBy=cpuCount                                                                                                         | REASON_71  |
      | serverWithBackup                | location=A&location=B&location=C&location=D&location=E&location=F&location=G&location=H&location=I&location=J&location=K | REASON_72  |
      | datacenterWithMaintenanceStatus | location=A&location=B&location=C&location=D&location=E&location=F&location=G&location=H&location=I&location=J&location=K | REASON_72  |
      | serverWithBackup                | name.MIN=a                                                                                                               | REASON_73  |
      | serverWithState                 | location.MAX=NA5                                                                                                         | REASON_73  |
      | remoteOvfPackageCopy            | startDate.MIN=20130101                                                                                                   | REASON_73  |
      | antiAffinityRule                | created.MIN=20130101                                                                                                     | REASON_70  |
      | serverWithBackup                | created.MIN=yesterday                                                                                                    | REASON_320 |
      | serverWithState                 | deployed=maybe                                                                                                           | REASON_320 |
      | remoteOvfPackageCopyHistory     | startDate=someday                                                                                                        | REASON_320 |
      | remoteOvfPackageCopyHistory     | sourceGeoKey=atlantis                                                                                                    | REASON_163 |
