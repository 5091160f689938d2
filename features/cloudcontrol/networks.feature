@cloudcontrol @networks
Feature: Network (section 7) and the deprecated network functions (section 14)
  Networks are created and deleted by the scenario that needs them (in the default location);
  ACL and NAT rules are added to and removed from a fixture network that holds rules and a
  public IP block, public IP blocks reserved on and released from that network too. Rules
  and blocks the cloud already holds are only read or faulted.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"


  @fixture:location @fixture:network_id
  Scenario: List networks with their location, and those of one location
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/network" should have at least 1 item
    And the response field "/network" should have an item whose "/id" is "${network_id}"
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${location}"
    Then the response should conform to the contract
    And the response status should be 200
    And every item of the response field "/network" should have "/location" equal to "${location}"


  @fixture:network_lb
  Scenario: Network details and configuration
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation"
    Then the response should conform to the contract
    Then I save "/name" of the first item of "/network" whose "/id" is "${network_lb}" as "name"
    And I save "/privateNet" of the first item of "/network" whose "/id" is "${network_lb}" as "net"
    And I save "/location" of the first item of "/network" whose "/id" is "${network_lb}" as "where"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "${name}"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/config"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/privateNet" should be "${net}"
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${network_lb}/config"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/location" should be "${where}"

  @destructive @fixture:location
  Scenario: Network lifecycle: create with location, rename, multicast, delete
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network">
        <name>${run_id}-Lifecycle Network</name>
        <description>created by the lifecycle scenario</description>
        <location>${location}</location>
      </NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network">
        <name>${run_id}-Lifecycle Network</name>
        <location>${location}</location>
      </NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_210"
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${location}"
    Then the response should conform to the contract
    And the response field "/network" should have an item whose "/name" is "${run_id}-Lifecycle Network"
    And I save "/id" of the first item of "/network" whose "/name" is "${run_id}-Lifecycle Network" as "network"
    When I send a POST request to "/oec/0.9/${org}/network/${network}" with form:
      | name        | ${run_id}-Lifecycle Network B |
      | description | renamed             |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/network/${network}/multicast" with form:
      | enabled | true |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/network/${network}"
    Then the response should conform to the contract
    And the response field "/name" should be "${run_id}-Lifecycle Network B"
    And the response field "/multicast" should be "true"
    When I send a GET request to "/oec/0.9/${org}/network/${network}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_371"
    When I send a POST request to "/oec/0.9/${org}/network/${network}/multicast" with form:
      | enabled | false |
    Then the response should conform to the contract
    And the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/network/${network}/multicast" with form:
      | enabled | false |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_372"
    When I send a GET request to "/oec/0.9/${org}/network/${network}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/network/${network}"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_250"

  @destructive
  Scenario: Deprecated Create Network and List Networks in the default location
    When I send a POST request to "/oec/0.9/${org}/network" with body:
      """xml
      <Network xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-Legacy Network</name><description>deprecated create</description></Network>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/network" with body:
      """xml
      <Network xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-Legacy Network</name></Network>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_210"
    When I send a GET request to "/oec/0.9/${org}/network"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/Network" should have an item whose "/name" is "${run_id}-Legacy Network"
    And I save "/id" of the first item of "/Network" whose "/name" is "${run_id}-Legacy Network" as "network"
    When I send a GET request to "/oec/0.9/${org}/network/${network}?delete"
    Then the response should conform to the contract
    And the response status should be 200

  @destructive @fixture:network_lb
  Scenario: ACL rule lifecycle on a network
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/aclrule"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/AclRule" should have at least 1 item
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/aclrule" with body:
      """xml
      <AclRule xmlns="http://oec.api.opsource.net/schemas/network">
        <name>${run_id}-allow-smtp</name>
        <position>150</position>
        <action>PERMIT</action>
        <protocol>TCP</protocol>
        <sourceIpRange><ipAddress>10.0.0.0</ipAddress><netmask>255.0.0.0</netmask></sourceIpRange>
        <portRange><type>EQUAL_TO</type><port1>25</port1></portRange>
        <type>OUTSIDE_ACL</type>
      </AclRule>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "${run_id}-allow-smtp"
    And the response field "/position" should be "150"
    And I save the response field "/id" as "acl"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/aclrule/${acl}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/aclrule/${acl}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_280"

  Scenario Outline: An ACL rule with <problem> answers <code>
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/aclrule"
    Then the response should conform to the contract
    Then I save the response field "/AclRule/0/position" as "taken_position"
    And I save the response field "/AclRule/0/name" as "taken_name"
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/aclrule" with body:
      """xml
      <AclRule xmlns="http://oec.api.opsource.net/schemas/network">
        <name><rule_name></name>
        <position><rule_position></position>
        <action>DENY</action>
        <protocol>UDP</protocol>
        <portRange><type><port_type></type><port1><port></port1></portRange>
        <type>OUTSIDE_ACL</type>
      </AclRule>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    @destructive @fixture:network_lb
    Examples:
      | problem                  | rule_name  | rule_position | port_type | port  | code       |
      | a position already taken | ${run_id}-deny-udp-1 | ${taken_position} | EQUAL_TO  | 53    | REASON_290 |
      | a position out of range  | ${run_id}-deny-udp-2 | 50                | EQUAL_TO  | 53    | REASON_294 |
      | a port out of range      | ${run_id}-deny-udp-3 | 420               | EQUAL_TO  | 70000 | REASON_291 |
      | a name already used      | ${taken_name}        | 430               | EQUAL_TO  | 53    | REASON_293 |
      | an unknown port type     | ${run_id}-deny-udp-4 | 440               | SOMETIMES | 53    | REASON_320 |

  @destructive @fixture:network_lb
  Scenario: NAT rule lifecycle on a network
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/natrule"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/NatRule" should have at least 1 item
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${network_lb}/config"
    Then the response should conform to the contract
    Then I save the response field "/location" as "where"
    When I send a GET request to "/oec/0.9/base/image/${where}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/ServerImage" as "image"
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-nat-01</name>
        <vlanResourcePath>/oec/${org}/network/${network_lb}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image}</imageResourcePath>
        <administratorPassword>P@ssw0rd-nat</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-nat-01"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/id" as "server"
    And I save the response field "/serverWithState/0/privateIp" as "ip"
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/natrule" with body:
      """xml
      <NatRule xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-nat</name><sourceIp>${ip}</sourceIp></NatRule>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/sourceIp" should be "${ip}"
    And I save the response field "/id" as "nat"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/natrule/${nat}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/natrule/${nat}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response body should contain "REASON_260" or "REASON_270"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?delete"
    Then the response should conform to the contract
    Then the response status should be 200

  Scenario Outline: A NAT rule for <source> answers <code>
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/natrule"
    Then the response should conform to the contract
    Then I save the response field "/NatRule/0/sourceIp" as "natted"
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/natrule" with body:
      """xml
      <NatRule xmlns="http://oec.api.opsource.net/schemas/network"><sourceIp><source></sourceIp></NatRule>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    @destructive @fixture:network_lb
    Examples:
      | source      | code       |
      | ${natted}   | REASON_272 |
      | 10.99.0.1   | REASON_240 |
      | not-an-ip   | REASON_320 |

  @destructive @fixture:network_lb
  Scenario: Reserve a public IP block of a size, set server to VIP connectivity, release it
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/publicip?reserveNewWithSize=4"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And the response field "/additionalInformation/0/name" should be "ipBlock.id"
    And I save the response field "/additionalInformation/0/value" as "block"
    And the response field "/additionalInformation/1/name" should be "ipBlock.baseIp"
    And I save the response field "/additionalInformation/1/value" as "base"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/publicip/${block}" with form:
      | serverToVipConnectivity | true |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/publicip/${block}" with form:
      | serverToVipConnectivity | true |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_341"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/serverFarm"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/serverFarm" as "farm"
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/vip" with body:
      """xml
      <NewVip xmlns="http://oec.api.opsource.net/schemas/vip">
        <name>${run_id}-vip-block</name>
        <ipAddress>${base}</ipAddress>
        <port>8443</port>
        <protocol>TCP</protocol>
        <vipTargetType>SERVER_FARM</vipTargetType>
        <vipTargetId>${farm}</vipTargetId>
        <replyToIcmp>false</replyToIcmp>
        <inService>false</inService>
      </NewVip>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/publicip/${block}?release"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_360"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/vip"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/vip" whose "/name" is "${run_id}-vip-block" as "vip"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/vip/${vip}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/publicip/${block}?release"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/publicip/${block}?release"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_370"

  @destructive @fixture:network_lb
  Scenario: Deprecated Reserve Public IP Block, then release it
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/publicip?reserveNew"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And I save the response field "/additionalInformation/0/value" as "block"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/publicip/${block}?release"
    Then the response should conform to the contract
    And the response status should be 200

  Scenario Outline: GET <request> on a network answers <code>
    When I send a GET request to "/oec/0.9/${org}/network/<request>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    @destructive @fixture:network_lb
    Examples:
      | request                                                                                    | code       |
      | ${network_lb}?delete                                                | REASON_380 |
      | ${network_lb}/publicip?reserveNewWithSize=3                         | REASON_330 |
      | ${network_lb}/aclrule/00000000-0000-0000-0000-000000000000?delete   | REASON_280 |
      | ${network_lb}/publicip/00000000-0000-0000-0000-000000000000?release | REASON_370 |

    @destructive
    Examples:
      | request                                                                                    | code       |
      | 00000000-0000-0000-0000-000000000000?delete                                                | REASON_250 |

    Examples:
      | request                                                                                    | code       |
      | 00000000-0000-0000-0000-000000000000                                                       | REASON_250 |
      | 00000000-0000-0000-0000-000000000000/aclrule                                               | REASON_250 |
      | 00000000-0000-0000-0000-000000000000/natrule                                               | REASON_250 |
      | 00000000-0000-0000-0000-000000000000/config                                                | REASON_250 |

  @destructive @fixture:location
  Scenario: Deleting a network that holds a public IP block answers REASON_384
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-Block Network</name><location>${location}</location></NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${location}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/network" whose "/name" is "${run_id}-Block Network" as "network"
    When I send a GET request to "/oec/0.9/${org}/network/${network}/publicip?reserveNewWithSize=4"
    Then the response should conform to the contract
    And the response status should be 200
    And I save the response field "/additionalInformation/0/value" as "block"
    When I send a GET request to "/oec/0.9/${org}/network/${network}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_384"
    When I send a GET request to "/oec/0.9/${org}/network/${network}/publicip/${block}?release"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/network/${network}?delete"
    Then the response should conform to the contract
    And the response status should be 200

  # A server farm needs only a name and a predictor (line 5298): one without real servers leaves
  # the network without servers, so only the farm stands in the way.
  @destructive @fixture:location
  Scenario: Deleting a network that holds a server farm answers REASON_388
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-Farm Network</name><location>${location}</location></NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${location}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/network" whose "/name" is "${run_id}-Farm Network" as "network"
    When I send a POST request to "/oec/0.9/${org}/network/${network}/serverFarm" with body:
      """xml
      <NewServerFarm xmlns="http://oec.api.opsource.net/schemas/vip"><name>${run_id}-lonefarm</name><predictor>ROUND_ROBIN</predictor></NewServerFarm>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/network/${network}/serverFarm"
    Then the response should conform to the contract
    And I save "/id" of the first item of "/serverFarm" whose "/name" is "${run_id}-lonefarm" as "farm"
    When I send a GET request to "/oec/0.9/${org}/network/${network}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_388"
    When I send a GET request to "/oec/0.9/${org}/network/${network}/serverFarm/${farm}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/network/${network}?delete"
    Then the response should conform to the contract
    And the response status should be 200

  # Names one character over their documented maximum (75, lines 4172, 4265 and 8003); each run's
  # names start with the run id, so that one a cloud should accept is found by cleanup.
  @destructive @fixture:location
  Scenario: A network name over 75 characters answers REASON_320
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-123456789012345678901234567890123456789012345678901234567890123456789012345</name><location>${location}</location></NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
    When I send a POST request to "/oec/0.9/${org}/network" with body:
      """xml
      <Network xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-123456789012345678901234567890123456789012345678901234567890123456789012345</name></Network>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-Long Name Network</name><location>${location}</location></NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${location}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/network" whose "/name" is "${run_id}-Long Name Network" as "network"
    When I send a POST request to "/oec/0.9/${org}/network/${network}" with form:
      | name | ${run_id}-123456789012345678901234567890123456789012345678901234567890123456789012345 |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
    When I send a GET request to "/oec/0.9/${org}/network/${network}?delete"
    Then the response should conform to the contract
    And the response status should be 200

  @destructive
  Scenario: Creating a network in an unknown location answers REASON_770
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-Nowhere Network</name><location>XX9</location></NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_770"

  Scenario: Listing the networks of an unknown location answers REASON_770
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/XX9"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_770"

  @destructive @fixture:location
  Scenario: Renaming a network to the name of another answers REASON_210
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-Rename Network</name><location>${location}</location></NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${location}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/network" whose "/name" is "${run_id}-Rename Network" as "network"
    And I save "/name" of the first item of "/network" whose "/name" is not "${run_id}-Rename Network" as "taken"
    When I send a POST request to "/oec/0.9/${org}/network/${network}" with form:
      | name | ${taken} |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_210"

  @destructive @fixture:network_id
  Scenario: Setting multicast to a value that is not a boolean answers REASON_320
    When I send a POST request to "/oec/0.9/${org}/network/${network_id}/multicast" with form:
      | enabled | sometimes |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

  @destructive @fixture:network_lb
  Scenario: Releasing a public IP block in use answers REASON_350
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/config"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/publicIps" whose "/networkDefault" is "true" as "block"
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/publicip/${block}?release"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_350"

  @destructive @fixture:network_lb
  Scenario: Server to VIP connectivity that is not a boolean answers REASON_320
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/config"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/publicIps" as "block"
    When I send a POST request to "/oec/0.9/${org}/network/${network_lb}/publicip/${block}" with form:
      | serverToVipConnectivity | maybe |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
