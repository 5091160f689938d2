@esc @images @flavors
Feature: Images and flavors (groups 04 and 05)
  Images and flavors belong to the system tenant, one of the listed tenants. Creating and deleting them is confirmed by a
  callback carrying the image or flavor (document lines 670-694 and 812-826).

  Background:
    Given I am authenticated

  @destructive
  Scenario: Create, read, list and delete an image with callbacks
    When I send a POST request to "/ESCManager/v0/images/${run_id}-img-crud" with body:
      """xml
      <?xml version="1.0" encoding="UTF-8"?>
      <image xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <name>img-crud-cirros</name>
          <src>http://files.example/share/cirros.qcow2</src>
          <disk_bus>virtio</disk_bus>
          <e1000_net>false</e1000_net>
          <properties>
              <property><name>hw_vif_model</name><value>virtio</value></property>
          </properties>
      </image>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "CREATE_IMAGE"
    And the callback field "/internal_image_id" should be "${run_id}-img-crud"
    And I save the callback field "/internal_tenant_id" as "image_tenant"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/images/${run_id}-img-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/name" should be "img-crud-cirros"
    And the response field "/disk_bus" should be "virtio"
    And the response field "/internal_tenant_id" should be "${image_tenant}"
    When I send a GET request to "/ESCManager/v0/tenants"
    Then the response status should be 200
    And the response field "" should have an item whose "/internal_tenant_id" is "${image_tenant}"
    When I send a GET request to "/ESCManager/v0/images"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "${run_id}-img-crud"
    When I send a DELETE request to "/ESCManager/v0/images/${run_id}-img-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "DELETE_IMAGE"
    When I send a GET request to "/ESCManager/v0/images/${run_id}-img-crud"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: An image with an undocumented disk bus is refused
    When I send a POST request to "/ESCManager/v0/images/${run_id}-img-badbus" with body:
      """xml
      <image xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <name>badbus</name>
          <src>http://files.example/share/cirros.qcow2</src>
          <disk_bus>floppy</disk_bus>
      </image>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: An image without a source is refused
    When I send a POST request to "/ESCManager/v0/images/${run_id}-img-nosrc" with body:
      """xml
      <image xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>nosrc</name></image>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: An image id already used by a flavor is a conflict
    When I send a POST request to "/ESCManager/v0/flavors/${run_id}-img-clash" with body:
      """xml
      <flavor xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-img-clash</name><vcpus>1</vcpus><memory_mb>512</memory_mb></flavor>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    When I send a POST request to "/ESCManager/v0/images/${run_id}-img-clash" with body:
      """xml
      <image xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>clash</name><src>http://files.example/share/clash.qcow2</src></image>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: Image ids that break the id rule are refused
    When I send a GET request to "/ESCManager/v0/images/img~tilde"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/images/img-73-012345678901234567890123456789012345678901234567890123456789012345" with body:
      """xml
      <image xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>too-long</name><src>http://files.example/share/x.qcow2</src></image>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Reading and deleting an image that does not exist
    When I send a GET request to "/ESCManager/v0/images/img-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/images/img-nosuch"
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Create, read, list and delete a flavor with callbacks
    When I send a POST request to "/ESCManager/v0/flavors/${run_id}-flv-crud" with body:
      """xml
      <?xml version="1.0" encoding="UTF-8"?>
      <flavor xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <name>flv-crud-light</name>
          <vcpus>2</vcpus>
          <memory_mb>2048</memory_mb>
          <ephemeral_disk_mb>0</ephemeral_disk_mb>
      </flavor>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "CREATE_FLAVOR"
    And the callback field "/vcpus" should be "2"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/ESCManager/v0/flavors/${run_id}-flv-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/memory_mb" should be "2048"
    When I send a GET request to "/ESCManager/v0/flavors"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "${run_id}-flv-crud"
    When I send a DELETE request to "/ESCManager/v0/flavors/${run_id}-flv-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "DELETE_FLAVOR"
    When I send a GET request to "/ESCManager/v0/flavors/${run_id}-flv-crud"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A flavor without vCPUs is refused
    When I send a POST request to "/ESCManager/v0/flavors/${run_id}-flv-novcpu" with body:
      """xml
      <flavor xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>novcpu</name><vcpus>0</vcpus><memory_mb>512</memory_mb></flavor>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Creating a flavor twice under the same id is a conflict
    When I send a POST request to "/ESCManager/v0/flavors/${run_id}-flv-twice" with body:
      """xml
      <flavor xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>twice</name><vcpus>1</vcpus><memory_mb>256</memory_mb></flavor>
      """
    Then the response status should be 200
    When I send a POST request to "/ESCManager/v0/flavors/${run_id}-flv-twice" with body:
      """xml
      <flavor xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>twice</name><vcpus>1</vcpus><memory_mb>256</memory_mb></flavor>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: Reading and deleting a flavor that does not exist
    When I send a GET request to "/ESCManager/v0/flavors/flv-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/flavors/flv-nosuch"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A flavor id with a forbidden character is refused
    When I send a POST request to "/ESCManager/v0/flavors/flv$dollar" with body:
      """xml
      <flavor xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>dollar</name><vcpus>1</vcpus><memory_mb>256</memory_mb></flavor>
      """
    Then the response status should be 400
    And the response should conform to the contract
