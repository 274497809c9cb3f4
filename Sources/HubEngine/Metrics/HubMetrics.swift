/// A hub's counters under the names Azure Monitor gives them (`d2c.telemetry.ingress.allProtocol`,
/// `c2d.commands.egress.complete.success`, ...), so `iotlab metrics` reads like the portal.
///
/// Counters only grow while the hub is open; gauges such as `connectedDeviceCount` are computed
/// from the hub's state when asked, not counted.
public struct HubMetrics: Sendable, Equatable {
    private(set) var counters: [String: Int] = [:]

    public init() {}

    /// Adds `amount` to the counter `name`.
    mutating func count(_ name: String, by amount: Int = 1) {
        counters[name, default: 0] += amount
    }

    /// The counter `name`; 0 when nothing has been counted.
    public subscript(name: String) -> Int {
        counters[name] ?? 0
    }

    /// Every counter that has counted something, by name.
    public var values: [String: Int] { counters }
}
