@ukcloud @errors
Feature: Documented errors of every operation
  Every operation but authenticate needs a session (401), and the account-scoped ones refuse
  accounts the user cannot see (403 or 404, as each operation documents). The document answers an
  account, vOrg or build the user cannot see and one that does not exist alike, so ids nothing has
  (404404, INC99999, a zero VDC URN) stand for both.

  Scenario Outline: <method> <path> without a session answers 401
    When I send a <method> request to "<path>"
    Then the response status should be 401
    And the response should conform to the contract

    Examples:
      | method | path                                                                                                         |
      | GET    | /api/my_calls/INC99999                                                                                       |
      | GET    | /api/vorg-builds/404404                                                                                      |
      | GET    | /api/vdc-builds/404404                                                                                       |
      | GET    | /api/edge-gateway-builds/404404                                                                              |
      | GET    | /api/billing/cloud-storage-report?date=2018-01-01&org_id=404404-1-1-abcdef                                   |

    @fixture:account
    Examples: in the account
      | method | path                                                                                                         |
      | GET    | /api/accounts/${account}/compute_services                                                                    |
      | GET    | /api/accounts/${account}/compute_services/404404                                                             |
      | GET    | /api/accounts/${account}/api_credentials                                                                     |
      | GET    | /api/accounts/${account}/platform_visibility/vmotion_events                                                  |
      | GET    | /api/accounts/${account}/vorgs                                                                               |
      | GET    | /api/accounts/${account}/vorg-builds                                                                         |
      | GET    | /api/accounts/${account}/vorgs/404404/vdcs                                                                   |
      | GET    | /api/accounts/${account}/vdc-builds                                                                          |
      | GET    | /api/accounts/${account}/vorgs/404404/vdcs/urn:vcloud:vdc:00000000-0000-0000-0000-000000000000/edge-gateways |
      | GET    | /api/accounts/${account}/edge-gateway-builds                                                                 |

    @destructive
    Examples: changes
      | method | path                                                                                                         |
      | PUT    | /api/my_calls/INC99999                                                                                       |
      | POST   | /api/my_calls                                                                                                |
      | PUT    | /api/my_calls/INC99999/subscribe                                                                             |
      | PUT    | /api/my_calls/INC99999/unsubscribe                                                                           |
      | PUT    | /api/my_calls/INC99999/reopen                                                                                |
      | PUT    | /api/my_calls/INC99999/change_owner                                                                          |
      | PUT    | /api/my_calls/INC99999/cancel                                                                                |
      | PUT    | /api/my_calls/INC99999/close                                                                                 |

    @destructive @fixture:account
    Examples: changes in the account
      | method | path                                                                                                         |
      | POST   | /api/accounts/${account}/vorgs                                                                               |
      | POST   | /api/accounts/${account}/vorgs/404404/vdcs                                                                   |
      | POST   | /api/accounts/${account}/vorgs/404404/vdcs/urn:vcloud:vdc:00000000-0000-0000-0000-000000000000/edge-gateways |

  Scenario Outline: GET <path> for an account or service the user cannot see answers <status>
    Given I am authenticated
    When I send a GET request to "<path>"
    Then the response status should be <status>
    And the response should conform to the contract

    Examples:
      | path                                                                                                 | status |
      | /api/accounts/404404/vorgs                                                                           | 403    |
      | /api/accounts/404404/vorg-builds                                                                     | 403    |
      | /api/accounts/404404/vdc-builds                                                                      | 403    |
      | /api/accounts/404404/edge-gateway-builds                                                             | 403    |
      | /api/accounts/404404/vorgs/404404/vdcs                                                               | 404    |
      | /api/accounts/404404/vorgs/404404/vdcs/urn:vcloud:vdc:00000000-0000-0000-0000-000000000000/edge-gateways | 404    |

    @fixture:member_account @fixture:restricted_vorg
    Examples: a vOrg of an account the user sees, without permissions
      | path                                                                                                                   | status |
      | /api/accounts/${member_account}/vorgs/${restricted_vorg}/vdcs/urn:vcloud:vdc:00000000-0000-0000-0000-000000000000/edge-gateways | 403    |

    @fixture:account
    Examples: a vOrg that is not in the account
      | path                                           | status |
      | /api/accounts/${account}/compute_services/404404 | 404    |

  @destructive
  Scenario Outline: POST <path> for a <type> the user cannot build answers <status>
    Given I am authenticated
    When I send a POST request to "<path>" with body:
      """json
      {"data": {"type": "<type>", "attributes": {"name": "${run_id}-DEMO", "vmType": "POWER", "connectivityType": "Internet"}}}
      """
    Then the response status should be <status>
    And the response should conform to the contract

    Examples:
      | path                                                                                                 | type        | status |
      | /api/accounts/404404/vorgs/404404/vdcs                                                               | VDC         | 404    |
      | /api/accounts/404404/vorgs/404404/vdcs/urn:vcloud:vdc:00000000-0000-0000-0000-000000000000/edge-gateways | EdgeGateway | 404    |

  @destructive @fixture:member_account
  Scenario: POST an edge gateway in a vOrg the user does not administer answers 403
    Given I am authenticated
    When I send a GET request to "/api/accounts/${member_account}/vorgs"
    Then the response status should be 200
    And I save "/id" of the first item of "/data" as "member_vorg"
    When I send a GET request to "/api/accounts/${member_account}/compute_services/${member_vorg}"
    Then the response status should be 200
    And I save "/urn" of the first item of "/VDCs" as "member_vdc"
    When I send a POST request to "/api/accounts/${member_account}/vorgs/${member_vorg}/vdcs/${member_vdc}/edge-gateways" with body:
      """json
      {"data": {"type": "EdgeGateway", "attributes": {"connectivityType": "Internet"}}}
      """
    Then the response status should be 403
    And the response should conform to the contract

  @destructive
  Scenario Outline: PUT <action> of a ticket that does not exist answers 400
    Given I am authenticated
    When I send a PUT request to "/api/my_calls/INC99999/<action>" with body:
      """json
      {"email": "nobody@example.net"}
      """
    Then the response status should be 400
    And the response should conform to the contract

    Examples:
      | action       |
      | cancel       |
      | close        |
      | reopen       |
      | change_owner |
      | unsubscribe  |

  @destructive @fixture:colleague_email
  Scenario: PUT change_owner of a ticket awaiting review answers 422
    Given I am authenticated
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: owner too early", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: owner too early" as "ticket"
    When I send a PUT request to "/api/my_calls/${ticket}/change_owner" with body:
      """json
      {"email": "${colleague_email}"}
      """
    Then the response status should be 422
    And the response should conform to the contract

  @destructive @fixture:colleague_email
  Scenario: PUT unsubscribe of a colleague who is not subscribed answers 422
    Given I am authenticated
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: not subscribed", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: not subscribed" as "ticket"
    When I send a PUT request to "/api/my_calls/${ticket}/unsubscribe" with body:
      """json
      {"email": "${colleague_email}"}
      """
    Then the response status should be 422
    And the response should conform to the contract

  @destructive @fixture:colleague_email
  Scenario: PUT subscribe of a colleague already subscribed answers 422
    Given I am authenticated
    When I send a POST request to "/api/my_calls" with body:
      """json
      {"incident": {"problem_area": "compute", "service": "My Service", "classification": "Other incident", "summary": "${run_id}: subscribed twice", "further_details": "Raised by a contract test run."}}
      """
    Then the response status should be 201
    And the response should conform to the contract
    When I send a GET request to "/api/my_calls?for=user"
    Then the response status should be 200
    And I save "/ticket_id" of the first item of "/" whose "/summary" is "${run_id}: subscribed twice" as "ticket"
    When I send a PUT request to "/api/my_calls/${ticket}/subscribe" with body:
      """json
      {"email": "${colleague_email}"}
      """
    Then the response status should be 200
    When I send a PUT request to "/api/my_calls/${ticket}/subscribe" with body:
      """json
      {"email": "${colleague_email}"}
      """
    Then the response status should be 422
    And the response should conform to the contract
