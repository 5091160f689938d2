Feature: A scenario that fails after creating networks
  The create answer does not give the network id: the harness finds the network by name to
  delete it, and keeps the network without the run id.

  Scenario: Create two networks, then fail
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    And I save the response field "/orgId" as "org"
    When I send a POST request to "/oec/0.9/${org}/network" with body:
      """xml
      <Network xmlns="http://oec.api.opsource.net/schemas/network"><name>${run_id}-left</name><description>left</description></Network>
      """
    Then the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/network" with body:
      """xml
      <Network xmlns="http://oec.api.opsource.net/schemas/network"><name>keep-unowned</name><description>keep</description></Network>
      """
    Then the response status should be 200
    And the response status should be 418
