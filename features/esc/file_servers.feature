@esc @fileservers
Feature: File servers (group 16)
  File server bodies are typed only "string" by the document (DEFECTS.md D41): any XML element.
  Writes are confirmed by a callback carrying the file server. A create or an update is answered
  200 "Request accepted" or 204 "No content" (lines 2703-2704, 2729-2730), the document ties
  neither to a request: either is accepted, the contract step refuses any other.

  Background:
    Given I am authenticated

  @destructive
  Scenario: Create, read, update, list and delete a file server with callbacks
    When I send a POST request to "/ESCManager/v0/fileserver/${run_id}-fs-crud" with body:
      """xml
      <file_server>
          <id>${run_id}-fs-crud</id>
          <base_url>http://files.example/share</base_url>
          <file_server_user>fs-user</file_server_user>
      </file_server>
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    When I send a GET request to "/ESCManager/v0/fileserver/${run_id}-fs-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/base_url" should be "http://files.example/share"
    When I send a PUT request to "/ESCManager/v0/fileserver/${run_id}-fs-crud" with body:
      """xml
      <file_server>
          <id>${run_id}-fs-crud</id>
          <base_url>http://files.example/share2</base_url>
      </file_server>
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_update"
    And the completion callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    When I send a GET request to "/ESCManager/v0/fileserver"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "http://files.example/share2"
    When I send a DELETE request to "/ESCManager/v0/fileserver/${run_id}-fs-crud"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    When I send a GET request to "/ESCManager/v0/fileserver/${run_id}-fs-crud"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: Creating a file server twice is a conflict
    When I send a POST request to "/ESCManager/v0/fileserver/${run_id}-fs-twice" with body:
      """xml
      <file_server><id>${run_id}-fs-twice</id><base_url>http://files.example/twice</base_url></file_server>
      """
    Then the response status should be a success
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/fileserver/${run_id}-fs-twice" with body:
      """xml
      <file_server><id>${run_id}-fs-twice</id><base_url>http://files.example/twice</base_url></file_server>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive
  Scenario: File server ids and bodies that are refused
    When I send a POST request to "/ESCManager/v0/fileserver/fs~tilde" with body:
      """xml
      <file_server><id>fs-tilde</id></file_server>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/fileserver/${run_id}-fs-malformed" with body:
      """xml
      <file_server><id>${run_id}-fs-malformed</id>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: Reading, updating and deleting a file server that does not exist
    When I send a GET request to "/ESCManager/v0/fileserver/fs-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/v0/fileserver/fs-nosuch" with body:
      """xml
      <file_server><id>fs-nosuch</id></file_server>
      """
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/fileserver/fs-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
