package cloudcontrol

// routes maps every operationId of the contract to its handler. Routing,
// authentication, roles, the org id and paging are done once, by the
// skeleton in serve; TestEveryOperationHasAHandler keeps this table and the
// contract in step.
func (s *Simulator) routes() map[string]handler {
	m := func(f func(*call)) handler { return f }
	h := map[string]handler{
		// 2. Account
		"getMyAccount":                         m((*call).getMyAccount),
		"addSubAdministratorAccount":           m((*call).addSubAdmin),
		"updateAdministratorAccount":           m((*call).updateAccount),
		"deleteSubAdministratorAccount":        m((*call).deleteSubAdmin),
		"designatePrimaryAdministrator":        m((*call).designatePrimary),
		"listAccounts":                         m((*call).listAccounts),
		"listDataCentersWithMaintenanceStatus": listDatacentersPaged((*datacenter).withMaintenance),
		"listMultiGeographyDataCentersWithKey": listGeos(true),
		"listSoftwareLabels":                   m((*call).listSoftwareLabels),

		// 3. Server Image
		"listOsServerImagesWithSoftwareLabelsInLocation":         imageList(true, baseIn, "DeployedImageWithSoftwareLabels", renderDeployed(true)),
		"listDeployedCustomerImagesWithSoftwareLabelsInLocation": imageList(true, customerIn, "DeployedImageWithSoftwareLabels", renderDeployed(true)),
		"listPendingDeploymentCustomerImagesInLocation":          imageList(true, pendingIn, "PendingDeployImage", renderPending),
		"doesImageNameExist":        m((*call).imageNameExists),
		"getServerImage":            m((*call).getServerImage),
		"deleteCustomerServerImage": m((*call).deleteImage),
		"modifyCustomerServerImage": m((*call).modifyImage),
		"cleanFailedCustomerImage":  m((*call).cleanImage),

		// 4. Import & Export Customer Image
		"listOvfPackages":                       m((*call).listOvfPackages),
		"importCustomerImage":                   m((*call).importImage),
		"listCustomerImageImportsInProgress":    m((*call).listImports),
		"exportCustomerImage":                   m((*call).exportImage),
		"listCustomerImageExportsInProgress":    m((*call).listExports),
		"listCustomerImageExportHistory":        m((*call).exportHistory),
		"copyCustomerImageToDataCenter":         m((*call).copyImage),
		"listCustomerImageCopyingInProgress":    m((*call).listCopies),
		"copyOvfPackageFromRemoteGeo":           m((*call).copyRemoteOvf),
		"listRemoteOvfPackageCopyingInProgress": func(c *call) { c.listRemoteCopies(false) },
		"listRemoteOvfPackageCopyHistory":       func(c *call) { c.listRemoteCopies(true) },

		// 5. Server
		"listServersWithBackup":        listServersPaged((*server).withBackup, "serverWithBackup"),
		"cleanFailedServerDeployment":  m((*call).cleanFailedServer),
		"deployServer":                 m((*call).deployServer),
		"deleteServer":                 m((*call).deleteServer),
		"modifyServer":                 m((*call).modifyServer),
		"startServer":                  m((*call).serverAction),
		"shutdownServer":               m((*call).serverAction),
		"powerOffServer":               m((*call).serverAction),
		"rebootServer":                 m((*call).serverAction),
		"resetServer":                  m((*call).serverAction),
		"updateVmwareTools":            m((*call).updateVMwareTools),
		"addStorageToServer":           m((*call).addStorage),
		"removeStorageFromServer":      m((*call).removeStorage),
		"changeServerDiskSpeed":        m((*call).changeDiskSpeed),
		"cloneServerToCustomerImage":   m((*call).cloneServer),
		"createServerAntiAffinityRule": m((*call).createRule),
		"listServerAntiAffinityRules":  m((*call).listRules),
		"deleteServerAntiAffinityRule": m((*call).deleteRule),

		// 6. Cloud Backup
		"enableBackup":                       m((*call).enableBackup),
		"disableBackup":                      m((*call).disableBackup),
		"changeBackupServicePlan":            m((*call).changePlan),
		"getBackupClientTypes":               m((*call).getClientTypes),
		"getBackupStoragePolicies":           m((*call).getStoragePolicies),
		"getBackupSchedulePolicies":          m((*call).getSchedulePolicies),
		"addBackupClient":                    m((*call).addClient),
		"removeBackupClient":                 m((*call).removeClient),
		"modifyBackupClient":                 m((*call).modifyClient),
		"getBackupDetails":                   m((*call).getBackupDetails),
		"restoreFileSystemBackup":            m((*call).restore),
		"listOutOfPlaceRestoreTargetServers": m((*call).restoreTargets),

		// 7. Network
		"listNetworksWithLocation":            m((*call).listNetworksWithLocation),
		"listNetworksInLocation":              m((*call).listNetworksWithLocation),
		"getNetworkDetails":                   m((*call).getNetwork),
		"createNetworkWithLocation":           m((*call).createNetwork),
		"deleteNetwork":                       m((*call).deleteNetwork),
		"modifyNetwork":                       m((*call).modifyNetwork),
		"listAclRules":                        m((*call).listACL),
		"deleteAclRule":                       m((*call).deleteACL),
		"createAclRule":                       m((*call).createACL),
		"listNatRules":                        m((*call).listNAT),
		"createNatRule":                       m((*call).createNAT),
		"deleteNatRule":                       m((*call).deleteNAT),
		"getNetworkConfiguration":             m((*call).networkConfig),
		"getNetworkConfigurationWithLocation": m((*call).networkConfigWithLocation),
		"reservePublicIpBlockWithSize":        m((*call).reservePublicIPBlockWithSize),
		"releasePublicIpBlock":                m((*call).releaseIPBlock),
		"setServerToVipConnectivity":          m((*call).setServerToVip),
		"setNetworkMulticast":                 m((*call).setMulticast),

		// 8. VIP / load balancing
		"listRealServers":                m((*call).listRealServers),
		"createRealServer":               m((*call).createRealServer),
		"deleteRealServer":               m((*call).deleteRealServer),
		"modifyRealServer":               m((*call).modifyRealServer),
		"listProbes":                     m((*call).listProbes),
		"createProbe":                    m((*call).createProbe),
		"modifyProbe":                    m((*call).modifyProbe),
		"deleteProbe":                    m((*call).deleteProbe),
		"listServerFarms":                m((*call).listFarms),
		"getServerFarmDetails":           m((*call).getFarm),
		"createServerFarm":               m((*call).createFarm),
		"deleteServerFarm":               m((*call).deleteFarm),
		"addRealServerToServerFarm":      func(c *call) { c.farmMembers(true) },
		"removeRealServerFromServerFarm": func(c *call) { c.farmMembers(false) },
		"addProbeToServerFarm":           func(c *call) { c.farmProbes(true) },
		"removeProbeFromServerFarm":      func(c *call) { c.farmProbes(false) },
		"modifyServerFarmPredictor":      m((*call).modifyPredictor),
		"listPersistenceProfiles":        m((*call).listProfiles),
		"createPersistenceProfile":       m((*call).createProfile),
		"deletePersistenceProfile":       m((*call).deleteProfile),
		"listVips":                       m((*call).listVips),
		"createVip":                      m((*call).createVip),
		"deleteVip":                      m((*call).deleteVip),
		"modifyVip":                      m((*call).modifyVip),

		// 9. Files accounts
		"createFilesAccount": m((*call).createFiles),
		"listFilesAccounts":  m((*call).listFiles),
		"deleteFilesAccount": m((*call).deleteFiles),
		"modifyFilesAccount": m((*call).modifyFiles),

		// 10. Reports
		"getSummaryUsageReport":      m((*call).summaryReport),
		"getDetailedUsageReport":     m((*call).detailedReport),
		"getSoftwareUnitsReport":     m((*call).softwareReport),
		"getBackupUsageReport":       m((*call).backupReport),
		"getAdministratorLogsReport": m((*call).auditReport),

		// 11. Deprecated account
		"listDataCentersWithDiskSpeed":  listDatacentersPaged((*datacenter).withDiskSpeed),
		"listServersWithState":          listServersPaged((*server).withState, "serverWithState"),
		"listDataCentersWithLimits":     listDatacentersLegacy(true),
		"listMultiGeographyDataCenters": listGeos(false),
		"listDataCenters":               listDatacentersLegacy(false),

		// 12. Deprecated server image
		"listOsServerImages":                   imageList(false, baseIn, "ServerImage", renderLegacy),
		"listDeployedCustomerImages":           imageList(false, customerIn, "DeployedImage", renderDeployed(false)),
		"listPendingDeploymentCustomerImages":  imageList(false, pendingIn, "PendingDeployImage", renderPending),
		"listDeployedCustomerImagesInLocation": imageList(true, customerIn, "DeployedImage", renderDeployed(false)),
		"listOsServerImagesInLocation":         imageList(true, baseIn, "ServerImage", renderLegacy),
		"listDbServerImages":                   imageList(false, category("db"), "ServerImage", renderLegacy),
		"listWebServerImages":                  imageList(false, category("web"), "ServerImage", renderLegacy),
		"listCustomerServerImages":             imageList(false, anyCustomer, "ServerImage", renderLegacy),
		// 12.8 "is being removed": no partner images remain (an empty list).
		"listPartnerServerImages": imageList(false, category("partner"), "ServerImage", renderLegacy),

		// 13. Deprecated server
		"getServerDetails":                               m((*call).getServerDetails),
		"listDeployedServers":                            serverList(false, deployed, "DeployedServer", withDeployed(false, false)),
		"listPendingDeploymentServers":                   serverList(false, pending, "PendingDeployServer", withPending(false)),
		"listDeployedServersOnNetworkWithDisks":          serverList(true, deployed, "DeployedServerWithDisks", withDeployed(true, true)),
		"listPendingDeploymentServersOnNetworkWithDisks": serverList(true, pending, "PendingDeployServerWithDisks", withPending(true)),
		"listDeployedServersOnNetworkWithSoftwareLabels": serverList(true, deployed, "DeployedServerWithSoftwareLabels", withDeployed(true, false)),
		"listPendingDeploymentServersOnNetwork":          serverList(true, pending, "PendingDeployServer", withPending(false)),
		"restartServer":                                  m((*call).serverAction),
		"listDeployedServersOnNetwork":                   serverList(true, deployed, "DeployedServer", withDeployed(false, false)),
		"listServers":                                    serverList(false, anyServer, "Server", withDetails),
		"stopServer":                                     m((*call).serverAction),
		"listDeployedServersOnNetworkWithStatus":         serverList(true, deployed, "DeployedServer", withDeployed(false, false)),
		"listServersOnNetwork":                           serverList(true, anyServer, "Server", withDetails),

		// 14. Deprecated network
		"listNetworks":         m((*call).listNetworks),
		"createNetwork":        m((*call).createNetwork),
		"reservePublicIpBlock": m((*call).reservePublicIPBlock),
	}
	return h
}

func withDeployed(labels, disks bool) func(*call, *server) obj {
	return func(_ *call, s *server) obj { return s.deployedShape(labels, disks) }
}

func withPending(disks bool) func(*call, *server) obj {
	return func(_ *call, s *server) obj { return s.pendingShape(disks) }
}

func withDetails(c *call, s *server) obj { return s.details(c.st().orgID) }
