import Foundation
import JSONValue
import Testing

/// A crash loses no acknowledged message (DESIGN.md, principle 6): a simulated device prints each
/// message once the hub has acknowledged it; the process is killed with SIGKILL mid-stream; after
/// a restart every printed message is in the built-in endpoint.
@Suite(.serialized) struct IngestDurabilityTests {
    @Test(.timeLimit(.minutes(2)))
    func everyAcknowledgedMessageSurvivesSIGKILLDuringIngest() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await iotlab.createHub("durable-hub", devices: ["counter-1"])
        let definition = iotlab.workingDirectory.appendingPathComponent("counter.json")
        try Data(#"""
            {"name": "counter", "deviceId": "counter-1", "intervalSeconds": 0.001,
             "variables": [{"name": "n", "min": 0, "step": 1}],
             "messages": [{"template": {"n": "$.n"}}]}
            """#.utf8).write(to: definition)

        let simulation = iotlab.makeProcess(["sim", "start", definition.path, "-n", "durable-hub"])
        let output = Pipe()
        simulation.standardOutput = output
        simulation.standardError = FileHandle.nullDevice
        try simulation.run()
        var printed = ""
        while Self.acknowledged(in: printed).count < 300 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        kill(simulation.processIdentifier, SIGKILL)
        simulation.waitUntilExit()
        #expect(simulation.terminationReason == .uncaughtSignal)
        // Lines already in the pipe were acknowledged before the kill too.
        printed += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let acknowledged = Self.acknowledged(in: printed)
        try #require(acknowledged.count >= 300, "the device printed \(acknowledged.count) acknowledged messages")

        // A new process opens the workspace the killed one left behind.
        let read = try await iotlab.run("endpoint", "read", "events", "-n", "durable-hub", "--limit", "1000000", "-o", "json")
        try #require(read.status == 0, "\(read.errors)")
        let stored = try Set(read.output.split(separator: "\n").compactMap { line -> Int? in
            let payload = try JSONValue(parsing: String(line))["event"]?["payload"]?.stringValue ?? ""
            return try JSONValue(parsing: payload)["n"]?.integerValue
        })
        let lost = acknowledged.subtracting(stored)
        #expect(lost.isEmpty, "acknowledged but missing after restart: \(lost.sorted().prefix(10))")
    }

    /// The counters of the `sent {"n":K}` lines the simulation printed (complete lines only).
    private static func acknowledged(in printed: String) -> Set<Int> {
        var counters = Set<Int>()
        for line in printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard let start = line.range(of: "sent ")?.upperBound,
                let value = try? JSONValue(parsing: String(line[start...]))["n"]?.integerValue
            else { continue }
            counters.insert(value)
        }
        return counters
    }
}
