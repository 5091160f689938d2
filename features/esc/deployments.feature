@esc @deployments
Feature: Deployments and deployment operations (groups 06 and 07)
  A deployment request carries an ESC datamodel (document lines 908-990). ESC answers 200 with the
  transaction id, then reports progress to the URL of the Callback header with <deployment>
  notifications (deployment_stage VM_DEPLOYED, VM_ALIVE, then SERVICE_ALIVE on completion) and to
  the URL of Callback-ESC-Events with <esc_event> notifications. Each scenario that deploys creates
  its own tenant first (named after its deployment, the same in the datamodel) and deploys under its
  own id and name; the VIM image, flavor and network of the datamodel are the fixture variables
  ${image}, ${flavor} and ${network} (specs/esc/harness.yaml).

  Background:
    Given I am authenticated

  @destructive @slow @fixture:flavor @fixture:image @fixture:network
  Scenario: Deploy a service and follow its notifications in order, then read and undeploy it
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-life-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-life-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-life" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc" xmlns:ns2="urn:ietf:params:xml:ns:netconf:notification">
        <tenants>
          <tenant>
            <name>${run_id}-dep-life-t</name>
            <deployments>
              <deployment>
                <name>${run_id}-dep-life</name>
                <vm_group>
                  <name>ASA-1</name>
                  <bootup_time>300</bootup_time>
                  <reboot_time>100</reboot_time>
                  <recovery_wait_time>10</recovery_wait_time>
                  <image>${image}</image>
                  <flavor>${flavor}</flavor>
                  <interfaces>
                    <interface>
                      <nicid>1</nicid>
                      <network>${network}</network>
                      <ip_address>18.0.0.16</ip_address>
                    </interface>
                  </interfaces>
                  <scaling>
                    <min_active>1</min_active>
                    <max_active>1</max_active>
                    <elastic>true</elastic>
                  </scaling>
                  <kpi_data>
                    <kpi>
                      <event_name>VM_ALIVE</event_name>
                      <metric_value>1</metric_value>
                      <metric_cond>GT</metric_cond>
                      <metric_type>UINT32</metric_type>
                      <metric_collector>
                        <type>ICMPPing</type>
                        <nicid>1</nicid>
                        <poll_frequency>3</poll_frequency>
                        <polling_unit>seconds</polling_unit>
                        <continuous_alarm>false</continuous_alarm>
                      </metric_collector>
                    </kpi>
                  </kpi_data>
                  <rules>
                    <admin_rules>
                      <rule>
                        <event_name>VM_ALIVE</event_name>
                        <action>"ALWAYS log"</action>
                        <action>"TRUE esc_vm_alive_notification"</action>
                      </rule>
                    </admin_rules>
                  </rules>
                </vm_group>
              </deployment>
            </deployments>
          </tenant>
        </tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the "Callback" callbacks for transaction "${tx}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    And the "Callback-ESC-Events" callbacks for transaction "${tx}" should carry "/event_type" values "VM_DEPLOYED, VM_ALIVE" in order within 10 seconds
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/deployment_stage" should be "VM_DEPLOYED"
    And the callback field "/deployment_details/0/vm_state_machine_state" should be "VM_INSERT_STATE"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/deployment_stage" should be "VM_ALIVE"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/deployment_stage" should be "SERVICE_ALIVE"
    And the callback field "/service_state_machine_state" should be "SERVICE_ACTIVE_STATE"
    And the callback field "/internal_deployment_id" should be "${run_id}-dep-life"
    And a "Callback-ESC-Events" callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_DEPLOYED"
    And a "Callback-ESC-Events" callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_ALIVE"
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-dep-life"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/deployment_name" should be "${run_id}-dep-life"
    And the response field "/deployment_details/vm_group_name" should be "ASA-1"
    When I send a GET request to "/ESCManager/v0/deployments/config/${run_id}-dep-life"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/tenants/tenant/0/deployments/deployment/0/name" should be "${run_id}-dep-life"
    When I send a GET request to "/ESCManager/v0/deployments"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "${run_id}-dep-life"
    When I send a DELETE request to "/ESCManager/v0/deployments/${run_id}-dep-life"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/deployment_stage" should be "SERVICE_STOPPED"
    And the callback field "/service_state_machine_state" should be "SERVICE_UNDEPLOYED_STATE"
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-dep-life"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive @slow @fixture:image @fixture:network
  Scenario: Scale a deployment out: the new VM is deployed, the changed one updated, then the service
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-scale-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-scale-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-scale" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-scale-t</name><deployments><deployment>
          <name>${run_id}-dep-scale</name>
          <vm_group>
            <name>CSR-1</name>
            <bootup_time>300</bootup_time>
            <image>${image}</image>
            <interfaces><interface><nicid>0</nicid><network>${network}</network></interface></interfaces>
            <scaling><min_active>1</min_active><max_active>2</max_active><elastic>true</elastic></scaling>
          </vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the "Callback" callbacks for transaction "${tx}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a PUT request to "/ESCManager/v0/deployments/${run_id}-dep-scale" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-scale-t</name><deployments><deployment>
          <name>${run_id}-dep-scale</name>
          <vm_group>
            <name>CSR-1</name>
            <bootup_time>300</bootup_time>
            <image>${image}</image>
            <interfaces><interface><nicid>0</nicid><network>${network}</network></interface></interfaces>
            <scaling><min_active>2</min_active><max_active>2</max_active><elastic>true</elastic></scaling>
          </vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_update"
    And the "Callback" callbacks for transaction "${tx_update}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, VM_UPDATED, SERVICE_UPDATED" in order within 10 seconds
    And the "Callback-ESC-Events" callbacks for transaction "${tx_update}" should carry "/event_type" values "VM_DEPLOYED, VM_ALIVE, VM_UPDATED" in order within 10 seconds
    And the completion callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/deployment_stage" should be "VM_DEPLOYED"
    And the completion callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/deployment_stage" should be "VM_ALIVE"
    And the completion callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/deployment_stage" should be "VM_UPDATED"
    And the completion callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/deployment_stage" should be "SERVICE_UPDATED"
    And a "Callback-ESC-Events" callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_DEPLOYED"
    And a "Callback-ESC-Events" callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_ALIVE"
    And a "Callback-ESC-Events" callback for transaction "${tx_update}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_UPDATED"
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-dep-scale"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/deployment_details" should have 2 items

  @destructive @slow @fixture:image @fixture:network
  Scenario: Stop and start a deployment
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-stop-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-stop-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-stop" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-stop-t</name><deployments><deployment>
          <name>${run_id}-dep-stop</name>
          <vm_group>
            <name>ASA-1</name>
            <image>${image}</image>
            <interfaces><interface><nicid>0</nicid><network>${network}</network></interface></interfaces>
          </vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the "Callback" callbacks for transaction "${tx}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a POST request to "/ESCManager/v0/${run_id}-dep-stop-t/deployments/service/${run_id}-dep-stop" with body:
      """xml
      <service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <operation>stop</operation>
      </service_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_stop"
    And the "Callback" callbacks for transaction "${tx_stop}" should carry "/deployment_stage" values "VM_STOPPED, SERVICE_STOPPED" in order within 10 seconds
    And the completion callback for transaction "${tx_stop}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/deployment_stage" should be "VM_STOPPED"
    And the completion callback for transaction "${tx_stop}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/deployment_stage" should be "SERVICE_STOPPED"
    And the callback field "/service_state_machine_state" should be "SERVICE_STOPPED_STATE"
    And a "Callback-ESC-Events" callback for transaction "${tx_stop}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_STOPPED"
    When I send a POST request to "/ESCManager/v0/${run_id}-dep-stop-t/deployments/service/${run_id}-dep-stop" with body:
      """xml
      <service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <operation>stop</operation>
      </service_operation>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/${run_id}-dep-stop-t/deployments/service/${run_id}-dep-stop" with body:
      """xml
      <service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <operation>start</operation>
      </service_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_start"
    And the "Callback" callbacks for transaction "${tx_start}" should carry "/deployment_stage" values "VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    And the completion callback for transaction "${tx_start}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the completion callback for transaction "${tx_start}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/deployment_stage" should be "SERVICE_ALIVE"
    And a "Callback-ESC-Events" callback for transaction "${tx_start}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_ALIVE"

  @destructive @slow @fixture:image @fixture:network
  Scenario: Reboot a deployment and switch its monitoring off and on
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-reboot-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-reboot-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-reboot" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-reboot-t</name><deployments><deployment>
          <name>${run_id}-dep-reboot</name>
          <vm_group>
            <name>ASA-1</name>
            <image>${image}</image>
            <interfaces><interface><nicid>0</nicid><network>${network}</network></interface></interfaces>
          </vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the "Callback" callbacks for transaction "${tx}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a POST request to "/ESCManager/v0/${run_id}-dep-reboot-t/deployments/service/${run_id}-dep-reboot" with body:
      """xml
      <service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>reboot</operation></service_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_reboot"
    And the "Callback" callbacks for transaction "${tx_reboot}" should carry "/deployment_stage" values "VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    And the completion callback for transaction "${tx_reboot}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the completion callback for transaction "${tx_reboot}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/deployment_stage" should be "SERVICE_ALIVE"
    When I send a POST request to "/ESCManager/v0/${run_id}-dep-reboot-t/deployments/service/${run_id}-dep-reboot" with body:
      """xml
      <service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>disable_monitoring</operation></service_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_off"
    And the completion callback for transaction "${tx_off}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/deployment_stage" should be "SERVICE_UPDATED"
    When I send a POST request to "/ESCManager/v0/${run_id}-dep-reboot-t/deployments/service/${run_id}-dep-reboot" with body:
      """xml
      <service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>enable_monitoring</operation></service_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_on"
    And the completion callback for transaction "${tx_on}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/deployment_stage" should be "SERVICE_UPDATED"

  @destructive @slow @fixture:image
  Scenario: An undocumented deployment operation is refused
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-badop-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-badop-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-badop" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-badop-t</name><deployments><deployment>
          <name>${run_id}-dep-badop</name>
          <vm_group><name>ASA-1</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the "Callback" callbacks for transaction "${tx}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a POST request to "/ESCManager/v0/${run_id}-dep-badop-t/deployments/service/${run_id}-dep-badop" with body:
      """xml
      <service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>teleport</operation></service_operation>
      """
    Then the response status should be 400
    And the response should conform to the contract
    Given the request header "Callback" is ""
    When I send a POST request to "/ESCManager/v0/${run_id}-dep-badop-t/deployments/service/${run_id}-dep-badop" with body:
      """xml
      <service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>stop</operation></service_operation>
      """
    Then the response status should be 400
    And the response should conform to the contract
    And the response body should contain "Missing callback"

  @destructive
  Scenario: An operation on a deployment of another tenant is a 404
    When I send a POST request to "/ESCManager/v0/dep-othertenant/deployments/service/dep-nosuch" with body:
      """xml
      <service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>stop</operation></service_operation>
      """
    Then the response status should be 404
    And the response should conform to the contract

  @destructive @fixture:image
  Scenario: A deployment for a tenant that does not exist
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-notenant" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>no-such-tenant</name><deployments><deployment>
          <name>${run_id}-dep-notenant</name>
          <vm_group><name>ASA-1</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: A deployment without a VM group is refused
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-nogroup-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-nogroup-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-nogroup" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-nogroup-t</name><deployments><deployment>
          <name>${run_id}-dep-nogroup</name>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive @fixture:image
  Scenario: A deployment id longer than 72 characters is refused on create
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-toolong-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-toolong-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/dep-73-012345678901234567890123456789012345678901234567890123456789012345" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-toolong-t</name><deployments><deployment>
          <name>dep-toolong</name>
          <vm_group><name>ASA-1</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 400
    And the response should conform to the contract

  @destructive @fixture:image
  Scenario: A deployment id already used by a tenant is a conflict
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-clash-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-clash-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-clash-t" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-clash-t</name><deployments><deployment>
          <name>dep-clash</name>
          <vm_group><name>ASA-1</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive @slow @fixture:image
  Scenario: Two deployments of the same name in one tenant are a conflict
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-samename-1-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-samename-1-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-samename-1" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-samename-1-t</name><deployments><deployment>
          <name>dep-samename</name>
          <vm_group><name>ASA-1</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the "Callback" callbacks for transaction "${tx}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-samename-2" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-samename-1-t</name><deployments><deployment>
          <name>dep-samename</name>
          <vm_group><name>ASA-1</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 409
    And the response should conform to the contract

  @destructive @slow @fixture:image
  Scenario: An update that renames a deployment is answered as the contract documents
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-rename-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-rename-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-dep-rename" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-rename-t</name><deployments><deployment>
          <name>${run_id}-dep-rename</name>
          <vm_group><name>ASA-1</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_deploy"
    And the "Callback" callbacks for transaction "${tx_deploy}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a PUT request to "/ESCManager/v0/deployments/${run_id}-dep-rename" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-rename-t</name><deployments><deployment>
          <name>${run_id}-dep-renamed</name>
          <vm_group><name>ASA-1</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    # The document says nothing of renaming (updateDeployment, lines 1150-1175): whatever the
    # cloud answers must be a documented status with a conforming body.
    Then the response should conform to the contract

  @destructive @fixture:image
  Scenario: Reading, updating and deleting a deployment that does not exist
    When I send a POST request to "/ESCManager/v0/tenants/${run_id}-dep-nosuch-t" with body:
      """xml
      <tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>${run_id}-dep-nosuch-t</name></tenant>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_tenant"
    And the completion callback for transaction "${tx_tenant}" should arrive within 10 seconds
    And the callback header "ESC-Status-Code" should be "200"
    When I send a GET request to "/ESCManager/v0/deployments/dep-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/deployments/config/dep-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a PUT request to "/ESCManager/v0/deployments/dep-nosuch" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>${run_id}-dep-nosuch-t</name><deployments><deployment>
          <name>dep-nosuch</name>
          <vm_group><name>ASA-1</name><image>${image}</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 404
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/deployments/dep-nosuch"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: A deployment id of up to 1024 characters is looked up, not refused, by the GETs
    When I send a GET request to "/ESCManager/v0/deployments/dep-100-0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a GET request to "/ESCManager/v0/deployments/config/dep-100-0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: List the deployments
    When I send a GET request to "/ESCManager/v0/deployments"
    Then the response status should be 200
    And the response should conform to the contract
