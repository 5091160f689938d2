@ukcloud @builds
Feature: Self-service builds of vOrgs, VDCs and edge gateways
  A build request answers 202 with a Location; the build goes approved → running → completed, and
  then the new resource is listed. The document has no delete operation: what a live run builds
  is named after ${run_id}, for a person to find and remove.

  Background:
    Given I am authenticated

  Scenario: List the vOrgs of an account
    When I send a GET request to "/api/accounts/1/vorgs"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Build a vOrg and poll the build until it completes
    When I send a POST request to "/api/accounts/1/vorgs" with body:
      """json
      {"data": {"type": "Vorg", "attributes": {"zoneId": "B", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 202
    And the response should conform to the contract
    And the response header "Location" should match "/api/vorg-builds/[0-9]+$"
    And the response field "/data/attributes/state" should be "approved"
    And I save the response header "Location" as "build"
    When I poll GET "${build}" until the response field "/data/attributes/state" is "completed" within 5 attempts
    Then the response should conform to the contract
    When I send a GET request to "/api/accounts/1/vorg-builds"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: A vOrg build request that does not match the schema
    When I send a POST request to "/api/accounts/1/vorgs" with body:
      """json
      {"data": {"type": "Vdc", "attributes": {"zoneId": "B"}}}
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: A vOrg build in a zone that does not exist
    When I send a POST request to "/api/accounts/1/vorgs" with body:
      """json
      {"data": {"type": "Vorg", "attributes": {"zoneId": "Z", "name": "NOWHERE"}}}
      """
    Then the response status should be 500
    And the response should conform to the contract

  Scenario: A vOrg build by a user who is not an administrator
    When I send a POST request to "/api/accounts/48/vorgs" with body:
      """json
      {"data": {"type": "Vorg", "attributes": {"zoneId": "B", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 403
    And the response should conform to the contract

  Scenario: A vOrg build in another customer's account
    When I send a POST request to "/api/accounts/2/vorgs" with body:
      """json
      {"data": {"type": "Vorg", "attributes": {"zoneId": "B", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: A vOrg build of another customer
    When I send a GET request to "/api/vorg-builds/9"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: List the VDCs of a vOrg
    When I send a GET request to "/api/accounts/1/vorgs/12/vdcs"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: VDCs of a vOrg the user has no permission for
    When I send a GET request to "/api/accounts/48/vorgs/32/vdcs"
    Then the response status should be 403
    And the response should conform to the contract

  Scenario: Build a VDC and poll the build until it completes
    When I send a POST request to "/api/accounts/1/vorgs/12/vdcs" with body:
      """json
      {"data": {"type": "VDC", "attributes": {"vmType": "POWER", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 202
    And the response should conform to the contract
    And I save the response header "Location" as "build"
    When I poll GET "${build}" until the response field "/data/attributes/state" is "completed" within 5 attempts
    Then the response should conform to the contract
    When I send a GET request to "/api/accounts/1/vdc-builds"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: A VDC build by a user who does not administer the vOrg
    When I send a POST request to "/api/accounts/48/vorgs/31/vdcs" with body:
      """json
      {"data": {"type": "VDC", "attributes": {"vmType": "POWER", "name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 403
    And the response should conform to the contract

  Scenario: A VDC build request that does not match the schema
    When I send a POST request to "/api/accounts/1/vorgs/12/vdcs" with body:
      """json
      {"data": {"type": "VDC", "attributes": {"name": "${run_id}-DEMO"}}}
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: A VDC build that does not exist
    When I send a GET request to "/api/vdc-builds/999"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: List the edge gateways of a VDC
    When I send a GET request to "/api/accounts/1/vorgs/12/vdcs/urn:vcloud:vdc:3f78f9db-be9b-4517-a013-f1a6e39d5f5d/edge-gateways"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: Build an edge gateway and poll the build until it completes
    When I send a POST request to "/api/accounts/1/vorgs/12/vdcs/urn:vcloud:vdc:6513270e-269e-4d37-b2a7-4de452e6b438/edge-gateways" with body:
      """json
      {"data": {"type": "EdgeGateway", "attributes": {"connectivityType": "Internet"}}}
      """
    Then the response status should be 202
    And the response should conform to the contract
    And I save the response header "Location" as "build"
    When I poll GET "${build}" until the response field "/data/attributes/state" is "completed" within 5 attempts
    Then the response should conform to the contract
    When I send a GET request to "/api/accounts/1/edge-gateway-builds"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: An edge gateway build request that does not match the schema
    When I send a POST request to "/api/accounts/1/vorgs/12/vdcs/urn:vcloud:vdc:6513270e-269e-4d37-b2a7-4de452e6b438/edge-gateways" with body:
      """json
      {"data": {"type": "EdgeGateway", "attributes": {"connectivityType": "Carrier pigeon"}}}
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: An edge gateway build that does not exist
    When I send a GET request to "/api/edge-gateway-builds/999"
    Then the response status should be 404
    And the response should conform to the contract
