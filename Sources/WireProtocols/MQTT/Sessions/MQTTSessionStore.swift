import Foundation
import HubEngine
import JSONValue
import MQTTCodec
import WorkspaceStore

/// The persistent MQTT sessions of `clean_session=0` clients: their subscriptions, kept per hub
/// and client id across reconnects and server restarts, because the Azure SDKs never subscribe
/// again after a reconnect (reference §4.2) and IoT Hub keeps a session until it expires.
///
/// Sessions are records of the hub's workspace scope, so a restarted `iotlab serve` resumes
/// them and a deleted hub takes its sessions with it. Undelivered cloud-to-device messages need
/// no keeping here: the hub holds them until they are settled.
struct MQTTSessionStore: Sendable {
    /// The workspace collection, in each hub's scope, keyed by client id.
    static let collection = "mqttSessions"

    /// One client's session: the hub it connected to and its MQTT client id.
    struct Key: Sendable, Equatable {
        var hubName: String
        var clientId: String

        var scope: String { IoTHub.storageScope(forHub: hubName) }
    }

    private let workspace: Workspace

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The stored subscriptions to resume, or `nil` when there is no session; a clean session
    /// discards whatever was stored (MQTT §3.1.2.4). A record that cannot be read counts as no
    /// session, as an expired one would.
    func resume(_ key: Key, cleanSession: Bool) throws -> [DeviceSubscriptionTopic: MQTTQoS]? {
        let stored = try workspace.read { try $0.record(scope: key.scope, collection: Self.collection, key: key.clientId) }
        guard let stored else { return nil }
        if cleanSession {
            // Written only when there is a session to discard: most clean connects have none.
            try workspace.write { try $0.delete(scope: key.scope, collection: Self.collection, key: key.clientId) }
            return nil
        }
        guard case .object(let members)? = try? JSONValue(parsing: stored) else { return nil }
        var subscriptions: [DeviceSubscriptionTopic: MQTTQoS] = [:]
        for (name, level) in members {
            guard let topic = DeviceSubscriptionTopic(rawValue: name), case .integer(let number) = level,
                let qos = UInt8(exactly: number).flatMap(MQTTQoS.init(rawValue:))
            else { continue }
            subscriptions[topic] = qos
        }
        return subscriptions
    }

    /// Keeps the session's subscriptions, replacing what was stored.
    func save(_ subscriptions: [DeviceSubscriptionTopic: MQTTQoS], for key: Key) throws {
        var members = JSONObject()
        for (topic, qos) in subscriptions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            members[topic.rawValue] = .integer(Int(qos.rawValue))
        }
        let body = Data(JSONValue.object(members).serialized(.compact).utf8)
        try workspace.write { try $0.put(scope: key.scope, collection: Self.collection, key: key.clientId, body: body) }
    }
}
