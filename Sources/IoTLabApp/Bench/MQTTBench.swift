import Foundation
import JSONValue
import MQTTCodec
import MQTTLoad
import NIOSSL
import WorkspaceStore

/// `iotlab bench mqtt`: the same MQTT load against iotlab or another broker, reported the same way.
public struct MQTTBench: Sendable {
    public var host = "127.0.0.1"
    public var port = 8883
    /// TLS on, verifying the server against `caFile` (default: the workspace's CA).
    public var tls = true
    public var caFile: String?
    public var serverName = "localhost"
    public var devices = 100
    /// 0 or 1; IoT Hub has no QoS 2.
    public var qosLevel = 1
    public var payloadSize = 256
    public var duration = 10.0
    public var ratePerClient: Double?
    public var inFlightPerClient = 20
    /// The iotlab hub whose devices publish; `nil` for a plain broker (anonymous clients).
    public var hub: String?
    /// The broker's process, whose resident memory is reported before and after connecting, and
    /// whose CPU time while publishing is reported per message.
    public var serverPID: Int32?

    public init() {}

    /// Prepares the clients, runs the load and returns the report as text or JSON.
    public func run(home: WorkspaceHome, workingDirectory: URL, json: Bool) async throws -> String {
        let clients: [MQTTLoadClient]
        if let hub {
            clients = try await MQTTBenchTarget.iotlabDevices(hub: hub, count: devices, home: home, workingDirectory: workingDirectory)
        } else {
            clients = MQTTBenchTarget.anonymous(count: devices)
        }
        var tlsConfiguration: TLSConfiguration?
        if tls {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.trustRoots = .file(caFile ?? home.folder.appendingPathComponent("tls/ca.pem").path)
            tlsConfiguration = configuration
        }
        let memoryBefore = serverPID.flatMap(ProcessMemory.residentBytes(ofProcess:))
        let load = MQTTLoadConfiguration(
            host: host, port: port, tls: tlsConfiguration, serverName: serverName, clients: clients, qos: qosLevel == 0 ? .atMostOnce : .atLeastOnce,
            payloadSize: payloadSize, duration: duration, ratePerClient: ratePerClient, inFlightPerClient: inFlightPerClient)
        let memory = MemoryProbe(pid: serverPID)
        let report = try await MQTTLoadGenerator.run(load, whileConnected: { memory.sample() })
        let cpuAfter = serverPID.flatMap(ProcessCPU.seconds(ofProcess:))
        var summary = report.json
        if let before = memoryBefore, let during = memory.bytes {
            summary.setValue(JSONValue.integer(before), at: ["serverRSSBeforeBytes"])
            summary.setValue(JSONValue.integer(during), at: ["serverRSSConnectedBytes"])
            summary.setValue(JSONValue.integer((during - before) / max(1, clients.count)), at: ["serverBytesPerConnection"])
        }
        let messages = qosLevel == 0 ? report.published : report.acknowledged
        if let before = memory.cpuSeconds, let after = cpuAfter, messages > 0 {
            summary.setValue(JSONValue.double(((after - before) * 1_000_000 / Double(messages) * 10).rounded() / 10), at: ["serverCPUMicrosecondsPerMessage"])
        }
        if json { return summary.serialized(.pretty) + "\n" }
        return text(report, summary: summary)
    }

    private func text(_ report: MQTTLoadReport, summary: JSONValue) -> String {
        func milliseconds(_ fraction: Double) -> String {
            report.latencyMilliseconds(atFraction: fraction).map { String(format: "%.2f ms", $0) } ?? "n/a"
        }
        var lines = [
            "target       \(hub.map { "iotlab hub \($0)" } ?? "broker") at \(host):\(port) (\(tls ? "TLS" : "TCP")), QoS \(qosLevel), \(payloadSize)-byte payloads",
            "clients      \(report.clients)",
            "published    \(report.published)",
            "acknowledged \(report.acknowledged)",
            "throughput   \(Int(report.messagesPerSecond.rounded())) messages/s over \(String(format: "%.1f", report.elapsed)) s",
            "latency p50  \(milliseconds(0.5))",
            "latency p99  \(milliseconds(0.99))",
        ]
        if let perConnection = summary["serverBytesPerConnection"]?.integerValue, let connected = summary["serverRSSConnectedBytes"]?.integerValue {
            lines.append("server RSS   \(connected / 1_048_576) MiB connected, \(perConnection) bytes a connection")
        }
        if let cpu = summary["serverCPUMicrosecondsPerMessage"]?.doubleValue {
            lines.append("server CPU   \(cpu) µs a message (user + system, from all connected to the last acknowledgement)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Samples the broker's resident memory and CPU time once every client is connected.
private final class MemoryProbe: @unchecked Sendable {
    private let pid: Int32?
    private let lock = NSLock()
    private var sampled: (bytes: Int?, cpuSeconds: Double?) = (nil, nil)

    init(pid: Int32?) { self.pid = pid }

    func sample() {
        guard let pid else { return }
        let now = (ProcessMemory.residentBytes(ofProcess: pid), ProcessCPU.seconds(ofProcess: pid))
        lock.withLock { sampled = now }
    }

    var bytes: Int? { lock.withLock { sampled.bytes } }
    var cpuSeconds: Double? { lock.withLock { sampled.cpuSeconds } }
}
