@esc @representations
Feature: Every read in both representations (XML and JSON, by Accept)
  The document writes its models in XML and gives JSON as the alternative representation of the
  reads below (Response Content Type application/xml or application/json). Each read is sent once
  with Accept: application/xml and once with Accept: application/json (the header holds for one
  request, so it is set before each read); both answers must conform to
  the contract, come in the representation asked for, and say what the list or the create said.

  Background:
    Given I am authenticated

  @destructive @tenants @networks @volumes
  Scenario Outline: A tenant, its network, subnet and volume, listed and read as <accept>
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-rep-<tag>-tnt" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>rep-<tag></name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/${run_id}-rep-<tag>-tnt/networks/${run_id}-rep-<tag>-net" with body:
      """xml
      <network><name>rep-net-<tag></name><shared>false</shared><admin_state_up>true</admin_state_up></network>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_net"
    And the completion callback for transaction "${tx_net}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/${run_id}-rep-<tag>-tnt/subnets/${run_id}-rep-<tag>-sub" with body:
      """xml
      <subnet>
          <name>rep-sub-<tag></name>
          <internal_network_id>${run_id}-rep-<tag>-net</internal_network_id>
          <cidr>10.9.0.0/24</cidr>
          <gateway_ip>10.9.0.1</gateway_ip>
          <ip_version>4</ip_version>
      </subnet>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_sub"
    And the completion callback for transaction "${tx_sub}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/${run_id}-rep-<tag>-tnt/volumes/${run_id}-rep-<tag>-vol" with body:
      """xml
      <volume><name>rep-vol-<tag></name><size>3</size><sizeunit>GiB</sizeunit><bus>virtio</bus><type>lvm</type></volume>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_vol"
    And the completion callback for transaction "${tx_vol}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "" should have an item whose "/internal_tenant_id" is "${run_id}-rep-<tag>-tnt"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/tenants/${run_id}-rep-<tag>-tnt"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "/internal_tenant_id" should be "${run_id}-rep-<tag>-tnt"
    And the response field "/name" should be "rep-<tag>"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/${run_id}-rep-<tag>-tnt/networks/${run_id}-rep-<tag>-net"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "/name" should be "rep-net-<tag>"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/${run_id}-rep-<tag>-tnt/subnets/${run_id}-rep-<tag>-sub"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "/cidr" should be "10.9.0.0/24"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/${run_id}-rep-<tag>-tnt/volumes/${run_id}-rep-<tag>-vol"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "/size" should be "3"
    When I send a DELETE request to "/ESCManager/v0/${run_id}-rep-<tag>-tnt/volumes/${run_id}-rep-<tag>-vol"
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_vol_delete"
    And the completion callback for transaction "${tx_vol_delete}" should arrive within 10 seconds
    When I send a DELETE request to "/ESCManager/v0/${run_id}-rep-<tag>-tnt/networks/${run_id}-rep-<tag>-net"
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_net_delete"
    And the completion callback for transaction "${tx_net_delete}" should arrive within 10 seconds
    When I send a DELETE request to "/ESCManager/v0/tenants/${run_id}-rep-<tag>-tnt"
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant_delete"
    And the completion callback for transaction "${tx_tenant_delete}" should arrive within 10 seconds

    Examples:
      | accept           | tag  |
      | application/xml  | xml  |
      | application/json | json |

  @destructive @vims
  Scenario Outline: VIM connectors, a VIM user and the default connector, listed and read as <accept>
    When I send a POST request to "/ESCManager/v0/vims" with body:
      """xml
      <vim_connector>
          <id>${run_id}-rep-<tag>-vim</id>
          <type>OPENSTACK</type>
          <properties><property><name>os_auth_url</name><value>http://192.0.2.40:5000/v3</value></property></properties>
      </vim_connector>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_vim"
    And the completion callback for transaction "${tx_vim}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/vims/${run_id}-rep-<tag>-vim/vim_users" with body:
      """xml
      <vim_user>
          <id>${run_id}-rep-<tag>-user</id>
          <credentials><properties><property><name>os_user_domain_name</name><value>default</value></property></properties></credentials>
      </vim_user>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_user"
    And the completion callback for transaction "${tx_user}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/vims"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "" should have an item whose "/id" is "${run_id}-rep-<tag>-vim"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/vims/${run_id}-rep-<tag>-vim"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "/id" should be "${run_id}-rep-<tag>-vim"
    And the response field "/type" should be "OPENSTACK"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/vims/${run_id}-rep-<tag>-vim/vim_users/${run_id}-rep-<tag>-user"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "/id" should be "${run_id}-rep-<tag>-user"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/vims/default_vim_connector"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And I save the response field "/defaultVimConnectorId" as "default_vim"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/vims"
    Then the response status should be 200
    And the response field "" should have an item whose "/id" is "${default_vim}"
    When I send a DELETE request to "/ESCManager/v0/vims/${run_id}-rep-<tag>-vim/vim_users/${run_id}-rep-<tag>-user"
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_user_delete"
    And the completion callback for transaction "${tx_user_delete}" should arrive within 10 seconds
    When I send a DELETE request to "/ESCManager/v0/vims/${run_id}-rep-<tag>-vim"
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_vim_delete"
    And the completion callback for transaction "${tx_vim_delete}" should arrive within 10 seconds

    Examples:
      | accept           | tag  |
      | application/xml  | xml  |
      | application/json | json |

  @config
  Scenario Outline: A configuration parameter and the operation mode, read as <accept>
    When I send a GET request to "/ESCManager/v0/config"
    Then the response status should be 200
    And the response body should contain "VM_RECOVERY_ATTEMPTS_MAX"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/config/DEFAULT/VM_RECOVERY_ATTEMPTS_MAX"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "/category" should be "DEFAULT"
    And the response field "/key" should be "VM_RECOVERY_ATTEMPTS_MAX"
    Given the request header "Accept" is "<accept>"
    When I send a GET request to "/ESCManager/v0/operationmode"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should match "<accept>"
    And the response field "/mode" should exist

    Examples:
      | accept           |
      | application/xml  |
      | application/json |
