import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JSONValue
import ProvisioningEngine

/// Calls a learner's custom allocation function: POSTs Azure's request JSON to a web hook, or
/// runs a `command:` with the JSON on standard input, and reads the JSON answer. Either is bounded
/// by a timeout, so a function that hangs fails the registration instead of stalling DPS.
enum CustomAllocationCaller {
    /// How long a function may take, as DPS bounds its calls to Azure Functions.
    static let timeout: Duration = .seconds(10)

    /// The function's answer.
    /// - Throws: `customAllocationFailed` with the reason (status, exit code, timeout, bad JSON).
    static func call(_ definition: CustomAllocationDefinition, request: JSONValue, timeout: Duration = timeout) async throws(ProvisioningError) -> JSONValue {
        let body = Data(request.serialized().utf8)
        let output: Data
        do {
            output = try await withThrowingTaskGroup(of: Data.self) { group in
                group.addTask {
                    if let command = definition.command { return try await run(command, input: body, timeout: timeout) }
                    return try await post(definition, body: body)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw ProvisioningError.customAllocationFailed(reason: "the function did not answer within \(timeout)")
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw ProvisioningError.customAllocationFailed(reason: "no answer") }
                return first
            }
        } catch let error as ProvisioningError {
            throw error
        } catch {
            throw .customAllocationFailed(reason: "\(error)")
        }
        do {
            return try JSONValue(parsing: output)
        } catch {
            throw .customAllocationFailed(reason: "the answer is not JSON: \(error)")
        }
    }

    private static func post(_ definition: CustomAllocationDefinition, body: Data) async throws -> Data {
        guard var components = URLComponents(string: definition.webhookUrl) else {
            throw ProvisioningError.customAllocationFailed(reason: "webhookUrl '\(definition.webhookUrl)' is not a URL")
        }
        if !(components.queryItems ?? []).contains(where: { $0.name == "api-version" }) {
            components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "api-version", value: definition.apiVersion)]
        }
        guard let url = components.url else {
            throw ProvisioningError.customAllocationFailed(reason: "webhookUrl '\(definition.webhookUrl)' is not a URL")
        }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw ProvisioningError.customAllocationFailed(reason: "the function answered status code: \(status)")
        }
        return data
    }

    /// Runs `command` through `/bin/sh -c` with `input` on its standard input.
    ///
    /// The input is a file, not a pipe: a command that exits without reading it must not raise
    /// SIGPIPE in iotlab. coreutils' `timeout` runs the command in its own process group and
    /// ends the whole group (a shell's children too) when time is up or iotlab gives up on it.
    private static func run(_ command: String, input: Data, timeout: Duration) async throws -> Data {
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-allocation-\(UUID().uuidString).json")
        try input.write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "1", String(format: "%.3f", seconds), "/bin/sh", "-c", command]
        let stdin = try FileHandle(forReadingFrom: inputFile)
        defer { try? stdin.close() }
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = AsyncStream<Int32> { continuation in
            process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        }
        try process.run()
        // Pipes are read off the cooperative pool, which blocking reads would starve.
        async let output = blocking { stdout.fileHandleForReading.readDataToEndOfFile() }
        async let errors = blocking { stderr.fileHandleForReading.readDataToEndOfFile() }
        let status = await withTaskCancellationHandler {
            var iterator = finished.makeAsyncIterator()
            return await iterator.next() ?? -1
        } onCancel: {
            process.terminate()
        }
        let answer = await output
        let diagnostics = await errors
        guard status == 0 else {
            let message = String(decoding: diagnostics, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ProvisioningError.customAllocationFailed(reason: "the command exited with status \(status)\(message.isEmpty ? "" : ": \(message)")")
        }
        return answer
    }

    private static func blocking(_ work: @escaping @Sendable () -> Data) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
