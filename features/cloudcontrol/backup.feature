@cloudcontrol @backup
Feature: Cloud Backup (section 6)
  Backup is enabled, configured and disabled on servers each scenario deploys; the backup of
  a fixture server (one file-system client with a backup taken) is only read and restored from.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  @destructive @fixture:server_backup
  Scenario: Backup lifecycle: enable, policies, clients, plan, restore out of place, disable
    When I send a GET request to "/oec/0.9/${org}/server/${server_backup}/backup"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/backupClient" as "client"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?id=${server_backup}"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/sourceImageId" as "image"
    And I save the response field "/serverWithState/0/networkId" as "network"
    When I send a POST request to "/oec/0.9/${org}/server" with body:
      """xml
      <Server xmlns="http://oec.api.opsource.net/schemas/server">
        <name>${run_id}-backup-01</name>
        <vlanResourcePath>/oec/${org}/network/${network}</vlanResourcePath>
        <imageResourcePath>/oec/base/image/${image}</imageResourcePath>
        <administratorPassword>P@ssw0rd-backup</administratorPassword>
        <isStarted>true</isStarted>
      </Server>
      """
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/serverWithState?name=${run_id}-backup-01"
    Then the response should conform to the contract
    Then I save the response field "/serverWithState/0/id" as "server"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_543"
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/client/00000000-0000-0000-0000-000000000000/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup"><asAtDate>2013-07-18T00:00:00</asAtDate></RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response body should contain "REASON_543" or "REASON_545"
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup" with body:
      """xml
      <NewBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Advanced"/>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And the response field "/additionalInformation/0/name" should be "assetId"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup" with body:
      """xml
      <NewBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Advanced"/>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_550"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup/client/type"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/backupClientType" should have at least 1 item
    And I save "/type" of the first item of "/backupClientType" whose "/isFileSystem" is "true" as "ctype"
    And I save "/type" of the first item of "/backupClientType" whose "/isFileSystem" is "false" as "dbtype"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup/client/storagePolicy"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/storagePolicy" should have at least 1 item
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup/client/schedulePolicy"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/schedulePolicy" should have at least 1 item
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/client" with body:
      """xml
      <NewBackupClient xmlns="http://oec.api.opsource.net/schemas/backup">
        <type>${ctype}</type>
        <storagePolicyName>14 Day Storage Policy</storagePolicyName>
        <schedulePolicyName>12AM - 6AM</schedulePolicyName>
        <alerting><trigger>ON_FAILURE</trigger><emailAddress>ops@example.com</emailAddress></alerting>
      </NewBackupClient>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And the response field "/additionalInformation/0/name" should be "backupClient.id"
    And I save the response field "/additionalInformation/0/value" as "fsclient"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/client" with body:
      """xml
      <NewBackupClient xmlns="http://oec.api.opsource.net/schemas/backup">
        <type>${dbtype}</type>
        <storagePolicyName>30 Day Storage Policy</storagePolicyName>
        <schedulePolicyName>6PM - 12AM</schedulePolicyName>
      </NewBackupClient>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And I save the response field "/additionalInformation/0/value" as "dbclient"
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/client/${dbclient}/modify" with body:
      """xml
      <ModifyBackupClient xmlns="http://oec.api.opsource.net/schemas/backup">
        <storagePolicyName>14 Day Storage Policy</storagePolicyName>
        <schedulePolicyName>12AM - 6AM</schedulePolicyName>
      </ModifyBackupClient>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/servicePlan" should be "Advanced"
    And the response field "/backupClient" should have 2 items
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/modify" with body:
      """xml
      <ModifyBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Essentials"/>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_546"
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/modify" with body:
      """xml
      <ModifyBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Enterprise"/>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/client/${fsclient}/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup"><asAtDate>2013-07-18T00:00:00</asAtDate></RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_551"
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/client/${dbclient}/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup"><asAtDate>2013-07-18T00:00:00</asAtDate></RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_556"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?poweroff"
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/server/${server_backup}/backup/client/${client}/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup">
        <asAtDate>2013-07-18T00:00:00</asAtDate>
        <targetServerId>${server}</targetServerId>
      </RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_377"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?delete"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_550"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?start"
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/server/${server_backup}/backup/client/${client}/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup">
        <asAtDate>2013-07-18T00:00:00</asAtDate>
        <targetServerId>${server}</targetServerId>
      </RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup?disable"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_548"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup/client/${dbclient}?remove"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/modify" with body:
      """xml
      <ModifyBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Essentials"/>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a POST request to "/oec/0.9/${org}/server/${server}/backup/client/${fsclient}/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup"><asAtDate>2013-07-18T00:00:00</asAtDate></RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response body should contain "REASON_555" or "REASON_551"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup/client/${fsclient}?remove"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup/client/${fsclient}?remove"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_545"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup?disable"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/server/${server}/backup"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_543"
    When I send a GET request to "/oec/0.9/${org}/server/${server}?poweroff"
    Then the response should conform to the contract
    Then the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/server/${server}?delete"
    Then the response should conform to the contract
    Then the response status should be 200


  @fixture:server_backup
  Scenario: Backup details of a server with a client
    When I send a GET request to "/oec/0.9/${org}/server/${server_backup}/backup"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/servicePlan" should exist
    And the response field "/backupClient" should have at least 1 item
    And the response field "/backupClient/0/type" should exist

  @destructive @fixture:server_backup
  Scenario: Restore a file system backup in place
    When I send a GET request to "/oec/0.9/${org}/server/${server_backup}/backup"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/backupClient" as "client"
    When I send a POST request to "/oec/0.9/${org}/server/${server_backup}/backup/client/${client}/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup"><asAtDate>2013-07-18T00:00:00</asAtDate></RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"


  @fixture:server_backup
  Scenario: Servers for an out of place restore
    When I send a GET request to "/oec/0.9/${org}/server/${server_backup}/backup/client/FA.Linux/systemRestoreTarget"
    Then the response should conform to the contract
    And the response status should be 200

  Scenario Outline: <request> answers <code>
    When I send a GET request to "/oec/0.9/${org}/server/<request>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"


    @fixture:server_stopped
    Examples:
      | request                                                                                        | code       |
      | ${server_stopped}/backup                                                    | REASON_543 |
      | ${server_stopped}/backup/client/type                                        | REASON_543 |

    @fixture:server_no_backup_location
    Examples:
      | request                                                                                        | code       |
      | ${server_no_backup_location}/backup                                                    | REASON_53  |
      | ${server_no_backup_location}/backup/client/storagePolicy                               | REASON_53  |
      | ${server_no_backup_location}/backup/client/schedulePolicy                              | REASON_53  |

    @fixture:server_backup
    Examples:
      | request                                                                                        | code       |
      | ${server_backup}/backup/client/Oracle/systemRestoreTarget                  | REASON_320 |

    @destructive @fixture:server_stopped
    Examples:
      | request                                                                                        | code       |
      | ${server_stopped}/backup?disable                                            | REASON_543 |

    @destructive @fixture:server_backup
    Examples:
      | request                                                                                        | code       |
      | ${server_backup}/backup/client/00000000-0000-0000-0000-000000000000?remove | REASON_545 |

    Examples:
      | request                                                                                        | code       |
      | 00000000-0000-0000-0000-000000000000/backup                                                    | REASON_395 |

  @destructive @fixture:server_no_backup_location
  Scenario: Enabling backup in a data center without Cloud Backup answers REASON_53
    When I send a POST request to "/oec/0.9/${org}/server/${server_no_backup_location}/backup" with body:
      """xml
      <NewBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Essentials"/>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_53"

  @destructive @fixture:server_stopped
  Scenario: Enabling backup with an unknown service plan answers REASON_320
    When I send a POST request to "/oec/0.9/${org}/server/${server_stopped}/backup" with body:
      """xml
      <NewBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Platinum"/>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

  @destructive @fixture:server_backup
  Scenario: Enabling backup twice answers REASON_550
    When I send a POST request to "/oec/0.9/${org}/server/${server_backup}/backup" with body:
      """xml
      <NewBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Advanced"/>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_550"

  @destructive @fixture:server_backup
  Scenario: A restore older than the backups answers REASON_520
    When I send a GET request to "/oec/0.9/${org}/server/${server_backup}/backup"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/backupClient" as "client"
    When I send a POST request to "/oec/0.9/${org}/server/${server_backup}/backup/client/${client}/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup"><asAtDate>2012-01-01T00:00:00</asAtDate></RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_520"

  @destructive @fixture:server_backup @fixture:server_backup_other_os
  Scenario: An out of place restore to a server of another operating system answers REASON_554
    When I send a GET request to "/oec/0.9/${org}/server/${server_backup}/backup"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/backupClient" as "client"
    When I send a POST request to "/oec/0.9/${org}/server/${server_backup}/backup/client/${client}/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup">
        <asAtDate>2013-07-18T00:00:00</asAtDate>
        <targetServerId>${server_backup_other_os}</targetServerId>
      </RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_554"

  @destructive @fixture:server_backup @fixture:server_backup_no_client
  Scenario: An out of place restore to a server without such a client answers REASON_552
    When I send a GET request to "/oec/0.9/${org}/server/${server_backup}/backup"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/backupClient" as "client"
    When I send a POST request to "/oec/0.9/${org}/server/${server_backup}/backup/client/${client}/restore" with body:
      """xml
      <RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup">
        <asAtDate>2013-07-18T00:00:00</asAtDate>
        <targetServerId>${server_backup_no_client}</targetServerId>
      </RestoreBackup>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_552"

  @destructive @fixture:server_backup
  Scenario: Modifying a backup client with an unknown storage policy answers REASON_320
    When I send a GET request to "/oec/0.9/${org}/server/${server_backup}/backup"
    Then the response should conform to the contract
    Then I save "/id" of the first item of "/backupClient" as "client"
    When I send a POST request to "/oec/0.9/${org}/server/${server_backup}/backup/client/${client}/modify" with body:
      """xml
      <ModifyBackupClient xmlns="http://oec.api.opsource.net/schemas/backup">
        <storagePolicyName>Forever Policy</storagePolicyName>
        <schedulePolicyName>12AM - 6AM</schedulePolicyName>
      </ModifyBackupClient>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

  @destructive @fixture:server_backup
  Scenario: Adding a backup client of an unknown type answers REASON_320
    When I send a POST request to "/oec/0.9/${org}/server/${server_backup}/backup/client" with body:
      """xml
      <NewBackupClient xmlns="http://oec.api.opsource.net/schemas/backup">
        <type>Oracle</type>
        <storagePolicyName>14 Day Storage Policy</storagePolicyName>
        <schedulePolicyName>12AM - 6AM</schedulePolicyName>
      </NewBackupClient>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

  @destructive @fixture:server_stopped
  Scenario: Changing the plan of a server without backup answers REASON_543
    When I send a POST request to "/oec/0.9/${org}/server/${server_stopped}/backup/modify" with body:
      """xml
      <ModifyBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Enterprise"/>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_543"
