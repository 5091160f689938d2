@esc @vms
Feature: VM operations and VM snapshots (groups 08 and 18)
  VM operations address a VM by the name ESC generated for it, read here from the deployment.
  Each one answers with a transaction id; the VM's events go to Callback-ESC-Events and the result
  to Callback as an <esc_event> (document lines 1856-1919). Snapshot-vm answers 201.

  Background:
    Given I am authenticated

  Scenario: Stop, start and reboot a VM, each with its event and completion callback
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-vm-power" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>admin</name><deployments><deployment>
          <name>${run_id}-vm-power</name>
          <vm_group>
            <name>ASA-1</name>
            <image>ASA</image>
            <interfaces><interface><nicid>0</nicid><network>MgtNetwork</network></interface></interfaces>
          </vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_deploy"
    And the "Callback" callbacks for transaction "${tx_deploy}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-vm-power"
    Then the response status should be 200
    And I save the response field "/deployment_details/vm_name" as "vm"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/vm/${vm}" with body:
      """xml
      <vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
          <operation>stop</operation>
      </vm_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_stop"
    And the completion callback for transaction "${tx_stop}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "VM_STOP_COMPLETE"
    And the callback field "/vm_source/vm_name" should be "${vm}"
    And a "Callback-ESC-Events" callback for transaction "${tx_stop}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_STOPPED"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/vm/${vm}" with body:
      """xml
      <vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>stop</operation></vm_operation>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/vm/${vm}" with body:
      """xml
      <vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>start</operation></vm_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_start"
    And the completion callback for transaction "${tx_start}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_ALIVE"
    And a "Callback-ESC-Events" callback for transaction "${tx_start}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_ALIVE"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/vm/${vm}" with body:
      """json
      {"operation": "reboot"}
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_reboot"
    And the "Callback-ESC-Events" callbacks for transaction "${tx_reboot}" should carry "/event_type" values "VM_STOPPED, VM_ALIVE" in order within 10 seconds
    And the completion callback for transaction "${tx_reboot}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_ALIVE"
    And a "Callback-ESC-Events" callback for transaction "${tx_reboot}" should arrive within 10 seconds
    And the callback should conform to the contract
    And a "Callback-ESC-Events" callback for transaction "${tx_reboot}" should arrive within 10 seconds
    And the callback should conform to the contract

  Scenario: Switch the monitoring of a VM off and on
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-vm-monitor" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>admin</name><deployments><deployment>
          <name>${run_id}-vm-monitor</name>
          <vm_group><name>ASA-1</name><image>ASA</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_deploy"
    And the "Callback" callbacks for transaction "${tx_deploy}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-vm-monitor"
    Then the response status should be 200
    And I save the response field "/deployment_details/vm_name" as "vm"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/vm/${vm}" with body:
      """xml
      <vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>disable_monitoring</operation></vm_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_off"
    And the completion callback for transaction "${tx_off}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_UPDATED"
    And the callback field "/event_details" should be "monitoring disabled"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/vm/${vm}" with body:
      """xml
      <vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>enable_monitoring</operation></vm_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_on"
    And the completion callback for transaction "${tx_on}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_details" should be "monitoring enabled"

  Scenario: Migrate a VM to another host
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-vm-migrate" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>admin</name><deployments><deployment>
          <name>${run_id}-vm-migrate</name>
          <vm_group><name>ASA-1</name><image>ASA</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_deploy"
    And the "Callback" callbacks for transaction "${tx_deploy}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-vm-migrate"
    Then the response status should be 200
    And I save the response field "/deployment_details/vm_name" as "vm"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/migrate-vm/${vm}" with body:
      """json
      {"operation": "migrate", "migrationType": "live", "blockMigration": "auto"}
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "VM_UPDATED"
    And a "Callback-ESC-Events" callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_UPDATED"

  Scenario: Recover a VM
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-vm-recover" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>admin</name><deployments><deployment>
          <name>${run_id}-vm-recover</name>
          <vm_group><name>ASA-1</name><image>ASA</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_deploy"
    And the "Callback" callbacks for transaction "${tx_deploy}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-vm-recover"
    Then the response status should be 200
    And I save the response field "/deployment_details/vm_name" as "vm"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/recovery-vm/${vm}" with body:
      """json
      {"operation": "recovery_do", "checkVmBeforeRecovery": true}
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/recovery-vm/${vm}" with body:
      """xml
      <vm_operation>
          <operation>recovery_do</operation>
          <checkVmBeforeRecovery>false</checkVmBeforeRecovery>
      </vm_operation>
      """
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx"
    And the completion callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "VM_ALIVE"
    And the callback field "/event_details" should be "recovered"
    And a "Callback-ESC-Events" callback for transaction "${tx}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_ALIVE"

  Scenario: Snapshot a VM, make a volume of the snapshot and delete the snapshot
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-vm-snap" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>admin</name><deployments><deployment>
          <name>${run_id}-vm-snap</name>
          <vm_group><name>ASA-1</name><image>ASA</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_deploy"
    And the "Callback" callbacks for transaction "${tx_deploy}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-vm-snap"
    Then the response status should be 200
    And I save the response field "/deployment_details/vm_name" as "vm"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/snapshot-vm/${vm}" with body:
      """xml
      <vm_operation>
          <operation>snapshot</operation>
          <name>vm-snap-backup</name>
      </vm_operation>
      """
    Then the response status should be 201
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_snap"
    And the completion callback for transaction "${tx_snap}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/event_type" should be "VM_UPDATED"
    And a "Callback-ESC-Events" callback for transaction "${tx_snap}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_UPDATED"
    When I send a GET request to "/ESCManager/v0/snapshots" with query:
      | internalTenantId | SystemAdminTenantId |
      | generatedVMName  | ${vm}               |
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/snapshot/name" should be "vm-snap-backup"
    And I save the response field "/snapshot/id" as "snapshot"
    When I send a POST request to "/ESCManager/v0/snapshots/${snapshot}/volumes" with body:
      """json
      {"name": "vm-snap-volume"}
      """
    Then the response status should be 202
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_volume"
    And the completion callback for transaction "${tx_volume}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback header "ESC-Status-Code" should be "200"
    And the callback field "/name" should be "vm-snap-volume"
    When I send a DELETE request to "/ESCManager/v0/snapshots/vm-snap-backup"
    Then the response status should be 200
    And the response should conform to the contract
    And I save the response header "ESC_TRANSACTION_ID" as "tx_delete"
    And the completion callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_UPDATED"
    And a "Callback-ESC-Events" callback for transaction "${tx_delete}" should arrive within 10 seconds
    And the callback should conform to the contract
    And the callback field "/event_type" should be "VM_UPDATED"
    When I send a DELETE request to "/ESCManager/v0/snapshots/${snapshot}"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: Deleting a snapshot by a name two snapshots share is a conflict
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-vm-snap-dup" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>admin</name><deployments><deployment>
          <name>${run_id}-vm-snap-dup</name>
          <vm_group><name>ASA-1</name><image>ASA</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    And I save the response header "ESC_TRANSACTION_ID" as "tx_deploy"
    And the "Callback" callbacks for transaction "${tx_deploy}" should carry "/deployment_stage" values "VM_DEPLOYED, VM_ALIVE, SERVICE_ALIVE" in order within 10 seconds
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-vm-snap-dup"
    Then the response status should be 200
    And I save the response field "/deployment_details/vm_name" as "vm"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/snapshot-vm/${vm}" with body:
      """json
      {"operation": "snapshot", "name": "vm-snap-dup-nightly"}
      """
    Then the response status should be 201
    And I save the response header "ESC_TRANSACTION_ID" as "tx_first"
    And the completion callback for transaction "${tx_first}" should arrive within 10 seconds
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/snapshot-vm/${vm}" with body:
      """json
      {"operation": "snapshot", "name": "vm-snap-dup-nightly"}
      """
    Then the response status should be 201
    And I save the response header "ESC_TRANSACTION_ID" as "tx_second"
    And the completion callback for transaction "${tx_second}" should arrive within 10 seconds
    When I send a DELETE request to "/ESCManager/v0/snapshots/vm-snap-dup-nightly"
    Then the response status should be 409
    And the response should conform to the contract

  Scenario: A snapshot without a name is refused
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-vm-snap-noname" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>admin</name><deployments><deployment>
          <name>${run_id}-vm-snap-noname</name>
          <vm_group><name>ASA-1</name><image>ASA</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-vm-snap-noname"
    Then the response status should be 200
    And I save the response field "/deployment_details/vm_name" as "vm"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/snapshot-vm/${vm}" with body:
      """json
      {"operation": "snapshot"}
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: VM operations on a VM that does not exist
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/vm/vm-nosuch" with body:
      """xml
      <vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>stop</operation></vm_operation>
      """
    Then the response status should be 404
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/migrate-vm/vm-nosuch" with body:
      """json
      {"operation": "migrate"}
      """
    Then the response status should be 404
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/recovery-vm/vm-nosuch" with body:
      """json
      {"operation": "recovery_do"}
      """
    Then the response status should be 404
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/snapshot-vm/vm-nosuch" with body:
      """json
      {"operation": "snapshot", "name": "nothing"}
      """
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: VM operations that do not apply are refused
    When I send a POST request to "/ESCManager/v0/deployments/${run_id}-vm-badop" with body:
      """xml
      <esc_datamodel xmlns="http://www.cisco.com/esc/esc">
        <tenants><tenant><name>admin</name><deployments><deployment>
          <name>${run_id}-vm-badop</name>
          <vm_group><name>ASA-1</name><image>ASA</image></vm_group>
        </deployment></deployments></tenant></tenants>
      </esc_datamodel>
      """
    Then the response status should be 200
    When I send a GET request to "/ESCManager/v0/deployments/${run_id}-vm-badop"
    Then the response status should be 200
    And I save the response field "/deployment_details/vm_name" as "vm"
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/vm/${vm}" with body:
      """xml
      <vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>confirm_resize</operation></vm_operation>
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/migrate-vm/${vm}" with body:
      """json
      {"operation": "migrate", "host": "no-such-host"}
      """
    Then the response status should be 400
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/recovery-vm/${vm}" with body:
      """json
      {"operation": "recovery_undo"}
      """
    Then the response status should be 400
    And the response should conform to the contract
    Given the request header "Callback" is ""
    When I send a POST request to "/ESCManager/v0/SystemAdminTenantId/deployments/vm/${vm}" with body:
      """xml
      <vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>stop</operation></vm_operation>
      """
    Then the response status should be 400
    And the response should conform to the contract
    And the response body should contain "Missing callback"

  Scenario: A VM operation with a tenant id that breaks the id rule is refused
    When I send a POST request to "/ESCManager/v0/tenant~tilde/deployments/vm/vm-any" with body:
      """xml
      <vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>stop</operation></vm_operation>
      """
    Then the response status should be 400
    And the response should conform to the contract

  Scenario: Snapshots that do not exist
    When I send a GET request to "/ESCManager/v0/snapshots"
    Then the response status should be 200
    And the response should conform to the contract
    When I send a DELETE request to "/ESCManager/v0/snapshots/snap-nosuch"
    Then the response status should be 404
    And the response should conform to the contract
    When I send a POST request to "/ESCManager/v0/snapshots/snap-nosuch/volumes" with body:
      """json
      {"name": "nothing"}
      """
    Then the response status should be 404
    And the response should conform to the contract
