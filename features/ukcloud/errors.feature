@ukcloud @errors
Feature: Documented errors of every operation
  Every operation but authenticate needs a session (401), and the account-scoped ones refuse
  accounts the user cannot see (403 or 404, as each operation documents).

  Scenario Outline: <method> <path> without a session answers 401
    When I send a <method> request to "<path>"
    Then the response status should be 401
    And the response should conform to the contract

    Examples:
      | method | path                                                                                                        |
      | GET    | /api/my_calls/INC10001                                                                                      |
      | PUT    | /api/my_calls/INC10001                                                                                      |
      | POST   | /api/my_calls                                                                                               |
      | PUT    | /api/my_calls/INC10001/subscribe                                                                            |
      | PUT    | /api/my_calls/INC10001/unsubscribe                                                                          |
      | PUT    | /api/my_calls/INC10001/reopen                                                                               |
      | PUT    | /api/my_calls/INC10001/change_owner                                                                         |
      | PUT    | /api/my_calls/INC10001/cancel                                                                               |
      | PUT    | /api/my_calls/INC10001/close                                                                                |
      | GET    | /api/accounts/1/compute_services                                                                            |
      | GET    | /api/accounts/1/compute_services/12                                                                         |
      | GET    | /api/accounts/1/api_credentials                                                                             |
      | GET    | /api/accounts/1/platform_visibility/vmotion_events                                                          |
      | GET    | /api/accounts/1/vorgs                                                                                       |
      | POST   | /api/accounts/1/vorgs                                                                                       |
      | GET    | /api/vorg-builds/10                                                                                         |
      | GET    | /api/accounts/1/vorg-builds                                                                                 |
      | GET    | /api/accounts/1/vorgs/12/vdcs                                                                               |
      | POST   | /api/accounts/1/vorgs/12/vdcs                                                                               |
      | GET    | /api/vdc-builds/10                                                                                          |
      | GET    | /api/accounts/1/vdc-builds                                                                                  |
      | GET    | /api/accounts/1/vorgs/12/vdcs/urn:vcloud:vdc:3f78f9db-be9b-4517-a013-f1a6e39d5f5d/edge-gateways             |
      | POST   | /api/accounts/1/vorgs/12/vdcs/urn:vcloud:vdc:3f78f9db-be9b-4517-a013-f1a6e39d5f5d/edge-gateways             |
      | GET    | /api/edge-gateway-builds/23                                                                                 |
      | GET    | /api/accounts/1/edge-gateway-builds                                                                         |
      | GET    | /api/billing/cloud-storage-report?date=2018-01-01&org_id=1-1-1-9836cf                                       |

  Scenario Outline: GET <path> for an account or service the user cannot see answers <status>
    Given I am authenticated
    When I send a GET request to "<path>"
    Then the response status should be <status>
    And the response should conform to the contract

    Examples:
      | path                                                                                             | status |
      | /api/accounts/2/vorgs                                                                            | 403    |
      | /api/accounts/2/vorg-builds                                                                      | 403    |
      | /api/accounts/2/vdc-builds                                                                       | 403    |
      | /api/accounts/2/edge-gateway-builds                                                              | 403    |
      | /api/accounts/2/vorgs/41/vdcs                                                                    | 404    |
      | /api/accounts/2/vorgs/41/vdcs/urn:vcloud:vdc:3f78f9db-be9b-4517-a013-f1a6e39d5f5d/edge-gateways  | 404    |
      | /api/accounts/48/vorgs/32/vdcs/urn:vcloud:vdc:36f675cc-81e7-4ef5-a8e2-5d940ed90475/edge-gateways | 403    |
      | /api/accounts/1/compute_services/99                                                              | 404    |

  Scenario Outline: POST <path> for a <type> the user cannot build answers <status>
    Given I am authenticated
    When I send a POST request to "<path>" with body:
      """json
      {"data": {"type": "<type>", "attributes": {"name": "${run_id}-DEMO", "vmType": "POWER", "connectivityType": "Internet"}}}
      """
    Then the response status should be <status>
    And the response should conform to the contract

    Examples:
      | path                                                                                             | type        | status |
      | /api/accounts/2/vorgs/41/vdcs                                                                    | VDC         | 404    |
      | /api/accounts/2/vorgs/41/vdcs/urn:vcloud:vdc:3f78f9db-be9b-4517-a013-f1a6e39d5f5d/edge-gateways  | EdgeGateway | 404    |
      | /api/accounts/48/vorgs/31/vdcs/urn:vcloud:vdc:36f675cc-81e7-4ef5-a8e2-5d940ed90475/edge-gateways | EdgeGateway | 403    |

  Scenario Outline: PUT <action> of ticket <ticket> answers <status>
    Given I am authenticated
    When I send a PUT request to "/api/my_calls/<ticket>/<action>" with body:
      """json
      {"email": "<email>"}
      """
    Then the response status should be <status>
    And the response should conform to the contract

    Examples:
      | ticket     | action       | email                | status |
      | INC99999   | cancel       | api.user@example.com | 400    |
      | INC99999   | close        | api.user@example.com | 400    |
      | INC99999   | reopen       | api.user@example.com | 400    |
      | INC99999   | change_owner | ops.team@example.com | 400    |
      | INC1002183 | change_owner | ops.team@example.com | 422    |
      | INC99999   | unsubscribe  | jane.doe@example.com | 400    |
      | INC1002183 | unsubscribe  | jane.doe@example.com | 422    |
      | INC1002184 | subscribe    | ops.team@example.com | 422    |
