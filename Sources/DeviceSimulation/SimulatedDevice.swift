/// A device that lives inside iotlab and talks to a hub through the same session API as the
/// network front doors (filled in by the simulation work).
public struct SimulatedDevice: Sendable {
    public init() {}
}
