import Foundation
import TestSupport
import Testing

/// The Route tester as a learner meets it in lab 3: the built `iotlab` in tmux (120×32, a tmux
/// server of the test's own), the route created in the Console pane, a VSLog message tested in
/// the Routes pane.
@Suite struct WorkbenchRouteTesterTmuxTests {
    static let hub = "iot-az220-training"

    @Test func labThreeRouteCreatedInTheConsoleTakesAVSLogMessageAndTheFallbackIsNotApplied() async throws {
        guard let (iotlab, tmux) = try await WorkbenchTmuxTests.Tmux.workbench() else { return }
        defer { Task { [tmux] in _ = try? await tmux.run(["kill-server"]) } }
        #expect(try await tmux.waitFor("Route device messages").found)

        try await tmux.type("/rout")
        try await tmux.keys("Enter")
        try await tmux.keys("Enter")
        let runner = try await tmux.waitFor("✗ vslog-to-storage")
        #expect(runner.found, "lab 3:\n\(runner.screen)")

        // The storage endpoint from another shell (through the workbench's control socket), once
        // the lab's setup has created the hub and its device.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, try await iotlab.run("az", "iot", "hub", "device-identity", "show", "-n", Self.hub, "-d", "sensor-v-3000").status != 0 {
            try await Task.sleep(for: .milliseconds(200))
        }
        for command in [
            ["group", "create", "--name", "rg-az220", "--location", "westus"],
            ["storage", "account", "create", "--name", "vibrationstore", "--resource-group", "rg-az220", "--sku", "Standard_LRS", "--kind", "StorageV2"],
        ] {
            let result = try await iotlab.run(["az"] + command)
            try #require(result.status == 0, "\(command): \(result.errors)")
        }
        let connection = try await iotlab.run(
            "az", "storage", "account", "show-connection-string", "--name", "vibrationstore", "--resource-group", "rg-az220",
            "--query", "connectionString", "-o", "tsv")
        let endpoint = try await iotlab.run(
            "az", "iot", "hub", "routing-endpoint", "create", "--hub-name", Self.hub, "--endpoint-name", "vibrationLogEndpoint",
            "--endpoint-type", "azurestoragecontainer", "--endpoint-resource-group", "rg-az220",
            "--endpoint-subscription-id", "00000000-0000-0000-0000-000000000000",
            "--connection-string", connection.output.trimmingCharacters(in: .whitespacesAndNewlines), "--container-name", "vibrationcontainer")
        try #require(endpoint.status == 0, "endpoint: \(endpoint.errors)")

        try await tmux.keys("1")
        try await tmux.type(
            "iot hub route create --hub-name \(Self.hub) --route-name vibrationLoggingRoute --source DeviceMessages"
                + " --endpoint-name vibrationLogEndpoint --condition \"sensorID = 'VSLog'\"")
        try await tmux.keys("Enter")
        let green = try await tmux.waitFor("✓ vslog-to-storage")
        #expect(green.found, "after the console command:\n\(green.screen)")

        try await tmux.keys("Escape")
        // Routes is the seventh tab: Console, Events, Devices, Telemetry, Twin, Methods, Routes.
        try await tmux.keys("7")
        let pane = try await tmux.waitFor("All DeviceMessages (1)")
        #expect(pane.found, "the Routes pane:\n\(pane.screen)")
        #expect(pane.screen.contains("vibrationLoggingRoute"))

        try await tmux.keys("e")
        try await tmux.type(#"{"vibration": 2.1}"#)
        try await tmux.keys("Tab")
        try await tmux.type(#"{"sensorID": "VSLog"}"#)
        try await tmux.keys("C-r")
        let tested = try await tmux.waitFor("NOT APPLIED")
        #expect(tested.found, "after the test:\n\(tested.screen)")
        #expect(tested.screen.contains("✓ vibrationLoggingRoute"))
        #expect(tested.screen.contains("▸ vibrationLogEndpoint"))
        print("Route tester as captured by tmux:\n\(tested.screen)")

        try await tmux.keys("Escape")
        try await tmux.keys("Escape")
        #expect(try await tmux.quitWorkbench())
    }
}
