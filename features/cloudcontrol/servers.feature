@cloudcontrol @servers
Feature: Server (section 5) and the deprecated server functions (section 13)
  Servers are deployed by each scenario that changes them (found again by name through
  GET serverWithState?name=); seeded servers are only read, or faulted in a state no scenario
  changes: fixture variables name a started server, one with a change pending, one without
  VMware Tools running, a location in maintenance; a failed deployment is cleaned and a server's
  outdated VMware Tools are updated by one scenario each.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  @destructive @fixture:image_id @fixture:location @fixture:network_id
  Scenario: Server lifecycle: deploy stopped, start, shut down, and delete
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-lifecycle-01</name>
        <description>deploy, start, shutdown, delete</description>
        <vlanResourcePath>/oec/${org}/network/${network_id}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image_id}</imageResourcePath>
        <administratorPassword>P@ssw0rd-lifecycle</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-lifecycle-01"
    Then the response should conform to the contract
    And the response field "/serverWithState" should have 1 item
    And the response field "/serverWithState/0/isStarted" should be "false"
    And the response field "/serverWithState/0/isDeployed" should be "true"
    And the response field "/serverWithState/0/location" should be "${location}"
    And I save the response field "/serverWithState/0/id" as "server"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/server/${server}?start"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server}"
    Then the response should conform to the contract
    Then the response field "/serverWithState/0/isStarted" should be "true"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_40"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?shutdown"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server}"
    Then the response should conform to the contract
    Then the response field "/serverWithState/0/isStarted" should be "false"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server}"
    Then the response should conform to the contract
    And the response field "/totalCount" should be "0"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?start"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_395"

  @destructive @fixture:image_id @fixture:network_id
  Scenario: Every power action on a started server, then modify and delete it
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-power-01</name>
        <description>power actions</description>
        <vlanResourcePath>/oec/${org}/network/${network_id}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image_id}</imageResourcePath>
        <administratorPassword>P@ssw0rd-power</administratorPassword>
        <isStarted>true</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-power-01"
    Then the response should conform to the contract
    Then the response field "/serverWithState/0/isStarted" should be "true"
    And I save the response field "/serverWithState/0/id" as "server"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?reboot"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?reset"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/server/${server}?poweroff"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/server/${server}?poweroff"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_40"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?restart"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/server/${server}?stop"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/server/${server}" with form:
      | name        | ${run_id}-power-01b |
      | description | modified  |
      | cpuCount    | 4         |
      | memory      | 8192      |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/server/${server}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "${run_id}-power-01b"
    And the response field "/cpuCount" should be "4"
    When I send a POST request to "/oec/0.9/${org}/server/${server}" with form:
      | cpuCount | 99 |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?delete"
    Then the response should conform to the contract
    And the response status should be 200

  @destructive @fixture:image_id @fixture:location
  Scenario: Notify the system of a private IP address change
    When I send a POST request to "/oec/0.9/${org}/networkWithLocation" with body:
      """xml
      <NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-renumber-net</name><location>${location}</location></NewNetworkWithLocation>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/networkWithLocation/${location}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/network" whose "/name" is "${run_id}-renumber-net" as "net"
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-renumber-01</name>
        <vlanResourcePath>/oec/${org}/network/${net}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image_id}</imageResourcePath>
        <administratorPassword>P@ssw0rd-server</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-renumber-01"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/id" as "server"
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-renumber-02</name>
        <vlanResourcePath>/oec/${org}/network/${net}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image_id}</imageResourcePath>
        <administratorPassword>P@ssw0rd-other</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-renumber-02"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/id" as "other"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${other}"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/privateIp" as "taken"
    When I send a POST request to "/oec/0.9/${org}/server/${server}" with form:
      | privateIp | ${taken} |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_241"
    When I send a GET request to "/oec/0.9/${org}/server/${other}?delete"
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/server/${server}" with form:
      | privateIp | ${taken} |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server}"
    Then the response should conform to the contract
    Then the response field "/serverWithState/0/privateIp" should be "${taken}"
    When I send a POST request to "/oec/0.9/${org}/server/${server}" with form:
      | privateIp | 10.99.1.5 |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_240"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?delete"
    Then the response should conform to the contract
    Then the response status should be 200

    When I send a GET request to "/oec/0.9/${org}/network/${net}?delete"
    Then the response should conform to the contract
    Then the response status should be 200

  @destructive @fixture:image_id @fixture:network_id
  Scenario: Add local storage, change its speed and remove it
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-storage-01</name>
        <vlanResourcePath>/oec/${org}/network/${network_id}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image_id}</imageResourcePath>
        <administratorPassword>P@ssw0rd-storage</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-storage-01"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/id" as "server"
    And I save the response field "/serverWithState/0/disk/0/id" as "osdisk"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?addLocalStorage&amount=20&speed=STANDARD"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/server/${server}?addLocalStorage&amount=5000"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?addLocalStorage&amount=20&speed=WARP"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_826"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server}"
    Then the response should conform to the contract
    Then the response field "/serverWithState/0/disk" should have 2 items
    And the response field "/serverWithState/0/disk/1/sizeGb" should be "20"
    And I save the response field "/serverWithState/0/disk/1/id" as "disk"
    When I send a POST request to "/oec/0.9/${org}/server/${server}/disk/${disk}/changeSpeed" with body:
      """xml
      <ChangeDiskSpeed xmlns="http://oec.api.opsource.net/schemas/server"><speed>ECONOMY</speed></ChangeDiskSpeed>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server}"
    Then the response should conform to the contract
    Then the response field "/serverWithState/0/disk/1/speed" should be "ECONOMY"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/disk/${osdisk}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_696"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/disk/${disk}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/disk/${disk}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_394"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?delete"
    Then the response should conform to the contract
    Then the response status should be 200

  @destructive @fixture:image_id @fixture:location @fixture:network_id
  Scenario: Clone a server to a customer image, edit and delete the image
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-clone-src-01</name>
        <vlanResourcePath>/oec/${org}/network/${network_id}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image_id}</imageResourcePath>
        <administratorPassword>P@ssw0rd-clone</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-clone-src-01"
    Then the response should conform to the contract
    Then the response field "/serverWithState/0/location" should be "${location}"
    And I save the response field "/serverWithState/0/id" as "server"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?clone=${run_id}-clone-image&desc=cloned"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/server/${server}?clone=${run_id}-clone-image&desc=again"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_391"
    When I send a POST request to "/oec/0.9/${org}/image/nameExists" with body:
      """xml
      <ImageNameExists xmlns="http://oec.api.opsource.net/schemas/server"><location>${location}</location><imageName>${run_id}-clone-image</imageName></ImageNameExists>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/image/deployedWithSoftwareLabels/${location}"
    Then the response should conform to the contract
    And the response field "/DeployedImageWithSoftwareLabels" should have an item whose "/name" is "${run_id}-clone-image"
    And I save "/id" of the first item of "/DeployedImageWithSoftwareLabels" whose "/name" is "${run_id}-clone-image" as "image"
    When I send a POST request to "/oec/0.9/${org}/image/${image}" with form:
      | description | A cloned image, edited |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/image/${image}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/description" should be "A cloned image, edited"
    When I send a GET request to "/oec/0.9/${org}/image/${image}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/image/${image}"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_390"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?delete"
    Then the response should conform to the contract
    Then the response status should be 200

  # A failed deployment is in neither of the states a rule accepts, NORMAL and PENDING_CHANGE
  # (line 3250), before it is cleaned.
  @destructive @fixture:server_failed @fixture:server_started
  Scenario: Clean a failed server deployment, which no anti-affinity rule may name
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server_failed}"
    Then the response should conform to the contract
    Then the response field "/serverWithState/0/state" should be "FAILED_ADD"
    When I send a POST request to "/oec/0.9/${org}/antiAffinityRule" with body:
      """xml
      <NewAntiAffinityRule xmlns="http://oec.api.opsource.net/schemas/server"><serverId>${server_failed}</serverId><serverId>${server_started}</serverId></NewAntiAffinityRule>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_392"
    When I send a GET request to "/oec/0.9/${org}/server/${server_failed}?clean"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/server/${server_failed}?clean"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_395"

  @destructive @fixture:server_tools_outdated
  Scenario: Update the VMware Tools of a server that needs it
    When I send a GET request to "/oec/0.9/${org}/server/${server_tools_outdated}?updateVMwareTools"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/server/${server_tools_outdated}?updateVMwareTools"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_820"

  @destructive @fixture:image_id @fixture:location @fixture:network_id
  Scenario: Create and delete a server anti-affinity rule
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-aa-01</name>
        <vlanResourcePath>/oec/${org}/network/${network_id}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image_id}</imageResourcePath>
        <administratorPassword>P@ssw0rd-aa1</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-aa-01"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/id" as "aa1"
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-aa-02</name>
        <vlanResourcePath>/oec/${org}/network/${network_id}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image_id}</imageResourcePath>
        <administratorPassword>P@ssw0rd-aa2</administratorPassword>
        <isStarted>false</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-aa-02"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/id" as "aa2"
    When I send a POST request to "/oec/0.9/${org}/antiAffinityRule" with body:
      """xml
      <NewAntiAffinityRule xmlns="http://oec.api.opsource.net/schemas/server">
        <serverId>${aa1}</serverId>
        <serverId>${aa2}</serverId>
      </NewAntiAffinityRule>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And the response field "/additionalInformation/0/name" should be "antiaffinityrule.id"
    And I save the response field "/additionalInformation/0/value" as "rule"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/antiAffinityRule?id=${rule}"
    Then the response should conform to the contract
    And the response field "/antiAffinityRule" should have 1 item
    And the response field "/antiAffinityRule/0/location" should be "${location}"
    When I send a POST request to "/oec/0.9/${org}/antiAffinityRule" with body:
      """xml
      <NewAntiAffinityRule xmlns="http://oec.api.opsource.net/schemas/server">
        <serverId>${aa1}</serverId>
        <serverId>${aa2}</serverId>
      </NewAntiAffinityRule>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_692"
    When I send a GET request to "/oec/0.9/${org}/server/${aa1}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_692"
    When I send a GET request to "/oec/0.9/${org}/antiAffinityRule/${rule}?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/antiAffinityRule/${rule}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_693"

  Scenario Outline: <action> of <server> answers <code>
    When I send a GET request to "/oec/0.9/${org}/server/<server>?<action>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"
    And the response field "/result" should be "ERROR"

    @destructive @fixture:server_started
    Examples:
      | action                      | server                               | code       |
      | start                       | ${server_started}         | REASON_40  |
      | delete                      | ${server_started}         | REASON_40  |
      | clean                       | ${server_started}         | REASON_392 |
      | updateVMwareTools           | ${server_started}         | REASON_820 |
      | addLocalStorage&amount=1    | ${server_started}         | REASON_320 |
      | restart                     | ${server_started}         | REASON_40  |

    @destructive @fixture:server_stopped
    Examples:
      | action                      | server                               | code       |
      | shutdown                    | ${server_stopped}         | REASON_40  |
      | reboot                      | ${server_stopped}         | REASON_40  |
      | reset                       | ${server_stopped}         | REASON_40  |
      | stop                        | ${server_stopped}         | REASON_40  |

    @destructive @fixture:server_pending_change
    Examples:
      | action                      | server                               | code       |
      | poweroff                    | ${server_pending_change}  | REASON_392 |
      | start                       | ${server_pending_change}  | REASON_392 |
      | delete                      | ${server_pending_change}  | REASON_392 |
      | restart                     | ${server_pending_change}  | REASON_392 |
      | shutdown                    | ${server_pending_change}  | REASON_392 |
      | reboot                      | ${server_pending_change}  | REASON_392 |
      | reset                       | ${server_pending_change}  | REASON_392 |
      | stop                        | ${server_pending_change}  | REASON_392 |
      | updateVMwareTools           | ${server_pending_change}  | REASON_392 |
      | addLocalStorage&amount=10   | ${server_pending_change}  | REASON_392 |
      | clone=${run_id}-pending-img | ${server_pending_change}  | REASON_392 |

    @destructive @fixture:server_tools_not_running
    Examples:
      | action                      | server                               | code       |
      | shutdown                    | ${server_tools_not_running} | REASON_800 |
      | reboot                      | ${server_tools_not_running} | REASON_800 |

    @destructive @fixture:server_backup
    Examples:
      | action                      | server                               | code       |
      | clone=${run_id}-bk-image    | ${server_backup}          | REASON_550 |

    @destructive
    Examples:
      | action                      | server                               | code       |
      | start                       | 00000000-0000-0000-0000-000000000000 | REASON_395 |
      | stop                        | 00000000-0000-0000-0000-000000000000 | REASON_395 |

  @destructive @fixture:image_customer
  Scenario: Cloning to the name of a customer image of the location answers REASON_391
    When I send a GET request to "/oec/0.9/${org}/image/${image_customer}"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/name" as "taken"
    And I save the response field "/location" as "where"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?location=${where}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/serverWithState" whose "/state" is "NORMAL" as "server"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?clone=${taken}&desc=dup"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_391"
    And the response field "/result" should be "ERROR"

  @destructive @fixture:server_stopped
  Scenario: Removing an unknown disk answers REASON_394
    When I send a GET request to "/oec/0.9/${org}/server/${server_stopped}/disk/00000000-0000-0000-0000-000000000000?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_394"

  # The server keeps its own address: only the association with a real server is wrong (line 2829).
  @destructive @fixture:network_lb
  Scenario: Changing the private IP of a server that is a real server answers REASON_393
    When I send a GET request to "/oec/0.9/${org}/network/${network_lb}/realServer"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save "/serverId" of the first item of "/realServer" as "server"
    And I save "/serverIp" of the first item of "/realServer" as "ip"
    When I send a POST request to "/oec/0.9/${org}/server/${server}" with form:
      | privateIp | ${ip} |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_393"

  @destructive @fixture:server_stopped
  Scenario: Changing the speed of an unknown disk answers REASON_394
    When I send a POST request to "/oec/0.9/${org}/server/${server_stopped}/disk/00000000-0000-0000-0000-000000000000/changeSpeed" with body:
      """xml
      <ChangeDiskSpeed xmlns="http://oec.api.opsource.net/schemas/server"><speed>STANDARD</speed></ChangeDiskSpeed>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_394"

  @destructive @fixture:server_pending_change
  Scenario: Changing a disk of a server with an operation in progress to its own speed answers REASON_392
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server_pending_change}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/serverWithState/0/disk" as "disk"
    And I save "/speed" of the first item of "/serverWithState/0/disk" as "speed"
    When I send a POST request to "/oec/0.9/${org}/server/${server_pending_change}/disk/${disk}/changeSpeed" with body:
      """xml
      <ChangeDiskSpeed xmlns="http://oec.api.opsource.net/schemas/server"><speed>${speed}</speed></ChangeDiskSpeed>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_392"

  # Its first disk is the operating system's, which no request removes: nothing changes whatever
  # the answer.
  @destructive @fixture:server_pending_change
  Scenario: Removing a disk of a server with an operation in progress answers REASON_392
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server_pending_change}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/serverWithState/0/disk" as "disk"
    When I send a GET request to "/oec/0.9/${org}/server/${server_pending_change}/disk/${disk}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_392"

  @destructive @fixture:server_pending_change
  Scenario: Modifying a server with an operation in progress answers REASON_392
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server_pending_change}"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/name" as "name"
    When I send a POST request to "/oec/0.9/${org}/server/${server_pending_change}" with form:
      | name | ${name} |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_392"

  @destructive @fixture:server_stopped
  Scenario: Changing the speed of a disk to an unknown speed answers REASON_826
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server_stopped}"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/serverWithState/0/disk" as "disk"
    When I send a POST request to "/oec/0.9/${org}/server/${server_stopped}/disk/${disk}/changeSpeed" with body:
      """xml
      <ChangeDiskSpeed xmlns="http://oec.api.opsource.net/schemas/server"><speed>WARP</speed></ChangeDiskSpeed>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_826"

  @destructive @fixture:image_maintenance @fixture:network_maintenance
  Scenario: Deploying into a data center in maintenance answers REASON_51
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-maintenance-01</name>
        <vlanResourcePath>/oec/${org}/network/${network_maintenance}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image_maintenance}</imageResourcePath>
        <administratorPassword>P@ssw0rd-maintenance</administratorPassword>
        <isStarted>true</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_51"

  Scenario Outline: Deploying a server with <problem> answers <code>
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name><server_name></name>
        <vlanResourcePath>/oec/${org}/network/<network></vlanResourcePath>
        <imageResourcePath>/oec/base/image/<image></imageResourcePath>
        <administratorPassword>P@ssw0rd-bad</administratorPassword>
        <isStarted><started></isStarted>
      </Server>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    @destructive @fixture:image_id
    Examples:
      | problem                         | server_name | network                              | image                                | started | code       |
      | an unknown network              | ${run_id}-bad-01 | 00000000-0000-0000-0000-000000000000 | ${image_id}                          | true    | REASON_250 |

    @destructive @fixture:network_id
    Examples:
      | problem                         | server_name | network                              | image                                | started | code       |
      | an unknown image                | ${run_id}-bad-02 | ${network_id}                        | 00000000-0000-0000-0000-000000000000 | true    | REASON_390 |

    @destructive @fixture:image_other @fixture:network_id
    Examples:
      | problem                         | server_name | network                              | image                                | started | code       |
      | an image of another data center | ${run_id}-bad-03 | ${network_id}                        | ${image_other}                       | true    | REASON_320 |

    @destructive @fixture:image_id @fixture:network_id
    Examples:
      | problem                         | server_name | network                              | image                                | started | code       |
      | isStarted not a boolean         | ${run_id}-bad-04 | ${network_id}                        | ${image_id}                          | maybe   | REASON_320 |

  @destructive
  Scenario: Deploying with a body that is not XML answers REASON_60
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      this is not XML
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_60"

  @destructive @fixture:rule_pending
  Scenario: Deleting an anti-affinity rule with an operation pending answers REASON_40
    When I send a GET request to "/oec/0.9/${org}/antiAffinityRule/${rule_pending}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_40"

  @destructive @fixture:server_started @fixture:server_stopped
  Scenario: An anti-affinity rule across networks answers REASON_691
    When I send a POST request to "/oec/0.9/${org}/antiAffinityRule" with body:
      """xml
      <NewAntiAffinityRule xmlns="http://oec.api.opsource.net/schemas/server">
        <serverId>${server_started}</serverId>
        <serverId>${server_stopped}</serverId>
      </NewAntiAffinityRule>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_691"


  @fixture:server_started
  Scenario: Server details of a seeded server
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server_started}"
    Then the response should conform to the contract
    Then the response field "/serverWithState" should have 1 item
    And I save the response field "/serverWithState/0/name" as "name"
    When I send a GET request to "/oec/0.9/${org}/server/${server_started}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "${name}"
    And the response field "/id" should be "${server_started}"
