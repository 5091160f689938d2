@cam @actions @destructive @fixture:tenant @fixture:org_guid @fixture:space_guid
Feature: Stand-alone actions
  An action created on its own gets an id; invoking it returns the id of the action instance. The
  document gives no operation that deletes an action: those a run creates are named after its run
  id and left behind.

  Background:
    Given I am authenticated
    And the variable "q" is "tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${space_guid}"

  Scenario: Create an action and invoke it
    When I send a POST request to "/cam/composer/api/v1/Actions/createAction?${q}" with body:
      """json
      {"type": "provision", "name": "${run_id}-action", "description": "Default action for deployment of service", "input_parameters": [],
        "flow": {"conditions": [], "templates": [{"Template With Output Parameters": {
          "title": "Template With Output Parameters_343311", "template_name": "Template With Output Parameters ce0c21",
          "version": "master", "id": "template46b48313", "template_type": "Terraform", "template_content_type": "VMware vSphere",
          "template_provider": "VMware vSphere", "instance_name": "", "cloud_connection_name": "Global-VV1", "template_data_objects": {},
          "template_params": {"sleep": "10000", "region": "us-east-1"}, "outputs": ["resource-id", "selected-region", "data"]}}],
          "resthooks": [], "notifications": [], "sequence": {"0": "template46b48313"}},
        "output_parameters": []}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/name" should be "${run_id}-action"
    And the response field "/id" should match "^[0-9a-f]{24}$"
    And I save the response field "/id" as "action"
    When I send a POST request to "/cam/composer/api/v1/ActionInstances/invokeAction?${q}" with body:
      """json
      {"action_data": {"action_id": "${action}", "name": "${run_id}-action-run"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/actionInstance/id" should match "^[0-9a-f]{24}$"

  Scenario: Invoke an action that does not exist
    When I send a POST request to "/cam/composer/api/v1/ActionInstances/invokeAction?${q}" with body:
      """json
      {"action_data": {"action_id": "000000000000000000000000", "name": "${run_id}-nothing"}}
      """
    Then the response status should be 404
    And the response should conform to the contract

  @fixture:other_space_guid
  Scenario: An action of one namespace cannot be invoked from another
    When I send a POST request to "/cam/composer/api/v1/Actions/createAction?${q}" with body:
      """json
      {"type": "provision", "name": "${run_id}-namespaced-action", "input_parameters": [], "flow": {"templates": []}, "output_parameters": []}
      """
    Then the response status should be a success
    And I save the response field "/id" as "action"
    When I send a POST request to "/cam/composer/api/v1/ActionInstances/invokeAction?tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${other_space_guid}" with body:
      """json
      {"action_data": {"action_id": "${action}", "name": "${run_id}-elsewhere"}}
      """
    Then the response status should be 404
    And the response should conform to the contract
