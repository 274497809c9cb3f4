import Courseware
import Foundation
import IoTLabApp
import LabCore
import TerminalUI
import Testing
@testable import Workbench

/// The Devices and Telemetry panes over a real workspace session on a manual clock: a simulated
/// device started from the Devices pane's request sends lab 04's telemetry, which the Telemetry
/// pane reads structurally from the built-in endpoint and charts.
@Suite struct LiveTelemetryTests {
    let hub = "iot-az220-training"
    let device = "sensor-th-0001"

    /// What the services sent, in order.
    final class Inbox: @unchecked Sendable {
        // Guarded by `lock`: appended by the services, read by the test.
        private var messages: [WorkbenchMessage] = []
        private let lock = NSLock()

        func append(_ message: WorkbenchMessage) { lock.withLock { messages.append(message) } }
        var all: [WorkbenchMessage] { lock.withLock { messages } }

        var events: [TelemetryEvent] {
            all.flatMap { message -> [TelemetryEvent] in
                guard case .telemetryEvents(_, let events) = message else { return [] }
                return events
            }
        }

        var reports: [String] {
            all.compactMap { if case .simulatorReport(let text) = $0 { text } else { nil } }
        }

        var lastDevices: [DeviceSummary]? {
            all.compactMap { if case .devices(let rows) = $0 { rows } else { nil } }.last
        }
    }

    /// Waits (yielding; moving lab time by `advancing` seconds each turn) until `done`; the
    /// real-time deadline only stops a broken test from hanging.
    func wait(advancing seconds: TimeInterval = 0, _ clock: ManualClock, until done: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while ContinuousClock.now < deadline {
            if done() { return true }
            if seconds > 0 { clock.advance(by: seconds) }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return done()
    }

    @Test func aSimulatedDeviceStartedFromDevicesIsMarkedAndItsTelemetryIsChartedThenStops() async throws {
        let fixture = WorkbenchFixture()
        defer { fixture.cleanUp() }
        let clock = fixture.clock
        let session = try WorkspaceSession(home: fixture.home, clock: clock)
        let lab = try fixture.catalog.lab("device-telemetry")
        for command in [
            ["iot", "hub", "create", "--name", hub, "--sku", "S1", "--partition-count", "4"],
            ["iot", "hub", "device-identity", "create", "--hub-name", hub, "--device-id", device],
            ["iot", "hub", "device-identity", "create", "--hub-name", hub, "--device-id", "other-device"],
        ] {
            let result = await session.perform(.az(arguments: command), workingDirectory: fixture.home.folder)
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        let services = WorkbenchServices(catalog: fixture.catalog)
        let inbox = Inbox()
        let serving = Task { await services.serve(session: session, pollInterval: nil) { inbox.append($0) } }
        defer { serving.cancel() }

        services.request(.watchTelemetry(hub: hub))
        services.request(.startSimulator(hub: hub, deviceId: device, labId: lab.id))
        #expect(await wait(clock) { !inbox.reports.isEmpty })
        #expect(inbox.reports.first?.hasPrefix("Simulating sensor-th-0001 on iot-az220-training with lab04-cave-device") == true, "\(inbox.reports)")
        #expect(inbox.lastDevices?.first { $0.deviceId == device }?.simulator == "lab04-cave-device")
        #expect(inbox.lastDevices?.first { $0.deviceId == device }?.connected == true)

        // Lab time moves; one message a second arrives, read from the endpoint in batches.
        #expect(await wait(advancing: 1, clock) { inbox.events.filter { $0.deviceId == device }.count >= 6 })
        let other = await session.perform(
            .az(arguments: ["iot", "device", "send-d2c-message", "--hub-name", hub, "--device-id", "other-device", "--data", #"{"temperature": 500}"#, "--props", "site=north"]),
            workingDirectory: fixture.home.folder)
        #expect(other.exitCode == 0, "\(other.standardError)")
        #expect(await wait(clock) { inbox.events.contains { $0.deviceId == "other-device" } })

        let events = inbox.events
        let temperatures = events.filter { $0.deviceId == device }.compactMap { $0.number("temperature") }
        #expect(temperatures.count >= 6)
        #expect(temperatures.allSatisfy { (20...35).contains($0) })

        var app = WorkbenchApp(catalog: fixture.catalog, clock: clock, request: { _ in })
        _ = app.receive(.opened(WorkspaceOverview(progress: [:], connections: [], commandNames: [])))
        app.press(.down, .enter)
        _ = app.receive(.devices(inbox.lastDevices ?? []))
        _ = app.receive(.telemetryEvents(hub: hub, events: events))
        app.press(.character("3"))
        #expect(app.screenText.contains("● ▶ sensor-th-0001"))
        #expect(app.screenText.contains("last message "))
        #expect(app.screenText.contains("temperature"))

        // The Telemetry pane: az's shape, the first numeric field charted with min/max/last.
        app.press(.escape, .character("4"))
        var text = app.screenText
        #expect(text.contains(#""origin": "other-device","#))
        #expect(app.telemetry.field == "temperature")
        #expect(app.telemetry.sparkline.values == events.compactMap { $0.number("temperature") })
        #expect(text.contains("temperature  last 500  min \(TelemetryPane.number(temperatures.min() ?? 0))  max 500"))
        #expect(text.contains(where: { "▁▂▃▄▅▆▇█".contains($0) }))

        // d: one device at a time; the chart follows the filter.
        app.press(.character("d"))
        #expect(app.telemetry.device == device)
        #expect(app.telemetry.sparkline.values == temperatures)
        text = app.screenText
        #expect(!text.contains("other-device"))
        #expect(text.contains(#""origin": "sensor-th-0001","#))
        #expect(text.contains(#""temperatureAlert": "#))
        #expect(text.contains("sensor-th-0001 (d)"))
        app.press(.character("d"))
        #expect(app.telemetry.device == "other-device")
        #expect(app.telemetry.sparkline.values == [500])
        #expect(app.screenText.contains(#""site": "north""#))
        // o: the application properties off and on again.
        app.press(.character("o"))
        #expect(!app.screenText.contains(#""site": "north""#))
        #expect(app.screenText.contains("properties off (o)"))
        app.press(.character("o"), .character("d"))
        #expect(app.telemetry.device == nil)
        // /: devices whose id contains the text.
        app.type("/other")
        app.press(.enter)
        #expect(app.telemetry.sparkline.values == [500])
        app.press(.escape)
        // g: the next numeric field (humidity), then none.
        app.press(.character("g"))
        #expect(app.telemetry.field == "humidity")
        #expect(app.screenText.contains("humidity  last"))
        app.press(.character("g"))
        #expect(app.telemetry.field == nil)
        #expect(app.screenText.contains("chart off (g)"))

        app.press(.character("g"))
        #expect(app.telemetry.field == "temperature")
        // p: a pause freezes the chart with the stream; values keep arriving and show on resume.
        let sensorEvent = try #require(events.first { $0.deviceId == device })
        let otherEvent = try #require(events.first { $0.deviceId == "other-device" })
        let sensorTemperature = TelemetryPane.number(try #require(sensorEvent.number("temperature")))
        _ = app.receive(.telemetryEvents(hub: hub, events: [sensorEvent]))
        app.press(.character("p"))
        _ = app.receive(.telemetryEvents(hub: hub, events: [otherEvent]))
        #expect(app.screenText.contains("temperature  last \(sensorTemperature)  "))
        #expect(app.telemetry.sparkline.values.last == 500)
        app.press(.character("p"))
        #expect(app.screenText.contains("temperature  last 500  "))

        // A flood (5,000 events in one read) keeps every buffer bounded and prints only the newest.
        let flood = Array(repeating: events[0], count: 5_000)
        for _ in 0..<3 { _ = app.receive(.telemetryEvents(hub: hub, events: flood)) }
        #expect(app.telemetry.events.count <= 2 * TelemetryPane.eventCapacity)
        #expect(app.telemetry.log.lines.count <= app.telemetry.log.capacity)
        #expect(app.telemetry.sparkline.values.count == TelemetryPane.sampleCapacity)
        #expect(app.telemetry.log.lines.contains { $0.text == "… \(5_000 - TelemetryPane.formattedPerBatch) events went by unprinted (p pauses)" })

        services.request(.stopSimulator(hub: hub, deviceId: device))
        #expect(await wait(clock) { inbox.reports.count == 2 })
        #expect(inbox.reports.last?.hasPrefix("Stopped sensor-th-0001 after") == true, "\(inbox.reports)")
        #expect(inbox.lastDevices?.first { $0.deviceId == device }?.simulator == nil)
    }

    @Test func aDeviceNoDefinitionNamesGetsThePickerAndThePickedIntervalIsUsed() async throws {
        let fixture = WorkbenchFixture()
        defer { fixture.cleanUp() }
        let session = try WorkspaceSession(home: fixture.home, clock: fixture.clock)
        for command in [
            ["iot", "hub", "create", "--name", hub, "--sku", "S1"],
            ["iot", "hub", "device-identity", "create", "--hub-name", hub, "--device-id", "my-device"],
        ] {
            _ = await session.perform(.az(arguments: command), workingDirectory: fixture.home.folder)
        }
        let services = WorkbenchServices(catalog: fixture.catalog)
        let inbox = Inbox()
        let serving = Task { await services.serve(session: session, pollInterval: nil) { inbox.append($0) } }
        defer { serving.cancel() }

        services.request(.startSimulator(hub: hub, deviceId: "my-device", labId: "device-telemetry"))
        #expect(await wait(fixture.clock) { inbox.all.contains { if case .simulatorTemplates = $0 { true } else { false } } })
        let templates = inbox.all.compactMap { message -> [SimulationTemplate]? in
            guard case .simulatorTemplates(_, "my-device", let templates) = message else { return nil }
            return templates
        }.first ?? []
        let cave = try #require(templates.first { $0.name == "lab04-cave-device" })
        services.request(.startSimulatorTemplate(hub: hub, deviceId: "my-device", template: cave, intervalSeconds: 7))
        #expect(await wait(fixture.clock) { !inbox.reports.isEmpty })
        #expect(inbox.reports.first == "Simulating my-device on iot-az220-training with lab04-cave-device: a message every 7 s of lab time.")
        let copy = fixture.home.folder.appendingPathComponent("simulations/lab04-cave-device-my-device.json")
        #expect(FileManager.default.fileExists(atPath: copy.path))
        services.request(.stopSimulator(hub: hub, deviceId: "my-device"))
        #expect(await wait(fixture.clock) { inbox.reports.count == 2 })
    }
}
