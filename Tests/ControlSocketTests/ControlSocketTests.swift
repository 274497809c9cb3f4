@testable import ControlSocket
import Foundation
import NIOCore
import NIOPosix
import Testing

/// Every test runs a real server on a real Unix-domain socket in its own temporary folder, which
/// is removed afterwards.
@Suite final class ControlSocketTests: Sendable {
    private let folder: URL
    private let socketPath: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        socketPath = folder.appendingPathComponent("control.sock").path
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Answers with the arguments joined, the directory and the input, so a test can see each
    /// request field arrived intact.
    private static let echo: @Sendable (ControlRequest, ControlOutput) async -> ControlResponse = { request, _ in
        ControlResponse(
            standardOutput: request.arguments.joined(separator: " "),
            standardError: request.workingDirectory + "|" + (request.standardInput ?? "<none>"),
            exitCode: Int32(request.arguments.count))
    }

    private func request(_ arguments: String...) -> ControlRequest {
        ControlRequest(arguments: arguments, workingDirectory: "/home/learner", standardInput: nil)
    }

    @Test func requestAndResponseRoundTrip() async throws {
        let server = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        let sent = ControlRequest(
            arguments: ["az", "iot", "hub", "device-identity", "create", "-d", "sensör-1"],
            workingDirectory: "/tmp/lab", standardInput: "{\"a\": 1}\n")
        let response = try await ControlClient.send(sent, socketPath: socketPath)
        #expect(response == ControlResponse(
            standardOutput: "az iot hub device-identity create -d sensör-1",
            standardError: "/tmp/lab|{\"a\": 1}\n", exitCode: 7))
        try await server.stop()
    }

    @Test func severalRequestsOnOneConnectionAreAnsweredInOrder() async throws {
        let server = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        var answers: [ControlResponse] = []
        try await RawConnection.open(socketPath: socketPath) { connection in
            for index in 1...3 {
                try await connection.send(JSONEncoder().encode(request("hub", "show", "\(index)")))
            }
            for _ in 1...3 {
                let body = try #require(try await connection.receive())
                guard case .finished(let answer) = try JSONDecoder().decode(ControlReply.self, from: body) else {
                    Issue.record("expected only final answers")
                    continue
                }
                answers.append(answer)
            }
        }
        #expect(answers.map(\.standardOutput) == ["hub show 1", "hub show 2", "hub show 3"])
        try await server.stop()
    }

    @Test(.timeLimit(.minutes(1)))
    func stopEndsIdleConnections() async throws {
        let server = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        try await RawConnection.open(socketPath: socketPath) { idle in
            try await idle.send(JSONEncoder().encode(request("first")))
            #expect(try await idle.receive() != nil)
            try await server.stop()
            #expect(try await idle.receive() == nil)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aSlowCommandDoesNotHoldUpOtherConnections() async throws {
        let (released, release) = AsyncStream<Void>.makeStream()
        let server = try await ControlServer.start(socketPath: socketPath) { request, output in
            if request.arguments == ["slow"] {
                for await _ in released { break }
            } else {
                release.yield()
            }
            return await Self.echo(request, output)
        }
        async let slow = ControlClient.send(request("slow"), socketPath: socketPath)
        // The slow command can only finish once the quick one, on another connection, has run.
        let quick = try await ControlClient.send(request("quick"), socketPath: socketPath)
        #expect(quick?.standardOutput == "quick")
        #expect(try await slow?.standardOutput == "slow")
        try await server.stop()
    }

    @Test func textPrintedWhileACommandRunsReachesTheCallerBeforeItsResult() async throws {
        let (proceed, next) = AsyncStream<Void>.makeStream()
        let server = try await ControlServer.start(socketPath: socketPath) { request, output in
            for step in 1...3 {
                output.write("step \(step)\n")
                for await _ in proceed { break }
            }
            return ControlResponse(standardOutput: "done\n", standardError: "", exitCode: 0)
        }
        let printed = PrintedLines()
        async let response = ControlClient.send(request("simulate"), socketPath: socketPath) { text in
            printed.append(text)
            next.yield()
        }
        // Each step waits for the caller to have printed the one before, so output is live.
        #expect(try await response?.standardOutput == "done\n")
        #expect(printed.lines == ["step 1\n", "step 2\n", "step 3\n"])
        try await server.stop()
    }

    @Test func withoutAnOutputTheTextPrintedWhileRunningComesFirstInTheResult() async throws {
        let server = try await ControlServer.start(socketPath: socketPath) { _, output in
            output.write("a\n")
            output.write("b\n")
            return ControlResponse(standardOutput: "done\n", standardError: "", exitCode: 0)
        }
        #expect(try await ControlClient.send(request("simulate"), socketPath: socketPath)?.standardOutput == "a\nb\ndone\n")
        try await server.stop()
    }

    @Test func sendReturnsNilWhenNoSocketFileExists() async throws {
        #expect(try await ControlClient.send(request("hub", "list"), socketPath: socketPath) == nil)
    }

    @Test func sendReturnsNilForAStaleSocketFile() async throws {
        let server = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        try await server.stop()
        try makeStaleSocketFile()
        #expect(FileManager.default.fileExists(atPath: socketPath))
        #expect(try await ControlClient.send(request("hub", "list"), socketPath: socketPath) == nil)
    }

    @Test func staleSocketFileIsReplaced() async throws {
        try makeStaleSocketFile()
        let server = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        let response = try await ControlClient.send(request("hub", "list"), socketPath: socketPath)
        #expect(response?.standardOutput == "hub list")
        try await server.stop()
    }

    @Test func liveServerIsNotTakenOver() async throws {
        let server = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        await #expect(throws: ControlSocketError.alreadyServing(socketPath: socketPath)) {
            _ = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        }
        #expect(try await ControlClient.send(request("still", "here"), socketPath: socketPath)?.standardOutput == "still here")
        try await server.stop()
    }

    @Test func stopRemovesTheSocketFile() async throws {
        let server = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        try await server.stop()
        #expect(!FileManager.default.fileExists(atPath: socketPath))
        #expect(try await ControlClient.send(request("hub", "list"), socketPath: socketPath) == nil)
    }

    @Test func garbageFrameClosesOnlyItsConnection() async throws {
        let server = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        try await RawConnection.open(socketPath: socketPath) { garbage in
            try await garbage.send(Data("this is not json".utf8))
            #expect(try await garbage.receive() == nil)
        }

        #expect(try await ControlClient.send(request("after", "garbage"), socketPath: socketPath)?.standardOutput
            == "after garbage")
        try await server.stop()
    }

    @Test func oversizedFrameClosesOnlyItsConnection() async throws {
        let server = try await ControlServer.start(socketPath: socketPath, handler: Self.echo)
        try await RawConnection.open(socketPath: socketPath) { oversized in
            try await oversized.sendRaw([0x01, 0x00, 0x00, 0x01])  // 16 MiB + 1
            #expect(try await oversized.receive() == nil)
        }

        #expect(try await ControlClient.send(request("after", "oversized"), socketPath: socketPath)?.standardOutput
            == "after oversized")
        try await server.stop()
    }

    @Test func sendThrowsWhenTheServerHangsUpWithoutAnswering() async throws {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.close() }
            .bind(unixDomainSocketPath: socketPath).get()
        await #expect(throws: ControlSocketError.closedBeforeResponse) {
            _ = try await ControlClient.send(request("hub", "list"), socketPath: socketPath)
        }
        try await listener.close()
    }

    @Test func overlongPathIsNamedByTheServerAndMeansNobodyListensToTheClient() async throws {
        let deep = folder.appendingPathComponent(String(repeating: "d", count: 120))
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let overlong = deep.appendingPathComponent("control.sock").path
        await #expect(throws: ControlSocketError.socketPathTooLong(socketPath: overlong)) {
            _ = try await ControlServer.start(socketPath: overlong, handler: Self.echo)
        }
        #expect(FileManager.default.createFile(atPath: overlong, contents: nil))
        #expect(try await ControlClient.send(request("hub", "list"), socketPath: overlong) == nil)
    }

    @Test func frameErrorsNameTheRule() {
        #expect(ControlSocketError.frameTooLarge(length: 16_777_217).description
            == "control frame of 16777217 bytes exceeds the 16777216-byte limit")
    }

    /// Leaves a socket file that nothing listens on, as a process killed with SIGKILL does. (NIO
    /// unlinks the file when its listener closes, so this binds a bare POSIX socket instead.)
    private func makeStaleSocketFile() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { path in
            for (index, byte) in socketPath.utf8.enumerated() where index < path.count - 1 {
                path[index] = byte
            }
        }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(status == 0)
    }
}

/// What a streaming caller printed, in order.
private final class PrintedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var printed: [String] = []

    func append(_ text: String) { lock.withLock { printed.append(text) } }
    var lines: [String] { lock.withLock { printed } }
}
