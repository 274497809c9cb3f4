import Courseware
import Foundation
import IoTLabApp
import LabCore
import TerminalUI
@testable import Workbench
import WorkspaceStore

/// The repository's four labs, a fresh workspace, and the requests the app made.
struct WorkbenchFixture {
    static let labsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Labs", isDirectory: true)
    static let size = Size(width: 120, height: 32)

    let catalog = LabCatalog(folder: labsFolder)
    let home: WorkspaceHome
    let requests = RequestLog()
    let clock = ManualClock()

    init() {
        home = WorkspaceHome(folder: FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-workbench-\(UUID().uuidString.prefix(8))"))
    }

    func makeApp() -> WorkbenchApp {
        let requests = requests
        return WorkbenchApp(catalog: catalog, clock: clock, request: { requests.append($0) })
    }

    /// An app that has heard the workspace open with no progress.
    func openedApp(progress: [String: LabProgress] = [:]) -> WorkbenchApp {
        var app = makeApp()
        _ = app.receive(.opened(WorkspaceOverview(progress: progress, connections: ["MQTT  mqtts://127.0.0.1:8883"], commandNames: [])))
        return app
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: home.folder)
    }
}

extension WorkbenchApp {
    /// Presses keys the way a terminal delivers them.
    mutating func press(_ keys: Key...) {
        for key in keys { _ = handle(.key(key), screenSize: WorkbenchFixture.size) }
    }

    mutating func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    var screenText: String {
        var screen = Screen(size: WorkbenchFixture.size)
        render(on: &screen)
        return screen.text
    }
}

/// What the app asked of the workspace, in order.
final class RequestLog: @unchecked Sendable {
    // Guarded by `lock`: appended from the app, read by the test.
    private var requests: [WorkbenchRequest] = []
    private let lock = NSLock()

    func append(_ request: WorkbenchRequest) {
        lock.withLock { requests.append(request) }
    }

    var all: [WorkbenchRequest] { lock.withLock { requests } }

    var saved: [LabProgress] {
        all.compactMap { if case .saveProgress(let progress) = $0 { progress } else { nil } }
    }

    var gradings: [String] {
        all.compactMap { if case .grade(_, let step) = $0 { step } else { nil } }
    }
}
