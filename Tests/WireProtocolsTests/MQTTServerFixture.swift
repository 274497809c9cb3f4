import Foundation
import HubEngine
import IoTSecurity
import LabCore
import LocalCloud
import MQTTCodec
import NIOPosix
import WireProtocols
import WorkspaceStore

/// A cloud with one hub and registered devices, and an `MQTTServer` on a free loopback port.
struct MQTTServerFixture {
    static let hubName = "mqtt-lab"
    static let hostName = "mqtt-lab.azure-devices.net"

    let workspace: Workspace
    let cloud: LocalCloud
    let hub: IoTHub
    let server: MQTTServer
    let tokenClock: ManualClock

    /// Runs `body` against a fresh fixture and stops the server afterwards, whatever happens.
    static func with(devices: [String] = ["d1"], _ body: (MQTTServerFixture) async throws -> Void) async throws {
        let fixture = try await MQTTServerFixture(devices: devices)
        do {
            try await body(fixture)
        } catch {
            try await fixture.server.stop()
            throw error
        }
        try await fixture.server.stop()
    }

    private init(devices: [String]) async throws {
        workspace = try Workspace.inMemory()
        cloud = try LocalCloud(workspace: workspace, clock: ManualClock())
        _ = try await cloud.createHub(HubCreation(name: Self.hubName))
        hub = try await cloud.engine(forHub: Self.hubName)
        for deviceId in devices {
            _ = try await hub.createDevice(DeviceIdentity(deviceId: deviceId))
        }
        tokenClock = ManualClock()
        server = try await MQTTServer.start(
            host: "127.0.0.1", port: 0, tls: nil, cloud: cloud, tokenClock: tokenClock, group: MultiThreadedEventLoopGroup.singleton)
    }

    /// A device (or module) SAS token as the Azure SDKs sign it, valid for an hour of token clock.
    func token(deviceId: String, moduleId: String? = nil, key: String? = nil, lifetime: TimeInterval = 3600) async throws -> String {
        let signingKey: String
        if let key {
            signingKey = key
        } else if let moduleId {
            signingKey = try await hub.module(moduleId, on: deviceId).authentication.primaryKey ?? ""
        } else {
            signingKey = try await hub.device(deviceId).authentication.primaryKey ?? ""
        }
        let resource = Self.hostName + "/devices/" + deviceId + (moduleId.map { "/modules/" + $0 } ?? "")
        return SharedAccessSignature.token(
            resourceURI: resource, key: try SymmetricKey(base64: signingKey), policyName: nil, expiry: tokenClock.now().addingTimeInterval(lifetime))
    }

    /// The CONNECT the Python SDK sends (reference §4.1), for `deviceId[/moduleId]`.
    func connectPacket(deviceId: String, moduleId: String? = nil, cleanSession: Bool = false, password: String?) -> MQTTPacket {
        let clientId = deviceId + (moduleId.map { "/" + $0 } ?? "")
        return .connect(MQTTConnect(
            clientId: clientId, cleanSession: cleanSession, keepAlive: 60,
            username: "\(Self.hostName)/\(clientId)/?api-version=2021-04-12&DeviceClientType=iotlab-tests",
            password: password.map { Array($0.utf8) }))
    }

    /// Another server on the same cloud and workspace, as `iotlab serve` started again would be;
    /// the caller stops it.
    func anotherServer() async throws -> MQTTServer {
        try await MQTTServer.start(
            host: "127.0.0.1", port: 0, tls: nil, cloud: cloud, tokenClock: tokenClock, group: MultiThreadedEventLoopGroup.singleton)
    }

    /// Connects `deviceId` (to `server`, or this fixture's) with a valid token and expects CONNACK 0.
    func connectedClient(
        deviceId: String = "d1", moduleId: String? = nil, cleanSession: Bool = false, to server: MQTTServer? = nil
    ) async throws -> (MQTTTestClient, MQTTConnAck?) {
        let client = try await MQTTTestClient.connect(port: (server ?? self.server).localPort)
        try await client.send(connectPacket(deviceId: deviceId, moduleId: moduleId, cleanSession: cleanSession, password: token(deviceId: deviceId, moduleId: moduleId)))
        guard case .connack(let connack) = try await client.receive() else { return (client, nil) }
        return (client, connack)
    }

    /// Every message on the built-in endpoint so far, in enqueued order.
    func builtInMessages() throws -> [HubMessage] {
        let reader = EndpointReader(workspace: workspace, hubName: Self.hubName)
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        return try reader.readAll(from: &positions, limit: 1000).map(\.message)
    }
}
