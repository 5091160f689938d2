@cloudcontrol @images
Feature: Server images (section 3), their import, export and copy (section 4), and the deprecated image lists (section 12)
  Seeded OS and customer images are read; the failed import is cleaned by one scenario. Imports
  and copies go to NA3, exports take dev-template; NA5 customer images belong to the clone
  scenario of servers.feature.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  Scenario Outline: <list> lists images
    When I send a GET request to "<path>"
    Then the response should conform to the contract
    And the response status should be 200

    Examples:
      | list                                          | path                                                 |
      | OS images with software labels in NA1         | /oec/0.9/base/image/deployedWithSoftwareLabels/NA1   |
      | Customer images with software labels in NA1   | /oec/0.9/${org}/image/deployedWithSoftwareLabels/NA1 |
      | Pending deployment customer images in NA1     | /oec/0.9/${org}/image/pendingDeploy/NA1              |
      | Deprecated OS images                          | /oec/0.9/base/image                                  |
      | Deprecated deployed customer images           | /oec/0.9/${org}/image/deployed                       |
      | Deprecated pending deployment customer images | /oec/0.9/${org}/image/pendingDeploy                  |
      | Deprecated deployed customer images in NA1    | /oec/0.9/${org}/image/deployed/NA1                   |
      | Deprecated OS images in NA3                   | /oec/0.9/base/image/NA3                              |
      | Deprecated web server images of opsource      | /oec/0.9/opsource/image/web                          |
      | Deprecated database server images of opsource | /oec/0.9/opsource/image/db                           |
      | Deprecated customer server images             | /oec/0.9/${org}/image                                |
      | Deprecated partner server images              | /oec/0.9/partner/image                               |
      | OVF packages                                  | /oec/0.9/${org}/ovfPackage                           |
      | Customer image imports in progress            | /oec/0.9/${org}/imageImport                          |
      | Customer image exports in progress            | /oec/0.9/${org}/imageExport                          |
      | Customer image export history                 | /oec/0.9/${org}/imageExportHistory                   |
      | Customer image copying in progress            | /oec/0.9/${org}/copyCustomerImage                    |

  Scenario: OS images of a location carry their software labels
    When I send a GET request to "/oec/0.9/base/image/deployedWithSoftwareLabels/NA1"
    Then the response should conform to the contract
    And the response field "/DeployedImageWithSoftwareLabels" should have 4 items
    And every item of the response field "/DeployedImageWithSoftwareLabels" should have "/location" equal to "NA1"

  Scenario: A customer image and an OS image by id
    When I send a GET request to "/oec/0.9/${org}/image/c325fe04-7711-4968-962e-c88784eb2002"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "db-template"
    When I send a GET request to "/oec/0.9/${org}/image/52ed8b72-ebea-11df-bdc1-001517c46301"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/image/c325fe04-7711-4968-962e-c88784eb2004"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/state" should be "PENDING_ADD"

  Scenario: Does an image name exist
    When I send a POST request to "/oec/0.9/${org}/image/nameExists" with body:
      """xml
      <ImageNameExists xmlns="http://oec.api.opsource.net/schemas/server"><location>NA1</location><imageName>web-template</imageName></ImageNameExists>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/image/nameExists" with body:
      """xml
      <ImageNameExists xmlns="http://oec.api.opsource.net/schemas/server"><location>NA1</location><imageName>no-such-image</imageName></ImageNameExists>
      """
    Then the response should conform to the contract
    And the response status should be 200

  Scenario: Clean a failed customer image import
    When I send a GET request to "/oec/0.9/${org}/image/c325fe04-7711-4968-962e-c88784eb2005?clean"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/image/c325fe04-7711-4968-962e-c88784eb2005?clean"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_390"

  Scenario Outline: <request> of an image answers <code>
    When I send a GET request to "/oec/0.9/${org}/image/<request>"
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    Examples:
      | request                                     | code       |
      | 00000000-0000-0000-0000-000000000000        | REASON_390 |
      | 00000000-0000-0000-0000-000000000000?delete | REASON_390 |
      | 52ed8b72-ebea-11df-bdc1-001517c46301?delete | REASON_390 |
      | c325fe04-7711-4968-962e-c88784eb2004?delete | REASON_601 |
      | c325fe04-7711-4968-962e-c88784eb2001?clean  | REASON_40  |
      | deployedWithSoftwareLabels/XX9              | REASON_770 |
      | pendingDeploy/XX9                           | REASON_770 |
      | deployed/XX9                                | REASON_770 |

  Scenario: Editing an image with an unknown field answers REASON_320
    When I send a POST request to "/oec/0.9/${org}/image/c325fe04-7711-4968-962e-c88784eb2001" with form:
      | colour | blue |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

  Scenario: Import a customer image from an OVF package
    When I send a POST request to "/oec/0.9/${org}/imageImport" with body:
      """xml
      <NewImageImport xmlns="http://oec.api.opsource.net/schemas/server">
        <ovfPackage>web-template-export.mf</ovfPackage>
        <location>NA3</location>
        <name>imported-web</name>
        <description>imported from an OVF package</description>
      </NewImageImport>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/imageImport"
    Then the response should conform to the contract
    And the response status should be 200
    And the response body should contain "imported-web"

  Scenario Outline: Importing <package> into <target_location> as <image_name> answers <code>
    When I send a POST request to "/oec/0.9/${org}/imageImport" with body:
      """xml
      <NewImageImport xmlns="http://oec.api.opsource.net/schemas/server"><ovfPackage><package></ovfPackage><location><target_location></location><name><image_name></name></NewImageImport>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    Examples:
      | package                | target_location | image_name   | code       |
      | web-template-export.mf | XX9             | nowhere      | REASON_770 |
      | no-such-package.mf     | NA1             | missing      | REASON_431 |
      | web-template-export.mf | NA1             | web-template | REASON_391 |

  Scenario: Export a customer image to an OVF package
    When I send a POST request to "/oec/0.9/${org}/imageExport" with body:
      """xml
      <NewImageExport xmlns="http://oec.api.opsource.net/schemas/server"><imageId>c325fe04-7711-4968-962e-c88784eb2003</imageId><ovfPackagePrefix>dev-export</ovfPackagePrefix></NewImageExport>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/imageExport" with body:
      """xml
      <NewImageExport xmlns="http://oec.api.opsource.net/schemas/server"><imageId>c325fe04-7711-4968-962e-c88784eb2003</imageId><ovfPackagePrefix>dev-export</ovfPackagePrefix></NewImageExport>
      """
    Then the response should conform to the contract
    And the response status should be 400
    When I send a GET request to "/oec/0.9/${org}/imageExport"
    Then the response should conform to the contract
    And the response status should be 200
    And the response body should contain "dev-export"

  Scenario: Exporting an unknown image answers REASON_390
    When I send a POST request to "/oec/0.9/${org}/imageExport" with body:
      """xml
      <NewImageExport xmlns="http://oec.api.opsource.net/schemas/server"><imageId>00000000-0000-0000-0000-000000000000</imageId><ovfPackagePrefix>nothing</ovfPackagePrefix></NewImageExport>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_390"

  Scenario: Copy a customer image to another data center
    When I send a POST request to "/oec/0.9/${org}/copyCustomerImage" with body:
      """xml
      <NewImageCopy xmlns="http://oec.api.opsource.net/schemas/server">
        <sourceImageId>c325fe04-7711-4968-962e-c88784eb2002</sourceImageId>
        <targetImageName>db-copy</targetImageName>
        <targetLocation>NA3</targetLocation>
      </NewImageCopy>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/copyCustomerImage"
    Then the response should conform to the contract
    And the response status should be 200
    And the response body should contain "db-copy"

  Scenario Outline: Copying image <source> to <location> as <target> answers <code>
    When I send a POST request to "/oec/0.9/${org}/copyCustomerImage" with body:
      """xml
      <NewImageCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceImageId><source></sourceImageId><targetImageName><target></targetImageName><targetLocation><location></targetLocation></NewImageCopy>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    Examples:
      | source                               | target       | location | code       |
      | 00000000-0000-0000-0000-000000000000 | nothing      | NA3      | REASON_390 |
      | c325fe04-7711-4968-962e-c88784eb2001 | web-here     | NA1      | REASON_770 |
      | c325fe04-7711-4968-962e-c88784eb2001 | dev-template | NA3      | REASON_391 |

  Scenario: Copy an OVF package from a remote geography
    When I send a POST request to "/oec/0.9/${org}/remoteOvfPackageCopy" with body:
      """xml
      <NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>europe</sourceGeoId><sourceOvfPackage>eu-package.mf</sourceOvfPackage></NewRemoteOvfCopy>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And I save the response field "/additionalInformation/0/value" as "copy"
    When I send a GET request to "/oec/0.9/${org}/remoteOvfPackageCopy?id=${copy}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response page should hold 1 item
    When I send a POST request to "/oec/0.9/${org}/remoteOvfPackageCopy" with body:
      """xml
      <NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>europe</sourceGeoId><sourceOvfPackage>eu-package.mf</sourceOvfPackage></NewRemoteOvfCopy>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_460"

  Scenario: Copying an OVF package from the home geography answers REASON_461
    When I send a POST request to "/oec/0.9/${org}/remoteOvfPackageCopy" with body:
      """xml
      <NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>northamerica</sourceGeoId><sourceOvfPackage>home.mf</sourceOvfPackage></NewRemoteOvfCopy>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_461"
