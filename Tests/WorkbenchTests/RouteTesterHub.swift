import Courseware
import Foundation
import HubEngine
import IoTLabApp
import TerminalUI
import Testing
@testable import Workbench

/// Lab 3's hub in a fresh workspace (the lab's setup and its first step's solution: the storage
/// endpoint `vibrationLogEndpoint` and the route `vibrationLoggingRoute` with `sensorID = 'VSLog'`),
/// and the workbench opened on lab 3's Routes pane, its requests carried out by the real services.
struct RouteTesterHub {
    static let hub = "iot-az220-training"
    let fixture = WorkbenchFixture()
    let session: WorkspaceSession

    init() async throws {
        session = try WorkspaceSession(home: fixture.home)
        try await az("iot hub create --name \(Self.hub) --sku S1 --partition-count 4")
        try await az("iot hub device-identity create --hub-name \(Self.hub) --device-id sensor-v-3000")
        try await az("group create --name rg-az220 --location westus")
        try await az("storage account create --name vibrationstore --resource-group rg-az220 --sku Standard_LRS --kind StorageV2")
        let connection = try await az("storage account show-connection-string --name vibrationstore --resource-group rg-az220 --query connectionString -o tsv")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try await az(
            "iot hub routing-endpoint create --hub-name \(Self.hub) --endpoint-name vibrationLogEndpoint --endpoint-type azurestoragecontainer"
                + " --endpoint-resource-group rg-az220 --endpoint-subscription-id 00000000-0000-0000-0000-000000000000"
                + " --connection-string '\(connection)' --container-name vibrationcontainer --encoding avro")
        try await az(
            "iot hub route create --hub-name \(Self.hub) --route-name vibrationLoggingRoute --source DeviceMessages"
                + " --endpoint-name vibrationLogEndpoint --condition \"sensorID = 'VSLog'\" --enabled true")
    }

    /// Runs an az command line as the console does; a failure fails the test with az's error.
    @discardableResult
    func az(_ line: String) async throws -> String {
        let result = await session.perform(.az(arguments: try ShellWords.split(line)), workingDirectory: fixture.catalog.folder)
        #expect(result.exitCode == 0, "az \(line): \(result.standardError)")
        return result.standardOutput
    }

    /// The workbench on lab 3 with the Routes pane shown and the hub's routes loaded.
    func routesPane() async -> WorkbenchApp {
        var app = fixture.openedApp()
        app.type("/rout")
        app.press(.enter, .enter)
        let position = (WorkbenchApp.PaneKind.allCases.firstIndex(of: .routes) ?? 0) + 1
        app.press(.character(Character("\(position)")))
        #expect(app.selectedPane == .routes)
        await load(&app)
        return app
    }

    /// Answers the app's last route-tester load as the services would.
    func load(_ app: inout WorkbenchApp) async {
        guard case .loadRouteTester(let hub)? = fixture.requests.all.last(where: { if case .loadRouteTester = $0 { true } else { false } }) else {
            Issue.record("the pane did not ask for the hub's routes")
            return
        }
        _ = app.receive(.routeTester(await WorkbenchServices.routeTester(hub: hub, in: await session.cloud)))
    }

    /// Carries out the test the app just asked for, as the services would, and gives the app the answer.
    func answerTest(_ app: inout WorkbenchApp) async -> WorkbenchRequest? {
        guard let last = fixture.requests.all.last, case .testRoute(let hub, let target, let message, let deviceId) = last else {
            Issue.record("the pane did not ask for a route test")
            return nil
        }
        _ = app.receive(await WorkbenchServices.testRoute(hub: hub, target: target, message: message, deviceId: deviceId, in: await session.cloud))
        return last
    }

    func cleanUp() {
        fixture.cleanUp()
    }
}

extension WorkbenchApp {
    /// The screen at a size where the result's lines are not wrapped.
    var wideScreenText: String {
        var screen = Screen(size: Size(width: 220, height: 70))
        render(on: &screen)
        return screen.text
    }

    /// The route tester's result, one line per line, however long.
    var routeTestText: String {
        routeTester.result.displayLines(width: 1_000).map(\.text).joined(separator: "\n")
    }
}
