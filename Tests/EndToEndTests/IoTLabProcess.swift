import Foundation
import TestSupport
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

    /// `iotlab ARGUMENTS`, or, with a `launcher` such as `["/usr/bin/setpriv", ...]`, that program
    /// running iotlab.
    func makeProcess(_ arguments: [String], launcher: [String] = []) -> Process {
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = launcher.dropFirst() + [Self.binary.path] + arguments
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = workingDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["IOTLAB_HOME"] = home.path
        process.environment = environment
        return process
    }

    /// Runs `iotlab ARGUMENTS` to completion, off the cooperative pool (see `ChildProcess`).
    @discardableResult
    func run(_ arguments: String...) async throws -> Result {
        try await run(arguments)
    }

    @discardableResult
    func run(_ arguments: [String], input: String? = nil) async throws -> Result {
        let result = try await ChildProcess.run(
            Self.binary.path, arguments, environment: ["IOTLAB_HOME": home.path], workingDirectory: workingDirectory, input: input)
        return Result(output: result.output, errors: result.errors, status: result.status)
    }

    /// A hub (`S1`, in the default resource group) and `devices` registered on it, each created as
    /// a learner would with `iotlab az`; a command that fails stops the test, naming its error.
    func createHub(_ name: String, devices: [String] = []) async throws {
        let hub = try await run("az", "iot", "hub", "create", "-n", name, "-o", "none")
        try #require(hub.status == 0, "hub \(name): \(hub.errors)")
        for device in devices {
            let created = try await run("az", "iot", "hub", "device-identity", "create", "-n", name, "-d", device, "-o", "none")
            try #require(created.status == 0, "device \(device): \(created.errors)")
        }
    }

    /// Starts `iotlab serve` and returns once its control socket exists, so the next command is
    /// forwarded to it; its standard output goes to `output` (discarded by default). The caller
    /// stops it. The front doors listen on free ports unless `frontDoors` says otherwise, so tests
    /// serving workspaces in parallel never compete for 8883 and 443.
    func startServing(output: Pipe? = nil, frontDoors: [String] = Self.freePorts) async throws -> Process {
        try await launchServing(frontDoors: frontDoors, standardOutput: output ?? FileHandle.nullDevice)
    }

    /// `--mqtt-port 0 --https-port 0`: the system picks free ports.
    static let freePorts = ["--mqtt-port", "0", "--https-port", "0"]

    /// Where a served workspace's front doors listen, as `iotlab serve` printed it.
    struct FrontDoors {
        var mqttPort: Int
        var httpsPort: Int
        /// The CA certificate file clients trust.
        var caFile: URL
        /// Everything serve printed up to its control-socket line.
        var printed: String
    }

    /// Starts `iotlab serve` with `frontDoors` arguments and returns it with the endpoints it
    /// printed (the real ports when 0 was asked). The caller stops it.
    func startServingFrontDoors(
        _ frontDoors: [String] = Self.freePorts, launcher: [String] = []
    ) async throws -> (server: Process, endpoints: FrontDoors) {
        let outputFile = home.deletingLastPathComponent().appendingPathComponent("serve-\(UUID().uuidString.prefix(8)).out")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }
        let server = try await launchServing(frontDoors: frontDoors, standardOutput: output, launcher: launcher)
        // The control-socket line comes last; poll the file as the socket is polled.
        var printed = ""
        for _ in 0..<200 {
            printed = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
            if printed.contains("control socket ") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        func port(after prefix: String) -> Int? {
            guard let line = printed.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
            let address = line.dropFirst(prefix.count).prefix { $0 != " " && $0 != "/" }
            return address.split(separator: ":").last.flatMap { Int($0) }
        }
        guard let mqtt = port(after: "listening mqtts://"), let https = port(after: "listening https://") else {
            server.interrupt()
            server.waitUntilExit()
            Issue.record("iotlab serve did not print its endpoints: \(printed)")
            throw CancellationError()
        }
        let endpoints = FrontDoors(
            mqttPort: mqtt, httpsPort: https, caFile: home.appendingPathComponent("tls/ca.pem"), printed: printed)
        return (server, endpoints)
    }

    private func launchServing(frontDoors: [String], standardOutput: Any, launcher: [String] = []) async throws -> Process {
        let server = makeProcess(["serve"] + frontDoors, launcher: launcher)
        server.standardOutput = standardOutput
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
