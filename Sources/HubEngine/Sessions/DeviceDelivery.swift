import JSONValue

/// Something the hub pushes to a connected session, in the order it happened.
public enum DeviceDelivery: Sendable, Equatable {
    /// A cloud-to-device message, locked for this session until it is completed, abandoned or
    /// rejected (or the lock expires and the message is delivered again).
    case cloudToDevice(ReceivedCloudToDeviceMessage)
    /// A desired-properties patch and the desired `$version` it produced.
    case desiredProperties(patch: JSONObject, version: Int)
    /// A direct-method request to answer with `DeviceSession.respond(to:status:payload:)`.
    case methodRequest(MethodRequest)
    /// The session ended; nothing follows.
    case closed(SessionCloseReason)
}
