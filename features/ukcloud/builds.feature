@ukcloud @builds @fixture:account
Feature: Self-service builds of vOrgs, VDCs and edge gateways
  A build request answers 202 with a Location; the build goes approved → running → completed, and
  then the new resource is listed. The document has no delete operation: what a live run builds
  is named after ${run_id} (edge gateways take no name), for a person to find and remove.
  VDCs and edge gateways are built in the first vOrg ${account} lists, in its first VDC.

  Background:
    Given I am authenticated
    When I send a GET request to "/api/accounts/${account}/vorgs"
    Then the response status should be 200
    And I save "/id" of the first item of "/data" as "vorg"
    When I send a GET request to "/api/accounts/${account}/compute_services/${vorg}"
    Then the response status should be 200
    And I save "/urn" of the first item of "/VDCs" as "vdc"

  Scenario: List the vOrgs of an account
    When I send a GET request to "/api/accounts/${account}/vorgs"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/data" should have an item whose "/id" is "${vorg}"

  @destructive
  Scenario: Build a vOrg and poll the build until it completes
    When I send a POST request to "/api/accounts/${account}/vorgs" with body:
      """json
      {"data": {"type": "Vorg", "attributes": {"zoneId": "B", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 202
    And the response should conform to the contract
    And the response header "Location" should match "/api/vorg-builds/[0-9]+$"
    And the response field "/data/attributes/state" should be "approved"
    And I save the response header "Location" as "build"
    And I save the response field "/data/id" as "build_id"
    When I poll GET "${build}" until the response field "/data/attributes/state" is "completed" within 5 attempts
    Then the response should conform to the contract
    And the response field "/data/id" should be "${build_id}"
    When I send a GET request to "/api/accounts/${account}/vorg-builds"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/data" should have an item whose "/id" is "${build_id}"
    When I send a GET request to "/api/accounts/${account}/vorgs"
    Then the response status should be 200
    And the response field "/data" should have an item whose "/attributes/name" is "${run_id}-DEMO"
    And reading back the last write should show the fields it sent

  @destructive
  Scenario: A vOrg build request that does not match the schema
    When I send a POST request to "/api/accounts/${account}/vorgs" with body:
      """json
      {"data": {"type": "Vdc", "attributes": {"zoneId": "B"}}}
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive
  Scenario: A vOrg build in a zone that does not exist
    When I send a POST request to "/api/accounts/${account}/vorgs" with body:
      """json
      {"data": {"type": "Vorg", "attributes": {"zoneId": "Z", "name": "${run_id}-NOWHERE"}}}
      """
    Then the response status should be 500
    And the response should conform to the contract

  @destructive @fixture:member_account
  Scenario: A vOrg build by a user who is not an administrator
    When I send a POST request to "/api/accounts/${member_account}/vorgs" with body:
      """json
      {"data": {"type": "Vorg", "attributes": {"zoneId": "B", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 403
    And the response should conform to the contract

  @destructive
  Scenario: A vOrg build in an account that does not exist
    When I send a POST request to "/api/accounts/404404/vorgs" with body:
      """json
      {"data": {"type": "Vorg", "attributes": {"zoneId": "B", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: A vOrg build that does not exist
    When I send a GET request to "/api/vorg-builds/404404"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: List the VDCs of a vOrg
    When I send a GET request to "/api/accounts/${account}/vorgs/${vorg}/vdcs"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/data" should have at least 1 item

  @fixture:member_account @fixture:restricted_vorg
  Scenario: VDCs of a vOrg the user has no permission for
    When I send a GET request to "/api/accounts/${member_account}/vorgs/${restricted_vorg}/vdcs"
    Then the response status should be 403
    And the response should conform to the contract

  @destructive
  Scenario: Build a VDC and poll the build until it completes
    When I send a POST request to "/api/accounts/${account}/vorgs/${vorg}/vdcs" with body:
      """json
      {"data": {"type": "VDC", "attributes": {"vmType": "POWER", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 202
    And the response should conform to the contract
    And I save the response header "Location" as "build"
    And I save the response field "/data/id" as "build_id"
    When I poll GET "${build}" until the response field "/data/attributes/state" is "completed" within 5 attempts
    Then the response should conform to the contract
    When I send a GET request to "/api/accounts/${account}/vdc-builds"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/data" should have an item whose "/id" is "${build_id}"
    When I send a GET request to "/api/accounts/${account}/vorgs/${vorg}/vdcs"
    Then the response status should be 200
    And the response field "/data" should have an item whose "/attributes/name" is "${run_id}-DEMO"
    And reading back the last write should show the fields it sent

  @destructive @fixture:member_account
  Scenario: A VDC build by a user who does not administer the vOrg
    When I send a GET request to "/api/accounts/${member_account}/vorgs"
    Then the response status should be 200
    And I save "/id" of the first item of "/data" as "member_vorg"
    When I send a POST request to "/api/accounts/${member_account}/vorgs/${member_vorg}/vdcs" with body:
      """json
      {"data": {"type": "VDC", "attributes": {"vmType": "POWER", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 403
    And the response should conform to the contract

  @destructive
  Scenario: A VDC build request that does not match the schema
    When I send a POST request to "/api/accounts/${account}/vorgs/${vorg}/vdcs" with body:
      """json
      {"data": {"type": "VDC", "attributes": {"name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: A VDC build that does not exist
    When I send a GET request to "/api/vdc-builds/404404"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: List the edge gateways of a VDC
    When I send a GET request to "/api/accounts/${account}/vorgs/${vorg}/vdcs/${vdc}/edge-gateways"
    Then the response status should be 200
    And the response should conform to the contract

  @destructive
  Scenario: Build an edge gateway and poll the build until it completes
    When I send a POST request to "/api/accounts/${account}/vorgs/${vorg}/vdcs/${vdc}/edge-gateways" with body:
      """json
      {"data": {"type": "EdgeGateway", "attributes": {"connectivityType": "Internet"}}}
      """
    Then the response status should be 202
    And the response should conform to the contract
    And I save the response header "Location" as "build"
    And I save the response field "/data/id" as "build_id"
    When I poll GET "${build}" until the response field "/data/attributes/state" is "completed" within 5 attempts
    Then the response should conform to the contract
    When I send a GET request to "/api/accounts/${account}/edge-gateway-builds"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/data" should have an item whose "/id" is "${build_id}"
    When I send a GET request to "/api/accounts/${account}/vorgs/${vorg}/vdcs/${vdc}/edge-gateways"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/data" should have at least 1 item

  @destructive
  Scenario: An edge gateway build request that does not match the schema
    When I send a POST request to "/api/accounts/${account}/vorgs/${vorg}/vdcs/${vdc}/edge-gateways" with body:
      """json
      {"data": {"type": "EdgeGateway", "attributes": {"connectivityType": "Carrier pigeon"}}}
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: An edge gateway build that does not exist
    When I send a GET request to "/api/edge-gateway-builds/404404"
    Then the response status should be 404
    And the response should conform to the contract
