@cloudcontrol @authorization
Feature: Authentication and roles (sections 1.3.3 and 2.2)
  Every operation needs HTTP Basic credentials (401 without them). A sub-administrator holding
  only the server role, or a read-only administrator, is refused the operations of other roles
  with 403 REASON_140. (An org id that is not the caller's, and a set without the role of each
  operation, are the generated scenarios of generated.feature.)

  Scenario Outline: <operation> without credentials answers 401
    Given I am not authenticated
    And the variable "org" is "${org_id}"
    When I send a <method> request to "<path>"
    Then the response should conform to the contract
    And the response status should be 401

    @destructive @fixture:org_id
    Examples:
      | operation                                              | method | path                                                                                                                               |
      | addBackupClient                                        | POST   | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup/client                                                          |
      | addProbeToServerFarm                                   | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/serverFarm/00000000-0000-0000-0000-000000000000/addProbe              |
      | addRealServerToServerFarm                              | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/serverFarm/00000000-0000-0000-0000-000000000000/addRealServer         |
      | addStorageToServer                                     | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?addLocalStorage                                                        |
      | addSubAdministratorAccount                             | POST   | /oec/0.9/${org}/account                                                                                                            |
      | changeBackupServicePlan                                | POST   | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup/modify                                                          |
      | changeServerDiskSpeed                                  | POST   | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/disk/00000000-0000-0000-0000-000000000000/changeSpeed                  |
      | cleanFailedCustomerImage                               | GET    | /oec/0.9/${org}/image/00000000-0000-0000-0000-000000000000?clean                                                                   |
      | cleanFailedServerDeployment                            | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?clean                                                                  |
      | cloneServerToCustomerImage                             | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?clone                                                                  |
      | copyCustomerImageToDataCenter                          | POST   | /oec/0.9/${org}/copyCustomerImage                                                                                                  |
      | copyOvfPackageFromRemoteGeo                            | POST   | /oec/0.9/${org}/remoteOvfPackageCopy                                                                                               |
      | createAclRule                                          | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/aclrule                                                               |
      | createFilesAccount                                     | POST   | /oec/0.9/${org}/storageAccount                                                                                                     |
      | createNatRule                                          | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/natrule                                                               |
      | createNetwork                                          | POST   | /oec/0.9/${org}/network                                                                                                            |
      | createNetworkWithLocation                              | POST   | /oec/0.9/${org}/networkWithLocation                                                                                                |
      | createPersistenceProfile                               | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/persistenceProfile                                                    |
      | createProbe                                            | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/probe                                                                 |
      | createRealServer                                       | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/realServer                                                            |
      | createServerAntiAffinityRule                           | POST   | /oec/0.9/${org}/antiAffinityRule                                                                                                   |
      | createServerFarm                                       | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/serverFarm                                                            |
      | createVip                                              | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/vip                                                                   |
      | deleteAclRule                                          | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/aclrule/00000000-0000-0000-0000-000000000000?delete                   |
      | deleteCustomerServerImage                              | GET    | /oec/0.9/${org}/image/00000000-0000-0000-0000-000000000000?delete                                                                  |
      | deleteFilesAccount                                     | GET    | /oec/0.9/${org}/storageAccount/00000000-0000-0000-0000-000000000000?delete                                                         |
      | deleteNatRule                                          | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/natrule/00000000-0000-0000-0000-000000000000?delete                   |
      | deleteNetwork                                          | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000?delete                                                                |
      | deletePersistenceProfile                               | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/persistenceProfile/00000000-0000-0000-0000-000000000000?delete        |
      | deleteProbe                                            | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/probe/00000000-0000-0000-0000-000000000000?delete                     |
      | deleteRealServer                                       | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/realServer/00000000-0000-0000-0000-000000000000?delete                |
      | deleteServer                                           | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?delete                                                                 |
      | deleteServerAntiAffinityRule                           | GET    | /oec/0.9/${org}/antiAffinityRule/00000000-0000-0000-0000-000000000000?delete                                                       |
      | deleteServerFarm                                       | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/serverFarm/00000000-0000-0000-0000-000000000000?delete                |
      | deleteSubAdministratorAccount                          | GET    | /oec/0.9/${org}/account/00000000-0000-0000-0000-000000000000?delete                                                                |
      | deleteVip                                              | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/vip/00000000-0000-0000-0000-000000000000?delete                       |
      | deployServer                                           | POST   | /oec/0.9/${org}/server                                                                                                             |
      | designatePrimaryAdministrator                          | GET    | /oec/0.9/${org}/account/00000000-0000-0000-0000-000000000000?primary                                                               |
      | disableBackup                                          | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup?disable                                                         |
      | doesImageNameExist                                     | POST   | /oec/0.9/${org}/image/nameExists                                                                                                   |
      | enableBackup                                           | POST   | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup                                                                 |
      | exportCustomerImage                                    | POST   | /oec/0.9/${org}/imageExport                                                                                                        |
      | importCustomerImage                                    | POST   | /oec/0.9/${org}/imageImport                                                                                                        |
      | modifyBackupClient                                     | POST   | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup/client/00000000-0000-0000-0000-000000000000/modify              |
      | modifyCustomerServerImage                              | POST   | /oec/0.9/${org}/image/00000000-0000-0000-0000-000000000000                                                                         |
      | modifyFilesAccount                                     | POST   | /oec/0.9/${org}/storageAccount/00000000-0000-0000-0000-000000000000                                                                |
      | modifyNetwork                                          | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000                                                                       |
      | modifyProbe                                            | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/probe/00000000-0000-0000-0000-000000000000                            |
      | modifyRealServer                                       | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/realServer/00000000-0000-0000-0000-000000000000                       |
      | modifyServer                                           | POST   | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000                                                                        |
      | modifyServerFarmPredictor                              | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/serverFarm/00000000-0000-0000-0000-000000000000                       |
      | modifyVip                                              | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/vip/00000000-0000-0000-0000-000000000000                              |
      | powerOffServer                                         | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?poweroff                                                               |
      | rebootServer                                           | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?reboot                                                                 |
      | releasePublicIpBlock                                   | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/publicip/00000000-0000-0000-0000-000000000000?release                 |
      | removeBackupClient                                     | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup/client/00000000-0000-0000-0000-000000000000?remove              |
      | removeProbeFromServerFarm                              | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/serverFarm/00000000-0000-0000-0000-000000000000/removeProbe           |
      | removeRealServerFromServerFarm                         | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/serverFarm/00000000-0000-0000-0000-000000000000/removeRealServer      |
      | removeStorageFromServer                                | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/disk/00000000-0000-0000-0000-000000000000?delete                       |
      | reservePublicIpBlock                                   | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/publicip?reserveNew                                                   |
      | reservePublicIpBlockWithSize                           | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/publicip?reserveNewWithSize                                           |
      | resetServer                                            | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?reset                                                                  |
      | restartServer                                          | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?restart                                                                |
      | restoreFileSystemBackup                                | POST   | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup/client/00000000-0000-0000-0000-000000000000/restore             |
      | setNetworkMulticast                                    | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/multicast                                                             |
      | setServerToVipConnectivity                             | POST   | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/publicip/00000000-0000-0000-0000-000000000000                         |
      | shutdownServer                                         | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?shutdown                                                               |
      | startServer                                            | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?start                                                                  |
      | stopServer                                             | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?stop                                                                   |
      | updateAdministratorAccount                             | POST   | /oec/0.9/${org}/account/00000000-0000-0000-0000-000000000000                                                                       |
      | updateVmwareTools                                      | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000?updateVMwareTools                                                      |


    @fixture:org_id
    Examples:
      | operation                                              | method | path                                                                                                                               |
      | getAdministratorLogsReport                             | GET    | /oec/0.9/${org}/auditlog                                                                                                           |
      | getBackupClientTypes                                   | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup/client/type                                                     |
      | getBackupDetails                                       | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup                                                                 |
      | getBackupSchedulePolicies                              | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup/client/schedulePolicy                                           |
      | getBackupStoragePolicies                               | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup/client/storagePolicy                                            |
      | getBackupUsageReport                                   | GET    | /oec/0.9/${org}/backup/detailedUsageReport                                                                                         |
      | getDetailedUsageReport                                 | GET    | /oec/0.9/${org}/report/usageDetailed                                                                                               |
      | getMyAccount                                           | GET    | /oec/0.9/myaccount                                                                                                                 |
      | getNetworkConfiguration                                | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/config                                                                |
      | getNetworkConfigurationWithLocation                    | GET    | /oec/0.9/${org}/networkWithLocation/00000000-0000-0000-0000-000000000000/config                                                    |
      | getNetworkDetails                                      | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000                                                                       |
      | getServerDetails                                       | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000                                                                        |
      | getServerFarmDetails                                   | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/serverFarm/00000000-0000-0000-0000-000000000000                       |
      | getServerImage                                         | GET    | /oec/0.9/${org}/image/00000000-0000-0000-0000-000000000000                                                                         |
      | getSoftwareUnitsReport                                 | GET    | /oec/0.9/${org}/report/usageSoftwareUnits                                                                                          |
      | getSummaryUsageReport                                  | GET    | /oec/0.9/${org}/report/usage                                                                                                       |
      | listAccounts                                           | GET    | /oec/0.9/${org}/account                                                                                                            |
      | listAclRules                                           | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/aclrule                                                               |
      | listCustomerImageCopyingInProgress                     | GET    | /oec/0.9/${org}/copyCustomerImage                                                                                                  |
      | listCustomerImageExportHistory                         | GET    | /oec/0.9/${org}/imageExportHistory                                                                                                 |
      | listCustomerImageExportsInProgress                     | GET    | /oec/0.9/${org}/imageExport                                                                                                        |
      | listCustomerImageImportsInProgress                     | GET    | /oec/0.9/${org}/imageImport                                                                                                        |
      | listCustomerServerImages                               | GET    | /oec/0.9/${org}/image                                                                                                              |
      | listDataCenters                                        | GET    | /oec/0.9/${org}/datacenter                                                                                                         |
      | listDataCentersWithDiskSpeed                           | GET    | /oec/0.9/${org}/datacenterWithDiskSpeed                                                                                            |
      | listDataCentersWithLimits                              | GET    | /oec/0.9/${org}/datacenterWithLimits                                                                                               |
      | listDataCentersWithMaintenanceStatus                   | GET    | /oec/0.9/${org}/datacenterWithMaintenanceStatus                                                                                    |
      | listDbServerImages                                     | GET    | /oec/0.9/opsource/image/db                                                                                                         |
      | listDeployedCustomerImages                             | GET    | /oec/0.9/${org}/image/deployed                                                                                                     |
      | listDeployedServers                                    | GET    | /oec/0.9/${org}/server/deployed                                                                                                    |
      | listDeployedServersOnNetwork                           | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/server/deployed                                                       |
      | listDeployedServersOnNetworkWithDisks                  | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/server/deployedWithDisks                                              |
      | listDeployedServersOnNetworkWithSoftwareLabels         | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/server/deployedWithSoftwareLabels                                     |
      | listDeployedServersOnNetworkWithStatus                 | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/server/deployedWithStatus                                             |
      | listFilesAccounts                                      | GET    | /oec/0.9/${org}/storageAccount                                                                                                     |
      | listMultiGeographyDataCenters                          | GET    | /oec/0.9/${org}/geo                                                                                                                |
      | listMultiGeographyDataCentersWithKey                   | GET    | /oec/0.9/${org}/multigeo                                                                                                           |
      | listNatRules                                           | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/natrule                                                               |
      | listNetworks                                           | GET    | /oec/0.9/${org}/network                                                                                                            |
      | listNetworksWithLocation                               | GET    | /oec/0.9/${org}/networkWithLocation                                                                                                |
      | listOsServerImages                                     | GET    | /oec/0.9/base/image                                                                                                                |
      | listOutOfPlaceRestoreTargetServers                     | GET    | /oec/0.9/${org}/server/00000000-0000-0000-0000-000000000000/backup/client/00000000-0000-0000-0000-000000000000/systemRestoreTarget |
      | listOvfPackages                                        | GET    | /oec/0.9/${org}/ovfPackage                                                                                                         |
      | listPartnerServerImages                                | GET    | /oec/0.9/partner/image                                                                                                             |
      | listPendingDeploymentCustomerImages                    | GET    | /oec/0.9/${org}/image/pendingDeploy                                                                                                |
      | listPendingDeploymentServers                           | GET    | /oec/0.9/${org}/server/pendingDeploy                                                                                               |
      | listPendingDeploymentServersOnNetwork                  | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/server/pendingDeploy                                                  |
      | listPendingDeploymentServersOnNetworkWithDisks         | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/server/pendingDeployWithDisks                                         |
      | listPersistenceProfiles                                | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/persistenceProfile                                                    |
      | listProbes                                             | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/probe                                                                 |
      | listRealServers                                        | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/realServer                                                            |
      | listRemoteOvfPackageCopyHistory                        | GET    | /oec/0.9/${org}/remoteOvfPackageCopyHistory                                                                                        |
      | listRemoteOvfPackageCopyingInProgress                  | GET    | /oec/0.9/${org}/remoteOvfPackageCopy                                                                                               |
      | listServerAntiAffinityRules                            | GET    | /oec/0.9/${org}/antiAffinityRule                                                                                                   |
      | listServerFarms                                        | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/serverFarm                                                            |
      | listServers                                            | GET    | /oec/0.9/${org}/server                                                                                                             |
      | listServersOnNetwork                                   | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/server                                                                |
      | listServersWithBackup                                  | GET    | /oec/0.9/${org}/serverWithBackup                                                                                                   |
      | listServersWithState                                   | GET    | /oec/0.9/${org}/serverWithState                                                                                                    |
      | listSoftwareLabels                                     | GET    | /oec/0.9/${org}/softwarelabel                                                                                                      |
      | listVips                                               | GET    | /oec/0.9/${org}/network/00000000-0000-0000-0000-000000000000/vip                                                                   |
      | listWebServerImages                                    | GET    | /oec/0.9/opsource/image/web                                                                                                        |

    @fixture:location @fixture:org_id
    Examples:
      | operation                                              | method | path                                                                                                                               |
      | listDeployedCustomerImagesInLocation                   | GET    | /oec/0.9/${org}/image/deployed/${location}                                                                                                 |
      | listDeployedCustomerImagesWithSoftwareLabelsInLocation | GET    | /oec/0.9/${org}/image/deployedWithSoftwareLabels/${location}                                                                               |
      | listNetworksInLocation                                 | GET    | /oec/0.9/${org}/networkWithLocation/${location}                                                                                            |
      | listOsServerImagesInLocation                           | GET    | /oec/0.9/base/image/${location}                                                                                                            |
      | listOsServerImagesWithSoftwareLabelsInLocation         | GET    | /oec/0.9/base/image/deployedWithSoftwareLabels/${location}                                                                                 |
      | listPendingDeploymentCustomerImagesInLocation          | GET    | /oec/0.9/${org}/image/pendingDeploy/${location}                                                                                            |

  Scenario: Wrong credentials answer 401
    Given the request header "Authorization" is "Basic bm9ib2R5Om5vdC1hLXBhc3N3b3Jk"
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    And the response status should be 401

  @admin @fixture:org_id
  Scenario: The sub-administrator reads its own account and the servers
    Given I am authenticated as "subadmin"
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/userName" should exist
    And the response field "/orgId" should be "${org_id}"
    And I save the response field "/orgId" as "org"
    When I send a GET request to "/oec/0.9/${org}/serverWithState?pageSize=2"
    Then the response should conform to the contract
    And the response status should be 200

  Scenario Outline: The sub-administrator without the role of <operation> is refused with REASON_140
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then I save the response field "/orgId" as "org"
    When I send a GET request to "/oec/0.9/${org}/storageAccount"
    Then the response should conform to the contract
    Then I save "/userName" of the first item of "/storageAccount" as "files_user"
    Given I am authenticated as "readonly"
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then I save the response field "/userName" as "ro_user"
    Given I am authenticated as "subadmin"
    When I send a GET request to "/oec/0.9/myaccount"
    Then I save the response field "/userName" as "sub_user"
    When I send a <method> request to "/oec/0.9/${org}/<path>"
    Then the response should conform to the contract
    And the response status should be 403
    And the response field "/resultCode" should be "REASON_140"
    And the response field "/result" should be "ERROR"

    @admin @destructive
    Examples:
      | operation                     | method | path                                                                                                |
      | addSubAdministratorAccount    | POST   | account                                                                                             |
      | deleteSubAdministratorAccount | GET    | account/${ro_user}?delete |
      | designatePrimaryAdministrator | GET    | account/${sub_user}?primary |
      | importCustomerImage           | POST   | imageImport                                                                                         |
      | copyOvfPackageFromRemoteGeo   | POST   | remoteOvfPackageCopy                                                                                |
      | createFilesAccount            | POST   | storageAccount                                                                                      |
      | deleteFilesAccount            | GET    | storageAccount/${files_user}?delete |

    @admin @destructive @fixture:network_id
    Examples:
      | operation                     | method | path                                                                                                |
      | deleteNetwork                 | GET    | network/${network_id}?delete |
      | reservePublicIpBlockWithSize  | GET    | network/${network_id}/publicip?reserveNewWithSize=4 |

    @admin @destructive @fixture:network_lb
    Examples:
      | operation                     | method | path                                                                                                |
      | createAclRule                 | POST   | network/${network_lb}/aclrule |
      | createNatRule                 | POST   | network/${network_lb}/natrule |
      | createVip                     | POST   | network/${network_lb}/vip |
      | deleteServerFarm              | GET    | network/${network_lb}/serverFarm/00000000-0000-0000-0000-000000000000?delete |

    @admin @destructive @fixture:image_customer
    Examples:
      | operation                     | method | path                                                                                                |
      | deleteCustomerServerImage     | GET    | image/${image_customer}?delete |

    @admin @destructive @fixture:server_stopped
    Examples:
      | operation                     | method | path                                                                                                |
      | cloneServerToCustomerImage    | GET    | server/${server_stopped}?clone=${run_id}-sub-clone |
      | enableBackup                  | POST   | server/${server_stopped}/backup |

    @admin @fixture:server_backup
    Examples:
      | operation                     | method | path                                                                                                |
      | getBackupDetails              | GET    | server/${server_backup}/backup |

    @admin
    Examples:
      | operation                     | method | path                                                                                                |
      | getSummaryUsageReport         | GET    | report/usage?startDate=2013-07-01&endDate=2013-07-01                                                |
      | getAdministratorLogsReport    | GET    | auditlog?startDate=2013-07-01&endDate=2013-07-01                                                    |

  Scenario Outline: The read-only administrator is refused <operation> with REASON_140
    Given I am authenticated as "readonly"
    When I send a GET request to "/oec/0.9/myaccount"
    Then I save the response field "/orgId" as "org"
    When I send a <method> request to "/oec/0.9/${org}/<path>"
    Then the response should conform to the contract
    And the response status should be 403
    And the response field "/resultCode" should be "REASON_140"

    @admin @destructive
    Examples:
      | operation    | method | path                                               |
      | deployServer | POST   | server                                             |

    @admin @destructive @fixture:server_stopped
    Examples:
      | operation    | method | path                                               |
      | startServer  | GET    | server/${server_stopped}?start  |
      | deleteServer | GET    | server/${server_stopped}?delete |

  @admin @destructive
  Scenario: A sub-administrator may change only his own account
    Given I am authenticated as "readonly"
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then I save the response field "/userName" as "ro_user"
    Given I am authenticated as "subadmin"
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then I save the response field "/orgId" as "org"
    When I send a POST request to "/oec/0.9/${org}/account/${ro_user}" with form:
      | fullName | Read Only |
    Then the response should conform to the contract
    And the response status should be 403
    And the response field "/resultCode" should be "REASON_140"
