/// Whether an identity may connect: a disabled device is refused at the door.
public enum DeviceStatus: String, Sendable, CaseIterable {
    case enabled
    case disabled
}

/// Whether an identity has an open connection to the hub, spelled as Azure spells it.
public enum ConnectionState: String, Sendable, CaseIterable {
    case connected = "Connected"
    case disconnected = "Disconnected"
}
