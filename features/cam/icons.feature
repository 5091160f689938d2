@cam @icons @fixture:tenant @fixture:org_guid
Feature: Service icons
  Icons are uploaded as a multipart file field "icon", listed (all, or filtered by name, id or
  type), downloaded by name and deleted by id. CAM comes with service icons (the document lists
  three); the scenarios that read them take the first one the list gives.

  Background:
    Given I am authenticated
    And the variable "q" is "tenantId=${tenant}&ace_orgGuid=${org_guid}"

  Scenario: List every icon
    When I send a GET request to "/cam/composer/api/v1/icons?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have at least 1 item
    And I save "/id" of the first item of "" as "icon"
    And I save "/name" of the first item of "" as "name"

  Scenario: List the icons of a name
    When I send a GET request to "/cam/composer/api/v1/icons?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And I save "/id" of the first item of "" as "icon"
    And I save "/name" of the first item of "" as "name"
    When I send a GET request to "/cam/composer/api/v1/icons?${q}" with query:
      | filter[where][name] | ${name} |
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have an item whose "/id" is "${icon}"
    And every item of the response field "" should have "/name" equal to "${name}"

  Scenario: List the icons of a name that no icon has
    When I send a GET request to "/cam/composer/api/v1/icons?${q}&filter[where][name]=no-such-icon.svg"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have 0 items

  Scenario: List the icons of an id
    When I send a GET request to "/cam/composer/api/v1/icons?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And I save "/id" of the first item of "" as "icon"
    And I save "/name" of the first item of "" as "name"
    When I send a GET request to "/cam/composer/api/v1/icons?${q}" with query:
      | filter[where][id] | ${icon} |
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have 1 item
    And the response field "/0/id" should be "${icon}"
    And the response field "/0/name" should be "${name}"

  @destructive
  Scenario: List the icons of a type
    When I send a POST request to "/cam/composer/api/v1/icons/upload?${q}" with body:
      """multipart/form-data; boundary=cc-icon-boundary
      --cc-icon-boundary
      Content-Disposition: form-data; name="icon"; filename="${run_id}-typed.svg"
      Content-Type: image/svg+xml

      <svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16"/></svg>
      --cc-icon-boundary--
      """
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/res/id" as "icon"
    When I send a GET request to "/cam/composer/api/v1/icons?${q}" with query:
      | filter[where][id] | ${icon} |
    Then the response status should be a success
    And the response should conform to the contract
    And I save the response field "/0/ContentTye" as "type"
    When I send a GET request to "/cam/composer/api/v1/icons?${q}" with query:
      | filter[where][ContentTye] | ${type} |
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have an item whose "/id" is "${icon}"
    And every item of the response field "" should have "/ContentTye" equal to "${type}"
    When I send a DELETE request to "/cam/composer/api/v1/icons/${icon}?${q}"
    Then the response status should be a success
    And the response should conform to the contract

  Scenario: Download an icon by its name
    When I send a GET request to "/cam/composer/api/v1/icons?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And I save "/name" of the first item of "" as "name"
    When I send a GET request to "/cam/composer/api/v1/icons/name/${name}?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response header "Content-Type" should be present

  @destructive
  Scenario: Upload an icon, find it, download it and delete it
    When I send a POST request to "/cam/composer/api/v1/icons/upload?${q}" with body:
      """multipart/form-data; boundary=cc-icon-boundary
      --cc-icon-boundary
      Content-Disposition: form-data; name="icon"; filename="${run_id}-uploaded.svg"
      Content-Type: image/svg+xml

      <svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="8"/></svg>
      --cc-icon-boundary--
      """
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "/res/name" should be "${run_id}-uploaded.svg"
    And I save the response field "/res/id" as "icon"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/cam/composer/api/v1/icons?${q}&filter[where][name]=${run_id}-uploaded.svg"
    Then the response status should be a success
    And the response should conform to the contract
    And the response field "" should have 1 item
    And the response field "/0/id" should be "${icon}"
    And the response field "/0/name" should be "${run_id}-uploaded.svg"
    When I send a GET request to "/cam/composer/api/v1/icons/name/${run_id}-uploaded.svg?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    And the response header "Content-Type" should be present
    And the response body should contain "<circle"
    When I send a DELETE request to "/cam/composer/api/v1/icons/${icon}?${q}"
    Then the response status should be a success
    And the response should conform to the contract
    When I send a GET request to "/cam/composer/api/v1/icons/name/${run_id}-uploaded.svg?${q}"
    Then the response status should be 404
    And the response should conform to the contract

  @destructive
  Scenario: Delete an icon that does not exist
    When I send a DELETE request to "/cam/composer/api/v1/icons/000000000000000000000000?${q}"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: Download an icon that does not exist
    When I send a GET request to "/cam/composer/api/v1/icons/name/no-such-icon.svg?${q}"
    Then the response status should be 404
    And the response should conform to the contract
