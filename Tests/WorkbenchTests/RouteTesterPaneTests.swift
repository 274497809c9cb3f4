import Foundation
import HubEngine
import TerminalUI
import Testing
@testable import Workbench

/// The Route tester pane over lab 3's hub: every decision shown is the hub's own.
@Suite struct RouteTesterPaneTests {
    @Test func aVSLogMessageTakesTheLoggingRouteAndLeavesEventsWhileVSTelFallsBackToEvents() async throws {
        let lab = try await RouteTesterHub()
        defer { lab.cleanUp() }
        var app = await lab.routesPane()
        #expect(app.wideScreenText.contains("All DeviceMessages (1)"))
        #expect(app.wideScreenText.contains("vibrationLoggingRoute"))
        let journalBefore = try lab.session.workspace.lastJournalSequence()

        app.press(.character("e"))
        app.type(#"{"vibration": 2.1, "packages": 3}"#)
        app.press(.tab)
        app.type(#"{"sensorID": "VSLog"}"#)
        app.press(.control("r"))
        let request = await lab.answerTest(&app)
        guard case .testRoute(_, .source(.deviceMessages), let message, "sensor-v-3000")? = request else {
            Issue.record("unexpected request \(String(describing: request))")
            return
        }
        #expect(message.applicationProperties == ["sensorID": "VSLog"])
        #expect(message.systemProperties == ["content-type": "application/json", "content-encoding": "utf-8"])
        let matched = try #require(app.routeTester.report)
        #expect(matched.routes.map(\.matched) == [true])
        #expect(!matched.fallbackApplied)
        #expect(matched.deliveries.map(\.endpointName) == ["vibrationLogEndpoint"])
        let text = app.routeTestText
        #expect(text.contains("✓ vibrationLoggingRoute → vibrationLogEndpoint  matched"))
        #expect(text.contains("    where sensorID = 'VSLog'"))
        #expect(text.contains(#"    sensorID = "VSLog""#))
        #expect(text.contains("    evaluates to true"))
        #expect(text.contains("⚑ NOT APPLIED: vibrationLoggingRoute matched, so the message leaves events"))
        #expect(text.contains("  ▸ vibrationLogEndpoint\n    properties: sensorID=VSLog"))
        #expect(app.wideScreenText.contains("⚑ NOT APPLIED"))

        // The composer keeps the message: change the property and test again.
        app.press(.control("u"))
        app.type(#"{"sensorID": "VSTel"}"#)
        app.press(.control("r"))
        _ = await lab.answerTest(&app)
        let fellBack = try #require(app.routeTester.report)
        #expect(fellBack.routes.map(\.matched) == [false])
        #expect(fellBack.fallbackApplied)
        #expect(fellBack.deliveries.map(\.endpointName) == ["events"])
        let after = app.routeTestText
        #expect(after.contains("✗ vibrationLoggingRoute → vibrationLogEndpoint  no match"))
        #expect(after.contains(#"    sensorID = "VSTel""#))
        #expect(after.contains("    evaluates to false"))
        #expect(after.contains("⚑ APPLIED: no route matched, so the message goes to events"))
        #expect(after.contains("  ▸ events  via the fallback route"))
        #expect(app.wideScreenText.contains("⚑ APPLIED"))
        // Tested, not sent: nothing was delivered or journaled.
        #expect(try lab.session.workspace.lastJournalSequence() == journalBefore)
    }

    @Test func aTwinConditionReadsTheChosenDevicesTwinAndTheEnrichmentIsStampedOnTheEndpointCopy() async throws {
        let lab = try await RouteTesterHub()
        defer { lab.cleanUp() }
        let hub = RouteTesterHub.hub
        try await lab.az(#"iot hub device-twin update --hub-name \#(hub) --device-id sensor-v-3000 --tags '{"location": "belt-1"}'"#)
        try await lab.az("iot hub device-identity create --hub-name \(hub) --device-id sensor-v-4000")
        try await lab.az(
            "iot hub route create --hub-name \(hub) --route-name beltRoute --source DeviceMessages --endpoint-name vibrationLogEndpoint"
                + #" --condition "$twin.tags.location = 'belt-1'""#)
        try await lab.az("iot hub message-enrichment create --name \(hub) --key location --value '$twin.tags.location' --endpoints vibrationLogEndpoint")
        var app = await lab.routesPane()
        #expect(app.wideScreenText.contains("All DeviceMessages (2)"))

        app.press(.down, .down)
        app.press(.character("e"), .tab)
        app.type(#"{"sensorID": "VSTel"}"#)
        app.press(.control("r"))
        guard case .testRoute(_, .route("beltRoute"), _, "sensor-v-3000")? = await lab.answerTest(&app) else {
            Issue.record("expected a test of beltRoute as sensor-v-3000")
            return
        }
        let report = try #require(app.routeTester.report)
        #expect(report.routes.map(\.name) == ["beltRoute"])
        #expect(report.routes.first?.matched == true)
        #expect(report.deliveries.first?.message.applicationProperties["location"] == "belt-1")
        var text = app.routeTestText
        #expect(text.contains("Route beltRoute · twin of sensor-v-3000"))
        #expect(text.contains(#"    $twin.tags.location = "belt-1""#))
        #expect(text.contains("Lands in (with all DeviceMessages routes)\n  ▸ vibrationLogEndpoint\n    enriched: location=belt-1"))
        #expect(text.contains("    properties: sensorID=VSTel, location=belt-1"))

        // The other device has no such tag: the condition is undefined and the fallback takes it.
        app.press(.tab, .tab, .tab, .right)
        app.press(.control("r"))
        guard case .testRoute(_, _, _, "sensor-v-4000")? = await lab.answerTest(&app) else {
            Issue.record("expected a test as sensor-v-4000")
            return
        }
        text = app.routeTestText
        let read = try #require(app.routeTester.report?.routes.first?.evaluation?.reads.first)
        #expect(read.value == nil)
        #expect(text.contains("✗ beltRoute → vibrationLogEndpoint  no match"))
        #expect(text.contains("    $twin.tags.location undefined: \(read.reason ?? "?")"))
        #expect(text.contains("    evaluates to undefined"))
        #expect(text.contains("  ▸ events  via the fallback route\n    properties: sensorID=VSTel\n"))
    }

    @Test func anInvalidJSONBodyForABodyConditionShowsTheEnginesReason() async throws {
        let lab = try await RouteTesterHub()
        defer { lab.cleanUp() }
        try await lab.az(
            "iot hub route create --hub-name \(RouteTesterHub.hub) --route-name hotRoute --source DeviceMessages"
                + #" --endpoint-name vibrationLogEndpoint --condition "$body.vibration > 5""#)
        var app = await lab.routesPane()
        app.press(.character("e"))
        app.type(#"{"vibration": "#)
        app.press(.control("r"))
        _ = await lab.answerTest(&app)
        let report = try #require(app.routeTester.report)
        let hot = try #require(report.routes.first { $0.name == "hotRoute" })
        let read = try #require(hot.evaluation?.reads.first)
        let reason = try #require(read.reason)
        #expect(reason.hasPrefix("the body is not valid JSON"))
        let error = try #require(hot.evaluation?.error)
        let text = app.routeTestText
        #expect(text.contains("✗ hotRoute → vibrationLogEndpoint  no match"))
        #expect(text.contains("    $body.vibration undefined: \(reason)"))
        #expect(text.contains("    ! \(error)"))
        #expect(report.fallbackApplied)
    }

    @Test func applicationPropertiesThatAreNotAJSONObjectAreRefusedAtTheField() async throws {
        let lab = try await RouteTesterHub()
        defer { lab.cleanUp() }
        var app = await lab.routesPane()
        let asked = lab.fixture.requests.all.count
        app.press(.character("e"), .tab)
        app.type("sensorID=VSLog")
        app.press(.control("r"))
        #expect(lab.fixture.requests.all.count == asked)
        #expect(app.wideScreenText.contains("✗ Not JSON"))
        app.press(.control("u"))
        app.type(#"["VSLog"]"#)
        app.press(.control("r"))
        #expect(app.wideScreenText.contains(#"✗ A JSON object, e.g. {"sensorID": "VSLog"}"#))
        #expect(lab.fixture.requests.all.count == asked)
    }

    @Test func aRefusedTestShowsAzuresErrorAndAMissingHubSaysSo() async throws {
        let lab = try await RouteTesterHub()
        defer { lab.cleanUp() }
        let failed = await WorkbenchServices.testRoute(
            hub: RouteTesterHub.hub, target: .route("nope"), message: RouteTestMessage(), deviceId: nil, in: await lab.session.cloud)
        var app = await lab.routesPane()
        _ = app.receive(failed)
        #expect(app.routeTestText.contains("✗ 400004 ArgumentInvalid"))
        #expect(app.routeTestText.contains("nope"))
        let unknownDevice = await WorkbenchServices.testRoute(
            hub: RouteTesterHub.hub, target: .source(.deviceMessages), message: RouteTestMessage(), deviceId: "ghost", in: await lab.session.cloud)
        _ = app.receive(unknownDevice)
        #expect(app.routeTestText.contains("404001 DeviceNotFound"))
        _ = app.receive(.routeTester(await WorkbenchServices.routeTester(hub: "no-such-hub", in: await lab.session.cloud)))
        #expect(app.wideScreenText.contains("No routes to test: the hub no-such-hub cannot be read yet."))
    }

    @Test func escLeavesTheComposerThenThePaneAndTheRoutesReloadWhenTheJournalSaysTheyChanged() async throws {
        let lab = try await RouteTesterHub()
        defer { lab.cleanUp() }
        var app = await lab.routesPane()
        #expect(app.keyHints.contains { $0.key == .control("r") && $0.description == "test" })
        app.press(.character("e"))
        #expect(app.routeTester.part == .composer)
        app.press(.character("q"))
        #expect(app.focus == .pane)
        app.press(.escape)
        #expect(app.routeTester.part == .routes)
        let loads = lab.fixture.requests.all.filter { if case .loadRouteTester = $0 { true } else { false } }.count
        _ = app.receive(.journal([JournalRecordSample.record(sequence: 1, kind: "IotHubRoutingUpdated")]))
        #expect(lab.fixture.requests.all.filter { if case .loadRouteTester = $0 { true } else { false } }.count == loads + 1)
        app.press(.escape)
        #expect(app.focus == .instructions)
    }
}
