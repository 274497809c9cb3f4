import Foundation
import TerminalUI
import Testing
@testable import Workbench

@Suite struct LivePaneTests {
    let fixture = WorkbenchFixture()

    @Test func devicesPaneListsIdentitiesWithConnectionStateAndAskedForWhenShown() {
        var app = fixture.openedApp()
        app.press(.enter, .character("3"))
        #expect(fixture.requests.all.contains { if case .listDevices = $0 { true } else { false } })
        #expect(app.screenText.contains("Reading the registry…"))
        _ = app.receive(.devices([
            DeviceSummary(hub: "iot-az220-training", deviceId: "sensor-th-0001", connected: true, enabled: true, authentication: "sas", isEdge: false, lastActivity: nil, cloudToDeviceQueued: 0),
        ]))
        #expect(app.screenText.contains("●   sensor-th-0001"))
        #expect(app.screenText.contains("no activity yet"))
    }

    @Test func telemetryPaneWatchesTheLabHubAndShowsWhatArrives() {
        var app = fixture.openedApp()
        app.press(.enter)
        let hub = fixture.catalog.labs[0].hub
        #expect(fixture.requests.all.contains { if case .watchTelemetry(hub)? = Optional($0) { true } else { false } })
        app.press(.character("4"))
        #expect(app.screenText.contains("watching the built-in endpoint of \(hub)…"))
        _ = app.receive(.telemetryEnded(hub: hub, reason: "ERROR: (ResourceNotFound)"))
        #expect(app.screenText.contains("the watch ended: ERROR: (ResourceNotFound)"))
        _ = app.receive(.journal([JournalRecordSample.record(sequence: 1, kind: "IotHubCreated")]))
        #expect(fixture.requests.all.filter { if case .watchTelemetry = $0 { true } else { false } }.count == 2)
    }

    @Test func qInAReadOnlyPaneAsksToQuitAndEscReturnsToTheInstructions() {
        var app = fixture.openedApp()
        app.press(.enter, .character("2"))
        #expect(app.focus == .pane)
        #expect(app.handle(.key(.character("q")), screenSize: WorkbenchFixture.size) == .continue)
        #expect(app.screenText.contains("Quit the workbench?"))
        app.press(.escape, .character("4"), .escape)
        #expect(app.focus == .instructions)
    }
}
