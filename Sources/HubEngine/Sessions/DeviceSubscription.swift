/// What a session listens for, as an MQTT device subscribes to topics: nothing is pushed to a
/// session until it subscribes, and a direct method reaches only a session subscribed to methods.
public enum DeviceSubscription: String, Sendable, Hashable, CaseIterable {
    /// `devices/{id}/messages/devicebound/#`: cloud-to-device messages (devices only, not modules).
    case cloudToDevice
    /// `$iothub/methods/POST/#`: direct-method requests.
    case methods
    /// `$iothub/twin/PATCH/properties/desired/#`: desired-property patches.
    case desiredProperties
}
