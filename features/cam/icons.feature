@cam @icons
Feature: Service icons
  Icons are uploaded as a multipart file field "icon", listed (all, or filtered by name, id or
  type), downloaded by name and deleted by id. The document's three icons are always there.

  Background:
    Given I am authenticated
    And the variable "q" is "tenantId=c26b3dd4-4e74-4545-8ac9-bc30a6167b33&ace_orgGuid=all"

  Scenario: List every icon
    When I send a GET request to "/cam/composer/api/v1/icons?${q}"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "" should have at least 3 items
    And the response body should contain "serviceicon_1.svg"

  Scenario: List the icons of a name
    When I send a GET request to "/cam/composer/api/v1/icons?${q}&filter[where][name]=serviceicon_1.svg"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "" should have 1 item
    And the response field "/0/id" should be "5czdb1bc1b47001cbc556"
    And the response field "/0/ContentTye" should be "application/xml"

  Scenario: List the icons of a name that no icon has
    When I send a GET request to "/cam/composer/api/v1/icons?${q}&filter[where][name]=no-such-icon.svg"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "" should have 0 items

  Scenario: List the icons of an id
    When I send a GET request to "/cam/composer/api/v1/icons?${q}&filter[where][id]=SCZ5czdb1bc1b47001cbc559"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "" should have 1 item
    And the response field "/0/name" should be "serviceicon_3.svg"

  Scenario: List the icons of a type
    When I send a GET request to "/cam/composer/api/v1/icons?${q}&filter[where][ContentTye]=application/xml"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "" should have at least 3 items
    And every item of the response field "" should have "/ContentTye" equal to "application/xml"

  Scenario: Download an icon by its name
    When I send a GET request to "/cam/composer/api/v1/icons/name/serviceicon_2.svg?${q}"
    Then the response status should be 200
    And the response should conform to the contract
    And the response body should contain "<svg"

  Scenario: Upload an icon, find it, download it and delete it
    When I send a POST request to "/cam/composer/api/v1/icons/upload?${q}" with body:
      """multipart/form-data; boundary=cc-icon-boundary
      --cc-icon-boundary
      Content-Disposition: form-data; name="icon"; filename="${run_id}-uploaded.svg"
      Content-Type: image/svg+xml

      <svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="8"/></svg>
      --cc-icon-boundary--
      """
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "/res/name" should be "${run_id}-uploaded.svg"
    And I save the response field "/res/id" as "icon"
    When I send a GET request to "/cam/composer/api/v1/icons?${q}&filter[where][name]=${run_id}-uploaded.svg"
    Then the response status should be 200
    And the response should conform to the contract
    And the response field "" should have 1 item
    And the response field "/0/id" should be "${icon}"
    And the response field "/0/ContentTye" should be "image/svg+xml"
    When I send a GET request to "/cam/composer/api/v1/icons/name/${run_id}-uploaded.svg?${q}"
    Then the response status should be 200
    And the response should conform to the contract
    And the response header "Content-Type" should be "image/svg+xml"
    And the response body should contain "<circle"
    When I send a DELETE request to "/cam/composer/api/v1/icons/${icon}?${q}"
    Then the response status should be 200
    And the response should conform to the contract
    When I send a GET request to "/cam/composer/api/v1/icons/name/${run_id}-uploaded.svg?${q}"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: Delete an icon that does not exist
    When I send a DELETE request to "/cam/composer/api/v1/icons/000000000000000000000000?${q}"
    Then the response status should be 404
    And the response should conform to the contract

  Scenario: Download an icon that does not exist
    When I send a GET request to "/cam/composer/api/v1/icons/name/no-such-icon.svg?${q}"
    Then the response status should be 404
    And the response should conform to the contract
