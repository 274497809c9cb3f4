import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing
import WorkspaceStore
@testable import LocalCloud

@Suite struct LocalCloudHubTests {
    let cloud: LocalCloud

    init() throws {
        cloud = try LocalCloud(workspace: Workspace.inMemory(), clock: ManualClock())
    }

    @Test func createsHubsWithAzureDefaults() async throws {
        _ = try await cloud.createResourceGroup(name: "rg", location: "westeurope")
        let hub = try await cloud.createHub(HubCreation(name: "my-hub", resourceGroup: "rg"))
        #expect(hub.sku.name == "S1")
        #expect(hub.units == 1)
        #expect(hub.partitionCount == 4)
        #expect(hub.location == "westeurope")
        #expect(hub.hostName == "my-hub.azure-devices.net")
        #expect(hub.policies.map(\.keyName) == ["iothubowner", "service", "device", "registryRead", "registryReadWrite"])
        let owner = try hub.policy(named: "iothubowner")
        #expect(owner.rightsDescription == "RegistryWrite, ServiceConnect, DeviceConnect")
        #expect(Data(base64Encoded: owner.primaryKey)?.count == 32)
        #expect(owner.primaryKey != owner.secondaryKey)

        let json = hub.json(in: cloud.subscription)
        #expect(json["sku"] == ["capacity": 1, "name": "S1", "tier": "Standard"])
        #expect(json["properties"]?["eventHubEndpoints"]?["events"]?["partitionCount"] == 4)
        #expect(json["properties"]?["hostName"] == "my-hub.azure-devices.net")
    }

    @Test func refusesWhatAzureRefuses() async throws {
        await #expect(throws: CloudError.resourceGroupNotFound(name: "nope")) {
            try await cloud.createHub(HubCreation(name: "hub-a", resourceGroup: "nope"))
        }
        _ = try await cloud.createHub(HubCreation(name: "hub-a"))
        await #expect(throws: CloudError.hubNameNotAvailable(name: "HUB-A")) {
            try await cloud.createHub(HubCreation(name: "HUB-A"))
        }
        await #expect(throws: CloudError.self) { try await cloud.createHub(HubCreation(name: "ab")) }
        await #expect(throws: CloudError.self) { try await cloud.createHub(HubCreation(name: "bad_name")) }
        await #expect(throws: CloudError.self) { try await cloud.createHub(HubCreation(name: "hub-b", partitionCount: 33)) }
        await #expect(throws: CloudError.self) { try await cloud.createHub(HubCreation(name: "hub-b", skuName: "F1", units: 2)) }
        await #expect(throws: CloudError.self) { try await cloud.createHub(HubCreation(name: "hub-b", skuName: "S9")) }

        _ = try await cloud.createHub(HubCreation(name: "free-1", skuName: "F1"))
        await #expect(throws: CloudError.freeHubLimitExceeded(current: 2)) {
            try await cloud.createHub(HubCreation(name: "free-2", skuName: "F1"))
        }
        #expect(await cloud.hubs().map(\.name) == ["free-1", "hub-a"])
    }

    @Test func updatesSkuWithinAzureRules() async throws {
        _ = try await cloud.createHub(HubCreation(name: "scale-hub", skuName: "B1"))
        let upgraded = try await cloud.updateHub(named: "scale-hub", skuName: "S2", units: 3)
        #expect(upgraded.sku.name == "S2")
        #expect(upgraded.units == 3)
        await #expect(throws: CloudError.skuChangeNotAllowed(from: "S2", to: "B2")) {
            try await cloud.updateHub(named: "scale-hub", skuName: "B2")
        }
        await #expect(throws: CloudError.self) { try await cloud.updateHub(named: "scale-hub", units: 201) }
        #expect(try await cloud.engine(forHub: "scale-hub").settings.skuName == "S2")
    }

    @Test func resourcesSurviveReopeningTheWorkspace() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cloud-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("workspace.sqlite")

        let first = try LocalCloud(workspace: Workspace(fileURL: file), clock: ManualClock())
        _ = try await first.createResourceGroup(name: "rg", location: "eastus")
        let hub = try await first.createHub(HubCreation(name: "kept-hub", resourceGroup: "rg"))
        _ = try await first.createStorageAccount(StorageAccountCreation(name: "keptstorage", resourceGroup: "rg"))
        _ = try await first.registerProvider(namespace: "Microsoft.Devices")
        _ = try await first.addExtension(name: "azure-iot")
        let subscription = first.subscription

        let second = try LocalCloud(workspace: Workspace(fileURL: file), clock: ManualClock())
        #expect(second.subscription == subscription)
        #expect(try await second.hub(named: "kept-hub") == hub)
        #expect(await second.storageAccounts().map(\.name) == ["keptstorage"])
        #expect(await second.provider(namespace: "microsoft.devices").isRegistered)
        #expect(await second.extensions().map(\.name) == ["azure-iot"])
        #expect(try LocalCloud.storedHubNames(in: Workspace(fileURL: file)) == ["kept-hub"])
    }

    @Test func deletingAGroupDeletesItsHubsAndAccounts() async throws {
        _ = try await cloud.createResourceGroup(name: "doomed", location: "eastus")
        _ = try await cloud.createResourceGroup(name: "kept", location: "eastus")
        _ = try await cloud.createHub(HubCreation(name: "doomed-hub", resourceGroup: "doomed"))
        _ = try await cloud.createHub(HubCreation(name: "kept-hub", resourceGroup: "kept"))
        _ = try await cloud.createStorageAccount(StorageAccountCreation(name: "doomedstore", resourceGroup: "doomed"))
        try await cloud.deleteResourceGroup(named: "doomed")
        #expect(await cloud.hubs().map(\.name) == ["kept-hub"])
        #expect(await cloud.storageAccounts().isEmpty)
        #expect(await cloud.resourceGroupExists("doomed") == false)
        await #expect(throws: CloudError.self) { try await cloud.engine(forHub: "doomed-hub") }
    }

    @Test func deletingAHubDeletesItsDataPlaneEvenWhenNeverOpened() async throws {
        let workspace = try Workspace.inMemory()
        let first = try LocalCloud(workspace: workspace, clock: ManualClock())
        _ = try await first.createHub(HubCreation(name: "gone-hub"))
        _ = try await first.engine(forHub: "gone-hub").createDevice(DeviceIdentity(deviceId: "d1"))

        // A new cloud over the same workspace opens no data plane until a command needs one.
        let second = try LocalCloud(workspace: workspace, clock: ManualClock())
        try await second.deleteHub(named: "gone-hub")
        #expect(try workspace.read { try $0.records(scope: IoTHub.storageScope(forHub: "gone-hub"), collection: "devices") }.isEmpty)
        let recreated = try await second.createHub(HubCreation(name: "gone-hub"))
        #expect(recreated.name == "gone-hub")
        #expect(try await second.engine(forHub: "gone-hub").deviceCount == 0)
        let kinds = try workspace.journal(after: 0, limit: 100).map(\.kind)
        #expect(kinds.suffix(2) == ["IotHubDeleted", "IotHubCreated"])
    }

    @Test func anUnreadableResourceRecordStopsTheOpenAndSaysWhich() async throws {
        let workspace = try Workspace.inMemory()
        _ = try await LocalCloud(workspace: workspace, clock: ManualClock()).createHub(HubCreation(name: "kept-hub"))
        try workspace.write { try $0.put(scope: "cloud", collection: "iotHubs", key: "kept-hub", body: Data("{\"name\": 1}".utf8)) }
        #expect(throws: CloudError.storageFailed(reason: "the stored iotHubs record 'kept-hub' cannot be read")) {
            try LocalCloud(workspace: workspace, clock: ManualClock())
        }
    }

    @Test func connectionStringsNameThePolicy() async throws {
        let hub = try await cloud.createHub(HubCreation(name: "cs-hub"))
        let service = try hub.policy(named: "service")
        #expect(try hub.connectionString(policyName: "service", keyType: .secondary)
            == "HostName=cs-hub.azure-devices.net;SharedAccessKeyName=service;SharedAccessKey=\(service.secondaryKey)")
        #expect(throws: CloudError.policyNotFound(hubName: "cs-hub", policyName: "nobody")) {
            try hub.connectionString(policyName: "nobody")
        }
    }
}
