import HubEngine

/// The topic filters a device or module may subscribe to (IoT Hub MQTT support); any other
/// filter, another device's included, is refused and IoT Hub closes the connection.
enum DeviceSubscriptionTopic: String, Hashable, Sendable, CaseIterable {
    /// `devices/{id}/messages/devicebound/#` (devices only).
    case cloudToDevice
    /// `devices/{id}/modules/{mid}/inputs/#` (modules only).
    case moduleInputs
    /// `$iothub/methods/POST/#`.
    case methods
    /// `$iothub/twin/res/#`. Responses reach the requester whether or not it subscribed
    /// (reference §4.5), so this only answers the SUBACK.
    case twinResponses
    /// `$iothub/twin/PATCH/properties/desired/#`.
    case desiredProperties

    init?(filter: String, owner: DeviceTopicOwner) {
        switch filter {
        case "$iothub/methods/POST/#": self = .methods
        case "$iothub/twin/res/#": self = .twinResponses
        case "$iothub/twin/PATCH/properties/desired/#": self = .desiredProperties
        case owner.prefix + "messages/devicebound/#" where owner.moduleId == nil: self = .cloudToDevice
        case owner.prefix + "inputs/#" where owner.moduleId != nil: self = .moduleInputs
        default: return nil
        }
    }

    /// What the hub must push for this topic, if it pushes anything.
    var hubSubscription: DeviceSubscription? {
        switch self {
        case .cloudToDevice: .cloudToDevice
        case .methods: .methods
        case .desiredProperties: .desiredProperties
        case .moduleInputs, .twinResponses: nil
        }
    }
}
