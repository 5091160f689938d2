@cloudcontrol @vip
Feature: VIP and load balancing (section 8)
  One scenario builds and tears down a whole load-balancing stack on the Development Network
  (no scenario touches its load-balancing resources otherwise, so each new resource is found by
  its position in the network's list); the Web Network's seeded stack is read and faulted.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response status should be 200
    And I save the response field "/orgId" as "org"
    And the variable "dev" is "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46403"
    And the variable "web" is "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401"

  Scenario: Build and tear down real servers, a probe, a server farm, a persistence profile and a VIP
    When I send a POST request to "${dev}/realServer" with body:
      """xml
      <NewRealServer xmlns="http://oec.api.opsource.net/schemas/vip"><name>rs-dev-01</name><serverId>5f3b8e2c-1a2b-4c3d-8e4f-000000000007</serverId><inService>true</inService></NewRealServer>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "${dev}/realServer" with body:
      """xml
      <NewRealServer xmlns="http://oec.api.opsource.net/schemas/vip"><name>rs-dev-02</name><serverId>5f3b8e2c-1a2b-4c3d-8e4f-000000000008</serverId><inService>false</inService></NewRealServer>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "${dev}/realServer"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/realServer" should have 2 items
    And the response field "/realServer/0/name" should be "rs-dev-01"
    And I save the response field "/realServer/0/id" as "rs1"
    And I save the response field "/realServer/1/id" as "rs2"
    When I send a POST request to "${dev}/realServer/${rs2}" with form:
      | inService | true |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "${dev}/probe" with body:
      """xml
      <NewProbe xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>dev-probe</name>
        <type>TCP</type>
        <probeIntervalSeconds>10</probeIntervalSeconds>
        <errorCountBeforeServerFail>3</errorCountBeforeServerFail>
        <successCountBeforeServerEnable>3</successCountBeforeServerEnable>
        <failedProbeIntervalSeconds>30</failedProbeIntervalSeconds>
        <maxReplyWaitSeconds>5</maxReplyWaitSeconds>
        <port>8080</port>
      </NewProbe>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/probe"
    Then the response should conform to the contract
    And the response field "/Probe" should have 1 item
    And I save the response field "/Probe/0/id" as "probe"
    When I send a POST request to "${dev}/probe/${probe}" with form:
      | probeIntervalSeconds | 20 |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "${dev}/serverFarm" with body:
      """xml
      <NewServerFarm xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>dev-farm</name>
        <predictor>ROUND_ROBIN</predictor>
        <realServer><id>${rs1}</id><port>80</port></realServer>
        <realServer><id>${rs2}</id><port>80</port></realServer>
      </NewServerFarm>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/serverFarm"
    Then the response should conform to the contract
    And the response field "/serverFarm" should have 1 item
    And I save the response field "/serverFarm/0/id" as "farm"
    When I send a POST request to "${dev}/serverFarm/${farm}/addProbe" with form:
      | probeId | ${probe} |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/probe/${probe}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_625"
    When I send a POST request to "${dev}/serverFarm/${farm}" with form:
      | predictor | LEAST_CONNECTIONS |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/serverFarm/${farm}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "dev-farm"
    And the response field "/predictor" should be "LEAST_CONNECTIONS"
    When I send a POST request to "${dev}/persistenceProfile" with body:
      """xml
      <NewPersistenceProfile xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>dev-sticky</name>
        <serverFarmId>${farm}</serverFarmId>
        <timeoutMinutes>30</timeoutMinutes>
        <type>HTTP_COOKIE</type>
        <cookieName>SID</cookieName>
        <cookieType>COOKIE_INSERT</cookieType>
      </NewPersistenceProfile>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/persistenceProfile"
    Then the response should conform to the contract
    And the response field "/PersistenceProfile" should have 1 item
    And I save the response field "/PersistenceProfile/0/id" as "profile"
    When I send a POST request to "${dev}/vip" with body:
      """xml
      <NewVip xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>dev-vip</name>
        <port>443</port>
        <protocol>TCP</protocol>
        <vipTargetType>PERSISTENCE_PROFILE</vipTargetType>
        <vipTargetId>${profile}</vipTargetId>
        <replyToIcmp>true</replyToIcmp>
        <inService>true</inService>
      </NewVip>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/vip"
    Then the response should conform to the contract
    And the response field "/vip" should have 1 item
    And I save the response field "/vip/0/id" as "vip"
    When I send a POST request to "${dev}/vip/${vip}" with form:
      | inService   | false |
      | replyToIcmp | false |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/persistenceProfile/${profile}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_675"
    When I send a GET request to "${dev}/vip/${vip}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/serverFarm/${farm}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_636"
    When I send a GET request to "${dev}/persistenceProfile/${profile}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/serverFarm/${farm}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_637"
    When I send a GET request to "${dev}/realServer/${rs1}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_615"
    When I send a POST request to "${dev}/serverFarm/${farm}/removeProbe" with form:
      | probeId | ${probe} |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "${dev}/serverFarm/${farm}/removeRealServer" with form:
      | realServerId   | ${rs1} |
      | realServerPort | 80     |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "${dev}/serverFarm/${farm}/addRealServer" with form:
      | realServerId   | ${rs1} |
      | realServerPort | 8080   |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "${dev}/serverFarm/${farm}/removeRealServer" with form:
      | realServerId   | ${rs1} |
      | realServerPort | 8080   |
    Then the response should conform to the contract
    And the response status should be 200
    When I send a POST request to "${dev}/serverFarm/${farm}/removeRealServer" with form:
      | realServerId   | ${rs2} |
      | realServerPort | 80     |
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "${dev}/serverFarm/${farm}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/probe/${probe}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/realServer/${rs1}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "${dev}/realServer/${rs2}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "${dev}/realServer"
    Then the response should conform to the contract
    And the response field "/realServer" should not exist

  Scenario: The Web Network's load-balancing resources
    When I send a GET request to "${web}/realServer"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/realServer" should have at least 2 items
    When I send a GET request to "${web}/probe"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "${web}/serverFarm"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "${web}/serverFarm/f9b4d6ea-0c1d-11e3-b29c-001517c46901"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "web-farm"
    When I send a GET request to "${web}/persistenceProfile"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "${web}/vip"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/vip/0/name" should be "web-vip"

  Scenario Outline: GET <request> on the Web Network answers <code>
    When I send a GET request to "${web}/<request>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    Examples:
      | request                                                        | code       |
      | serverFarm/f9b4d6ea-0c1d-11e3-b29c-001517c46901?delete         | REASON_635 |
      | realServer/d7f2b4c8-0c1d-11e3-b29c-001517c46701?delete         | REASON_615 |
      | probe/e8a3c5d9-0c1d-11e3-b29c-001517c46801?delete              | REASON_625 |
      | realServer/00000000-0000-0000-0000-000000000000?delete         | REASON_610 |
      | probe/00000000-0000-0000-0000-000000000000?delete              | REASON_620 |
      | serverFarm/00000000-0000-0000-0000-000000000000                | REASON_630 |
      | serverFarm/00000000-0000-0000-0000-000000000000?delete         | REASON_630 |
      | persistenceProfile/00000000-0000-0000-0000-000000000000?delete | REASON_670 |
      | vip/00000000-0000-0000-0000-000000000000?delete                | REASON_650 |

  Scenario Outline: POST <request> on the Web Network with <field> <value> answers <code>
    When I send a POST request to "${web}/<request>" with form:
      | <field> | <value> |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    Examples:
      | request                                                          | field                | value                                | code       |
      | realServer/d7f2b4c8-0c1d-11e3-b29c-001517c46701                  | inService            | perhaps                              | REASON_320 |
      | realServer/00000000-0000-0000-0000-000000000000                  | inService            | true                                 | REASON_610 |
      | probe/e8a3c5d9-0c1d-11e3-b29c-001517c46802                       | probeIntervalSeconds | often                                | REASON_320 |
      | probe/00000000-0000-0000-0000-000000000000                       | probeIntervalSeconds | 20                                   | REASON_620 |
      | serverFarm/f9b4d6ea-0c1d-11e3-b29c-001517c46901                  | predictor            | RANDOM                               | REASON_320 |
      | serverFarm/f9b4d6ea-0c1d-11e3-b29c-001517c46901/addRealServer    | realServerId         | 00000000-0000-0000-0000-000000000000 | REASON_610 |
      | serverFarm/f9b4d6ea-0c1d-11e3-b29c-001517c46901/removeRealServer | realServerId         | 00000000-0000-0000-0000-000000000000 | REASON_610 |
      | serverFarm/f9b4d6ea-0c1d-11e3-b29c-001517c46901/addProbe         | probeId              | 00000000-0000-0000-0000-000000000000 | REASON_620 |
      | serverFarm/f9b4d6ea-0c1d-11e3-b29c-001517c46901/removeProbe      | probeId              | 00000000-0000-0000-0000-000000000000 | REASON_620 |
      | vip/1bd6f80c-0c1d-11e3-b29c-001517c46b01                         | inService            | sometimes                            | REASON_320 |
      | vip/00000000-0000-0000-0000-000000000000                         | inService            | true                                 | REASON_650 |

  Scenario: A real server for a server of another network answers REASON_395
    When I send a POST request to "${web}/realServer" with body:
      """xml
      <NewRealServer xmlns="http://oec.api.opsource.net/schemas/vip"><name>rs-db-01</name><serverId>5f3b8e2c-1a2b-4c3d-8e4f-000000000004</serverId><inService>true</inService></NewRealServer>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_395"

  Scenario: A second real server for the same server answers REASON_393
    When I send a POST request to "${web}/realServer" with body:
      """xml
      <NewRealServer xmlns="http://oec.api.opsource.net/schemas/vip"><name>rs-web-01-again</name><serverId>5f3b8e2c-1a2b-4c3d-8e4f-000000000001</serverId><inService>true</inService></NewRealServer>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_393"

  Scenario: A probe of an unknown type answers REASON_320
    When I send a POST request to "${web}/probe" with body:
      """xml
      <NewProbe xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>bad-probe</name>
        <type>SMTP</type>
        <probeIntervalSeconds>10</probeIntervalSeconds>
        <errorCountBeforeServerFail>3</errorCountBeforeServerFail>
        <successCountBeforeServerEnable>3</successCountBeforeServerEnable>
        <failedProbeIntervalSeconds>30</failedProbeIntervalSeconds>
        <maxReplyWaitSeconds>5</maxReplyWaitSeconds>
      </NewProbe>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

  Scenario: A server farm with an unknown probe answers REASON_620
    When I send a POST request to "${web}/serverFarm" with body:
      """xml
      <NewServerFarm xmlns="http://oec.api.opsource.net/schemas/vip"><name>bad-farm</name><probeId>00000000-0000-0000-0000-000000000000</probeId><predictor>ROUND_ROBIN</predictor></NewServerFarm>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_620"

  Scenario: A persistence profile for an unknown server farm answers REASON_630
    When I send a POST request to "${web}/persistenceProfile" with body:
      """xml
      <NewPersistenceProfile xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>bad-sticky</name>
        <serverFarmId>00000000-0000-0000-0000-000000000000</serverFarmId>
        <timeoutMinutes>30</timeoutMinutes>
        <type>IP_NETMASK</type>
        <direction>SOURCE</direction>
        <netmask>255.255.255.0</netmask>
      </NewPersistenceProfile>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_630"

  Scenario: A VIP for an unknown persistence profile answers REASON_670
    When I send a POST request to "${web}/vip" with body:
      """xml
      <NewVip xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>bad-vip</name>
        <port>8443</port>
        <protocol>TCP</protocol>
        <vipTargetType>PERSISTENCE_PROFILE</vipTargetType>
        <vipTargetId>00000000-0000-0000-0000-000000000000</vipTargetId>
        <replyToIcmp>true</replyToIcmp>
        <inService>true</inService>
      </NewVip>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_670"

  Scenario: A VIP on a port another VIP of the address uses answers REASON_320
    When I send a POST request to "${web}/vip" with body:
      """xml
      <NewVip xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>clash-vip</name>
        <ipAddress>165.180.12.33</ipAddress>
        <port>80</port>
        <protocol>TCP</protocol>
        <vipTargetType>SERVER_FARM</vipTargetType>
        <vipTargetId>f9b4d6ea-0c1d-11e3-b29c-001517c46901</vipTargetId>
        <replyToIcmp>true</replyToIcmp>
        <inService>true</inService>
      </NewVip>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
