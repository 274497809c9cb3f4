import DeviceSimulation
import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing
import WorkspaceStore

/// Simulated devices on a real hub: an in-memory SQLite workspace and a manual clock.
@Suite struct SimulatedHubTests {
    private let clock = ManualClock()
    private let workspace: Workspace
    private let hub: IoTHub
    private let runner: SimulationRunner

    init() async throws {
        workspace = try Workspace.inMemory()
        hub = try IoTHub(settings: HubSettings(name: "lab-hub", skuName: "S1", units: 1), workspace: workspace, clock: clock)
        runner = SimulationRunner(hub: hub, clock: clock, machineName: "lab-pc")
        _ = try await hub.createDevice(DeviceIdentity(deviceId: "sensor-th-0001"))
    }

    private func definition(_ text: String) throws -> SimulationDefinition {
        try SimulationDefinition(text: text)
    }

    /// Every message in the built-in endpoint, oldest first.
    private func events() throws -> [EnqueuedEvent] {
        let reader = EndpointReader(workspace: workspace, hubName: "lab-hub")
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        return try reader.readAll(from: &positions, limit: 1000)
    }

    @Test func lab04sDeviceSendsItsTelemetryToTheBuiltInEndpoint() async throws {
        let lab04 = try definition(
            #"{"name": "lab04", "deviceId": "sensor-th-0001", "count": 3, "variables": [{"name": "temperature", "values": [25, 31], "sequence": true}], "messages": [{"template": {"temperature": "$.temperature"}, "properties": {"temperatureAlert": {"expression": "temperature > 30"}}}]}"#)
        try await runner.start(lab04)
        #expect(try await hub.device("sensor-th-0001").connectionState == .connected)
        for _ in 1...3 {
            await clock.waitForSleepers(1)
            clock.advance(by: 1)
        }
        let finished = try await runner.waitUntilFinished(deviceId: "sensor-th-0001")
        #expect(finished.state == .completed)
        #expect(finished.messagesSent == 3)
        let received = try events()
        #expect(received.map { String(decoding: $0.message.body, as: UTF8.self) } == [
            #"{"temperature":25}"#, #"{"temperature":31}"#, #"{"temperature":25}"#,
        ])
        #expect(received.map { $0.message.applicationProperties["temperatureAlert"] } == ["false", "true", "false"])
        #expect(received.allSatisfy { $0.message.systemProperties.connectionDeviceId == "sensor-th-0001" })
        #expect(try await hub.device("sensor-th-0001").connectionState == .disconnected)
    }

    @Test func answersADirectMethodInvokedThroughTheHub() async throws {
        try await runner.start(
            try definition(#"{"name": "fan", "methods": {"SetFanState": {"status": 200, "payload": {"result": "Executed direct method: $.MethodName"}}}}"#),
            deviceId: "sensor-th-0001")
        let result = try await hub.invokeMethod(DirectMethodCall(methodName: "SetFanState", payload: "On"), onDevice: "sensor-th-0001")
        #expect(result.status == 200)
        #expect(result.payload == ["result": "Executed direct method: SetFanState"])
        let other = try await hub.invokeMethod(DirectMethodCall(methodName: "Reboot"), onDevice: "sensor-th-0001")
        #expect(other.status == 501)
        await runner.stopAll()
    }

    @Test func aDeviceWithoutMethodsIsNotOnlineForThem() async throws {
        try await runner.start(try definition(#"{"name": "quiet"}"#), deviceId: "sensor-th-0001")
        await #expect(throws: DeviceMessagingError.deviceNotOnline(identity: "sensor-th-0001")) {
            _ = try await hub.invokeMethod(DirectMethodCall(methodName: "Reboot"), onDevice: "sensor-th-0001")
        }
        await runner.stopAll()
    }

    @Test func reportsTheDesiredPropertiesASerivceSets() async throws {
        let (events, observer) = AsyncStream.makeStream(of: SimulationEvent.self)
        try await runner.start(
            try definition(#"{"name": "twin", "twin": {"reportDesired": true}}"#), deviceId: "sensor-th-0001",
            observer: { observer.yield($0) })
        _ = try await hub.updateTwin(of: "sensor-th-0001", patch: ["properties": ["desired": ["telemetryDelay": 5]]], ifMatch: nil)
        for await event in events {
            if case .reportedPatched = event { break }
        }
        let twin = try await hub.twin(of: "sensor-th-0001")
        #expect(twin[path: ["properties", "reported", "telemetryDelay"]] == 5)
        await runner.stopAll()
    }

    @Test func completesCloudToDeviceMessages() async throws {
        let (events, observer) = AsyncStream.makeStream(of: SimulationEvent.self)
        try await runner.start(
            try definition(#"{"name": "c2d", "cloudToDevice": "complete"}"#), deviceId: "sensor-th-0001",
            observer: { observer.yield($0) })
        try await hub.sendCloudToDevice(CloudToDeviceMessage(body: Array("open".utf8), messageId: "m1"), to: "sensor-th-0001")
        for await event in events {
            if case .cloudToDeviceSettled = event { break }
        }
        #expect(try await hub.purgeCloudToDevice(deviceId: "sensor-th-0001") == 0)
        #expect(try await runner.stop(deviceId: "sensor-th-0001").cloudToDeviceSettled == 1)
    }

    @Test func disablingTheDeviceEndsItsSimulation() async throws {
        try await runner.start(try definition(#"{"name": "t"}"#), deviceId: "sensor-th-0001")
        var device = try await hub.device("sensor-th-0001")
        device.status = .disabled
        _ = try await hub.updateDevice(device, ifMatch: nil)
        let ended = try await runner.waitUntilFinished(deviceId: "sensor-th-0001")
        #expect(ended.state == .disconnected(reason: "the device was disabled"))
    }

    @Test func anotherConnectionTakesTheDeviceOver() async throws {
        try await runner.start(try definition(#"{"name": "t"}"#), deviceId: "sensor-th-0001")
        let other = try await hub.connect(MessageSender(deviceId: "sensor-th-0001"))
        let ended = try await runner.waitUntilFinished(deviceId: "sensor-th-0001")
        #expect(ended.state == .disconnected(reason: "a new connection of the same identity took it over"))
        #expect(try await hub.device("sensor-th-0001").connectionState == .connected)
        await other.disconnect()
    }

    @Test func anUnknownDeviceCannotBeSimulated() async throws {
        await #expect(throws: HubError.deviceNotFound(deviceId: "ghost")) {
            try await runner.start(try definition(#"{"name": "t"}"#), deviceId: "ghost")
        }
    }
}
