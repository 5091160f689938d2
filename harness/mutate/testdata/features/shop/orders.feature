Feature: orders

  Scenario: Read an order and check it against the contract
    When I send a GET request to "/api/orders/1"
    Then the response status should be 200
    And the response should conform to the contract

  Scenario: List the orders and look only at the status
    When I send a GET request to "/api/orders"
    Then the response status should be 200
