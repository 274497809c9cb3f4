import DeviceSimulation
import HubEngine
import JSONValue
import LabCore
import Testing

@Suite struct SimulationRunnerTests {
    private let clock = ManualClock()

    private func runner(devices: Set<String> = ["sensor-1"]) -> (SimulationRunner, TestHub) {
        let hub = TestHub(devices: devices)
        return (SimulationRunner(hub: hub, clock: clock, machineName: "lab-pc"), hub)
    }

    private func definition(_ text: String) throws -> SimulationDefinition {
        try SimulationDefinition(text: text)
    }

    @Test func sendsARoundEveryIntervalOnTheClockThenDisconnects() async throws {
        let (runner, hub) = runner()
        let sim = try definition(#"{"name": "t", "deviceId": "sensor-1", "intervalSeconds": 10, "count": 3, "variables": [{"name": "n", "min": 1}], "messages": [{"template": "$.n at $.Time"}]}"#)
        let started = try await runner.start(sim)
        #expect(started.state == .running)
        let connection = try #require(await hub.connection("sensor-1"))
        for round in 1...3 {
            await clock.waitForSleepers(1)
            #expect(await connection.sent.count == round)
            clock.advance(by: 10)
        }
        let finished = try await runner.waitUntilFinished(deviceId: "sensor-1")
        #expect(finished.state == .completed)
        #expect(finished.messagesSent == 3)
        #expect(finished.rounds == 3)
        #expect(finished.endedAt == clock.now())
        #expect(await connection.sent.map { String(decoding: $0.body, as: UTF8.self) } == [
            "1 at 2026-01-01T00:00:00.0000000Z", "2 at 2026-01-01T00:00:10.0000000Z", "3 at 2026-01-01T00:00:20.0000000Z",
        ])
        #expect(await connection.isDisconnected)
        #expect(await runner.list().map(\.state) == [.completed])
    }

    @Test func stopEndsARunningSimulationAndForgetsIt() async throws {
        let (runner, hub) = runner()
        try await runner.start(try definition(#"{"name": "t", "messages": [{"template": "x"}]}"#), deviceId: "sensor-1")
        await clock.waitForSleepers(1)
        let stopped = try await runner.stop(deviceId: "sensor-1")
        #expect(stopped.state == .stopped)
        #expect(stopped.messagesSent == 1)
        #expect(await hub.connection("sensor-1")?.isDisconnected == true)
        #expect(await runner.list().isEmpty)
        await #expect(throws: SimulationError.notFound(device: "sensor-1")) { try await runner.stop(deviceId: "sensor-1") }
    }

    @Test func anIdentityIsSimulatedOnceAtATime() async throws {
        let (runner, _) = runner()
        let sim = try definition(#"{"name": "t", "deviceId": "sensor-1"}"#)
        try await runner.start(sim)
        await #expect(throws: SimulationError.alreadyRunning(device: "sensor-1")) { try await runner.start(sim) }
        _ = try await runner.stop(deviceId: "sensor-1")
        #expect(try await runner.start(sim).state == .running)
        await runner.stopAll()
    }

    @Test func aFinishedSimulationCanBeStartedAgain() async throws {
        let (runner, _) = runner()
        let sim = try definition(#"{"name": "t", "deviceId": "sensor-1", "count": 1}"#)
        try await runner.start(sim)
        await clock.waitForSleepers(1)
        clock.advance(by: 1)
        #expect(try await runner.waitUntilFinished(deviceId: "sensor-1").state == .completed)
        #expect(try await runner.start(sim).state == .running)
        await runner.stopAll()
    }

    @Test func theHubsRefusalIsTheStartsError() async throws {
        let (runner, _) = runner()
        await #expect(throws: HubError.deviceNotFound(deviceId: "ghost")) {
            try await runner.start(try definition(#"{"name": "t"}"#), deviceId: "ghost")
        }
        #expect(await runner.list().isEmpty)
        await #expect(throws: SimulationError.deviceRequired(definition: "t")) { try await runner.start(try definition(#"{"name": "t"}"#)) }
    }

    @Test func aRefusedMessageIsCountedAndTheDeviceGoesOn() async throws {
        let (runner, hub) = runner()
        try await runner.start(try definition(#"{"name": "t", "messages": [{"template": "x"}]}"#), deviceId: "sensor-1")
        let connection = try #require(await hub.connection("sensor-1"))
        await clock.waitForSleepers(1)
        await connection.failSends(with: HubError.deviceNotFound(deviceId: "sensor-1"))
        clock.advance(by: 1)
        await clock.waitForSleepers(1)
        await connection.failSends(with: nil)
        clock.advance(by: 1)
        await clock.waitForSleepers(1)
        let status = try await runner.stop(deviceId: "sensor-1")
        #expect(status.messagesSent == 2)
        #expect(status.sendFailures == 1)
        #expect(status.lastError == "404001 DeviceNotFound: " + HubError.deviceNotFound(deviceId: "sensor-1").message)
    }

    @Test func subscribesOnlyToWhatTheDefinitionHandles() async throws {
        let (runner, hub) = runner(devices: ["a", "b"])
        try await runner.start(try definition(#"{"name": "t"}"#), deviceId: "a")
        try await runner.start(
            try definition(#"{"name": "t", "methods": {"*": {}}, "cloudToDevice": "reject", "twin": {"reportDesired": true}}"#), deviceId: "b")
        await clock.waitForSleepers(2)
        #expect(await hub.connection("a")?.topics == [])
        #expect(await hub.connection("b")?.topics == [.methods, .cloudToDevice, .desiredProperties])
        await runner.stopAll()
    }

    @Test func answersMethodsWithTheDefinitionsStatusAndPayload() async throws {
        let (runner, hub) = runner()
        var log = EventLog()
        try await runner.start(
            try definition(#"{"name": "t", "methods": {"SetFanState": {"status": 200, "payload": {"result": "Executed direct method: $.MethodName"}}}}"#),
            deviceId: "sensor-1", observer: log.observer)
        let connection = try #require(await hub.connection("sensor-1"))
        for name in ["SetFanState", "Reboot"] {
            connection.push(.methodRequest(MethodRequest(requestId: "r-\(name)", methodName: name, payload: "On")))
        }
        for expected in ["r-SetFanState", "r-Reboot"] {
            let answered = await log.next { event -> String? in
                if case .methodAnswered(let request, _, _) = event { request.requestId } else { nil }
            }
            #expect(answered == expected)
        }
        let first = try #require(await connection.answers["r-SetFanState"])
        #expect(first.status == 200)
        #expect(first.payload == ["result": "Executed direct method: SetFanState"])
        let second = try #require(await connection.answers["r-Reboot"])
        #expect(second.status == 501)
        #expect(second.payload == .null)
        #expect(try await runner.stop(deviceId: "sensor-1").methodsAnswered == 2)
    }

    @Test func reportsDesiredPropertiesWithoutTheServiceMembers() async throws {
        let (runner, hub) = runner()
        var log = EventLog()
        try await runner.start(try definition(#"{"name": "t", "twin": {"reportDesired": true}}"#), deviceId: "sensor-1", observer: log.observer)
        let connection = try #require(await hub.connection("sensor-1"))
        connection.push(.desiredProperties(patch: ["telemetryDelay": 5, "$version": 2], version: 2))
        let patch = await log.next { event -> JSONObject? in
            if case .reportedPatched(let patch) = event { return patch } else { return nil }
        }
        #expect(patch == ["telemetryDelay": 5])
        #expect(await connection.reported == [["telemetryDelay": 5]])
        await runner.stopAll()
    }

    @Test func catchesUpWithDesiredPropertiesSetWhileOfflineAfterTheInitialReport() async throws {
        let hub = TestHub(devices: ["sensor-1"])
        let runner = SimulationRunner(hub: hub, clock: clock)
        var log = EventLog()
        try await runner.start(
            try definition(#"{"name": "t", "twin": {"reportDesired": true, "initialReported": {"firmware": "1.0", "fanstate": "Off"}}}"#),
            deviceId: "sensor-1", observer: log.observer)
        let connection = try #require(await hub.connection("sensor-1"))
        // The twin the test connection returns at start holds no desired settings yet.
        _ = await log.next { event -> Bool? in if case .reportedPatched = event { true } else { nil } }
        #expect(await connection.reported == [["firmware": "1.0", "fanstate": "Off"]])
        await runner.stopAll()

        await connection.setTwin(["desired": ["fanstate": "On", "firmware": "1.0", "$version": 4], "reported": ["firmware": "1.0"]])
        let again = SimulationRunner(hub: FixedHub(connection: connection), clock: clock)
        var second = EventLog()
        try await again.start(try definition(#"{"name": "t", "twin": {"reportDesired": true}}"#), deviceId: "sensor-1", observer: second.observer)
        let caughtUp = await second.next { event -> JSONObject? in
            if case .reportedPatched(let patch) = event { patch } else { nil }
        }
        #expect(caughtUp == ["fanstate": "On"])
        await again.stopAll()
    }

    @Test func aDeviceThatOnlyHandlesPatchesDoesNotCatchUpAtStart() async throws {
        let hub = TestHub(devices: ["sensor-1"])
        let runner = SimulationRunner(hub: hub, clock: clock)
        try await runner.start(try definition(#"{"name": "t", "twin": {"reportDesired": true, "reportDesiredAtStart": false}}"#), deviceId: "sensor-1")
        let connection = try #require(await hub.connection("sensor-1"))
        #expect(await connection.topics == [.desiredProperties])
        #expect(await connection.reported.isEmpty)
        await runner.stopAll()
    }

    @Test func settlesCloudToDeviceMessagesAsDefined() async throws {
        let (runner, hub) = runner()
        var log = EventLog()
        try await runner.start(try definition(#"{"name": "t", "cloudToDevice": "abandon"}"#), deviceId: "sensor-1", observer: log.observer)
        let connection = try #require(await hub.connection("sensor-1"))
        let message = CloudToDeviceMessage(body: Array("hi".utf8), properties: ["a": "1"], messageId: "m1")
        connection.push(.cloudToDevice(ReceivedCloudToDeviceMessage(
            deviceId: "sensor-1", message: message, lockToken: "lock-1", deliveryCount: 1, sequenceNumber: 1,
            enqueuedTime: clock.now(), expiryTime: clock.now().addingTimeInterval(3600))))
        let seen = await log.next { event -> String? in
            if case .cloudToDeviceSettled(let received, _) = event { received.message.messageId } else { nil }
        }
        #expect(seen == "m1")
        #expect(await connection.settlements == ["lock-1": .abandon])
        #expect(try await runner.stop(deviceId: "sensor-1").cloudToDeviceSettled == 1)
    }

    @Test func theHubClosingTheConnectionEndsTheSimulation() async throws {
        let (runner, hub) = runner()
        try await runner.start(try definition(#"{"name": "t", "messages": [{"template": "x"}]}"#), deviceId: "sensor-1")
        await clock.waitForSleepers(1)
        try #require(await hub.connection("sensor-1")).push(.closed(.deviceDisabled))
        let ended = try await runner.waitUntilFinished(deviceId: "sensor-1")
        #expect(ended.state == .disconnected(reason: "the device was disabled"))
        #expect(await runner.list().first?.json["reason"] == "the device was disabled")
    }

    @Test func aModuleIsSimulatedUnderItsOwnIdentity() async throws {
        let (runner, hub) = runner()
        let sim = try definition(#"{"name": "t", "deviceId": "sensor-1", "moduleId": "filter", "messages": [{"template": "$.DeviceId/$.ModuleId"}]}"#)
        try await runner.start(sim)
        try await runner.start(sim, moduleId: "other")
        await clock.waitForSleepers(2)
        #expect(await hub.connection("sensor-1/filter")?.sent.first?.body == Array("sensor-1/filter".utf8))
        #expect(await runner.list().map(\.moduleId) == ["filter", "other"])
        #expect(await runner.stopAll().count == 2)
    }
}

/// A hub that hands out one given connection.
private struct FixedHub: SimulationHub {
    let connection: TestConnection
    func connectSimulatedDevice(_ sender: MessageSender) async throws -> any SimulatedDeviceConnection { connection }
}
