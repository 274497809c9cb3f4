import Foundation
import JSONValue
import Testing

/// Lab 07's route, typed as a learner types it: a storage endpoint, a route on an application
/// property, messages from the command line; then where each message landed.
@Suite(.serialized) struct RoutingEndToEndTests {
    @Test func aMatchedRouteTakesMessagesToStorageAndTheRestReachEventsThroughTheFallback() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        for command in [
            ["az", "group", "create", "-n", "rg", "-l", "westeurope"],
            ["az", "iot", "hub", "create", "-n", "route-hub", "-g", "rg"],
            ["az", "iot", "hub", "device-identity", "create", "-n", "route-hub", "-d", "belt-1"],
            ["az", "storage", "account", "create", "-n", "vibstore", "-g", "rg"],
        ] {
            let result = try await iotlab.run(command + ["-o", "none"])
            try #require(result.status == 0, "\(command): \(result.errors)")
        }
        let connection = try await iotlab.run("az", "storage", "account", "show-connection-string", "-n", "vibstore", "-g", "rg", "--query", "connectionString", "-o", "tsv")
        let endpoint = try await iotlab.run(
            "az", "iot", "hub", "routing-endpoint", "create", "-g", "rg", "--hub-name", "route-hub",
            "--endpoint-name", "vibrationLogEndpoint", "--endpoint-type", "azurestoragecontainer", "--endpoint-resource-group", "rg",
            "--endpoint-subscription-id", "00000000-0000-0000-0000-000000000000",
            "--connection-string", connection.output.trimmingCharacters(in: .whitespacesAndNewlines),
            "--container-name", "vibrationcontainer", "--batch-frequency", "100", "--chunk-size", "100", "--encoding", "avro",
            "--ff", "{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}", "-o", "none")
        try #require(endpoint.status == 0, "\(endpoint.errors)")
        let route = try await iotlab.run(
            "az", "iot", "hub", "route", "create", "-g", "rg", "--hub-name", "route-hub", "--route-name", "vibrationLoggingRoute",
            "--source", "DeviceMessages", "--endpoint-name", "vibrationLogEndpoint", "--condition", #"sensorID = "VSLog""#, "-o", "none")
        try #require(route.status == 0, "\(route.errors)")

        try await #require(iotlab.run("az", "iot", "device", "send-d2c-message", "-n", "route-hub", "-d", "belt-1", "--data", #"{"vibration": 1.5}"#, "--props", "sensorID=VSLog", "--msg-count", "3").status == 0)
        try await #require(iotlab.run("az", "iot", "device", "send-d2c-message", "-n", "route-hub", "-d", "belt-1", "--data", #"{"vibration": 0.2}"#, "--props", "sensorID=VSTel").status == 0)

        // The matched messages left the built-in endpoint; the other one reached it through the fallback.
        let events = try await iotlab.run("endpoint", "read", "events", "-n", "route-hub", "-o", "json")
        let eventProperties = try Self.lines(events.output).map { $0["event"]?["properties"]?["application"]?["sensorID"] }
        #expect(eventProperties == ["VSTel"])
        let pending = try await iotlab.run("endpoint", "read", "vibrationLogEndpoint", "-n", "route-hub", "-o", "json")
        #expect(try Self.lines(pending.output).count == 3)

        // Each send was its own process; the metrics add up what they all counted.
        let metrics = try await JSONValue(parsing: iotlab.run("metrics", "-n", "route-hub", "-o", "json").output)["metrics"]
        #expect(metrics?["d2c.telemetry.ingress.allProtocol"] == 4)
        #expect(metrics?["d2c.endpoints.egress.storage"] == 3)
        #expect(metrics?["d2c.telemetry.egress.fallback"] == 1)

        // A blob is written once the batch frequency has passed on the lab clock.
        let blobs = iotlab.home.appendingPathComponent("blobs/vibstore/vibrationcontainer/route-hub")
        #expect(Self.files(under: blobs).isEmpty)
        try await #require(iotlab.run("clock", "advance", "101s").status == 0)
        let written = Self.files(under: blobs)
        #expect(written.count == 1)
        #expect(written.first?.path.contains("/route-hub/") == true)
        let emptied = try await iotlab.run("endpoint", "read", "vibrationLogEndpoint", "-n", "route-hub", "-o", "json")
        #expect(try Self.lines(emptied.output).isEmpty)
        if let blob = written.first {
            let bytes = try Data(contentsOf: blob)
            #expect(bytes.starts(with: Array("Obj".utf8) + [1]), "an Avro object container file")
        }
    }

    private static func lines(_ output: String) throws -> [JSONValue] {
        try output.split(separator: "\n").map { try JSONValue(parsing: String($0)) }
    }

    private static func files(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
    }
}
