@cam @services @destructive @fixture:tenant @fixture:org_guid @fixture:space_guid
Feature: Services: create, edit, publish, retire, unretire, list and encrypt
  A service is created as a Draft from its definition (POST ServiceManifest), can be edited while it
  is a Draft, is published (PUT Service/{id}), retired and unretired. The list shows the services of
  a namespace with the global ones. Encryption returns the definition with its secured values
  encrypted. The document gives no operation that deletes a service: those a run creates are named
  after its run id and left behind.

  Background:
    Given I am authenticated
    And the variable "q" is "tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${space_guid}"

  Scenario: Create a service in a namespace
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3",
        "catalog_metadata": {"name": "${run_id}-create", "description": "", "category": "CloudServices",
          "bullets": [], "providerDisplayName": "IBM", "longDescription": "", "documentationUrl": "", "supportUrl": "",
          "bindable": false, "updatable": "", "systemTags": true},
        "tags": [],
        "actions": [{"type": "provision", "name": "Provision", "description": "Default action for deployment of service",
          "input_parameters": [],
          "flow": {"conditions": [], "templates": [{"Amazon EC2 Virtual Server with SSH key": {
            "title": "Amazon EC2 Virtual Server with SSH key_25e3a0", "template_name": "Amazon EC2 Virtual Server with SSH key",
            "version": "2.3", "id": "amazoneceeb670ee", "template_type": "Terraform", "template_content_type": "Amazon EC2",
            "template_provider": "Amazon EC2", "instance_name": "", "cloud_connection_name": "", "template_data_objects": {},
            "template_params": {"": "us-east-1", "aws_image_size": "t2.small", "public_ssh_key_name": ""},
            "outputs": [], "warning": true, "current_action_key": 0}}],
            "resthooks": [], "notifications": [], "sequence": {"0": "amazoneceeb670ee"}, "error_sequence": {}},
          "output_parameters": []}],
        "plans": [{"name": "Standard", "description": "To deploy a Standard plan", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/namespaceId" should be "${space_guid}"
    And the response field "/service_id" should match "^[0-9a-f]{24}$"
    And the response field "/id" should match "^[0-9a-f]{24}$"
    And the response field "/ServiceEngine_InputFile/service/tagId" should exist
    And the response field "/warning" should have 2 items
    And the response body should contain "does not have cloud connection name"
    And reading back the last write should show the fields it sent

  Scenario: Create a service in the global namespace
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-global", "bindable": false, "updatable": ""},
        "actions": [], "plans": [{"name": "Standard", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/namespaceId" should be ""
    And the response field "/warning" should have 0 items

  Scenario: Edit a draft service
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-edit"}, "actions": [],
        "plans": [{"name": "Standard", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "manifest"
    And I save the response field "/service_id" as "service"
    When I send a PUT request to "/cam/composer/api/v1/ServiceManifest/${manifest}?${q}" with body:
      """json
      {"ServiceEngine_InputFile": {"service": {"specVersion": "v3",
        "catalog_metadata": {"name": "${run_id}-edit", "description": "edited", "bindable": false, "updatable": ""},
        "actions": [], "plans": [{"name": "Standard", "actions": [], "plan_parameters": []}, {"name": "Large", "actions": [], "plan_parameters": []}]}}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/id" should be "${manifest}"
    And the response field "/service_id" should be "${service}"
    And the response field "/ServiceEngine_InputFile/service/catalog_metadata/description" should be "edited"
    And reading back the last write should show the fields it sent

  Scenario: A published service cannot be edited
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-frozen"}, "actions": [],
        "plans": [{"name": "Standard", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "manifest"
    And I save the response field "/service_id" as "service"
    When I send a PUT request to "/cam/composer/api/v1/Service/${service}?${q}" with body:
      """json
      {"status": "Published"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    When I send a PUT request to "/cam/composer/api/v1/ServiceManifest/${manifest}?${q}" with body:
      """json
      {"ServiceEngine_InputFile": {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-frozen", "description": "too late"},
        "actions": [], "plans": []}}}
      """
    Then the response status should be 400
    And the response should conform to the contract
    And the response field "/error/message" should match "cannot edit a Published service"

  Scenario: Edit a service that does not exist
    When I send a PUT request to "/cam/composer/api/v1/ServiceManifest/000000000000000000000000?${q}" with body:
      """json
      {"ServiceEngine_InputFile": {"service": {"catalog_metadata": {"name": "nobody"}}}}
      """
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: Publish a service and find it in the list
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-publish"}, "actions": [],
        "plans": [{"name": "Standard", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/service_id" as "service"
    When I send a PUT request to "/cam/composer/api/v1/Service/${service}?${q}" with body:
      """json
      {"status": "Published"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/status" should be "Published"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/cam/composer/api/v1/service?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have an item whose "/id" is "${service}"

  Scenario: Publish a service that does not exist
    When I send a PUT request to "/cam/composer/api/v1/Service/000000000000000000000000?${q}" with body:
      """json
      {"status": "Published"}
      """
    Then the response status should be 404
    And the response should conform to the contract
    And the response field "/error/statusCode" should be "404"

  Scenario: List the global services without a namespace
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-listed-globally"}, "actions": [], "plans": []}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/service_id" as "service"
    When I send a GET request to "/cam/composer/api/v1/service?tenantId=${tenant}&ace_orgGuid=${org_guid}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have an item whose "/id" is "${service}"
    And every item of the response field "" should have "/namespaceId" equal to ""

  @fixture:other_space_guid
  Scenario: A service of one namespace is not listed in another
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-hidden"}, "actions": [], "plans": []}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/service_id" as "service"
    When I send a GET request to "/cam/composer/api/v1/service?tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${other_space_guid}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have no item whose "/id" is "${service}"
    When I send a GET request to "/cam/composer/api/v1/service?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have an item whose "/id" is "${service}"

  Scenario: Retire a published service, then unretire it
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-retire"}, "actions": [],
        "plans": [{"name": "Standard", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/service_id" as "service"
    When I send a PUT request to "/cam/composer/api/v1/Service/${service}?${q}" with body:
      """json
      {"status": "Published"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    When I send a POST request to "/cam/composer/api/v1/Service/retireService?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceID": "${service}"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/status" should be "Retired"
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest/${service}/unretire?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceID": "${service}"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/status" should be "Published"

  Scenario: Retire a draft service
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-retire-draft"}, "actions": [], "plans": []}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/service_id" as "service"
    When I send a POST request to "/cam/composer/api/v1/Service/retireService?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceID": "${service}"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/status" should be "Retired"

  Scenario: Retire a service that does not exist
    When I send a POST request to "/cam/composer/api/v1/Service/retireService?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceID": "000000000000000000000000"}
      """
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: Unretire a service that does not exist
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest/000000000000000000000000/unretire?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceID": "000000000000000000000000"}
      """
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: Encrypt the secured values of a service source
    When I send a POST request to "/cam/composer/api/v1/Service/encryptServiceData?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-encrypt-source"},
        "actions": [{"type": "provision", "name": "Provision", "input_parameters": [
          {"name": "db_password", "label": "Database password", "type": "password", "secured": true, "default": "cc-plain-secret-31"},
          {"name": "region", "label": "Region", "type": "string", "secured": false, "default": "us-east-1"}]}],
        "plans": []}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/service/actions/0/input_parameters/1/default" should be "us-east-1"
    And the response field "/service/actions/0/input_parameters/0/secured" should be "true"

  Scenario: Encrypt a stored service by its id
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3", "catalog_metadata": {"name": "${run_id}-encrypt-stored"},
        "tags": [{"name": "api_key", "label": "API key", "type": "string", "secured": true, "default": "cc-plain-tag-secret-9"}],
        "actions": [], "plans": []}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/service_id" as "service"
    When I send a POST request to "/cam/composer/api/v1/Service/encryptServiceData?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"service_id": "${service}"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/service/catalog_metadata/name" should be "${run_id}-encrypt-stored"

  Scenario: Encrypt a service that does not exist
    When I send a POST request to "/cam/composer/api/v1/Service/encryptServiceData?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"service_id": "000000000000000000000000"}
      """
    Then the response status should be 404
    And the response should conform to the contract
