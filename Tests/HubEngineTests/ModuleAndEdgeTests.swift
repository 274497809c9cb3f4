import HubEngine
import JSONValue
import Testing

@Suite struct ModuleAndEdgeTests {
    @Test func moduleIsCreatedListedAndHasAModuleConnectionString() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        let module = try await fixture.hub.createModule(ModuleIdentity(moduleId: "filter", deviceId: "d1"))
        #expect(module.authentication.primaryKey != nil)
        #expect(try await fixture.hub.modules(on: "d1").map(\.moduleId) == ["filter"])
        #expect(Array(module.json.objectValue?.keys ?? []).prefix(4) == ["moduleId", "managedBy", "deviceId", "generationId"])
        let connection = module.connectionString(hostName: "h") ?? ""
        #expect(connection.hasPrefix("HostName=h;DeviceId=d1;ModuleId=filter;SharedAccessKey="))
    }

    @Test func moduleErrorsCarryAzureCodes() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        _ = try await fixture.hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "d1"))
        await #expect(throws: HubError.moduleAlreadyExists(deviceId: "d1", moduleId: "m1")) {
            try await fixture.hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "d1"))
        }
        await #expect(throws: HubError.moduleNotFound(deviceId: "d1", moduleId: "m2")) {
            try await fixture.hub.module("m2", on: "d1")
        }
        await #expect(throws: HubError.deviceNotFound(deviceId: "d9")) {
            try await fixture.hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "d9"))
        }
        await #expect(
            throws: HubError.argumentInvalid(field: "moduleId", rule: "ids starting with '$' are reserved for IoT Edge system modules")
        ) {
            try await fixture.hub.createModule(ModuleIdentity(moduleId: "$mine", deviceId: "d1"))
        }
        #expect(HubError.moduleNotFound(deviceId: "d", moduleId: "m").errorCode == 404010)
        #expect(HubError.moduleAlreadyExists(deviceId: "d", moduleId: "m").errorCode == 409301)
    }

    @Test func deletingADeviceDeletesItsModules() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        _ = try await fixture.hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "d1"))
        try await fixture.hub.deleteDevice("d1", ifMatch: "*")
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        #expect(try await fixture.hub.modules(on: "d1").isEmpty)
    }

    @Test func edgeDeviceGetsItsScopeAndSystemModules() async throws {
        let fixture = try HubFixture()
        let edge = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gateway", iotEdge: true))
        #expect(edge.deviceScope == "ms-azure-iot-edge://gateway-\(edge.generationId)")
        let modules = try await fixture.hub.modules(on: "gateway")
        #expect(modules.map(\.moduleId) == ["$edgeAgent", "$edgeHub"])
        #expect(modules.allSatisfy { $0.managedBy == nil && $0.authentication.type == .sas })
        await #expect(
            throws: HubError.argumentInvalid(
                field: "moduleId", rule: "$edgeHub is a system module of IoT Edge device 'gateway' and is deleted only with the device")
        ) {
            try await fixture.hub.deleteModule("$edgeHub", on: "gateway", ifMatch: nil)
        }
        let agentTwin = try await fixture.hub.moduleTwin(of: "$edgeAgent", on: "gateway")
        #expect(agentTwin["moduleId"] == "$edgeAgent")
    }

    @Test func childTakesItsParentsScope() async throws {
        let fixture = try HubFixture()
        let edge = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gateway", iotEdge: true))
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "leaf"))
        try await fixture.hub.setParent(of: "leaf", to: "gateway", force: false)
        let leaf = try await fixture.hub.device("leaf")
        #expect(leaf.parentScopes == [edge.deviceScope ?? ""])
        #expect(leaf.deviceScope == edge.deviceScope)
        #expect(try await fixture.hub.children(of: "gateway").map(\.deviceId) == ["leaf"])
        let twin = try await fixture.hub.twin(of: "leaf")
        #expect(twin["parentScopes"] == .array([.string(edge.deviceScope ?? "")]))
    }

    @Test func onlyEdgeDevicesCanBeParents() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "plain"))
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "leaf"))
        await #expect(
            throws: HubError.argumentInvalid(
                field: "parentId", rule: "device 'plain' is not an IoT Edge device; only edge devices can be parents")
        ) {
            try await fixture.hub.setParent(of: "leaf", to: "plain", force: false)
        }
    }

    @Test func replacingAParentNeedsForce() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gw1", iotEdge: true))
        let second = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gw2", iotEdge: true))
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "leaf"))
        try await fixture.hub.setParent(of: "leaf", to: "gw1", force: false)
        await #expect(
            throws: HubError.argumentInvalid(field: "force", rule: "device 'leaf' already has parent 'gw1'; pass force to replace it")
        ) {
            try await fixture.hub.setParent(of: "leaf", to: "gw2", force: false)
        }
        try await fixture.hub.setParent(of: "leaf", to: "gw2", force: true)
        #expect(try await fixture.hub.device("leaf").parentScopes == [second.deviceScope ?? ""])
        #expect(try await fixture.hub.children(of: "gw1").isEmpty)
    }

    @Test func nestedEdgeDevicesCannotFormACycle() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "top", iotEdge: true))
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "lower", iotEdge: true))
        try await fixture.hub.setParent(of: "lower", to: "top", force: false)
        let error = await #expect(throws: HubError.self) {
            try await fixture.hub.setParent(of: "top", to: "lower", force: true)
        }
        #expect(error?.errorName == "ArgumentInvalid")
        #expect(try await fixture.hub.device("lower").deviceScope?.hasPrefix("ms-azure-iot-edge://lower-") == true)
    }

    @Test func removingChildrenClearsTheirScopes() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gw", iotEdge: true))
        for id in ["a", "b", "c"] { _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: id)) }
        try await fixture.hub.addChildren(["a", "b", "c"], to: "gw", force: false)
        try await fixture.hub.removeChildren(["b"], from: "gw")
        #expect(try await fixture.hub.children(of: "gw").map(\.deviceId) == ["a", "c"])
        #expect(try await fixture.hub.device("b").deviceScope == nil)
        await #expect(throws: HubError.argumentInvalid(field: "childIds", rule: "device 'b' is not a child of 'gw'")) {
            try await fixture.hub.removeChildren(["b"], from: "gw")
        }
        try await fixture.hub.removeChildren([], from: "gw")
        #expect(try await fixture.hub.children(of: "gw").isEmpty)
    }

    @Test func deletingAParentOrphansItsChildren() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gw", iotEdge: true))
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "leaf"))
        try await fixture.hub.setParent(of: "leaf", to: "gw", force: false)
        try await fixture.hub.deleteDevice("gw", ifMatch: nil)
        let leaf = try await fixture.hub.device("leaf")
        #expect(leaf.parentScopes.isEmpty)
        #expect(leaf.deviceScope == nil)
    }

    @Test func edgeCanBeTurnedOffUnlessTheDeviceHasChildren() async throws {
        let fixture = try HubFixture()
        var gateway = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gw", iotEdge: true))
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "leaf"))
        try await fixture.hub.setParent(of: "leaf", to: "gw", force: false)
        gateway.iotEdge = false
        await #expect(
            throws: HubError.argumentInvalid(
                field: "capabilities.iotEdge",
                rule: "device 'gw' is the parent of 1 device(s); remove its children before turning IoT Edge off")
        ) {
            try await fixture.hub.updateDevice(gateway, ifMatch: nil)
        }
        try await fixture.hub.removeChildren([], from: "gw")
        let plain = try await fixture.hub.updateDevice(gateway, ifMatch: nil)
        #expect(!plain.iotEdge)
        #expect(plain.deviceScope == nil)
        #expect(plain.parentScopes.isEmpty)
    }

    @Test func connectionsShowInIdentityAndTwin() async throws {
        let fixture = try HubFixture()
        let created = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        _ = try await fixture.hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "d1"))
        fixture.clock.advance(by: 5)
        try await fixture.hub.recordConnection(.connected, ofDevice: "d1", module: nil)
        try await fixture.hub.recordConnection(.connected, ofDevice: "d1", module: "m1")
        let device = try await fixture.hub.device("d1")
        #expect(device.connectionState == .connected)
        #expect(device.lastActivityTime == fixture.clock.now())
        #expect(device.etag == created.etag)
        #expect(try await fixture.hub.twin(of: "d1")["connectionState"] == "Connected")
        #expect(try await fixture.hub.module("m1", on: "d1").connectionState == .connected)
        try await fixture.hub.recordConnection(.disconnected, ofDevice: "d1", module: nil)
        #expect(try await fixture.hub.device("d1").connectionState == .disconnected)
        #expect(try fixture.journalKinds().filter { $0 == "ConnectionChanged" }.count == 3)
        await #expect(throws: HubError.moduleNotFound(deviceId: "d1", moduleId: "m9")) {
            try await fixture.hub.recordConnection(.connected, ofDevice: "d1", module: "m9")
        }
    }

    @Test func basicTierRefusesModulesAndEdge() async throws {
        let fixture = try HubFixture(sku: "B1")
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        await #expect(throws: HubError.operationNotAvailableInCurrentTier(operation: "Module identities", skuName: "B1")) {
            try await fixture.hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "d1"))
        }
        await #expect(throws: HubError.operationNotAvailableInCurrentTier(operation: "IoT Edge", skuName: "B1")) {
            try await fixture.hub.createDevice(DeviceIdentity(deviceId: "gw", iotEdge: true))
        }
    }
}
