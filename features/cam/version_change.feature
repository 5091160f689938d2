@cam @version_change @destructive @slow @fixture:tenant @fixture:org_guid @fixture:space_guid
Feature: Upgrade and downgrade a service instance
  A service has versions (a createService body carrying the service_id of an existing service adds
  one). An instance lists its version change paths (GET ServiceInstances/{id} with
  filter[include]=UpgradePaths&filter[include]=DowngradePaths); the id of a path is the
  versionChangeId of versionChangeInputParameters and submitVersionChange.

  Background:
    Given I am authenticated
    And the variable "q" is "tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${space_guid}"
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3", "version": "1.1.1.1", "catalog_metadata": {"name": "${run_id}-versioned", "bindable": false, "updatable": ""},
        "actions": [{"type": "provision", "name": "Provision", "input_parameters": [
          {"name": "nsxt_transport_zone", "label": "Tansport Zone Name", "type": "string", "secured": false, "default": "CAMDC2Zone"},
          {"name": "url", "label": "Rest URL", "type": "string", "secured": false, "default": "https://jsonplaceholder.typicode.com/todos/1"}],
          "flow": {"templates": [], "resthooks": [], "sequence": {}}}],
        "plans": [{"name": "Standard", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/service_id" as "service"
    And I save the response field "/id" as "v1"
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service_id": "${service}",
        "service": {"specVersion": "v3", "version": "2.2.2.2", "catalog_metadata": {"name": "${run_id}-versioned", "bindable": false, "updatable": ""},
        "upgrade_from": [{"version": "1.1.1.1"}], "downgrade_to": [{"version": "1.1.1.1"}],
        "actions": [{"type": "provision", "name": "Provision", "input_parameters": [
          {"name": "url", "label": "Rest URL", "type": "string", "secured": false, "default": "https://jsonplaceholder.typicode.com/todos/1"},
          {"name": "url2", "label": "URL 2", "type": "string", "secured": false, "default": "https://jsonplaceholder.typicode.com/todos/2"}],
          "flow": {"templates": [], "resthooks": [], "sequence": {}}}],
        "plans": [{"name": "Standard", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/service_id" should be "${service}"
    And I save the response field "/id" as "v2"
    When I send a PUT request to "/cam/composer/api/v1/Service/${service}?${q}" with body:
      """json
      {"status": "Published"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest/${v1}/deploy?${q}" with body:
      """json
      {"name": "${run_id}-upgrade-me", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": [
          {"name": "url", "label": "Rest URL", "value": "https://jsonplaceholder.typicode.com/todos/5", "secured": false}]},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts

  Scenario: Upgrade an instance to the next version
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}?filter[include]=UpgradePaths&filter[include]=DowngradePaths&${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/UpgradePaths" should have 1 item
    And the response field "/UpgradePaths/0/fromVersionId" should be "${v1}"
    And the response field "/UpgradePaths/0/toVersionId" should be "${v2}"
    And the response field "/UpgradePaths/0/type" should be "UPGRADE"
    And the response field "/DowngradePaths" should have 0 items
    And the response field "/actionInstanceDetails/0/instance_action" should be "Provision"
    And I save the response field "/UpgradePaths/0/id" as "change"
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/${instance}/versionChangeInputParameters?${q}" with body:
      """json
      {"versionChangeId": "${change}"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/VersionChangeInputParameters/toVersion" should be "2.2.2.2"
    And the response field "/VersionChangeInputParameters/type" should be "UPGRADE"
    And the response field "/VersionChangeInputParameters/input_parameters/0/default" should be "https://jsonplaceholder.typicode.com/todos/5"
    And the response field "/VersionChangeInputParameters/new_parameters/0" should be "url2"
    And the response field "/VersionChangeInputParameters/used_old_parameters/0" should be "url"
    And the response field "/VersionChangeInputParameters/ignored_old_parameters/0" should be "nsxt_transport_zone"
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/${instance}/submitVersionChange?${q}" with body:
      """json
      {"versionChangeId": "${change}",
        "instance_parameters": {"url": "https://jsonplaceholder.typicode.com/todos/1", "url2": "https://jsonplaceholder.typicode.com/todos/3"},
        "pre_action_parameters": {}, "post_action_parameters": {}, "plan": ""}
      """
    Then the response status should be a success
    And the response should conform to the contract
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    Then the response should conform to the contract
    And the response field "/serviceManifestId" should be "${v2}"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}?filter[include]=UpgradePaths&filter[include]=DowngradePaths&${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/UpgradePaths" should have 0 items
    And the response field "/DowngradePaths/0/toVersionId" should be "${v1}"
    And the response field "/actionInstanceDetails/1/versionChangeDetails/versionChangeType" should be "UPGRADE"

  Scenario: Only the paths asked for are included
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}?filter[include]=DowngradePaths&${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/DowngradePaths" should have 0 items
    And the response field "/UpgradePaths" should not exist

  Scenario: Input parameters of a version change that does not exist
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/${instance}/versionChangeInputParameters?${q}" with body:
      """json
      {"versionChangeId": "000000000000000000000000"}
      """
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: Submit a version change that does not exist
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/${instance}/submitVersionChange?${q}" with body:
      """json
      {"versionChangeId": "000000000000000000000000", "instance_parameters": {}, "plan": ""}
      """
    Then the response status should be 404
    And the response should conform to the contract
