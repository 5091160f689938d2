@cloudcontrol @networks
Feature: Network (section 7) and the deprecated network functions (section 14)
  Networks are created and deleted by the scenario that needs them (NA5 for the network
  lifecycle, the default NA1 for the deprecated Create Network); ACL and NAT rules are added to
  and removed from the Web Network, public IP blocks reserved on and released from the
  Development Network. Seeded rules and blocks are only read or faulted.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  Scenario: List networks with their location, and those of one location
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/network" should have at least 5 items
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/NA1"
    Then the response should conform to the contract
    And the response status should be 200
    And every item of the response field "/network" should have "/location" equal to "NA1"

  Scenario: Network details and configuration
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "Web Network"
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/config"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/privateNet" should be "10.162.1.0"
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/a4c8b1e2-0c1d-11e3-b29c-001517c46401/config"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/location" should be "NA1"

  Scenario: Network lifecycle: create with location, rename, multicast, delete
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network">
        <name>${run_id}-Lifecycle Network</name>
        <description>created by the lifecycle scenario</description>
        <location>NA5</location>
      </NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network">
        <name>${run_id}-Lifecycle Network</name>
        <location>NA5</location>
      </NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_210"
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/NA5"
    Then the response should conform to the contract
    And the response field "/network" should have 2 items
    And the response field "/network/1/name" should be "${run_id}-Lifecycle Network"
    And I save the response field "/network/1/id" as "network"
    When I send a POST request to "/oec/0.9/${org}/network/${network}" with form:
      | name        | ${run_id}-Lifecycle Network B |
      | description | renamed             |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "/oec/0.9/${org}/network/${network}/multicast" with form:
      | enabled | true |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
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

  Scenario: Deprecated Create Network and List Networks in the default location
    When I send a POST request to "/oec/0.9/${org}/network" with body:
      """xml
      <Network xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-Legacy Network</name><description>deprecated create</description></Network>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/network"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/Network" should have 3 items
    And the response field "/Network/2/name" should be "${run_id}-Legacy Network"
    And I save the response field "/Network/2/id" as "network"
    When I send a GET request to "/oec/0.9/${org}/network/${network}?delete"
    Then the response should conform to the contract
    And the response status should be 200

  Scenario: ACL rule lifecycle on the Web Network
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/aclrule"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/AclRule" should have at least 3 items
    When I send a POST request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/aclrule" with body:
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
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/aclrule/${acl}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/aclrule/${acl}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_280"

  Scenario Outline: An ACL rule with <problem> answers <code>
    When I send a POST request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/aclrule" with body:
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

    Examples:
      | problem                  | rule_name  | rule_position | port_type | port  | code       |
      | a position already taken | deny-udp-1 | 100           | EQUAL_TO  | 53    | REASON_290 |
      | a position out of range  | deny-udp-2 | 50            | EQUAL_TO  | 53    | REASON_294 |
      | a port out of range      | deny-udp-3 | 420           | EQUAL_TO  | 70000 | REASON_291 |
      | a name already used      | allow-http | 430           | EQUAL_TO  | 53    | REASON_293 |
      | an unknown port type     | deny-udp-4 | 440           | SOMETIMES | 53    | REASON_320 |

  Scenario: NAT rule lifecycle on the Web Network
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/natrule"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/NatRule" should have at least 1 item
    When I send a POST request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/natrule" with body:
      """xml
      <NatRule xmlns="http://oec.api.opsource.net/schemas/network"><name>web-02</name><sourceIp>10.162.1.12</sourceIp></NatRule>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/sourceIp" should be "10.162.1.12"
    And I save the response field "/id" as "nat"
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/natrule/${nat}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/natrule/${nat}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_270"

  Scenario Outline: A NAT rule for <source> answers <code>
    When I send a POST request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/natrule" with body:
      """xml
      <NatRule xmlns="http://oec.api.opsource.net/schemas/network"><sourceIp><source></sourceIp></NatRule>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    Examples:
      | source      | code       |
      | 10.162.1.11 | REASON_272 |
      | 10.99.0.1   | REASON_240 |
      | not-an-ip   | REASON_320 |

  Scenario: Reserve a public IP block of a size, set server to VIP connectivity, release it
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46403/publicip?reserveNewWithSize=4"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And the response field "/additionalInformation/0/name" should be "ipBlock.id"
    And I save the response field "/additionalInformation/0/value" as "block"
    When I send a POST request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46403/publicip/${block}" with form:
      | serverToVipConnectivity | true |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46403/publicip/${block}" with form:
      | serverToVipConnectivity | true |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_341"
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46403/publicip/${block}?release"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46403/publicip/${block}?release"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_370"

  Scenario: Deprecated Reserve Public IP Block, then release it
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46403/publicip?reserveNew"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And I save the response field "/additionalInformation/0/value" as "block"
    When I send a GET request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46403/publicip/${block}?release"
    Then the response should conform to the contract
    And the response status should be 200

  Scenario Outline: GET <request> on a network answers <code>
    When I send a GET request to "/oec/0.9/${org}/network/<request>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    Examples:
      | request                                                                                    | code       |
      | a4c8b1e2-0c1d-11e3-b29c-001517c46401?delete                                                | REASON_380 |
      | 00000000-0000-0000-0000-000000000000?delete                                                | REASON_250 |
      | 00000000-0000-0000-0000-000000000000                                                       | REASON_250 |
      | 00000000-0000-0000-0000-000000000000/aclrule                                               | REASON_250 |
      | 00000000-0000-0000-0000-000000000000/natrule                                               | REASON_250 |
      | 00000000-0000-0000-0000-000000000000/config                                                | REASON_250 |
      | a4c8b1e2-0c1d-11e3-b29c-001517c46401/publicip/b5d0f2a6-0c1d-11e3-b29c-001517c46501?release | REASON_350 |
      | a4c8b1e2-0c1d-11e3-b29c-001517c46401/publicip?reserveNewWithSize=3                         | REASON_330 |
      | a4c8b1e2-0c1d-11e3-b29c-001517c46401/aclrule/00000000-0000-0000-0000-000000000000?delete   | REASON_280 |
      | a4c8b1e2-0c1d-11e3-b29c-001517c46401/natrule/00000000-0000-0000-0000-000000000000?delete   | REASON_270 |
      | a4c8b1e2-0c1d-11e3-b29c-001517c46401/publicip/00000000-0000-0000-0000-000000000000?release | REASON_370 |

  Scenario: Creating a network in an unknown location answers REASON_770
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network"><name>Nowhere Network</name><location>XX9</location></NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_770"

  Scenario: Listing the networks of an unknown location answers REASON_770
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/XX9"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_770"

  Scenario: Renaming a network to the name of another answers REASON_210
    When I send a POST request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46402" with form:
      | name | Web Network |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_210"

  Scenario: Setting multicast to a value that is not a boolean answers REASON_320
    When I send a POST request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46404/multicast" with form:
      | enabled | sometimes |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

  Scenario: Server to VIP connectivity that is not a boolean answers REASON_320
    When I send a POST request to "/oec/0.9/${org}/network/a4c8b1e2-0c1d-11e3-b29c-001517c46401/publicip/b5d0f2a6-0c1d-11e3-b29c-001517c46501" with form:
      | serverToVipConnectivity | maybe |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
