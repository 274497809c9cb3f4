/// The hub's cloud-to-device settings as Resource Manager holds them (filled in by the C2D work).
public struct CloudToDeviceSettings: Sendable, Equatable {
    public init() {}
}
