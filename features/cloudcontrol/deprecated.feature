@cloudcontrol @deprecated
Feature: Deprecated account and server functions (sections 11 and 13)
  The deprecated lists still answer with their documented shapes. (The deprecated image lists
  are in images.feature, the deprecated network functions in networks.feature, Restart and Stop
  Server and Get Server Details in servers.feature.)

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  Scenario Outline: Deprecated <list>
    When I send a GET request to "/oec/0.9/${org}/<path>"
    Then the response should conform to the contract
    And the response status should be 200

    Examples:
      | list                                      | path                                                                           |
      | data centers with disk speed              | datacenterWithDiskSpeed                                                        |
      | servers with state                        | serverWithState                                                                |
      | data centers with limits                  | datacenterWithLimits                                                           |
      | multi-geography data centers              | geo                                                                            |
      | data centers                              | datacenter                                                                     |
      | deployed servers                          | server/deployed                                                                |
      | pending deployment servers                | server/pendingDeploy                                                           |
      | servers                                   | server                                                                         |


    @fixture:network_id
    Examples:
      | list                                      | path                                                                           |
      | deployed servers on a network with disks  | network/${network_id}/server/deployedWithDisks          |
      | pending servers on a network with disks   | network/${network_id}/server/pendingDeployWithDisks     |
      | pending servers on a network              | network/${network_id}/server/pendingDeploy              |

    @fixture:network_lb
    Examples:
      | list                                      | path                                                                           |
      | deployed servers on a network with labels | network/${network_lb}/server/deployedWithSoftwareLabels |
      | deployed servers on a network             | network/${network_lb}/server/deployed                   |
      | deployed servers on a network with status | network/${network_lb}/server/deployedWithStatus         |
      | servers on a network                      | network/${network_lb}/server                            |

  Scenario: Deprecated pending deployment servers on a network list a server being deployed
    When I send a GET request to "/oec/0.9/${org}/serverWithState?deployed=false"
    Then the response should conform to the contract
    Then I save "/name" of the first item of "/serverWithState" whose "/state" is "PENDING_ADD" as "pending"
    And I save "/networkId" of the first item of "/serverWithState" whose "/state" is "PENDING_ADD" as "net"
    When I send a GET request to "/oec/0.9/${org}/network/${net}/server/pendingDeploy"
    Then the response should conform to the contract
    And the response body should contain "${pending}"

  Scenario: Deprecated data centers with limits carry the limits
    When I send a GET request to "/oec/0.9/${org}/datacenter"
    Then the response should conform to the contract
    Then I save the number of items of "/datacenter" as "n"
    When I send a GET request to "/oec/0.9/${org}/datacenterWithLimits"
    Then the response should conform to the contract
    And the response field "/datacenter" should have "${n}" items
    And the response field "/datacenter/0/maxCpu" should exist

  Scenario Outline: Deprecated server list on unknown network <path> answers REASON_250
    When I send a GET request to "/oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/server/<path>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_250"

    Examples:
      | path                   |
      | deployedWithDisks      |
      | pendingDeployWithDisks |
      | deployed               |
