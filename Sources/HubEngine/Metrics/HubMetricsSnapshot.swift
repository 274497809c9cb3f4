import Foundation

/// A hub's metrics at one moment under Azure Monitor's names: the counters since the hub was
/// opened and the gauges computed from its state, for `iotlab metrics` and the metrics pane.
public struct HubMetricsSnapshot: Sendable, Equatable {
    public var time: Date
    /// `d2c.telemetry.ingress.allProtocol`, `d2c.endpoints.egress.builtIn.events`, ...
    public var counters: [String: Int]
    /// `connectedDeviceCount`, `totalDeviceCount`, `dailyMessageQuotaUsed`.
    public var gauges: [String: Int]

    public init(time: Date, counters: [String: Int], gauges: [String: Int]) {
        self.time = time
        self.counters = counters
        self.gauges = gauges
    }

    /// Every metric, counters and gauges together, sorted by name as `iotlab metrics` lists them.
    public var all: [(name: String, value: Int)] {
        counters.merging(gauges) { _, gauge in gauge }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
