/// Why the hub closed a device session, the last thing its deliveries stream yields.
public enum SessionCloseReason: String, Sendable, Equatable, CustomStringConvertible {
    /// The device disconnected itself.
    case disconnected
    /// A new connection of the same identity took over (Azure's 400027
    /// ConnectionForcefullyClosedOnNewConnection: one live connection per identity).
    case takenOver
    /// The device was disabled in the registry.
    case deviceDisabled
    /// The device or module was deleted from the registry.
    case identityDeleted

    public var description: String {
        switch self {
        case .disconnected: "the device disconnected"
        case .takenOver: "a new connection of the same identity took it over"
        case .deviceDisabled: "the device was disabled"
        case .identityDeleted: "the identity was deleted"
        }
    }
}
