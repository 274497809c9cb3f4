import Foundation
import HubEngine
import JSONValue
import TerminalUI
import Testing
@testable import Workbench
import WorkspaceStore

@Suite struct TwinPaneTests {
    /// Lab 4's app on the Twin pane with sensor-th-0055's twin loaded from the hub.
    func openTwin(_ fixture: LiveHubFixture) async throws -> WorkbenchApp {
        var app = fixture.appOnLabFour(pane: "5")
        #expect(app.selectedPane == .twin)
        guard case .listDevices? = fixture.lastRequest else {
            Issue.record("the picker did not ask for the devices")
            return app
        }
        try await fixture.answerLastRequest(of: &app)
        #expect(app.screenText.contains("○ sensor-th-0055"))
        app.press(.enter)
        guard case .loadTwin(let target)? = fixture.lastRequest else {
            Issue.record("enter did not ask for the twin")
            return app
        }
        #expect(target == TwinTarget(hub: LiveHubFixture.hub, deviceId: LiveHubFixture.device))
        try await fixture.answerLastRequest(of: &app)
        return app
    }

    @Test func pickingADeviceShowsItsTwinAsJSONWithVersionsAndEtag() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        let app = try await openTwin(fixture)
        let text = app.screenText
        #expect(text.contains("sensor-th-0055 · version 1 · desired $version 1"))
        #expect(text.contains("reported $version 1 · etag AAAAAAAAAAE="))
        #expect(text.contains("\"deviceId\": \"sensor-th-0055\""))
        #expect(text.contains("ctrl-s send patch"))
        #expect(text.contains("✓ valid JSON"))
    }

    @Test func aDesiredPropertyEditIsSentAsAPatchWithTheEtagAndTheNewVersionShows() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = try await openTwin(fixture)
        let etag = try #require(app.twinPane.etag)
        app.moveTwinCursor(toEndOfLineContaining: "\"desired\": {")
        app.press(.enter)
        app.type("\"fanOn\": true,")
        app.moveTwinCursor(toEndOfLineContaining: "\"tags\": {}")
        app.press(.left, .left)
        app.type("\"cheeseCave\": \"CheeseCave1\"")
        app.press(.control("s"))
        guard case .updateTwin(_, let patch, let sentEtag)? = fixture.lastRequest else {
            Issue.record("ctrl-s sent no patch: \(app.screenText)")
            return
        }
        #expect(sentEtag == etag)
        #expect(patch == ["tags": ["cheeseCave": "CheeseCave1"], "properties": ["desired": ["fanOn": true]]])
        try await fixture.answerLastRequest(of: &app)
        let text = app.screenText
        #expect(text.contains("✓ patch applied"))
        #expect(text.contains("version 2 · desired $version 2"))
        let twin = try await fixture.engine().twin(of: LiveHubFixture.device)
        #expect(twin[path: ["properties", "desired", "fanOn"]] == true)
        #expect(twin[path: ["tags", "cheeseCave"]] == "CheeseCave1")
        #expect(app.twinPane.hasUnsentEdits == false)
    }

    @Test func aTwinChangedMeanwhileIsRefusedWithPreconditionFailedAndCtrlRCarriesTheEditOver() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = try await openTwin(fixture)
        // Someone else patches the twin; the journal has not told the workbench yet.
        _ = try await fixture.engine().updateTwin(of: LiveHubFixture.device, patch: ["properties": ["desired": ["humidity": "85"]]], ifMatch: nil)
        app.moveTwinCursor(toEndOfLineContaining: "\"desired\": {")
        app.press(.enter)
        app.type("\"temperature\": \"50\",")
        app.press(.control("s"))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.screenText.contains("✗ 412001 PreconditionFailed"))
        #expect(app.twinPane.notice?.text.hasSuffix("ctrl-r reads the twin again and keeps your edit") == true)
        // The journal's TwinUpdated brings the newer twin; the unsent edit is kept.
        let record = JournalRecordSample.record(sequence: 9, kind: "TwinUpdated")
        _ = app.receive(.journal([.init(sequence: record.sequence, time: record.time, kind: "TwinUpdated", scope: "hub:\(LiveHubFixture.hub)", subject: LiveHubFixture.device, payload: Data())]))
        guard case .loadTwin? = fixture.lastRequest else {
            Issue.record("the twin was not read again on TwinUpdated")
            return
        }
        try await fixture.answerLastRequest(of: &app)
        #expect(app.twinPane.notice?.text.hasPrefix("The twin changed on the hub (version 2 · desired $version 2") == true)
        #expect(app.twinPane.editor.text.contains("\"temperature\": \"50\""))
        app.press(.control("r"))
        #expect(app.twinPane.notice?.text.hasPrefix("Your edit is now on version 2") == true)
        app.press(.control("s"))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.screenText.contains("version 3 · desired $version 3"))
        let twin = try await fixture.engine().twin(of: LiveHubFixture.device)
        #expect(twin[path: ["properties", "desired", "temperature"]] == "50")
        #expect(twin[path: ["properties", "desired", "humidity"]] == "85")
    }

    @Test func reportedPropertiesUpdateLiveWhenNothingIsUnsent() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = try await openTwin(fixture)
        let session = try await fixture.engine().connect(MessageSender(deviceId: LiveHubFixture.device))
        _ = try await session.updateReported(["fanstate": "on"])
        _ = app.receive(.journal([.init(sequence: 9, time: fixture.clock.now(), kind: "ReportedPropertiesUpdated", scope: "hub:\(LiveHubFixture.hub)", subject: LiveHubFixture.device, payload: Data())]))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.twinPane.notice?.text == "↻ changed on the hub → version 2 · desired $version 1 · reported $version 2")
        #expect(app.screenText.contains("reported $version 2 · etag"))
        #expect(app.twinPane.editor.text.contains("\"fanstate\": \"on\""))
        await session.disconnect()
    }

    @Test func aHubLimitIsShownAtTheRefusedMembersLineWithAzuresCode() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = try await openTwin(fixture)
        app.moveTwinCursor(toEndOfLineContaining: "\"tags\": {}")
        app.press(.left, .left)
        app.type("\"ok\": 1, \"cave zone\": 2")
        app.press(.control("f"), .control("s"))
        try await fixture.answerLastRequest(of: &app)
        let lines = app.twinPane.editor.text.split(separator: "\n", omittingEmptySubsequences: false)
        let badLine = try #require(lines.firstIndex { $0.contains("\"cave zone\"") })
        #expect(app.twinPane.editor.externalErrorLine == badLine)
        #expect(app.twinPane.editor.cursor.line == badLine)
        #expect(app.screenText.contains("✗ line \(badLine + 1): 400004 ArgumentInvalid: tags.cave"))
        #expect(app.twinPane.editor.externalError == "line \(badLine + 1): 400004 ArgumentInvalid: tags.cave zone: property names must not contain a space (nor control characters, '.', '$' or spaces)")

        // Twelve levels of objects in desired (eleven below it): the depth rule names the section.
        app.press(.control("r"))
        try await fixture.answerLastRequest(of: &app)
        app.moveTwinCursor(toEndOfLineContaining: "\"desired\": {")
        app.press(.enter)
        app.type("\"a\": " + String(repeating: "{\"b\": ", count: 11) + "1" + String(repeating: "}", count: 11) + ",")
        app.press(.control("s"))
        try await fixture.answerLastRequest(of: &app)
        let desiredLine = try #require(app.twinPane.editor.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"desired\"") })
        #expect(app.twinPane.editor.externalErrorLine == desiredLine)
        #expect(app.twinPane.editor.externalError == "line \(desiredLine + 1): 400004 ArgumentInvalid: properties.desired: objects nest 11 levels deep; the maximum is 10")
        #expect(app.screenText.contains("✗ 400004 ArgumentInvalid: properties.desired: objects"))
    }

    @Test func editingReportedPropertiesIsRefusedAtTheFieldWithoutAskingTheHub() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = try await openTwin(fixture)
        let requests = fixture.workbench.requests.all.count
        app.moveTwinCursor(toEndOfLineContaining: "\"reported\": {")
        app.press(.enter)
        app.type("\"fanstate\": \"on\",")
        app.press(.control("s"))
        #expect(fixture.workbench.requests.all.count == requests)
        #expect(app.twinPane.notice?.text == "✗ properties.reported.fanstate is read-only: reported properties are written by the device, not by a twin patch")
        #expect(app.screenText.contains("✗ properties.reported.fanstate is read-only"))
        let line = try #require(app.twinPane.editor.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"fanstate\"") })
        #expect(app.twinPane.editor.externalErrorLine == line)
    }

    @Test func jsonSyntaxErrorsShowLineAndColumnAndNothingIsSent() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = try await openTwin(fixture)
        let requests = fixture.workbench.requests.all.count
        app.moveTwinCursor(toEndOfLineContaining: "\"tags\": {}")
        app.press(.left, .left)
        app.type("\"x\" 1")
        app.press(.control("s"))
        #expect(fixture.workbench.requests.all.count == requests)
        let line = try #require(app.twinPane.editor.parseError?.line)
        #expect(app.screenText.contains("✗ line \(line), column"))
        // Compact and pretty need a document that parses.
        app.press(.backspace, .backspace, .backspace, .backspace, .backspace, .control("t"))
        #expect(!app.twinPane.editor.text.contains("\n"))
        app.press(.control("f"))
        #expect(app.twinPane.editor.text.contains("\n  \"deviceId\""))
    }

    @Test func openTwinIsTheEntryPointForOtherPanesAndEscLeavesKeepingTheEdit() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        var app = fixture.appOnLabFour(pane: "1")
        app.openTwin(hub: LiveHubFixture.hub, deviceId: LiveHubFixture.device)
        #expect(app.selectedPane == .twin)
        #expect(app.focus == .pane)
        try await fixture.answerLastRequest(of: &app)
        #expect(app.screenText.contains("\"deviceId\": \"sensor-th-0055\""))
        app.moveTwinCursor(toEndOfLineContaining: "\"tags\": {}")
        app.press(.left, .left)
        app.type("\"a\": 1")
        app.press(.escape)
        #expect(app.focus == .instructions)
        #expect(app.twinPane.hasUnsentEdits)
        app.press(.character("5"), .control("o"))
        #expect(app.twinPane.target == nil)
        #expect(app.screenText.contains("Twins of iot-az220-training"))

        app.openTwin(hub: LiveHubFixture.hub, deviceId: "no-such-device")
        try await fixture.answerLastRequest(of: &app)
        #expect(app.twinPane.notice?.text == "✗ 404001 DeviceNotFound: Device no-such-device not registered")
        #expect(app.screenText.contains("✗ 404001 DeviceNotFound"))
        app.press(.escape, .character("?"))
        app.type("/etag")
        #expect(app.screenText.contains("send the edit of tags and properties.desired"))
    }
}

@Suite struct ModuleTwinPaneTests {
    @Test func aModuleTwinTypedByIdIsReadAndItsPatchGoesToTheModule() async throws {
        let fixture = try await LiveHubFixture()
        defer { fixture.cleanUp() }
        let create = await fixture.session.perform(
            .az(arguments: ["iot", "hub", "module-identity", "create", "-n", LiveHubFixture.hub, "-d", LiveHubFixture.device, "-m", "cave-logic"]),
            workingDirectory: fixture.workbench.home.folder)
        #expect(create.exitCode == 0, "\(create.standardError)")
        var app = fixture.appOnLabFour(pane: "5")
        try await fixture.answerLastRequest(of: &app)
        app.press(.character("i"))
        #expect(app.screenText.contains("twin id> "))
        app.type("\(LiveHubFixture.device)/cave-logic")
        app.press(.enter)
        guard case .loadTwin(let target)? = fixture.lastRequest else {
            Issue.record("the typed id was not read")
            return
        }
        #expect(target == TwinTarget(hub: LiveHubFixture.hub, deviceId: LiveHubFixture.device, moduleId: "cave-logic"))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.screenText.contains("sensor-th-0055/cave-logic · version 1"))
        #expect(app.twinPane.editor.text.contains("\"moduleId\": \"cave-logic\""))
        app.moveTwinCursor(toEndOfLineContaining: "\"desired\": {")
        app.press(.enter)
        app.type("\"interval\": 5,")
        app.press(.control("s"))
        try await fixture.answerLastRequest(of: &app)
        #expect(app.screenText.contains("sensor-th-0055/cave-logic · version 2 · desired"))
        #expect(app.twinPane.notice?.text.hasSuffix("→ version 2 · desired $version 2 · reported $version 1") == true)
        let twin = try await fixture.engine().moduleTwin(of: "cave-logic", on: LiveHubFixture.device)
        #expect(twin[path: ["properties", "desired", "interval"]] == 5)
        let deviceTwin = try await fixture.engine().twin(of: LiveHubFixture.device)
        #expect(deviceTwin[path: ["properties", "desired", "interval"]] == nil)
    }
}
