import Foundation
import HubEngine
import JSONValue
import TerminalUI
import Testing
@testable import Workbench

@Suite struct MethodsPaneTests {
    /// Lab 4's app on the Methods pane with the device and method typed in.
    func methodsPane(_ fixture: LiveHubFixture, method: String = "SetFanState") -> WorkbenchApp {
        var app = fixture.appOnLabFour(pane: "6")
        #expect(app.selectedPane == .methods)
        app.type(LiveHubFixture.device)
        app.press(.tab)
        app.type(method)
        return app
    }

    @Test func aMethodOnAnOfflineDeviceShowsDeviceNotOnline() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = methodsPane(fixture)
        app.press(.control("s"))
        guard case .invokeMethod(let hub, let deviceId, let call)? = fixture.lastRequest else {
            Issue.record("ctrl-s invoked nothing: \(app.screenText)")
            return
        }
        #expect(hub == LiveHubFixture.hub)
        #expect(deviceId == LiveHubFixture.device)
        #expect(call == DirectMethodCall(methodName: "SetFanState", payload: [:], responseTimeout: 30, connectTimeout: 0))
        #expect(app.screenText.contains("1 method call waiting"))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.methodResults.contains("✗ SetFanState on sensor-th-0055: 404103 DeviceNotOnline: Timed out waiting for device sensor-th-0055"))
        #expect(app.screenText.contains("404103"))
        #expect(app.methodsPane.methodsInFlight == 0)
        #expect(!app.screenText.contains("method call waiting"))
    }

    @Test func aDeviceThatAnswersShowsItsStatusAndPayload() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        let session = try await fixture.engine().connect(MessageSender(deviceId: LiveHubFixture.device))
        try await session.subscribe([.methods])
        let device = Task {
            for await delivery in session.deliveries {
                guard case .methodRequest(let request) = delivery else { continue }
                try await session.respond(to: request, status: 200, payload: ["fan": request.payload])
                return
            }
        }
        var app = methodsPane(fixture)
        app.press(.tab)
        app.type("\"On\"")
        app.press(.control("s"))
        try await fixture.answerLastRequest(of: &app)
        try await device.value
        #expect(app.methodsPane.history.last?.text.hasSuffix("✓ SetFanState on sensor-th-0055 → status 200 · payload {\"fan\":\"On\"}") == true)
        #expect(app.screenText.contains("✓ SetFanState on sensor-th-0055 → status 200"))
        await session.disconnect()
    }

    @Test func aDeviceThatDoesNotAnswerInTimeIsGatewayTimeoutOnTheHubsClock() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        let session = try await fixture.engine().connect(MessageSender(deviceId: LiveHubFixture.device))
        try await session.subscribe([.methods])
        var app = methodsPane(fixture)
        app.press(.tab, .tab)
        app.press(.control("u"))
        app.type("10")
        app.press(.control("s"))
        let request = try #require(fixture.lastRequest)
        let call = Task { await fixture.carryOut(request) }
        // The device has the request; ten seconds pass on the hub's clock without an answer.
        for await delivery in session.deliveries {
            if case .methodRequest = delivery { break }
        }
        fixture.clock.advance(by: 10)
        _ = app.receive(try #require(await call.value))
        #expect(app.methodResults.contains("✗ SetFanState on sensor-th-0055: 504101 GatewayTimeout"))
        await session.disconnect()
    }

    @Test func aPayloadThatIsNotJSONAndATimeoutOutOfRangeAreShownAtTheirFields() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = methodsPane(fixture)
        let requests = fixture.workbench.requests.all.count
        app.press(.tab)
        app.type("{\"speed\": }")
        app.press(.control("s"))
        #expect(fixture.workbench.requests.all.count == requests)
        #expect(app.screenText.contains("✗ not JSON: line 1, column 11"))
        app.press(.control("u"))
        app.type("{\"speed\": 2}")
        app.press(.tab)
        app.press(.control("u"))
        app.type("400")
        app.press(.control("s"))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.methodsPane.methodForm.fields.first { $0.name == "responseTimeoutInSeconds" }?.error?.hasPrefix("400004 ArgumentInvalid: responseTimeoutInSeconds: must be between 5 and 300") == true)
        #expect(app.screenText.contains("✗ 400004 ArgumentInvalid"))
    }

    @Test func aCloudToDeviceMessageIsSentWithItsPropertiesAndTheQueueDepthShows() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = fixture.appOnLabFour(pane: "6")
        app.openMethods(hub: LiveHubFixture.hub, deviceId: LiveHubFixture.device)
        app.press(.control("o"))
        #expect(app.screenText.contains("Cloud-to-device message"))
        app.press(.tab)
        app.type("fan on")
        app.press(.tab)
        app.type("a=1;b=2")
        app.press(.tab)
        app.type("m-1")
        app.press(.tab)
        app.type("c-1")
        app.press(.tab, .right, .tab)
        app.type("600")
        app.press(.enter)
        guard case .sendCloudToDevice(_, let deviceId, let message)? = fixture.lastRequest else {
            Issue.record("enter sent nothing: \(app.screenText)")
            return
        }
        #expect(deviceId == LiveHubFixture.device)
        #expect(message == CloudToDeviceMessage(
            body: Array("fan on".utf8), properties: ["a": "1", "b": "2"], messageId: "m-1", correlationId: "c-1", acknowledgement: .positive, timeToLive: 600))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.methodResults.contains("✓ C2D to sensor-th-0055 (id m-1) enqueued · queue depth 1"))
    }

    @Test func theFiftyFirstQueuedMessageIsRefusedWithDeviceMaximumQueueDepthExceeded() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        let hub = try await fixture.engine()
        for index in 1...49 {
            try await hub.sendCloudToDevice(CloudToDeviceMessage(body: Array("\(index)".utf8)), to: LiveHubFixture.device)
        }
        var app = fixture.appOnLabFour(pane: "6")
        app.openMethods(hub: LiveHubFixture.hub, deviceId: LiveHubFixture.device)
        app.press(.control("o"), .control("s"))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.methodResults.contains("queue depth 50"))
        app.press(.control("s"))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.methodResults.contains("✗ C2D to sensor-th-0055: 403004 DeviceMaximumQueueDepthExceeded"))
    }

    @Test func ctrlOSwitchesFormsAndEscLeavesThePane() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = fixture.appOnLabFour(pane: "6")
        #expect(app.screenText.contains("Direct method · iot-az220-training"))
        #expect(app.screenText.contains("ctrl-s invoke"))
        app.press(.control("o"))
        #expect(app.screenText.contains("ctrl-s send"))
        #expect(app.screenText.contains("correlation id"))
        app.press(.escape)
        #expect(app.focus == .instructions)
    }
}

extension WorkbenchApp {
    /// The Methods pane's results, one per line, unwrapped.
    var methodResults: String { methodsPane.history.map(\.text).joined(separator: "\n") }
}
