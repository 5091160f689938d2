@cam @instances @destructive @fixture:tenant @fixture:org_guid @fixture:space_guid
Feature: Service instances: deploy, follow, edit, retry, resume, bind, terminate and clean up
  A published service is deployed as an instance, which moves Submitted → In Progress → Active (one
  step per read of the instance). An instance parameter value naming the host ".Invalid" makes the
  deployment end in Error (as the document's failed instance). While a deployment runs, its stack
  is locked and cleanup answers 419 ResourceLockError.

  Background:
    Given I am authenticated
    And the variable "dollar" is "$"
    And the variable "q" is "tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${space_guid}"
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?${q}" with body:
      """json
      {"service": {"specVersion": "v3", "version": "1.0.0.0",
        "catalog_metadata": {"name": "${run_id}-switch", "description": "", "category": "CloudServices",
          "bullets": [], "providerDisplayName": "IBM", "bindable": true, "updatable": "", "systemTags": true},
        "tags": [{"name": "service_name", "label": "service_name", "type": "string", "immutable": true, "hidden": false,
          "required": false, "secured": false, "isSystemTag": true, "default": "${dollar}{svc_instance.name}",
          "customtype": "string", "permission": "Read-Only"}],
        "actions": [{"type": "provision", "name": "Provision", "description": "Default action for deployment of service",
          "input_parameters": [
            {"name": "url", "label": "Rest URL", "customtype": "string", "type": "string", "immutable": false, "hidden": false,
              "required": false, "secured": false, "editable": true, "default": "https://jsonplaceholder.typicode.com/todos/1"},
            {"name": "db_password", "label": "Database password", "customtype": "password", "type": "password", "immutable": false,
              "hidden": false, "required": true, "secured": true, "editable": true, "default": "cc-default-secret-0"}],
          "flow": {"conditions": [], "templates": [{"VMware NSX-T Sample to create a logical switch": {
            "title": "VMware NSX-T Sample to create a logical switch_b70a6e", "template_name": "VMware NSX-T Sample to create a logical switch",
            "version": "2.3", "id": "vmwarens666346e3", "template_type": "Terraform", "template_content_type": "VMware NSX-T",
            "template_provider": "VMware NSX-T", "instance_name": "", "cloud_connection_name": "NSX", "template_data_objects": {},
            "template_params": {"nsxt_transport_zone": "CAMDC2Zone", "nsxt_logical_switch_name": "name",
              "nsxt_admin_password": "${dollar}{input_parameters.db_password}"},
            "outputs": [], "editable": true, "provider_engine_version": "0.11.11"}}],
            "resthooks": [], "notifications": [], "sequence": {"0": "vmwarens666346e3"}, "error_sequence": {}},
          "output_parameters": []}],
        "plans": [{"name": "Standard", "description": "To deploy a Standard plan", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/service_id" as "service"
    And I save the response field "/id" as "manifest"
    When I send a PUT request to "/cam/composer/api/v1/Service/${service}?${q}" with body:
      """json
      {"status": "Published"}
      """
    Then the response status should be a success
    And the response should conform to the contract

  @slow
  Scenario: Deploy a service, follow the instance until it is Active, then terminate it
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-lifecycle", "instance_plan": "Standard",
        "tags_input": [{"value": "${dollar}{svc_instance.name}", "label": "service_name", "name": "service_name", "secured": false},
          {"value": "${dollar}{svc_instance.service_instance_id}", "label": "service_identifier", "name": "service_identifier", "secured": false}],
        "catalogItemId": "${service}", "serviceId": "${service}", "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": [
          {"name": "url", "label": "Rest URL", "value": "https://jsonplaceholder.typicode.com/todos/1", "secured": false},
          {"name": "db_password", "label": "Database password", "value": "cc-db-secret-7d41", "secured": true}]},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/Status" should be "Submitted"
    And the response field "/serviceId" should be "${service}"
    And the response field "/namespaceId" should be "${space_guid}"
    And the response field "/tags_input/0/value" should be "${run_id}-lifecycle"
    And the response field "/Bearer_Token" should exist
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    Then the response should conform to the contract
    And the response field "/activity_deployment_details/instance/vmwarens666346e3/status" should be "SUCCESS"
    And the response field "/activity_deployment_details/instance/vmwarens666346e3/template_params_%" should be "3"
    And the response field "/stack_id" should have 1 item
    And reading back the last write should show the fields it sent
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have an item whose "/id" is "${instance}"
    When I send a DELETE request to "/cam/composer/api/v1/ServiceInstances/${instance}?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/action" should be "Terminate"
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}?${q}"
    Then the response status should be 404
    And the response should conform to the contract

  @slow
  Scenario: A service of the global namespace deploys without a namespace, with a list parameter's array default
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"service": {"specVersion": "v3", "version": "1.0.0.0",
        "catalog_metadata": {"name": "${run_id}-global-deploy", "description": "", "category": "CloudServices", "bindable": false, "updatable": ""},
        "tags": [],
        "actions": [{"type": "provision", "name": "Provision", "description": "Default action for deployment of service",
          "input_parameters": [
            {"name": "zones", "label": "Availability zones", "customtype": "list", "type": "list", "immutable": false, "hidden": false,
              "required": false, "secured": false, "editable": true, "default": ["zone-1", "zone-2"]}],
          "flow": {"conditions": [], "templates": [{"VMware NSX-T Sample to create a logical switch": {
            "title": "VMware NSX-T Sample to create a logical switch_b70a6e", "template_name": "VMware NSX-T Sample to create a logical switch",
            "version": "2.3", "id": "vmwarens666346e3", "template_type": "Terraform", "template_content_type": "VMware NSX-T",
            "template_provider": "VMware NSX-T", "instance_name": "", "cloud_connection_name": "NSX", "template_data_objects": {},
            "template_params": {"nsxt_transport_zone": "CAMDC2Zone", "zones": "${dollar}{input_parameters.zones}"},
            "outputs": [], "editable": true, "provider_engine_version": "0.11.11"}}],
            "resthooks": [], "notifications": [], "sequence": {"0": "vmwarens666346e3"}, "error_sequence": {}},
          "output_parameters": []}],
        "plans": [{"name": "Standard", "description": "To deploy a Standard plan", "actions": [], "plan_parameters": []}]}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/namespaceId" should be ""
    And I save the response field "/service_id" as "global"
    When I send a PUT request to "/cam/composer/api/v1/Service/${global}?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"status": "Published"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    When I send a POST request to "/cam/composer/api/v1/Service/${global}/ServiceInstances?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"name": "${run_id}-global-instance", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/serviceId" should be "${global}"
    And the response field "/namespaceId" should be ""
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    Then the response should conform to the contract
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}/getInputParameters?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/InputParameters/input_parameters/0/name" should be "zones"
    And the response field "/InputParameters/input_parameters/0/default" should have 2 items
    When I send a DELETE request to "/cam/composer/api/v1/ServiceInstances/${instance}?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}?${q}"
    Then the response status should be 404
    And the response should conform to the contract

  @slow
  Scenario: Deploy a service version by its manifest id
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest/${manifest}/deploy?${q}" with body:
      """json
      {"name": "${run_id}-deploy-manifest", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": ""}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/serviceManifestId" should be "${manifest}"
    And the response field "/Status" should be "Submitted"
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    Then the response should conform to the contract
    And reading back the last write should show the fields it sent

  Scenario: Get the input parameters of an instance
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-inputs", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": [
          {"name": "url", "label": "Rest URL", "value": "https://jsonplaceholder.typicode.com/todos/7", "secured": false},
          {"name": "db_password", "label": "Database password", "value": "cc-db-secret-7d41", "secured": true}]},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}/getInputParameters?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/InputParameters/input_parameters" should have 2 items
    And the response field "/InputParameters/input_parameters/0/name" should be "url"
    And the response field "/InputParameters/input_parameters/0/value" should be "https://jsonplaceholder.typicode.com/todos/7"
    And the response field "/InputParameters/input_parameters/1/secured" should be "true"

  @slow
  Scenario: A deployment with an invalid host ends in Error, and a retry with a good value makes it Active
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-retry", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": [
          {"name": "url", "label": "Rest URL", "value": "https://jsonplaceholder.Invalid", "secured": false}]},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Error" within 5 attempts
    Then the response should conform to the contract
    And the response field "/activity_deployment_details/instance/vmwarens666346e3/status" should be "FAILED"
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/retryServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceInstanceId": "${instance}",
        "retry_details": {"is_partial": false, "instance_parameters": {"url": "https://jsonplaceholder.typicode.com/todos/22"}}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    Then the response should conform to the contract
    And reading back the last write should show the fields it sent

  @slow
  Scenario: Resume a failed instance with a good value
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-resume", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": [
          {"name": "url", "label": "Rest URL", "value": "https://jsonplaceholder.Invalid", "secured": false}]},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Error" within 5 attempts
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/resumeServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceInstanceId": "${instance}",
        "resume_details": {"is_partial": false, "instance_parameters": {"url": "https://jsonplaceholder.typicode.com/todos/22"}}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    Then the response should conform to the contract
    And reading back the last write should show the fields it sent

  @slow
  Scenario: Edit the parameters of an active instance
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-edit-instance", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/updateServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceInstanceId": "${instance}", "update_details": {"instance_parameters": {"url": "https://jsonplaceholder.typicode.com/todos/22"}}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/Status" should be "Submitted"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}/getInputParameters?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/InputParameters/input_parameters/0/value" should be "https://jsonplaceholder.typicode.com/todos/22"
    And reading back the last write should show the fields it sent

  @slow
  Scenario: Bind an instance, then unbind it
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-bind", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/bindServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"bindDetails": {"serviceInstanceId": "${instance}", "instance_parameters": {"resturl2": "https://jsonplaceholder.typicode.com/todos/33"}}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/serviceInstanceId" should be "${instance}"
    And I save the response field "/name" as "bind"
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/bind_array/${bind}/name" should be "${bind}"
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/deleteBindInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceInstanceId": "${instance}", "name": "${bind}"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/bind_array/${bind}" should not exist
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/deleteBindInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceInstanceId": "${instance}", "name": "${bind}"}
      """
    Then the response status should be 404
    And the response should conform to the contract

  @slow
  Scenario: Cleanup of a running deployment is refused with ResourceLockError
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-locked", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "In Progress" within 3 attempts
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/cleanupServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceInstanceId": "${instance}", "force": true}
      """
    Then the response status should be 419
    And the response should conform to the contract
    And the response field "/error/statusCode" should be "419"
    And the response field "/error/message" should match "^ResourceLockError: "
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    Then the response should conform to the contract

  @slow
  Scenario: Cleanup without force keeps an active instance, with force removes it
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-cleanup-active", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Active" within 5 attempts
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/cleanupServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceInstanceId": "${instance}", "force": false}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/count" should be "0"
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/cleanupServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceInstanceId": "${instance}", "force": true}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/count" should be "1"
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}?${q}"
    Then the response status should be 404
    And the response should conform to the contract

  @slow
  Scenario: Cleanup removes an instance in Error even without force
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-cleanup-error", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": [
          {"name": "url", "label": "Rest URL", "value": "https://jsonplaceholder.Invalid", "secured": false}]},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I poll GET "/cam/composer/api/v1/ServiceInstances/${instance}?${q}" until the response field "/Status" is "Error" within 5 attempts
    When I send a POST request to "/cam/composer/api/v1/ServiceInstances/cleanupServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceInstanceId": "${instance}", "force": false}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/count" should be "1"

  @fixture:other_space_guid
  Scenario: A service of one namespace cannot be deployed in another
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${other_space_guid}" with body:
      """json
      {"name": "${run_id}-wrong-namespace", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${other_space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be 404
    And the response should conform to the contract

  @fixture:other_space_guid
  Scenario: A service version of one namespace cannot be deployed in another
    When I send a POST request to "/cam/composer/api/v1/ServiceManifest/${manifest}/deploy?tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${other_space_guid}" with body:
      """json
      {"name": "${run_id}-wrong-namespace-version", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${other_space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be 404
    And the response should conform to the contract

  @fixture:other_space_guid
  Scenario: An instance of one namespace is not found from another
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-namespaced", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/id" as "instance"
    When I send a GET request to "/cam/composer/api/v1/ServiceInstances/${instance}?tenantId=${tenant}&ace_orgGuid=${org_guid}&cloudOE_spaceGuid=${other_space_guid}"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: A retired service cannot be deployed
    When I send a POST request to "/cam/composer/api/v1/Service/retireService?tenantId=${tenant}&ace_orgGuid=${org_guid}" with body:
      """json
      {"serviceID": "${service}"}
      """
    Then the response status should be a success
    And the response should conform to the contract
    When I send a POST request to "/cam/composer/api/v1/Service/${service}/ServiceInstances?${q}" with body:
      """json
      {"name": "${run_id}-retired", "instance_plan": "Standard", "tags_input": [], "action": "Provision",
        "resourceProperties": {"templateParameters": [], "specifications": []},
        "ownership": {"username": "", "displayName": "", "orgGuid": "${org_guid}", "spaceGuid": "${space_guid}", "tenantId": "${tenant}"}}
      """
    Then the response status should be 404
    And the response should conform to the contract

  Scenario Outline: <operation> of an instance that does not exist
    When I send a <method> request to "<path>" with body:
      """json
      <body>
      """
    Then the response status should be 404
    And the response should conform to the contract

    Examples:
      | operation                | method | path                                                                                                   | body                                                                                          |
      | updateServiceInstance    | POST   | /cam/composer/api/v1/ServiceInstances/updateServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}         | {"serviceInstanceId": "000000000000000000000000", "update_details": {"instance_parameters": {}}} |
      | retryServiceInstance     | POST   | /cam/composer/api/v1/ServiceInstances/retryServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}          | {"serviceInstanceId": "000000000000000000000000"}                                             |
      | resumeServiceInstance    | POST   | /cam/composer/api/v1/ServiceInstances/resumeServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}         | {"serviceInstanceId": "000000000000000000000000"}                                             |
      | bindServiceInstance      | POST   | /cam/composer/api/v1/ServiceInstances/bindServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}           | {"bindDetails": {"serviceInstanceId": "000000000000000000000000"}}                            |
      | unbindServiceInstance    | POST   | /cam/composer/api/v1/ServiceInstances/deleteBindInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}            | {"serviceInstanceId": "000000000000000000000000", "name": "nobody"}                           |
      | cleanupServiceInstance   | POST   | /cam/composer/api/v1/ServiceInstances/cleanupServiceInstance?tenantId=${tenant}&ace_orgGuid=${org_guid}        | {"serviceInstanceId": "000000000000000000000000", "force": true}                              |
      | terminateServiceInstance | DELETE | /cam/composer/api/v1/ServiceInstances/000000000000000000000000?${q}                                    | {"service_instance_details": {"service_instance_id": "000000000000000000000000"}}             |
      | createServiceInstance    | POST   | /cam/composer/api/v1/Service/000000000000000000000000/ServiceInstances?${q}                            | {"name": "nobody", "instance_plan": "Standard"}                                               |
      | deployServiceInstance    | POST   | /cam/composer/api/v1/ServiceManifest/000000000000000000000000/deploy?${q}                              | {"name": "nobody", "instance_plan": "Standard"}                                               |

  Scenario Outline: <operation> of an instance that does not exist, by GET
    When I send a GET request to "<path>"
    Then the response status should be 404
    And the response should conform to the contract

    Examples:
      | operation                            | path                                                                                                               |
      | getServiceInstance                   | /cam/composer/api/v1/ServiceInstances/000000000000000000000000?${q}                                                |
      | getServiceInstanceInputParameters    | /cam/composer/api/v1/ServiceInstances/000000000000000000000000/getInputParameters?${q}                              |
      | getServiceInstanceVersionChangePaths | /cam/composer/api/v1/ServiceInstances/000000000000000000000000?filter[include]=UpgradePaths&${q}                   |
