import Foundation
import JSONValue
import Testing

/// A served workspace with one hub, ready for the official SDKs: `iotlab serve` with its front
/// doors, connection strings as a learner copies them, and the CA file the SDKs must trust.
struct RealClientFixture {
    let lab: IoTLabProcess
    let server: Process
    let endpoints: IoTLabProcess.FrontDoors
    let hub: String
    let python: PythonClient

    /// Serves a new workspace with `hub` and `devices`, its front doors on free ports (`frontDoors`
    /// are the `serve` arguments choosing them).
    static func start(
        hub: String = "sdk-hub", devices: [String] = [], frontDoors: [String] = IoTLabProcess.freePorts
    ) async throws -> RealClientFixture? {
        guard let python = await PythonClient.locate(importing: ["azure.iot.device", "azure.iot.hub", "paho.mqtt.client"]) else { return nil }
        let lab = try IoTLabProcess()
        try await lab.createHub(hub, devices: devices)
        let (server, endpoints) = try await lab.startServingFrontDoors(frontDoors)
        return RealClientFixture(lab: lab, server: server, endpoints: endpoints, hub: hub, python: python)
    }

    func stop() {
        server.interrupt()
        server.waitUntilExit()
        lab.cleanUp()
    }

    /// The environment every client script gets: how to call `iotlab az`, and the CA for requests.
    var environment: [String: String] {
        [
            "IOTLAB_BIN": IoTLabProcess.binary.path, "IOTLAB_HOME": lab.home.path, "REQUESTS_CA_BUNDLE": endpoints.caFile.path,
            "IOTLAB_MQTT_PORT": String(endpoints.mqttPort),
        ]
    }

    /// Runs an `iotlab az` command that must succeed and returns its output as JSON.
    func az(_ arguments: String...) async throws -> JSONValue {
        let result = try await lab.run(["az"] + arguments)
        try #require(result.status == 0, "iotlab az \(arguments.joined(separator: " ")): \(result.errors)")
        return result.output.isEmpty ? .null : try JSONValue(parsing: result.output)
    }

    /// A device's connection string as `az` shows it, pointed at the local gateway.
    func deviceConnectionString(_ deviceId: String) async throws -> String {
        let shown = try await az("iot", "hub", "device-identity", "connection-string", "show", "-n", hub, "-d", deviceId)
        return (shown["connectionString"]?.stringValue ?? "") + ";GatewayHostName=localhost"
    }

    /// The hub's owner connection string, with the local HTTPS endpoint as its host.
    func serviceConnectionString() async throws -> String {
        let shown = try await az("iot", "hub", "connection-string", "show", "-n", hub)
        let parts = (shown["connectionString"]?.stringValue ?? "").split(separator: ";").filter { !$0.hasPrefix("HostName=") }
        return (["HostName=localhost:\(endpoints.httpsPort)"] + parts.map(String.init)).joined(separator: ";")
    }

    /// Runs a client script that must succeed within its deadline and returns its lines.
    func client(_ script: String, _ arguments: [String], timeout: Int = 90) async throws -> [String] {
        let result = try await python.run(script: script, arguments, environment: environment, timeout: timeout)
        try #require(!result.timedOut, "\(script) \(arguments.first ?? "") hung (killed after \(timeout) s): \(result.errors)")
        try #require(result.status == 0, "\(script) \(arguments.first ?? "") failed: \(result.errors)")
        return result.lines
    }

    /// The built-in endpoint's events (`{"event": …}` documents, one a line), as
    /// `iotlab endpoint read events -o json` prints them.
    func events() async throws -> [JSONValue] {
        let result = try await lab.run(["endpoint", "read", "events", "-n", hub, "-o", "json"])
        try #require(result.status == 0, "endpoint read: \(result.errors)")
        return try result.output.split(separator: "\n").map { try JSONValue(parsing: String($0))["event"] ?? .null }
    }

    /// The events once at least one has arrived: a QoS 0 publish is committed after the client
    /// has moved on, so the endpoint is read again for up to five seconds.
    func eventsOnceAny() async throws -> [JSONValue] {
        var events: [JSONValue] = []
        for _ in 0..<50 {
            events = try await self.events()
            if !events.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return events
    }
}
