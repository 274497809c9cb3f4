import HubEngine
import MQTTCodec

extension MQTTDeviceConnection {
    /// Subscribes to the device's own topics, granting at most QoS 1 (IoT Hub's maximum); a
    /// filter that is not one of them closes the connection, as IoT Hub does.
    func subscribe(_ subscribe: MQTTSubscribe, in session: DeviceSession) async throws -> Next {
        var topics: [(DeviceSubscriptionTopic, MQTTQoS)] = []
        for subscription in subscribe.subscriptions {
            guard let topic = DeviceSubscriptionTopic(filter: subscription.topicFilter, owner: owner) else {
                await session.reportViolation(protocolName: "MQTT", rule: "SUBSCRIBE to '\(subscription.topicFilter)', which is not one of \(owner.key)'s topics")
                return .close
            }
            topics.append((topic, min(subscription.qos, .atLeastOnce)))
        }
        for (topic, qos) in topics { subscriptions[topic] = qos }
        try await session.subscribe(Set(topics.compactMap { $0.0.hubSubscription }))
        try saveSession()
        try await send(.suback(MQTTSubAck(packetId: subscribe.packetId, returnCodes: topics.map { .granted($0.1) })))
        return .proceed
    }

    /// Stops deliveries of the named topics. The hub keeps its side of the subscription until
    /// the session ends; what it still pushes for these topics is dropped here (a cloud-to-device
    /// message is abandoned, so it waits for the next subscriber).
    func unsubscribe(_ unsubscribe: MQTTUnsubscribe) async throws -> Next {
        for filter in unsubscribe.topicFilters {
            guard let topic = DeviceSubscriptionTopic(filter: filter, owner: owner) else {
                await session?.reportViolation(protocolName: "MQTT", rule: "UNSUBSCRIBE from '\(filter)', which is not one of \(owner.key)'s topics")
                return .close
            }
            subscriptions[topic] = nil
        }
        try saveSession()
        try await send(.unsuback(packetId: unsubscribe.packetId))
        return .proceed
    }

    /// Keeps the subscriptions of a persistent session; a store that refuses ends the connection
    /// (the error propagates) rather than acknowledging what a restart would forget.
    private func saveSession() throws {
        guard let persistentKey else { return }
        try server.sessions.save(subscriptions, for: persistentKey)
    }
}
