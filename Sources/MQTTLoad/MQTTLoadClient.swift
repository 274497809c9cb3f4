/// One simulated publisher: the identity it connects with and the topic it publishes to.
///
/// For iotlab these are a device's id, its `{host}/{id}/?api-version=…` username, a SAS token and
/// `devices/{id}/messages/events/`; for a plain broker such as mosquitto, any client id and topic.
public struct MQTTLoadClient: Sendable, Equatable {
    public var clientId: String
    public var username: String?
    public var password: String?
    public var topic: String

    public init(clientId: String, username: String? = nil, password: String? = nil, topic: String) {
        self.clientId = clientId
        self.username = username
        self.password = password
        self.topic = topic
    }
}
