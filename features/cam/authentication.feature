@cam @authentication @fixture:tenant @fixture:org_guid @fixture:space_guid
Feature: Bearer token and tenant
  Every call carries "Authorization: Bearer <token>" and names its tenant (tenantId) and team
  (ace_orgGuid). Without a valid token, or for a tenant the token is not valid for, the answer is
  401 with the LoopBack error body.

  Background:
    Given the variable "q" is "tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${space_guid}"

  Scenario: The service list with a token
    Given I am authenticated
    When I send a GET request to "/cam/composer/api/v1/service?${q}"
    Then the response status should be a success
    And the response should conform to the contract

  Scenario: A token of another tenant is refused
    Given I am authenticated
    When I send a GET request to "/cam/composer/api/v1/service?tenantId=00000000-0000-4000-8000-000000000000&ace_orgGuid=${org_guid}"
    Then the response status should be 401
    And the response should conform to the contract
    And the response field "/error/statusCode" should be "401"

  Scenario: A call without a tenant is refused
    Given I am authenticated
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances?ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${space_guid}"
    Then the response status should be 401
    And the response should conform to the contract

  Scenario: Signing out forgets the token
    Given I am authenticated
    And I am not authenticated
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances?${q}"
    Then the response status should be 401
    And the response should conform to the contract

  @destructive
  Scenario Outline: <operation> without a token is refused
    Given I am not authenticated
    When I send a <method> request to "<path>" with body:
      """json
      <body>
      """
    Then the response status should be 401
    And the response should conform to the contract
    And the response field "/error/name" should be "Error"

    Examples:
      | operation                            | method | path                                                                                                       | body                                                                  |
      | createService                        | POST   | /cam/composer/api/v1/ServiceManifest?${q}                                                                  | {"service": {"catalog_metadata": {"name": "nobody"}}}                 |
      | updateService                        | PUT    | /cam/composer/api/v1/ServiceManifest/5cf5fd6e30483a00144c919e?${q}                                          | {"service": {"catalog_metadata": {"name": "nobody"}}}                 |
      | createAction                         | POST   | /cam/composer/api/v1/Actions/createAction?${q}                                                             | {"name": "nobody"}                                                    |
      | invokeAction                         | POST   | /cam/composer/api/v1/ActionInstances/invokeAction?${q}                                                     | {"action_data": {"action_id": "5caf3b64b52b5a00182116af"}}            |
      | publishService                       | PUT    | /cam/composer/api/v1/Service/5cf5fd6e30483a00144c919f?${q}                                                 | {"status": "Published"}                                               |
      | retireService                        | POST   | /cam/composer/api/v1/Service/retireService?${q}                                                            | {"serviceID": "5c49a3daf6b12f001bfbea78"}                             |
      | unretireService                      | POST   | /cam/composer/api/v1/ServiceManifest/5c49a3daf6b12f001bfbea78/unretire?${q}                                | {"serviceID": "5c49a3daf6b12f001bfbea78"}                             |
      | createServiceInstance                | POST   | /cam/composer/api/v1/Service/5c3e1562983d04001d5b95ed/ServiceInstances?${q}                                | {"name": "TestA123", "instance_plan": "Standard"}                     |
      | deployServiceInstance                | POST   | /cam/composer/api/v1/ServiceManifest/5f0c481b415e1137d7efc5fa/deploy?${q}                                  | {"name": "Service_Instance_Name", "instance_plan": "Standard"}        |
      | updateServiceInstance                | POST   | /cam/composer/api/v1/ServiceInstances/updateServiceInstance?${q}                                           | {"serviceInstanceId": "5c48392b11b0e20022696d58", "update_details": {"instance_parameters": {}}} |
      | retryServiceInstance                 | POST   | /cam/composer/api/v1/ServiceInstances/retryServiceInstance?${q}                                            | {"serviceInstanceId": "5c48392b11b0e20022696d58"}                     |
      | resumeServiceInstance                | POST   | /cam/composer/api/v1/ServiceInstances/resumeServiceInstance?${q}                                           | {"serviceInstanceId": "5c48392b11b0e20022696d58"}                     |
      | getVersionChangeInputParameters      | POST   | /cam/composer/api/v1/ServiceInstances/5e574fe2dc44840015c8093b/versionChangeInputParameters?${q}           | {"versionChangeId": "5e575d04dc44840015c80963"}                       |
      | submitVersionChange                  | POST   | /cam/composer/api/v1/ServiceInstances/5e574fe2dc44840015c8093b/submitVersionChange?${q}                    | {"versionChangeId": "5e575d04dc44840015c80963"}                       |
      | bindServiceInstance                  | POST   | /cam/composer/api/v1/ServiceInstances/bindServiceInstance?${q}                                             | {"bindDetails": {"serviceInstanceId": "5c2eebb2e93c49001b12813f"}}    |
      | unbindServiceInstance                | POST   | /cam/composer/api/v1/ServiceInstances/deleteBindInstance?${q}                                              | {"serviceInstanceId": "5c2eebb2e93c49001b12813f", "name": "b"}        |
      | cleanupServiceInstance               | POST   | /cam/composer/api/v1/ServiceInstances/cleanupServiceInstance?${q}                                          | {"serviceInstanceId": "5cf0c20cbdf17d001786d1a9", "force": true}      |
      | terminateServiceInstance             | DELETE | /cam/composer/api/v1/ServiceInstances/5e574fe2dc44840015c8093b?${q}                                        | {"service_instance_details": {"service_instance_id": "5e574fe2dc44840015c8093b"}} |
      | encryptServiceData                   | POST   | /cam/composer/api/v1/Service/encryptServiceData?${q}                                                       | {"service_id": "5cf5fd6e30483a00144c919f"}                            |

  Scenario Outline: <operation> without a token is refused, by <method>
    Given I am not authenticated
    When I send a <method> request to "<path>"
    Then the response status should be 401
    And the response should conform to the contract

    Examples:
      | operation                            | method | path                                                                                                      |
      | listServices                         | GET    | /cam/composer/api/v1/service?${q}                                                                         |
      | listServiceInstances                 | GET    | /cam/composer/api/v1/ServiceInstances?${q}                                                                |
      | getServiceInstance                   | GET    | /cam/composer/api/v1/ServiceInstances/5e574fe2dc44840015c8093b?${q}                                       |
      | getServiceInstanceInputParameters    | GET    | /cam/composer/api/v1/ServiceInstances/5e574fe2dc44840015c8093b/getInputParameters?${q}                    |
      | getServiceInstanceVersionChangePaths | GET    | /cam/composer/api/v1/ServiceInstances/5e574fe2dc44840015c8093b?filter[include]=UpgradePaths&${q}          |
      | listIcons                            | GET    | /cam/composer/api/v1/icons?${q}                                                                           |
      | listIconsByName                      | GET    | /cam/composer/api/v1/icons?${q}&filter[where][name]=no-such-icon.svg                                      |
      | downloadIcon                         | GET    | /cam/composer/api/v1/icons/name/no-such-icon.svg?${q}                                                     |

    @destructive
    Examples:
      | operation                            | method | path                                                                                                      |
      | deleteIcon                           | DELETE | /cam/composer/api/v1/icons/000000000000000000000000?${q}                                                  |
      | uploadIcon                           | POST   | /cam/composer/api/v1/icons/upload?${q}                                                                    |
