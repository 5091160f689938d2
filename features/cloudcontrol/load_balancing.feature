@cloudcontrol @vip @fixture:network_lb
Feature: VIP and load balancing (section 8)
  One scenario builds and tears down a whole load-balancing stack, with two servers it deploys,
  on a fixture network (each new resource found by its name in the network's list);
  the stack of a fixture network (a VIP on a server farm with real servers and a probe) is read
  and faulted, its members found through the VIP.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"
    And the variable "web" is "/oec/0.9/${org}/network/${network_lb}"

  @destructive
  Scenario: Build and tear down real servers, a probe, a server farm, a persistence profile and a VIP
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${network_lb}/config"
    Then the response should conform to the contract
    Then I save the response field "/location" as "where"
    When I send a GET request to "/oec/0.9/base/image/${where}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/ServerImage" as "image"
    And the variable "net" is "${network_lb}"
    And the variable "dev" is "${web}"
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-lb-01</name>
        <vlanResourcePath>/oec/${org}/network/${net}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image}</imageResourcePath>
        <administratorPassword>P@ssw0rd-lb</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-lb-01"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/id" as "s1"
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-lb-02</name>
        <vlanResourcePath>/oec/${org}/network/${net}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image}</imageResourcePath>
        <administratorPassword>P@ssw0rd-lb</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-lb-02"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/id" as "s2"
    When I send a POST request to "${dev}/realServer" with body:
      """xml
      <NewRealServer xmlns="http://oec.api.opsource.net/schemas/vip"><name>${run_id}-rs-01</name><serverId>${s1}</serverId><inService>true</inService></NewRealServer>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "${dev}/realServer" with body:
      """xml
      <NewRealServer xmlns="http://oec.api.opsource.net/schemas/vip"><name>${run_id}-rs-02</name><serverId>${s2}</serverId><inService>false</inService></NewRealServer>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "${dev}/realServer"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/realServer" should have an item whose "/name" is "${run_id}-rs-01"
    And I save "/id" of the first item of "/realServer" whose "/name" is "${run_id}-rs-01" as "rs1"
    And I save "/id" of the first item of "/realServer" whose "/name" is "${run_id}-rs-02" as "rs2"
    When I send a POST request to "${dev}/realServer/${rs2}" with form:
      | inService | true |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "${dev}/probe" with body:
      """xml
      <NewProbe xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>${run_id}-probe</name>
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
    And reading back the last write should show the fields it sent
    When I send a GET request to "${dev}/probe"
    Then the response should conform to the contract
    And I save "/id" of the first item of "/Probe" whose "/name" is "${run_id}-probe" as "probe"
    When I send a POST request to "${dev}/probe/${probe}" with form:
      | probeIntervalSeconds | 20 |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "${dev}/serverFarm" with body:
      """xml
      <NewServerFarm xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>${run_id}-farm</name>
        <predictor>ROUND_ROBIN</predictor>
        <realServer><id>${rs1}</id><port>80</port></realServer>
        <realServer><id>${rs2}</id><port>80</port></realServer>
      </NewServerFarm>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "${dev}/serverFarm"
    Then the response should conform to the contract
    And I save "/id" of the first item of "/serverFarm" whose "/name" is "${run_id}-farm" as "farm"
    When I send a POST request to "${dev}/serverFarm/${farm}/addProbe" with form:
      | probeId | ${probe} |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "${dev}/probe/${probe}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_625"
    When I send a POST request to "${dev}/serverFarm/${farm}" with form:
      | predictor | LEAST_CONNECTIONS |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "${dev}/serverFarm/${farm}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "${run_id}-farm"
    And the response field "/predictor" should be "LEAST_CONNECTIONS"
    When I send a POST request to "${dev}/persistenceProfile" with body:
      """xml
      <NewPersistenceProfile xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>${run_id}-sticky</name>
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
    And reading back the last write should show the fields it sent
    When I send a GET request to "${dev}/persistenceProfile"
    Then the response should conform to the contract
    And I save "/id" of the first item of "/PersistenceProfile" whose "/name" is "${run_id}-sticky" as "profile"
    When I send a POST request to "${dev}/vip" with body:
      """xml
      <NewVip xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>${run_id}-vip</name>
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
    And reading back the last write should show the fields it sent
    When I send a GET request to "${dev}/vip"
    Then the response should conform to the contract
    And I save "/id" of the first item of "/vip" whose "/name" is "${run_id}-vip" as "vip"
    When I send a POST request to "${dev}/vip/${vip}" with form:
      | inService   | false |
      | replyToIcmp | false |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
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
    And reading back the last write should show the fields it sent
    When I send a POST request to "${dev}/serverFarm/${farm}/removeRealServer" with form:
      | realServerId   | ${rs1} |
      | realServerPort | 80     |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "${dev}/serverFarm/${farm}/addRealServer" with form:
      | realServerId   | ${rs1} |
      | realServerPort | 8080   |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
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
    And the response field "/realServer" should have no item whose "/name" is "${run_id}-rs-01"
    And the response field "/realServer" should have no item whose "/name" is "${run_id}-rs-02"
    When I send a GET request to "/oec/0.9/${org}/server/${s1}?delete"
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/server/${s2}?delete"
    Then the response should conform to the contract
    Then the response status should be 200

  Scenario: The load-balancing resources of a network
    When I send a GET request to "${web}/vip"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/vip" whose "/vipTargetType" is "SERVER_FARM" as "vip"
    And I save "/vipTargetId" of the first item of "/vip" whose "/vipTargetType" is "SERVER_FARM" as "farm"
    When I send a GET request to "${web}/serverFarm/${farm}"
    Then the response should conform to the contract
    Then I save the response field "/realServer/0/id" as "rs"
    And I save the response field "/probe/0/id" as "probe"
    And I save the response field "/name" as "farm_name"
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
    When I send a GET request to "${web}/serverFarm/${farm}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "${farm_name}"
    When I send a GET request to "${web}/persistenceProfile"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "${web}/vip"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/vip" should have an item whose "/id" is "${vip}"

  Scenario Outline: GET <request> on the network answers <code>
    When I send a GET request to "${web}/vip"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/vip" whose "/vipTargetType" is "SERVER_FARM" as "vip"
    And I save "/vipTargetId" of the first item of "/vip" whose "/vipTargetType" is "SERVER_FARM" as "farm"
    When I send a GET request to "${web}/serverFarm/${farm}"
    Then the response should conform to the contract
    Then I save the response field "/realServer/0/id" as "rs"
    And I save the response field "/probe/0/id" as "probe"
    When I send a GET request to "${web}/<request>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    Examples:
      | request                                                        | code       |
      | serverFarm/${farm}?delete                                      | REASON_635 |
      | realServer/${rs}?delete                                        | REASON_615 |
      | probe/${probe}?delete                                          | REASON_625 |
      | realServer/00000000-0000-0000-0000-000000000000?delete         | REASON_610 |
      | probe/00000000-0000-0000-0000-000000000000?delete              | REASON_620 |
      | serverFarm/00000000-0000-0000-0000-000000000000                | REASON_630 |
      | serverFarm/00000000-0000-0000-0000-000000000000?delete         | REASON_630 |
      | persistenceProfile/00000000-0000-0000-0000-000000000000?delete | REASON_670 |
      | vip/00000000-0000-0000-0000-000000000000?delete                | REASON_650 |

  Scenario Outline: POST <request> on the network with <field> <value> answers <code>
    When I send a GET request to "${web}/vip"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/vip" whose "/vipTargetType" is "SERVER_FARM" as "vip"
    And I save "/vipTargetId" of the first item of "/vip" whose "/vipTargetType" is "SERVER_FARM" as "farm"
    When I send a GET request to "${web}/serverFarm/${farm}"
    Then the response should conform to the contract
    Then I save the response field "/realServer/0/id" as "rs"
    And I save the response field "/probe/0/id" as "probe"
    When I send a POST request to "${web}/<request>" with form:
      | <field> | <value> |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    @destructive
    Examples:
      | request                                                          | field                | value                                | code       |
      | realServer/${rs}                                                 | inService            | perhaps                              | REASON_320 |
      | realServer/00000000-0000-0000-0000-000000000000                  | inService            | true                                 | REASON_610 |
      | probe/${probe}                                                   | probeIntervalSeconds | often                                | REASON_320 |
      | probe/00000000-0000-0000-0000-000000000000                       | probeIntervalSeconds | 20                                   | REASON_620 |
      | serverFarm/${farm}                  | predictor            | RANDOM                               | REASON_320 |
      | serverFarm/${farm}/addRealServer    | realServerId         | 00000000-0000-0000-0000-000000000000 | REASON_610 |
      | serverFarm/${farm}/removeRealServer | realServerId         | 00000000-0000-0000-0000-000000000000 | REASON_610 |
      | serverFarm/${farm}/addProbe         | probeId              | 00000000-0000-0000-0000-000000000000 | REASON_620 |
      | serverFarm/${farm}/removeProbe      | probeId              | 00000000-0000-0000-0000-000000000000 | REASON_620 |
      | vip/${vip}                                                       | inService            | sometimes                            | REASON_320 |
      | vip/00000000-0000-0000-0000-000000000000                         | inService            | true                                 | REASON_650 |

  @destructive
  Scenario: A real server for a server of another network answers REASON_395
    When I send a GET request to "/oec/0.9/${org}/serverWithState"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/serverWithState" whose "/networkId" is not "${network_lb}" as "other"
    When I send a POST request to "${web}/realServer" with body:
      """xml
      <NewRealServer xmlns="http://oec.api.opsource.net/schemas/vip"><name>${run_id}-rs-other</name><serverId>${other}</serverId><inService>true</inService></NewRealServer>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_395"

  @destructive
  Scenario: A second real server for the same server answers REASON_393
    When I send a GET request to "${web}/realServer"
    Then the response should conform to the contract
    Then I save the response field "/realServer/0/serverId" as "member"
    When I send a POST request to "${web}/realServer" with body:
      """xml
      <NewRealServer xmlns="http://oec.api.opsource.net/schemas/vip"><name>${run_id}-rs-again</name><serverId>${member}</serverId><inService>true</inService></NewRealServer>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_393"

  @destructive
  Scenario: A probe of an unknown type answers REASON_320
    When I send a POST request to "${web}/probe" with body:
      """xml
      <NewProbe xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>${run_id}-bad-probe</name>
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

  @destructive
  Scenario: A server farm with an unknown probe answers REASON_620
    When I send a POST request to "${web}/serverFarm" with body:
      """xml
      <NewServerFarm xmlns="http://oec.api.opsource.net/schemas/vip"><name>${run_id}-bad-farm</name><probeId>00000000-0000-0000-0000-000000000000</probeId><predictor>ROUND_ROBIN</predictor></NewServerFarm>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_620"

  @destructive
  Scenario: A persistence profile for an unknown server farm answers REASON_630
    When I send a POST request to "${web}/persistenceProfile" with body:
      """xml
      <NewPersistenceProfile xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>${run_id}-bad-sticky</name>
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

  @destructive
  Scenario: A VIP for an unknown persistence profile answers REASON_670
    When I send a POST request to "${web}/vip" with body:
      """xml
      <NewVip xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>${run_id}-bad-vip</name>
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

  @destructive
  Scenario: A VIP on a port another VIP of the address uses answers REASON_320
    When I send a GET request to "${web}/vip"
    Then the response should conform to the contract
    Then I save "/vipTargetId" of the first item of "/vip" whose "/vipTargetType" is "SERVER_FARM" as "farm"
    And I save "/ipAddress" of the first item of "/vip" whose "/vipTargetType" is "SERVER_FARM" as "address"
    And I save "/port" of the first item of "/vip" whose "/vipTargetType" is "SERVER_FARM" as "port"
    When I send a POST request to "${web}/vip" with body:
      """xml
      <NewVip xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>${run_id}-clash-vip</name>
        <ipAddress>${address}</ipAddress>
        <port>${port}</port>
        <protocol>TCP</protocol>
        <vipTargetType>SERVER_FARM</vipTargetType>
        <vipTargetId>${farm}</vipTargetId>
        <replyToIcmp>true</replyToIcmp>
        <inService>true</inService>
      </NewVip>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
