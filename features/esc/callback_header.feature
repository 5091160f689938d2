@esc @callbacks
Feature: A Callback header that is not a URI is refused
  The Callback header of an asynchronous write holds "a URI where the client expects a callback"
  (document line 43). A write whose Callback is not one is an invalid request: it is answered with
  the write's documented 400 "Invalid Request" and changes nothing. Each scenario creates what the
  refused write names, after the run id, and reads it back afterwards; the run's cleanup deletes it.

  Background:
    Given I am authenticated

  @destructive
  Scenario: A VIM user is not deleted by a request whose Callback is not a URI (document lines 43, 2490, 2498)
    When I send a POST request to "/ESCManager/v0/vims" with body:
      """xml
      <vim_connector><id>${run_id}-vim-badcb</id><type>OPENSTACK</type></vim_connector>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_vim"
    And the completion callback for transaction "${tx_vim}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/vims/${run_id}-vim-badcb/vim_users" with body:
      """xml
      <vim_user>
          <id>${run_id}-vim-badcb-user</id>
          <credentials>
              <properties>
                  <property><name>os_user_domain_name</name><value>default</value></property>
              </properties>
          </credentials>
      </vim_user>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_user"
    And the completion callback for transaction "${tx_user}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    Given the request header "Callback" is "not-a-url"
    When I send a DELETE request to "/ESCManager/v0/vims/${run_id}-vim-badcb/vim_users/${run_id}-vim-badcb-user"
    Then the response status should be 400
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/vims/${run_id}-vim-badcb/vim_users/${run_id}-vim-badcb-user"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/id" should be "${run_id}-vim-badcb-user"
