import HubEngine
import JSONValue
import Testing

/// Everything a session delivers until it closes.
func allDeliveries(of session: DeviceSession) async -> [DeviceDelivery] {
    var deliveries: [DeviceDelivery] = []
    for await delivery in session.deliveries { deliveries.append(delivery) }
    return deliveries
}

/// The next delivery of a session (`nil` once it has closed).
func nextDelivery(of session: DeviceSession) async -> DeviceDelivery? {
    for await delivery in session.deliveries { return delivery }
    return nil
}

/// A hub with device `d1` and, where the tier has modules, module `d1/filter`.
func sessionFixture(sku: String = "S1") async throws -> HubFixture {
    let fixture = try HubFixture(sku: sku)
    _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
    if HubTier(skuName: sku) != .basic {
        _ = try await fixture.hub.createModule(ModuleIdentity(moduleId: "filter", deviceId: "d1"))
    }
    return fixture
}

@Suite struct SessionTests {
    @Test func connectShowsTheDeviceConnectedAndJournalsIt() async throws {
        let fixture = try await sessionFixture()
        fixture.clock.advance(by: 5)
        let session = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        let device = try await fixture.hub.device("d1")
        #expect(device.connectionState == .connected)
        #expect(device.connectionStateUpdatedTime == fixture.clock.now())
        #expect(device.lastActivityTime == fixture.clock.now())
        #expect(try fixture.journalKinds().last == "ConnectionChanged")
        #expect(await fixture.hub.connectedIdentityCount == 1)
        #expect(await fixture.hub.subscriptions(of: session.sender) == [])
    }

    @Test func unknownDisabledOrMissingModuleIdentitiesAreRefused() async throws {
        let fixture = try await sessionFixture()
        await #expect(throws: HubError.deviceNotFound(deviceId: "ghost")) {
            _ = try await fixture.hub.connect(MessageSender(deviceId: "ghost"))
        }
        await #expect(throws: HubError.moduleNotFound(deviceId: "d1", moduleId: "ghost")) {
            _ = try await fixture.hub.connect(MessageSender(deviceId: "d1", moduleId: "ghost"))
        }
        var device = try await fixture.hub.device("d1")
        device.status = .disabled
        _ = try await fixture.hub.updateDevice(device, ifMatch: nil)
        await #expect(throws: DeviceMessagingError.deviceDisabled(deviceId: "d1")) {
            _ = try await fixture.hub.connect(MessageSender(deviceId: "d1", moduleId: "filter"))
        }
        #expect(try await fixture.hub.device("d1").connectionState == .disconnected)
    }

    @Test func secondConnectTakesOverAndClosesTheFirst() async throws {
        let fixture = try await sessionFixture()
        let first = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        try await first.subscribe([.methods, .desiredProperties])
        let second = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        #expect(await allDeliveries(of: first) == [.closed(.takenOver)])
        #expect(await fixture.hub.subscriptions(of: second.sender) == [])
        await #expect(throws: DeviceMessagingError.connectionClosed(identity: "d1")) { _ = try await first.twin() }
        await first.disconnect()
        #expect(try await fixture.hub.device("d1").connectionState == .connected)
        #expect(try await second.twin()["desired"] == ["$version": 1])
    }

    @Test func disconnectShowsDisconnectedAndEndsTheStream() async throws {
        let fixture = try await sessionFixture()
        let session = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        fixture.clock.advance(by: 7)
        await session.disconnect()
        #expect(await allDeliveries(of: session) == [.closed(.disconnected)])
        let device = try await fixture.hub.device("d1")
        #expect(device.connectionState == .disconnected)
        #expect(device.connectionStateUpdatedTime == fixture.clock.now())
        #expect(await fixture.hub.connectedIdentityCount == 0)
        await #expect(throws: DeviceMessagingError.connectionClosed(identity: "d1")) { try await session.subscribe([.methods]) }
    }

    @Test func desiredPatchesReachOnlySubscribedSessionsWithTheirVersion() async throws {
        let fixture = try await sessionFixture()
        let session = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"properties":{"desired":{"interval":1}}}"#), ifMatch: nil)
        try await session.subscribe([.desiredProperties])
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"properties":{"desired":{"interval":5,"mode":null}}}"#), ifMatch: nil)
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"tags":{"floor":1}}"#), ifMatch: nil)
        await session.disconnect()
        #expect(await allDeliveries(of: session) == [
            .desiredProperties(patch: ["interval": 5, "mode": nil], version: 3), .closed(.disconnected),
        ])
    }

    @Test func moduleSessionsGetTheirOwnTwinsDesiredPatches() async throws {
        let fixture = try await sessionFixture()
        let module = try await fixture.hub.connect(MessageSender(deviceId: "d1", moduleId: "filter"))
        try await module.subscribe([.desiredProperties])
        _ = try await fixture.hub.updateTwin(of: "d1", patch: json(#"{"properties":{"desired":{"device":1}}}"#), ifMatch: nil)
        _ = try await fixture.hub.updateModuleTwin(of: "filter", on: "d1", patch: json(#"{"properties":{"desired":{"threshold":9}}}"#), ifMatch: nil)
        #expect(await nextDelivery(of: module) == .desiredProperties(patch: ["threshold": 9], version: 2))
    }

    @Test func reportedPropertiesAndTwinReadThroughTheSession() async throws {
        let fixture = try await sessionFixture()
        let session = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        #expect(try await session.updateReported(["firmware": "1.2", "battery": 80]) == 2)
        #expect(try await session.updateReported(["battery": nil]) == 3)
        let twin = try await session.twin()
        #expect(twin["reported"] == ["firmware": "1.2", "$version": 3])
        #expect(try await fixture.hub.twin(of: "d1")[path: ["properties", "reported", "firmware"]] == "1.2")
    }

    @Test func disablingADeviceDisconnectsItAndItsModulesAtOnce() async throws {
        let fixture = try await sessionFixture()
        let device = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        let module = try await fixture.hub.connect(MessageSender(deviceId: "d1", moduleId: "filter"))
        var identity = try await fixture.hub.device("d1")
        identity.status = .disabled
        _ = try await fixture.hub.updateDevice(identity, ifMatch: nil)
        #expect(await allDeliveries(of: device) == [.closed(.deviceDisabled)])
        #expect(await allDeliveries(of: module) == [.closed(.deviceDisabled)])
        #expect(try await fixture.hub.device("d1").connectionState == .disconnected)
        #expect(try await fixture.hub.module("filter", on: "d1").connectionState == .disconnected)
        #expect(await fixture.hub.connectedIdentityCount == 0)
    }

    @Test func deletingAModuleOrDeviceClosesItsSessions() async throws {
        let fixture = try await sessionFixture()
        let device = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        let module = try await fixture.hub.connect(MessageSender(deviceId: "d1", moduleId: "filter"))
        try await fixture.hub.deleteModule("filter", on: "d1", ifMatch: nil)
        #expect(await allDeliveries(of: module) == [.closed(.identityDeleted)])
        #expect(await fixture.hub.subscriptions(of: device.sender) == [])
        try await fixture.hub.deleteDevice("d1", ifMatch: nil)
        #expect(await allDeliveries(of: device) == [.closed(.identityDeleted)])
        await #expect(throws: DeviceMessagingError.connectionClosed(identity: "d1")) { _ = try await device.updateReported(["a": 1]) }
    }
}
