import Foundation
import Testing

/// Runs the built `iotlab` binary against a private workspace, as a user would from a shell.
struct IoTLabProcess {
    struct Result {
        var output: String
        var errors: String
        var status: Int32
    }

    let home: URL
    let workingDirectory: URL

    /// A fresh temporary workspace; removed by `cleanUp()`.
    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-e2e-\(UUID().uuidString.prefix(8))")
        home = base.appendingPathComponent("home")
        workingDirectory = base.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
    }

    /// The binary next to the test bundle (`swift build` puts both in one folder), or $IOTLAB_BINARY.
    static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["IOTLAB_BINARY"] { return URL(fileURLWithPath: override) }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("iotlab")
    }

    func makeProcess(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["IOTLAB_HOME"] = home.path
        process.environment = environment
        return process
    }

    /// Runs `iotlab ARGUMENTS` to completion.
    @discardableResult
    func run(_ arguments: String...) throws -> Result {
        try run(arguments)
    }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let process = makeProcess(arguments)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        // Read both pipes before waiting so a large output cannot fill a pipe and stall the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// A hub (`S1`, in the default resource group) and `devices` registered on it, each created as
    /// a learner would with `iotlab az`; a command that fails stops the test, naming its error.
    func createHub(_ name: String, devices: [String] = []) throws {
        let hub = try run("az", "iot", "hub", "create", "-n", name, "-o", "none")
        try #require(hub.status == 0, "hub \(name): \(hub.errors)")
        for device in devices {
            let created = try run("az", "iot", "hub", "device-identity", "create", "-n", name, "-d", device, "-o", "none")
            try #require(created.status == 0, "device \(device): \(created.errors)")
        }
    }

    /// Starts `iotlab serve` and returns once its control socket exists, so the next command is
    /// forwarded to it; its standard output goes to `output` (discarded by default). The caller
    /// stops it.
    func startServing(output: Pipe? = nil) async throws -> Process {
        let server = makeProcess(["serve"])
        server.standardOutput = output ?? FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let socket = home.appendingPathComponent("control.sock").path
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: socket) {
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(FileManager.default.fileExists(atPath: socket), "iotlab serve did not open its control socket")
        return server
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: home.deletingLastPathComponent())
    }
}
