import Foundation
import IoTLabApp
import TerminalUI
import Testing
@testable import Workbench

@Suite struct DevicesPaneTests {
    let fixture = WorkbenchFixture()
    let hub = "iot-az220-training"

    func row(_ deviceId: String, connected: Bool = false, simulator: String? = nil, lastActivity: Date? = nil, queued: Int = 0) -> DeviceSummary {
        DeviceSummary(
            hub: hub, deviceId: deviceId, connected: connected, enabled: true, authentication: "sas", isEdge: false, lastActivity: lastActivity,
            cloudToDeviceQueued: queued, simulator: simulator)
    }

    /// Lab 2 open with the Devices pane focused.
    func devicesApp() -> WorkbenchApp {
        var app = fixture.openedApp()
        app.press(.down, .enter, .character("3"))
        return app
    }

    @Test func rowsShowStateActivityQueuedMessagesAndTheSimulatorMarker() {
        var app = devicesApp()
        let now = fixture.clock.now()
        _ = app.receive(.devices([
            row("sensor-th-0001", connected: true, simulator: "lab04-cave-device", lastActivity: now.addingTimeInterval(-12), queued: 2),
            row("sensor-v-3000"),
        ]))
        let text = app.screenText
        #expect(text.contains("DEVICE"))
        #expect(text.contains("● ▶ sensor-th-0001"))
        #expect(text.contains("○   sensor-v-3000"))
        #expect(text.contains("12s ago"))
        #expect(text.contains("disconnected"))
        // The selected device's detail has every field, whatever columns fit.
        #expect(text.contains("sensor-th-0001 · connected · enabled · sas"))
        #expect(text.contains("hub iot-az220-training · 2 C2D queued"))
        #expect(text.contains("last activity 12s ago"))
        #expect(text.contains("▶ simulated by lab04-cave-device (x stops)"))
        fixture.clock.advance(by: 180)
        #expect(app.screenText.contains("last activity 3m ago"))
    }

    @Test func theSelectionStaysOnTheSameDeviceAcrossRefreshes() {
        var app = devicesApp()
        _ = app.receive(.devices([row("a-device"), row("b-device"), row("c-device")]))
        app.press(.down)
        #expect(app.devices.selected?.deviceId == "b-device")
        // A new device sorts in before it and its state changes: still b-device.
        _ = app.receive(.devices([row("a-device"), row("aa-device"), row("b-device", connected: true), row("c-device")]))
        #expect(app.devices.selected?.deviceId == "b-device")
        #expect(app.screenText.contains("b-device · connected"))
    }

    @Test func slashFiltersTheDevices() {
        var app = devicesApp()
        _ = app.receive(.devices([row("sensor-th-0001"), row("sensor-v-3000")]))
        app.type("/v-3")
        let text = app.screenText
        #expect(text.contains("sensor-v-3000"))
        #expect(!text.contains("○   sensor-th-0001"))
        #expect(text.contains("1 of 2 devices"))
        // Typed letters go to the filter, not to the s/x/t/m actions.
        #expect(!fixture.requests.all.contains { if case .startSimulator = $0 { true } else { false } })
    }

    @Test func sStartsAndXStopsTheSelectedDevicesSimulationInTheLabOpen() {
        var app = devicesApp()
        _ = app.receive(.devices([row("sensor-th-0001")]))
        app.press(.character("s"))
        let labId = fixture.catalog.labs[1].id
        #expect(fixture.requests.all.contains {
            if case .startSimulator(hub, "sensor-th-0001", labId)? = Optional($0) { true } else { false }
        })
        #expect(app.screenText.contains("Starting a simulated sensor-th-0001…"))
        _ = app.receive(.simulatorReport("Simulating sensor-th-0001 on iot-az220-training with lab04-cave-device: a message every second of lab time."))
        _ = app.receive(.devices([row("sensor-th-0001", connected: true, simulator: "lab04-cave-device")]))
        #expect(app.screenText.contains("● ▶ sensor-th-0001"))
        app.press(.character("x"))
        #expect(fixture.requests.all.contains { if case .stopSimulator(hub, "sensor-th-0001")? = Optional($0) { true } else { false } })
        _ = app.receive(.devices([row("sensor-th-0001")]))
        #expect(app.screenText.contains("not simulated (s starts a simulated device)"))
    }

    @Test func aDeviceNoDefinitionNamesAsksForOneAndAnIntervalInAForm() {
        var app = devicesApp()
        _ = app.receive(.devices([row("my-device")]))
        let templates = WorkspaceSession.simulationTemplates(labFiles: [])
        #expect(templates.map(\.name) == ["lab04-cave-device", "lab07-vibration-device"])
        _ = app.receive(.simulatorTemplates(hub: hub, deviceId: "my-device", templates: templates))
        #expect(app.screenText.contains("Simulate my-device on iot-az220-training"))
        #expect(app.screenText.contains("No definition is made for it: pick one."))
        #expect(app.screenText.contains("‹ lab04-cave-device ›"))
        app.press(.right, .tab, .backspace)
        app.type("0")
        app.press(.enter)
        #expect(app.screenText.contains("✗ Must be > 0 and ≤ 86400 seconds."))
        app.press(.backspace)
        app.type("5")
        app.press(.enter)
        let started = fixture.requests.all.compactMap { request -> (SimulationTemplate, Double?)? in
            if case .startSimulatorTemplate(hub, "my-device", let template, let interval) = request { (template, interval) } else { nil }
        }
        #expect(started.map(\.0.name) == ["lab07-vibration-device"])
        #expect(started.map(\.1) == [5])
        #expect(app.screenText.contains("○   my-device"))
    }

    @Test func tAndMAskForTheDevicesTwinAndMethods() {
        var app = devicesApp()
        _ = app.receive(.devices([row("sensor-th-0001")]))
        app.press(.character("t"))
        #expect(app.selectedPane == .twin)
        #expect(app.twinPane.target == TwinTarget(hub: hub, deviceId: "sensor-th-0001", moduleId: nil))
        #expect(fixture.requests.all.contains { if case .loadTwin = $0 { true } else { false } })
        app.press(.escape, .character("3"), .character("m"))
        #expect(app.selectedPane == .methods)
        #expect(app.methodsPane.hub == hub)
    }

    @Test func relativeTimesReadAsAgo() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(DevicesPane.relative(now.addingTimeInterval(0.4), now: now) == "now")
        #expect(DevicesPane.relative(now.addingTimeInterval(-59), now: now) == "59s ago")
        #expect(DevicesPane.relative(now.addingTimeInterval(-3_600 * 5), now: now) == "5h ago")
        #expect(DevicesPane.relative(now.addingTimeInterval(-86_400 * 2), now: now) == "2d ago")
    }
}
