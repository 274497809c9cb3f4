import MQTTCodec

/// The persistent MQTT sessions of `clean_session=0` clients: their subscriptions, kept per hub
/// and client id across reconnects, because the Azure SDKs never subscribe again after a
/// reconnect (reference §4.2).
///
/// Sessions live in memory for the life of the server: a restarted `iotlab serve` has none, as
/// if each had expired (`docs/differences-from-azure.md`). Undelivered cloud-to-device messages
/// need no keeping here: the hub holds them until they are settled.
actor MQTTSessionStore {
    private var sessions: [String: [DeviceSubscriptionTopic: MQTTQoS]] = [:]

    init() {}

    /// The stored subscriptions to resume, or `nil` when there is no session; a clean session
    /// discards whatever was stored (MQTT §3.1.2.4).
    func resume(_ key: String, cleanSession: Bool) -> [DeviceSubscriptionTopic: MQTTQoS]? {
        if cleanSession {
            sessions[key] = nil
            return nil
        }
        return sessions[key]
    }

    func save(_ subscriptions: [DeviceSubscriptionTopic: MQTTQoS], for key: String) {
        sessions[key] = subscriptions
    }
}
