@cloudcontrol @images
Feature: Server images (section 3), their import, export and copy (section 4), and the deprecated image lists (section 12)
  OS and customer images the cloud holds are read (fixture variables name a customer image of the
  default location, one of another location, one being imported, one whose import failed, which
  one scenario cleans); imports and copies go to other locations than that of the failed imports,
  under names of the run.

  Background:
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response should conform to the contract
    Then the response status should be 200
    And I save the response field "/orgId" as "org"

  Scenario Outline: <list> lists images
    When I send a GET request to "<path>"
    Then the response should conform to the contract
    And the response status should be 200


    @fixture:location
    Examples:
      | list                                          | path                                                 |
      | OS images with software labels in the default location | /oec/0.9/base/image/deployedWithSoftwareLabels/${location}   |
      | Customer images with software labels in the default location | /oec/0.9/${org}/image/deployedWithSoftwareLabels/${location} |
      | Pending deployment customer images in the default location | /oec/0.9/${org}/image/pendingDeploy/${location}              |
      | Deprecated deployed customer images in the default location | /oec/0.9/${org}/image/deployed/${location}                   |

    @fixture:location_other
    Examples:
      | list                                          | path                                                 |
      | Deprecated OS images in another location      | /oec/0.9/base/image/${location_other}                |

    Examples:
      | list                                          | path                                                 |
      | Deprecated OS images                          | /oec/0.9/base/image                                  |
      | Deprecated deployed customer images           | /oec/0.9/${org}/image/deployed                       |
      | Deprecated pending deployment customer images | /oec/0.9/${org}/image/pendingDeploy                  |
      | Deprecated web server images of opsource      | /oec/0.9/opsource/image/web                          |
      | Deprecated database server images of opsource | /oec/0.9/opsource/image/db                           |
      | Deprecated customer server images             | /oec/0.9/${org}/image                                |
      | Deprecated partner server images              | /oec/0.9/partner/image                               |
      | OVF packages                                  | /oec/0.9/${org}/ovfPackage                           |
      | Customer image imports in progress            | /oec/0.9/${org}/imageImport                          |
      | Customer image exports in progress            | /oec/0.9/${org}/imageExport                          |
      | Customer image export history                 | /oec/0.9/${org}/imageExportHistory                   |
      | Customer image copying in progress            | /oec/0.9/${org}/copyCustomerImage                    |


  @fixture:location
  Scenario: OS images of a location carry their software labels
    When I send a GET request to "/oec/0.9/base/image/${location}"
    Then the response should conform to the contract
    Then I save the number of items of "/ServerImage" as "n"
    When I send a GET request to "/oec/0.9/base/image/deployedWithSoftwareLabels/${location}"
    Then the response should conform to the contract
    And the response field "/DeployedImageWithSoftwareLabels" should have "${n}" items
    And every item of the response field "/DeployedImageWithSoftwareLabels" should have "/location" equal to "${location}"


  @fixture:image_customer @fixture:image_id @fixture:image_pending @fixture:location
  Scenario: A customer image and an OS image by id
    When I send a GET request to "/oec/0.9/${org}/image/deployedWithSoftwareLabels/${location}"
    Then the response should conform to the contract
    Then I save "/name" of the first item of "/DeployedImageWithSoftwareLabels" whose "/id" is "${image_customer}" as "name"
    When I send a GET request to "/oec/0.9/${org}/image/${image_customer}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/name" should be "${name}"
    When I send a GET request to "/oec/0.9/${org}/image/${image_id}"
    Then the response should conform to the contract
    And the response status should be 200
    When I send a GET request to "/oec/0.9/${org}/image/${image_pending}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/state" should be "PENDING_ADD"

  @destructive @fixture:image_customer
  Scenario: Does an image name exist
    When I send a GET request to "/oec/0.9/${org}/image/${image_customer}"
    Then the response should conform to the contract
    Then I save the response field "/name" as "name"
    And I save the response field "/location" as "where"
    When I send a POST request to "/oec/0.9/${org}/image/nameExists" with body:
      """xml
      <ImageNameExists xmlns="http://oec.api.opsource.net/schemas/server"><location>${where}</location><imageName>${name}</imageName></ImageNameExists>
      """
    Then the response should conform to the contract
    And the response status should be 200
    When I send a POST request to "/oec/0.9/${org}/image/nameExists" with body:
      """xml
      <ImageNameExists xmlns="http://oec.api.opsource.net/schemas/server"><location>${where}</location><imageName>${run_id}-no-such-image</imageName></ImageNameExists>
      """
    Then the response should conform to the contract
    And the response status should be 200

  @destructive @fixture:image_failed
  Scenario: Clean a failed customer image import
    When I send a GET request to "/oec/0.9/${org}/image/${image_failed}"
    Then the response should conform to the contract
    Then the response field "/state" should be "FAILED_ADD"
    When I send a GET request to "/oec/0.9/${org}/image/${image_failed}?clean"
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    When I send a GET request to "/oec/0.9/${org}/image/${image_failed}?clean"
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
      | deployedWithSoftwareLabels/XX9              | REASON_770 |
      | pendingDeploy/XX9                           | REASON_770 |
      | deployed/XX9                                | REASON_770 |

    @destructive
    Examples:
      | request                                     | code       |
      | 00000000-0000-0000-0000-000000000000?delete | REASON_390 |

    @destructive @fixture:image_id
    Examples:
      | request                                     | code       |
      | ${image_id}?delete                          | REASON_390 |

    @destructive @fixture:image_pending
    Examples:
      | request                                     | code       |
      | ${image_pending}?delete                     | REASON_601 |

    @destructive @fixture:image_customer
    Examples:
      | request                                     | code       |
      | ${image_customer}?clean                     | REASON_40  |

  # An image being imported has an operation in progress: every change of it is refused until the
  # import completes (lines 1513, 1951, 2230). The fixture is read first, so that an import that
  # completed meanwhile fails the scenario before anything is sent to the image.
  @destructive @fixture:image_pending
  Scenario: Editing an image with an operation in progress answers REASON_601
    When I send a GET request to "/oec/0.9/${org}/image/${image_pending}"
    Then the response should conform to the contract
    And the response field "/state" should be "PENDING_ADD"
    When I send a POST request to "/oec/0.9/${org}/image/${image_pending}" with form:
      | description | ${run_id} edited while pending |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_601"

  Scenario Outline: <action> an image with an operation in progress answers REASON_601
    When I send a GET request to "/oec/0.9/${org}/image/${image_pending}"
    Then the response should conform to the contract
    And the response field "/state" should be "PENDING_ADD"
    And the response field "/location" should be "${location}"
    When I send a POST request to "/oec/0.9/${org}/<path>" with body:
      """xml
      <body>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_601"

    @destructive @fixture:image_pending @fixture:location
    Examples:
      | action    | path              | body |
      | Exporting | imageExport       | <NewImageExport xmlns="http://oec.api.opsource.net/schemas/server"><imageId>${image_pending}</imageId><ovfPackagePrefix>${run_id}-pending</ovfPackagePrefix></NewImageExport> |

    @destructive @fixture:image_pending @fixture:location @fixture:location_other
    Examples:
      | action    | path              | body |
      | Copying   | copyCustomerImage | <NewImageCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceImageId>${image_pending}</sourceImageId><targetImageName>${run_id}-pending-copy</targetImageName><targetLocation>${location_other}</targetLocation></NewImageCopy> |

  @destructive @fixture:image_customer
  Scenario: Editing an image with an unknown field answers REASON_320
    When I send a POST request to "/oec/0.9/${org}/image/${image_customer}" with form:
      | colour | blue |
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_320"

  @destructive @fixture:location
  Scenario: Import a customer image from an OVF package
    When I send a GET request to "/oec/0.9/${org}/imageExportHistory"
    Then the response should conform to the contract
    Then I save "/ovfPackagePrefix" of the first item of "/imageExportRecord" whose "/result" is "SUCCESS" as "prefix"
    When I send a POST request to "/oec/0.9/${org}/imageImport" with body:
      """xml
      <NewImageImport xmlns="http://oec.api.opsource.net/schemas/server">
        <ovfPackage>${prefix}.mf</ovfPackage>
        <location>${location}</location>
        <name>${run_id}-imported-web</name>
        <description>imported from an OVF package</description>
      </NewImageImport>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/imageImport"
    Then the response should conform to the contract
    And the response status should be 200
    And the response body should contain "${run_id}-imported-web"

  Scenario Outline: Importing <package> into <target_location> as <image_name> answers <code>
    When I send a GET request to "/oec/0.9/${org}/imageExportHistory"
    Then the response should conform to the contract
    Then I save "/ovfPackagePrefix" of the first item of "/imageExportRecord" whose "/result" is "SUCCESS" as "prefix"
    When I send a GET request to "/oec/0.9/${org}/image/${image_customer}"
    Then the response should conform to the contract
    Then I save the response field "/name" as "taken"
    And I save the response field "/location" as "where"
    When I send a POST request to "/oec/0.9/${org}/imageImport" with body:
      """xml
      <NewImageImport xmlns="http://oec.api.opsource.net/schemas/server"><ovfPackage><package></ovfPackage><location><target_location></location><name><image_name></name></NewImageImport>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    @destructive @fixture:image_customer
    Examples:
      | package                | target_location | image_name   | code       |
      | ${prefix}.mf           | XX9             | ${run_id}-nowhere | REASON_770 |
      | ${run_id}-no-such.mf   | ${where}        | ${run_id}-missing | REASON_431 |
      | ${prefix}.mf           | ${where}        | ${taken}          | REASON_391 |

  @destructive @fixture:image_customer_other
  Scenario: Export a customer image to an OVF package
    When I send a POST request to "/oec/0.9/${org}/imageExport" with body:
      """xml
      <NewImageExport xmlns="http://oec.api.opsource.net/schemas/server"><imageId>${image_customer_other}</imageId><ovfPackagePrefix>${run_id}-export</ovfPackagePrefix></NewImageExport>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And reading back the last write should show the fields it sent
    When I send a POST request to "/oec/0.9/${org}/imageExport" with body:
      """xml
      <NewImageExport xmlns="http://oec.api.opsource.net/schemas/server"><imageId>${image_customer_other}</imageId><ovfPackagePrefix>${run_id}-export</ovfPackagePrefix></NewImageExport>
      """
    Then the response should conform to the contract
    And the response status should be 400
    When I send a GET request to "/oec/0.9/${org}/imageExport"
    Then the response should conform to the contract
    And the response status should be 200
    And the response body should contain "${run_id}-export"

  @destructive
  Scenario: Exporting an unknown image answers REASON_390
    When I send a POST request to "/oec/0.9/${org}/imageExport" with body:
      """xml
      <NewImageExport xmlns="http://oec.api.opsource.net/schemas/server"><imageId>00000000-0000-0000-0000-000000000000</imageId><ovfPackagePrefix>${run_id}-nothing</ovfPackagePrefix></NewImageExport>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_390"

  @destructive @fixture:image_customer @fixture:location_no_backup
  Scenario: Copy a customer image to another data center
    When I send a POST request to "/oec/0.9/${org}/copyCustomerImage" with body:
      """xml
      <NewImageCopy xmlns="http://oec.api.opsource.net/schemas/server">
        <sourceImageId>${image_customer}</sourceImageId>
        <targetImageName>${run_id}-copy</targetImageName>
        <targetLocation>${location_no_backup}</targetLocation>
      </NewImageCopy>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/copyCustomerImage"
    Then the response should conform to the contract
    And the response status should be 200
    And the response body should contain "${run_id}-copy"

  @destructive @fixture:image_customer @fixture:location_no_backup
  Scenario: Copying to the OVF package prefix of an export answers REASON_460
    When I send a GET request to "/oec/0.9/${org}/imageExportHistory"
    Then the response should conform to the contract
    Then I save "/ovfPackagePrefix" of the first item of "/imageExportRecord" whose "/result" is "SUCCESS" as "prefix"
    When I send a POST request to "/oec/0.9/${org}/copyCustomerImage" with body:
      """xml
      <NewImageCopy xmlns="http://oec.api.opsource.net/schemas/server">
        <sourceImageId>${image_customer}</sourceImageId>
        <targetImageName>${run_id}-copy-clash</targetImageName>
        <targetLocation>${location_no_backup}</targetLocation>
        <ovfPackagePrefix>${prefix}</ovfPackagePrefix>
      </NewImageCopy>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_460"

  Scenario Outline: Copying image <source> to <location> as <target> answers <code>
    When I send a GET request to "/oec/0.9/${org}/image/${image_customer}"
    Then the response should conform to the contract
    Then I save the response field "/location" as "here"
    When I send a GET request to "/oec/0.9/${org}/image/${image_customer_other}"
    Then the response should conform to the contract
    Then I save the response field "/name" as "other_name"
    And I save the response field "/location" as "other_location"
    When I send a POST request to "/oec/0.9/${org}/copyCustomerImage" with body:
      """xml
      <NewImageCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceImageId><source></sourceImageId><targetImageName><target></targetImageName><targetLocation><location></targetLocation></NewImageCopy>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "<code>"

    @destructive @fixture:image_customer @fixture:image_customer_other
    Examples:
      | source                               | target       | location | code       |
      | 00000000-0000-0000-0000-000000000000 | ${run_id}-nothing | ${other_location} | REASON_390 |
      | ${image_customer}                    | ${run_id}-here    | ${here}           | REASON_770 |
      | ${image_customer}                    | ${other_name}     | ${other_location} | REASON_391 |

  @destructive
  Scenario: Copy an OVF package from a remote geography
    When I send a GET request to "/oec/0.9/${org}/multigeo"
    Then the response should conform to the contract
    Then I save "/geoKey" of the first item of "/geo" whose "/isHome" is "false" as "geo"
    When I send a POST request to "/oec/0.9/${org}/remoteOvfPackageCopy" with body:
      """xml
      <NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>${geo}</sourceGeoId><sourceOvfPackage>${run_id}-package.mf</sourceOvfPackage></NewRemoteOvfCopy>
      """
    Then the response should conform to the contract
    And the response status should be 200
    And the response field "/resultCode" should be "REASON_0"
    And I save the response field "/additionalInformation/0/value" as "copy"
    And reading back the last write should show the fields it sent
    When I send a GET request to "/oec/0.9/${org}/remoteOvfPackageCopy?id=${copy}"
    Then the response should conform to the contract
    And the response status should be 200
    And the response page should hold 1 item
    When I send a POST request to "/oec/0.9/${org}/remoteOvfPackageCopy" with body:
      """xml
      <NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>${geo}</sourceGeoId><sourceOvfPackage>${run_id}-package.mf</sourceOvfPackage></NewRemoteOvfCopy>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_460"

  @destructive
  Scenario: Copying an OVF package from the home geography answers REASON_461
    When I send a GET request to "/oec/0.9/${org}/multigeo"
    Then the response should conform to the contract
    Then I save "/geoKey" of the first item of "/geo" whose "/isHome" is "true" as "geo"
    When I send a POST request to "/oec/0.9/${org}/remoteOvfPackageCopy" with body:
      """xml
      <NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>${geo}</sourceGeoId><sourceOvfPackage>${run_id}-home.mf</sourceOvfPackage></NewRemoteOvfCopy>
      """
    Then the response should conform to the contract
    And the response status should be 400
    And the response field "/resultCode" should be "REASON_461"
