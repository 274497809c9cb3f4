import Foundation
import JSONValue
import Testing

/// A second shell's `iotlab az` acts through the process that serves the workspace.
@Suite(.serialized) struct ServedWorkspaceTests {
    @Test func azCommandsGoThroughTheServingProcess() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let server = try await iotlab.startServing()
        defer {
            server.terminate()
            server.waitUntilExit()
        }

        // The server holds the workspace lock: a command that opened it directly would wait and fail.
        let info = try await iotlab.run("info")
        #expect(info.output.contains("a running iotlab"))
        let hub = try await iotlab.run("az", "iot", "hub", "create", "--name", "served-hub", "-o", "none")
        #expect(hub.status == 0, "\(hub.errors)")
        let list = try await iotlab.run("az", "iot", "hub", "list", "--query", "[].name", "-o", "tsv")
        #expect(list.output == "served-hub\n")

        let second = iotlab.makeProcess(["serve"])
        let secondErrors = Pipe()
        second.standardError = secondErrors
        second.standardOutput = FileHandle.nullDevice
        try second.run()
        second.waitUntilExit()
        #expect(second.terminationStatus != 0, "a second server must refuse a held workspace")
        #expect(String(decoding: secondErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("already serves"))

        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
        // Once it stops, commands open the workspace themselves and see what was done through it.
        let after = try await iotlab.run("az", "iot", "hub", "show", "--name", "served-hub", "--query", "name", "-o", "tsv")
        #expect(after.output == "served-hub\n")
    }
}
