import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import LabCore
import LocalCloud
import NIOCore
import NIOHTTP1
import NIOPosix
import WireProtocols
import WorkspaceStore

/// A cloud with one hub behind a real `HTTPSServer` on a free loopback port (plain HTTP), and
/// tokens signed the way the Azure SDKs sign them.
struct HTTPServerFixture {
    static let hubName = "rest-hub"

    let cloud: LocalCloud
    let hub: IoTHub
    let client: HTTPTestClient
    /// The event loops the server runs on, for tests that open raw connections.
    var group: any EventLoopGroup { client.group }
    /// The clock tokens are checked against, apart from the lab clock.
    let tokenClock: ManualClock
    /// The CA that signed the server certificate, when the server speaks TLS.
    let caFile: URL?
    private let resource: HubResource

    /// Runs `body` against a fresh server and stops it afterwards, whatever `body` did; with
    /// `mqttOverWebSockets`, an MQTT broker serves the WebSocket upgrades.
    static func run(
        tls: Bool = false, mqttOverWebSockets: Bool = false, blobStore: (any BlobStore)? = nil,
        _ body: (HTTPServerFixture) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-rest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificates = tls ? try FrontDoorCertificates.loadOrCreate(in: folder, hostNames: ["localhost", "127.0.0.1"], now: Date()) : nil
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let cloud = try LocalCloud(workspace: Workspace.inMemory(), clock: ManualClock())
        let resource = try await cloud.createHub(HubCreation(name: hubName))
        let hub = try await cloud.engine(forHub: hubName)
        let tokenClock = ManualClock()
        let mqtt = mqttOverWebSockets
            ? try await MQTTServer.start(host: "127.0.0.1", port: 0, tls: nil, cloud: cloud, tokenClock: tokenClock, group: group)
            : nil
        let server = try await HTTPSServer.start(
            host: "127.0.0.1", port: 0, tls: try certificates?.serverContext(), cloud: cloud, tokenClock: tokenClock, group: group,
            webSocketMQTT: mqtt,
            blobStore: blobStore)
        let fixture = HTTPServerFixture(
            cloud: cloud, hub: hub, client: HTTPTestClient(port: server.localPort, group: group), tokenClock: tokenClock,
            caFile: certificates?.caFile, resource: resource)
        var failure: (any Error)?
        do { try await body(fixture) } catch { failure = error }
        try await server.stop()
        try await mqtt?.stop()
        try await group.shutdownGracefully()
        if let failure { throw failure }
    }

    /// `Authorization` for the service API: `sr` is the host the client named (with its port),
    /// signed with the policy's primary key, as `azure-iot-hub` does.
    func serviceToken(policy: String = "iothubowner", expiresIn seconds: TimeInterval = 3600) throws -> String {
        let key = try SymmetricKey(base64: resource.policy(named: policy).primaryKey)
        return SharedAccessSignature.token(
            resourceURI: client.host, key: key, policyName: policy, expiry: tokenClock.now().addingTimeInterval(seconds))
    }

    /// The hub's host name, as device SDKs name it in tokens and MQTT user names.
    var hubHostName: String { resource.hostName }

    /// The service connection string `iotlab info` prints: `HostName` is this listener.
    func serviceConnectionString(policy: String = "iothubowner") throws -> String {
        "HostName=\(client.host);SharedAccessKeyName=\(policy);SharedAccessKey=\(try resource.policy(named: policy).primaryKey)"
    }

    /// `Authorization` for the device API: `sr` is `{hub host}/devices/{id}`, signed with the
    /// device's primary key, as `azure-iot-device` does.
    func deviceToken(_ deviceId: String, expiresIn seconds: TimeInterval = 3600) async throws -> String {
        let primaryKey = try await hub.device(deviceId).authentication.primaryKey ?? ""
        return SharedAccessSignature.token(
            resourceURI: "\(resource.hostName)/devices/\(deviceId)", key: try SymmetricKey(base64: primaryKey), policyName: nil,
            expiry: tokenClock.now().addingTimeInterval(seconds))
    }

    /// A service request with a fresh owner token and the SDK's api-version.
    func service(
        _ method: HTTPMethod, _ path: String, policy: String = "iothubowner", headers: [(String, String)] = [], json: JSONValue? = nil
    ) async throws -> HTTPTestResponse {
        let headers = [("Authorization", try serviceToken(policy: policy))] + headers
        let uri = path + (path.contains("?") ? "&" : "?") + "api-version=2021-04-12"
        if let json { return try await client.send(method, uri, headers: headers, json: json) }
        return try await client.send(method, uri, headers: headers)
    }

    /// The events endpoint's messages, oldest first per partition.
    func events() throws -> [EnqueuedEvent] {
        let reader = EndpointReader(workspace: cloud.workspace, hubName: Self.hubName)
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        return try reader.readAll(from: &positions, limit: 100)
    }

    /// Registers `deviceId` with generated SAS keys through the hub itself.
    @discardableResult
    func register(_ deviceId: String) async throws -> DeviceIdentity {
        try await hub.createDevice(DeviceIdentity(deviceId: deviceId))
    }
}
