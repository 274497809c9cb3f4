import AzConsole
import Foundation
import IoTSecurity
import JSONValue
import MQTTLoad
import WorkspaceStore

/// The publishers of `iotlab bench mqtt`: devices of an iotlab hub, with SAS tokens, or anonymous
/// clients of a plain broker such as mosquitto; both publish to IoT Hub's telemetry topic, so the
/// two brokers carry the same packets.
public enum MQTTBenchTarget {
    /// `count` clients `bench-00001`… for a broker that takes any client.
    public static func anonymous(count: Int) -> [MQTTLoadClient] {
        (1...max(1, count)).map { index in
            let id = deviceId(index)
            return MQTTLoadClient(clientId: id, topic: "devices/\(id)/messages/events/")
        }
    }

    /// `count` devices registered on `hub` (created with the hub if missing, as S3 with 10 units
    /// so the emulated D2C throttle admits 60,000 messages a second), each with a token signed by
    /// the hub's `device` policy (DeviceConnect), valid for a day.
    public static func iotlabDevices(hub: String, count: Int, home: WorkspaceHome, workingDirectory: URL) async throws -> [MQTTLoadClient] {
        let show = await WorkspaceAccess.run(.az(arguments: ["iot", "hub", "show", "-n", hub, "-o", "none"]), home: home, workingDirectory: workingDirectory)
        if show.exitCode != 0 {
            try await az(["iot", "hub", "create", "-n", hub, "--sku", "S3", "--unit", "10", "-o", "none"], home: home, workingDirectory: workingDirectory)
        }
        let ids = (1...max(1, count)).map(deviceId)
        let file = workingDirectory.appendingPathComponent(".iotlab-bench-devices-\(UUID().uuidString).json")
        try ids.map { #"{"id":"\#($0)","importMode":"createOrUpdate"}"# }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        try await az(["iot", "hub", "device-identity", "import", "-n", hub, "--input-file", file.path, "-o", "none"], home: home, workingDirectory: workingDirectory)
        let policy = try await az(["iot", "hub", "policy", "show", "--hub-name", hub, "--name", "device"], home: home, workingDirectory: workingDirectory)
        guard let keyText = try JSONValue(parsing: policy)["primaryKey"]?.stringValue else {
            throw MQTTBenchError.setup("the hub's device policy has no primaryKey")
        }
        let key = try SymmetricKey(base64: keyText)
        let host = "\(hub).azure-devices.net"
        let expiry = Date().addingTimeInterval(86_400)
        return ids.map { id in
            MQTTLoadClient(
                clientId: id, username: "\(host)/\(id)/?api-version=2021-04-12",
                password: SharedAccessSignature.token(resourceURI: "\(host)/devices/\(id)", key: key, policyName: "device", expiry: expiry),
                topic: "devices/\(id)/messages/events/")
        }
    }

    private static func deviceId(_ index: Int) -> String {
        String(format: "bench-%05d", index)
    }

    @discardableResult
    private static func az(_ arguments: [String], home: WorkspaceHome, workingDirectory: URL) async throws -> String {
        let result = await WorkspaceAccess.run(.az(arguments: arguments), home: home, workingDirectory: workingDirectory)
        guard result.exitCode == 0 else {
            throw MQTTBenchError.setup("az \(arguments.prefix(4).joined(separator: " ")) failed: \(result.standardError)")
        }
        return result.standardOutput
    }
}

/// Why `iotlab bench mqtt` could not run.
public enum MQTTBenchError: Error, CustomStringConvertible {
    case setup(String)

    public var description: String {
        switch self {
        case .setup(let reason): "Cannot prepare the benchmark: \(reason)"
        }
    }
}
