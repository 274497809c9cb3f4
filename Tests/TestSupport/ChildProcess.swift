import Foundation

/// Runs a program the tests check iotlab against (a Python SDK client, fastavro, openssl) to
/// completion without holding a thread of Swift's cooperative pool, which on a two-core machine
/// has two threads: a test that blocked one while waiting for a client would starve the very
/// server the client talks to.
///
/// Every run has a deadline enforced by coreutils' `timeout` (TERM, then KILL 5 s later): a hang
/// is how a wrong reply shows up in the SDKs, and it must fail a test, not stall the suite.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String

        /// Whether the deadline ended the program (`timeout` exits 124, or 137 after KILL).
        public var timedOut: Bool { status == 124 || status == 137 }
        /// The lines written to standard output.
        public var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    /// Runs `executable` with `arguments`, extra `environment` variables, an optional working
    /// directory and `input` on standard input; `onLine` sees each line of standard output as it
    /// arrives, so a test can act while the program waits for it.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], workingDirectory: URL? = nil,
        input: String? = nil, timeoutSeconds: Int = 90, onLine: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", String(timeoutSeconds), executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        // Standard error goes to a file: SDKs log there freely, and a full pipe would stall them.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-child-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        process.standardError = errors
        let output = Pipe()
        process.standardOutput = output
        let lines = OutputLines(onLine: onLine)
        output.fileHandleForReading.readabilityHandler = { handle in lines.append(handle.availableData) }
        let status = try await withCheckedThrowingContinuation { (done: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { done.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
                if let input {
                    inputPipe.fileHandleForWriting.write(Data(input.utf8))
                    try inputPipe.fileHandleForWriting.close()
                }
            } catch {
                done.resume(throwing: error)
            }
        }
        output.fileHandleForReading.readabilityHandler = nil
        lines.append(output.fileHandleForReading.readDataToEndOfFile())
        lines.finish()
        return Result(status: status, output: lines.text, errors: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }
}

/// Standard output gathered as it arrives, handed to a callback a line at a time.
private final class OutputLines: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = ""
    private var all = ""
    private let onLine: @Sendable (String) -> Void

    init(onLine: @escaping @Sendable (String) -> Void) {
        self.onLine = onLine
    }

    var text: String { lock.withLock { all } }

    func append(_ data: Data) {
        guard !data.isEmpty else { return }
        let complete: [String] = lock.withLock {
            let text = String(decoding: data, as: UTF8.self)
            all += text
            pending += text
            var complete: [String] = []
            while let newline = pending.firstIndex(of: "\n") {
                complete.append(String(pending[..<newline]))
                pending = String(pending[pending.index(after: newline)...])
            }
            return complete
        }
        complete.forEach(onLine)
    }

    func finish() {
        let rest: String = lock.withLock {
            defer { pending = "" }
            return pending
        }
        if !rest.isEmpty { onLine(rest) }
    }
}
