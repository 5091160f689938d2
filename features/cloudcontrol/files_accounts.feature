@cloudcontrol @files
Feature: Cloud Files accounts (section 9)
  A Cloud Files account is created, modified and deleted by one scenario; the accounts the cloud
  holds are only listed and faulted.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  @destructive
  Scenario: Files account lifecycle: create, list, modify, delete
    And I save the response field "/userName" as "me"
    When I send a GET request to "/oec/0.9/${org}/account"
    Then the response should conform to the contract
    Then I save "/userName" of the first item of "/Account" whose "/userName" is not "${me}" as "sub"
    When I send a POST request to "/oec/0.9/${org}/storageAccount" with body:
      """xml
      <NewStorageAccount xmlns="http://oec.api.opsource.net/schemas/storage">
        <userName>${run_id}-files</userName>
        <password>files-new-password</password>
        <email>${run_id}-files@example.com</email>
        <allocatedStorageMb>2048</allocatedStorageMb>
        <displayName>New</displayName>
        <subAdminUserName>${sub}</subAdminUserName>
      </NewStorageAccount>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/storageAccount"
    Then the response should conform to the contract
    And the response status should be 200
    And the response body should contain "${run_id}-files"
    When I send a POST request to "/oec/0.9/${org}/storageAccount/${run_id}-files" with form:
      | allocatedStorageMb | 4096 |
      | subAdminUserName   |      |
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/storageAccount/${run_id}-files" with form:
      | allocatedStorageMb | lots |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"
    When I send a GET request to "/oec/0.9/${org}/storageAccount/${run_id}-files?delete"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/storageAccount/${run_id}-files?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_680"

  @destructive
  Scenario: Creating a files account for an unknown sub-administrator answers REASON_110
    When I send a POST request to "/oec/0.9/${org}/storageAccount" with body:
      """xml
      <NewStorageAccount xmlns="http://oec.api.opsource.net/schemas/storage">
        <userName>${run_id}-other</userName>
        <password>files-other-password</password>
        <email>${run_id}-other@example.com</email>
        <allocatedStorageMb>1024</allocatedStorageMb>
        <displayName>Other</displayName>
        <subAdminUserName>nobody</subAdminUserName>
      </NewStorageAccount>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_110"

  @destructive
  Scenario: Creating a files account that exists answers REASON_320
    When I send a GET request to "/oec/0.9/${org}/storageAccount"
    Then the response should conform to the contract
    Then I save "/userName" of the first item of "/storageAccount" as "taken"
    When I send a POST request to "/oec/0.9/${org}/storageAccount" with body:
      """xml
      <NewStorageAccount xmlns="http://oec.api.opsource.net/schemas/storage">
        <userName>${taken}</userName>
        <password>files-main-password</password>
        <email>${run_id}-taken@example.com</email>
        <allocatedStorageMb>1024</allocatedStorageMb>
        <displayName>Main again</displayName>
      </NewStorageAccount>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

  @destructive
  Scenario: Modifying an unknown files account answers REASON_680
    When I send a POST request to "/oec/0.9/${org}/storageAccount/${run_id}-nobody" with form:
      | displayName | Nobody |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_680"

  @destructive
  Scenario: Giving a files account an unknown sub-administrator answers REASON_110
    When I send a GET request to "/oec/0.9/${org}/storageAccount"
    Then the response should conform to the contract
    Then I save "/userName" of the first item of "/storageAccount" as "files"
    When I send a POST request to "/oec/0.9/${org}/storageAccount/${files}" with form:
      | subAdminUserName | nobody |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_110"
