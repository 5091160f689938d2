@esc @vims
Feature: VIM connectors and VIM users (groups 13 and 14)
  VIM connectors and their users are created, updated and deleted asynchronously, each write
  confirmed by a callback carrying the connector or user. Secret property values (passwords) are
  answered as an encrypted_value. VIM connector and user ids are the client's: each scenario names
  its own after the run id. The default connector is read before it is changed and put back after.

  Background:
    Given I am authenticated

  @destructive
  Scenario: Create, read, update, check and delete a VIM connector with callbacks
    When I send a POST request to "/ESCManager/v0/vims" with body:
      """xml
      <vim_connector>
          <id>${run_id}-vim-crud</id>
          <type>OPENSTACK</type>
          <properties>
              <property><name>os_auth_url</name><value>http://192.0.2.20:5000/v3</value></property>
              <property><name>os_project_name</name><value>project-a</value></property>
          </properties>
      </vim_connector>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "CREATE_VIM_CONNECTOR"
    And the callback field "/id" should be "${run_id}-vim-crud"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/vims/${run_id}-vim-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/type" should be "OPENSTACK"
    When I send a PUT request to "/ESCManager/v0/vims/${run_id}-vim-crud" with body:
      """xml
      <vim_connector>
          <id>${run_id}-vim-crud</id>
          <type>OPENSTACK</type>
          <properties>
              <property><name>os_auth_url</name><value>http://192.0.2.21:5000/v3</value></property>
              <property><name>os_project_name</name><value>tenant-b</value></property>
          </properties>
      </vim_connector>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_update"
    And the completion callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "UPDATE_VIM_CONNECTOR"
    And the callback field "/properties/property/1/value" should be "tenant-b"
    And reading back the last write should show the fields it sent
    When I send a PUT request to "/ESCManager/v0/vims/${run_id}-vim-crud/check_status"
    Then the response status should be 200
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/vims"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "" should have an item whose "/id" is "${run_id}-vim-crud"
    When I send a DELETE request to "/ESCManager/v0/vims/${run_id}-vim-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "DELETE_VIM_CONNECTOR"
    When I send a GET request to "/ESCManager/v0/vims/${run_id}-vim-crud"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: Create a VIM connector with a JSON body
    When I send a POST request to "/ESCManager/v0/vims" with body:
      """json
      {"id": "${run_id}-vim-json", "type": "OPENSTACK", "properties": {"property": [{"name": "os_auth_url", "value": "http://192.0.2.30:5000/v3"}]}}
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    Given the request header "Accept" is "application/json"
    When I send a GET request to "/ESCManager/v0/vims/${run_id}-vim-json"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/id" should be "${run_id}-vim-json"
    Given the request header "Accept" is "application/json"
    When I send a GET request to "/ESCManager/v0/vims"
    Then the response status should be 200
    And the response should conform to the contract

  @destructive
  Scenario: Make a new VIM connector the default one, then restore the previous default
    When I send a GET request to "/ESCManager/v0/vims/default_vim_connector"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response field "/defaultVimConnectorId" as "previous_default"
    When I send a GET request to "/ESCManager/v0/vims"
    Then the response status should be 200
    And the response field "" should have an item whose "/id" is "${previous_default}"
    When I send a POST request to "/ESCManager/v0/vims" with body:
      """xml
      <vim_connector><id>${run_id}-vim-default</id><type>OPENSTACK</type></vim_connector>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    When I send a POST request to "/ESCManager/v0/vims/default_vim_connector" with body:
      """xml
      <default_vim_connector><defaultVimConnectorId>${run_id}-vim-default</defaultVimConnectorId></default_vim_connector>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_default"
    And the completion callback for transaction "${tx_default}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/defaultVimConnectorId" should be "${run_id}-vim-default"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/vims/default_vim_connector"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/defaultVimConnectorId" should be "${run_id}-vim-default"
    When I send a POST request to "/ESCManager/v0/vims/default_vim_connector" with body:
      """xml
      <default_vim_connector><defaultVimConnectorId>${previous_default}</defaultVimConnectorId></default_vim_connector>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_restore"
    And the completion callback for transaction "${tx_restore}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/defaultVimConnectorId" should be "${previous_default}"
    When I send a GET request to "/ESCManager/v0/vims/default_vim_connector"
    Then the response status should be 200
    And the response field "/defaultVimConnectorId" should be "${previous_default}"

  @destructive
  Scenario: A default VIM connector that does not exist is refused
    When I send a POST request to "/ESCManager/v0/vims/default_vim_connector" with body:
      """xml
      <default_vim_connector><defaultVimConnectorId>vim-nosuch</defaultVimConnectorId></default_vim_connector>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Creating a VIM connector twice is refused
    When I send a POST request to "/ESCManager/v0/vims" with body:
      """xml
      <vim_connector><id>${run_id}-vim-twice</id><type>OPENSTACK</type></vim_connector>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/vims" with body:
      """xml
      <vim_connector><id>${run_id}-vim-twice</id><type>OPENSTACK</type></vim_connector>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Reading, updating, checking and deleting a VIM connector that does not exist
    When I send a GET request to "/ESCManager/v0/vims/vim-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/v0/vims/vim-nosuch" with body:
      """xml
      <vim_connector><id>vim-nosuch</id></vim_connector>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/v0/vims/vim-nosuch/check_status"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/vims/vim-nosuch"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: Create, read, update, list and delete a VIM user with callbacks
    When I send a POST request to "/ESCManager/v0/vims" with body:
      """xml
      <vim_connector><id>${run_id}-vim-users</id><type>OPENSTACK</type></vim_connector>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_vim"
    And the completion callback for transaction "${tx_vim}" should arrive within 10 seconds
    When I send a POST request to "/ESCManager/v0/vims/${run_id}-vim-users/vim_users" with body:
      """xml
      <vim_user>
          <id>${run_id}-vim-user</id>
          <credentials>
              <properties>
                  <property><name>os_password</name><value>not-a-real-password</value></property>
                  <property><name>os_user_domain_name</name><value>default</value></property>
              </properties>
          </credentials>
      </vim_user>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "CREATE_VIM_USER"
    And the callback field "/vim_id" should be "${run_id}-vim-users"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/vims/${run_id}-vim-users/vim_users/${run_id}-vim-user"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/credentials/properties/property/0/encrypted_value" should exist
    And the response field "/credentials/properties/property/0/value" should not exist
    When I send a PUT request to "/ESCManager/v0/vims/${run_id}-vim-users/vim_users/${run_id}-vim-user" with body:
      """xml
      <vim_user>
          <credentials>
              <properties>
                  <property><name>os_user_domain_name</name><value>example</value></property>
              </properties>
          </credentials>
      </vim_user>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_update"
    And the completion callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "UPDATE_VIM_USER"
    When I send a GET request to "/ESCManager/v0/vims/${run_id}-vim-users/vim_users"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "${run_id}-vim-user"
    When I send a DELETE request to "/ESCManager/v0/vims/${run_id}-vim-users"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/vims/${run_id}-vim-users/vim_users/${run_id}-vim-user"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "DELETE_VIM_USER"
    When I send a GET request to "/ESCManager/v0/vims/${run_id}-vim-users/vim_users/${run_id}-vim-user"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: VIM users of a VIM connector that does not exist
    When I send a GET request to "/ESCManager/v0/vims/vim-nosuch/vim_users"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/vims/vim-nosuch/vim_users" with body:
      """xml
      <vim_user><id>nobody</id></vim_user>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/v0/vims/vim-nosuch/vim_users/nobody" with body:
      """xml
      <vim_user><id>nobody</id></vim_user>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/vims/vim-nosuch/vim_users/nobody"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/vims/vim-nosuch/vim_users/nobody"
    Then the response status should be 404
    And the response should conform to the contract
