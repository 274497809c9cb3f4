/// What a device may publish to IoT Hub, read from the PUBLISH topic (IoT Hub MQTT support).
///
/// Only the connection's own topics parse: another device's telemetry topic, an unknown
/// `$iothub` topic or any other name is `nil`, and IoT Hub closes the connection for it.
enum DevicePublishTopic: Equatable {
    /// `devices/{id}[/modules/{mid}]/messages/events[/{bag}]`; the trailing slash is optional
    /// for raw clients, and the bag may hold a literal `$.ct=application/json` (reference §4.7).
    case telemetry(PropertyBag)
    /// `$iothub/twin/GET/?$rid={rid}`.
    case twinGet(requestId: String)
    /// `$iothub/twin/PATCH/properties/reported/?$rid={rid}`.
    case reportedPatch(requestId: String)
    /// `$iothub/methods/res/{status}/?$rid={rid}`.
    case methodResponse(status: Int, requestId: String)

    init?(_ topic: String, owner: DeviceTopicOwner) {
        let events = owner.telemetryTopic.utf8
        let bytes = topic.utf8
        // `hasPrefix` compares the bytes of ASCII strings at once (device ids are ASCII), where
        // `utf8.starts(with:)` walks them one by one; it is on every telemetry PUBLISH.
        if topic.hasPrefix(owner.telemetryTopic)
            && (bytes.count == events.count || bytes[bytes.index(bytes.startIndex, offsetBy: events.count)] == UInt8(ascii: "/"))
        {
            // An empty bag whether or not the trailing slash is there.
            let bag = topic.utf8.dropFirst(min(bytes.count, events.count + 1))
            self = .telemetry(bag.isEmpty ? PropertyBag() : PropertyBag(parsing: Substring(bag)))
        } else if topic.hasPrefix("$iothub/twin/GET/") {
            self = .twinGet(requestId: TopicQuery.of(topic[...])["$rid"] ?? "")
        } else if topic.hasPrefix("$iothub/twin/PATCH/properties/reported/") {
            self = .reportedPatch(requestId: TopicQuery.of(topic[...])["$rid"] ?? "")
        } else if topic.hasPrefix("$iothub/methods/res/") {
            let rest = topic.dropFirst("$iothub/methods/res/".count)
            guard let slash = rest.firstIndex(of: "/"), let status = Int(rest[..<slash]) else { return nil }
            self = .methodResponse(status: status, requestId: TopicQuery.of(rest)["$rid"] ?? "")
        } else {
            return nil
        }
    }
}
