import Foundation
import HubEngine
import IoTLabApp
import LabCore
import LocalCloud
import Testing
@testable import Workbench

/// Lab 4's hub and device in a fresh workspace on a manual clock, and the app open on lab 4:
/// what the Twin and Methods panes are tested against. Requests the app makes are carried out
/// by the same functions `WorkbenchServices` calls, against the real hub.
struct LiveHubFixture {
    static let hub = "iot-az220-training"
    static let device = "sensor-th-0055"
    let workbench = WorkbenchFixture()
    let clock = ManualClock()
    let session: WorkspaceSession

    init() async throws {
        session = try WorkspaceSession(home: workbench.home, clock: clock)
        for line in ["iot hub create --name \(Self.hub) --sku S1 --partition-count 4", "iot hub device-identity create -n \(Self.hub) -d \(Self.device)"] {
            let result = await session.perform(.az(arguments: line.split(separator: " ").map(String.init)), workingDirectory: workbench.home.folder)
            #expect(result.exitCode == 0, "\(line): \(result.standardError)")
        }
    }

    func engine() async throws -> IoTHub {
        try await session.cloud.engine(forHub: Self.hub)
    }

    /// The app on lab 4's runner with the pane `key` (5 Twin, 6 Methods) focused.
    func appOnLabFour(pane key: Character) -> WorkbenchApp {
        var app = workbench.openedApp()
        app.type("/monitor")
        app.press(.enter, .enter)
        #expect(app.runner?.lab.hub == Self.hub)
        app.press(.character(key))
        return app
    }

    /// The last request the app made.
    var lastRequest: WorkbenchRequest? { workbench.requests.all.last }

    /// Carries out the app's last request against the hub and gives the app the answer.
    func answerLastRequest(of app: inout WorkbenchApp) async throws {
        let request = try #require(lastRequest)
        _ = app.receive(try #require(await carryOut(request)))
    }

    func carryOut(_ request: WorkbenchRequest) async -> WorkbenchMessage? {
        let cloud = await session.cloud
        switch request {
        case .listDevices: return .devices(await WorkbenchServices.devices(in: cloud))
        case .loadTwin(let target): return await WorkbenchServices.twin(target, in: cloud)
        case .updateTwin(let target, let patch, let etag): return await WorkbenchServices.updateTwin(target, patch: patch, etag: etag, in: cloud)
        case .invokeMethod(let hub, let deviceId, let call): return await WorkbenchServices.invokeMethod(call, hub: hub, deviceId: deviceId, in: cloud)
        case .sendCloudToDevice(let hub, let deviceId, let message):
            return await WorkbenchServices.sendCloudToDevice(message, hub: hub, deviceId: deviceId, in: cloud)
        default: return nil
        }
    }

    func cleanUp() {
        workbench.cleanUp()
    }
}

extension WorkbenchApp {
    /// Moves the Twin editor's cursor to the end of the first line containing `text`.
    mutating func moveTwinCursor(toEndOfLineContaining text: String) {
        let lines = twinPane.editor.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = lines.firstIndex(where: { $0.contains(text) }) else { return }
        while twinPane.editor.cursor.line > line { press(.up) }
        while twinPane.editor.cursor.line < line { press(.down) }
        press(.end)
    }
}
