@cloudcontrol @paging
Feature: Paging, ordering and filtering of the seven paging lists (section 1.8)
  Walks page through a list by a small page size and compare the pages with the whole list.
  The server and anti-affinity walks keep to locations where no scenario deploys or updates
  servers (the other scenarios deploy in the default location), the in-progress OVF copy walk to the copies its own
  scenario starts: the resources other scenarios create or remove at the same time are outside
  them. Filters take their values from what the cloud listed first.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  Scenario Outline: Paging through <list> by <size> yields every item exactly once
    When I send a GET request to "/oec/0.9/${org}/remoteOvfPackageCopyHistory"
    Then the response should conform to the contract
    Then I save "/sourceGeoKey" of the first item of "/copyRemoteOvfPackageRecord" as "geo"
    When I send a GET request to "/oec/0.9/${org}/<list>"
    Then the response page should hold at least 2 items
    And paging through "/oec/0.9/${org}/<list>" by <size> yields every item exactly once


    @fixture:location_no_backup
    Examples:
      | list                                                                                                           | size |
      | serverWithBackup?deployed=true&location=${location_no_backup}                                                  | 2    |
      | serverWithBackup?deployed=true&location=${location_no_backup}                                                  | 1    |
      | serverWithState?deployed=true&location=${location_no_backup}                                                   | 2    |
      | serverWithState?DEPLOYED=TRUE&Location=${location_no_backup}&orderBy=name                                      | 1    |

    @fixture:location_maintenance @fixture:location_no_backup @fixture:location_other
    Examples:
      | list                                                                                                           | size |
      | antiAffinityRule?location=${location_other}&location=${location_maintenance}&location=${location_no_backup}    | 1    |

    Examples:
      | list                                                                                                           | size |
      | datacenterWithMaintenanceStatus                                                                                | 3    |
      | datacenterWithMaintenanceStatus?orderBy=location.DESCENDING                                                    | 1    |
      | datacenterWithDiskSpeed                                                                                        | 2    |
      | remoteOvfPackageCopyHistory                                                                                    | 4    |
      | remoteOvfPackageCopyHistory?sourceGeoKey=${geo}&orderBy=startDate.descending                                   | 1    |

  @destructive
  Scenario: Paging through OVF package copies in progress by 2 yields every item exactly once
    When I send a GET request to "/oec/0.9/${org}/multigeo"
    Then the response should conform to the contract
    Then I save "/geoKey" of the first item of "/geo" whose "/isHome" is "false" as "geo"
    When I send a POST request to "/oec/0.9/${org}/remoteOvfPackageCopy" with body:
      """xml
      <NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>${geo}</sourceGeoId><sourceOvfPackage>${run_id}-walk-1.mf</sourceOvfPackage></NewRemoteOvfCopy>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/remoteOvfPackageCopy" with body:
      """xml
      <NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>${geo}</sourceGeoId><sourceOvfPackage>${run_id}-walk-2.mf</sourceOvfPackage></NewRemoteOvfCopy>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/remoteOvfPackageCopy" with body:
      """xml
      <NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>${geo}</sourceGeoId><sourceOvfPackage>${run_id}-walk-3.mf</sourceOvfPackage></NewRemoteOvfCopy>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/remoteOvfPackageCopy?packageName=${run_id}-walk-1&packageName=${run_id}-walk-2&packageName=${run_id}-walk-3&orderBy=packageName"
    Then the response should conform to the contract
    And the response field "/totalCount" should be "3"
    And paging through "/oec/0.9/${org}/remoteOvfPackageCopy?packageName=${run_id}-walk-1&packageName=${run_id}-walk-2&packageName=${run_id}-walk-3&orderBy=packageName" by 2 yields every item exactly once

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
      | remoteOvfPackageCopy            | sourceGeoKey.DESCENDING            | sourceGeoKey.DESCENDING           |

  Scenario Outline: <list> filtered by <filter> equal to <value>
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server_started}"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/name" as "server_name"
    And I save the response field "/serverWithState/0/networkId" as "server_network"
    When I send a GET request to "/oec/0.9/${org}/antiAffinityRule"
    Then the response should conform to the contract
    Then I save "/location" of the first item of "/antiAffinityRule" as "rule_location"
    When I send a GET request to "/oec/0.9/${org}/remoteOvfPackageCopyHistory"
    Then the response should conform to the contract
    Then I save "/sourceGeoKey" of the first item of "/copyRemoteOvfPackageRecord" as "geo"
    When I send a GET request to "/oec/0.9/${org}/<list>?<filter>=<value>"
    Then the response should conform to the contract
    And the response status should be 200
    And the response page should hold at least 1 item
    And every response item should have "<field>" equal to "<value>"


    @fixture:location_other @fixture:server_started
    Examples:
      | list                            | filter       | value                                | field        |
      | serverWithBackup                | location     | ${location_other}       | location     |
      | datacenterWithDiskSpeed         | location     | ${location_other}       | location     |

    @fixture:server_started
    Examples:
      | list                            | filter       | value                                | field        |
      | serverWithBackup                | name         | ${server_name}          | name         |
      | serverWithState                 | deployed     | false                   | isDeployed   |
      | serverWithState                 | networkId    | ${server_network}       | networkId    |
      | antiAffinityRule                | location     | ${rule_location}        | location     |
      | remoteOvfPackageCopyHistory     | sourceGeoKey | ${geo}                  | sourceGeoKey |

    @fixture:location @fixture:server_started
    Examples:
      | list                            | filter       | value                                | field        |
      | serverWithState                 | location     | ${location}             | location     |

    @fixture:location_maintenance @fixture:server_started
    Examples:
      | list                            | filter       | value                                | field        |
      | datacenterWithMaintenanceStatus | location     | ${location_maintenance} | location     |

  Scenario Outline: <list> filtered by location IN two locations
    When I send a GET request to "/oec/0.9/${org}/<list>?location=${location}&location=${location_other}&pageSize=100"
    Then the response should conform to the contract
    And the response status should be 200
    And the response page should hold at least 2 items
    And every response item should have "location" in "${location},${location_other}"


    @fixture:location @fixture:location_other
    Examples:
      | list                            |
      | serverWithBackup                |
      | serverWithState                 |
      | antiAffinityRule                |
      | datacenterWithMaintenanceStatus |
      | datacenterWithDiskSpeed         |

  Scenario Outline: <list> created between <min> and <max>
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server_started}"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/created" as "created"
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


    @fixture:server_started
    Examples:
      | list             | min                  | max                  | from                 | to                   |
      | serverWithBackup | ${created}           | 2099-12-31T23:59:59Z | ${created}           | 2099-12-31T23:59:59Z |
      | serverWithState  | 20000101             | 20991231             | 2000-01-01T00:00:00Z | 2099-12-31T23:59:59Z |
      | serverWithState  | 2000-01-01           | 2099-12-31           | 2000-01-01T00:00:00Z | 2099-12-31T23:59:59Z |

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
      | datacenterWithMaintenanceStatus | city=${run_id}                                                                                                           | REASON_70  |
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
      | serverWithState                 | location.MAX=XX9                                                                                                         | REASON_73  |
      | remoteOvfPackageCopy            | startDate.MIN=20130101                                                                                                   | REASON_73  |
      | antiAffinityRule                | created.MIN=20130101                                                                                                     | REASON_70  |
      | serverWithBackup                | created.MIN=yesterday                                                                                                    | REASON_320 |
      | serverWithState                 | deployed=maybe                                                                                                           | REASON_320 |
      | remoteOvfPackageCopyHistory     | startDate=someday                                                                                                        | REASON_320 |
      | remoteOvfPackageCopyHistory     | sourceGeoKey=atlantis                                                                                                    | REASON_163 |
      | datacenterWithDiskSpeed         | colour=blue                                                                                                              | REASON_70  |
      | datacenterWithDiskSpeed         | location=A&location=B&location=C&location=D&location=E&location=F&location=G&location=H&location=I&location=J&location=K | REASON_72  |
      | serverWithState                 | name=A&name=B&name=C&name=D&name=E&name=F&name=G&name=H&name=I&name=J&name=K                                             | REASON_72  |
      | datacenterWithDiskSpeed         | location.MIN=a                                                                                                           | REASON_73  |
      | datacenterWithDiskSpeed         | location=                                                                                                                | REASON_320 |
      | datacenterWithMaintenanceStatus | location=                                                                                                                | REASON_320 |
      | antiAffinityRule                | id=                                                                                                                      | REASON_320 |
      | remoteOvfPackageCopy            | startDate=someday                                                                                                        | REASON_320 |
