import JSONValue

/// What a load run measured: throughput over the publishing window and, for QoS 1, the
/// publish-to-PUBACK latency distribution.
public struct MQTTLoadReport: Sendable, Equatable {
    public var clients: Int
    public var published: Int
    public var acknowledged: Int
    /// Seconds from the first publish to the last acknowledgement counted.
    public var elapsed: Double
    /// Latencies in microseconds, sorted, one per acknowledged QoS 1 message.
    public var latencies: [UInt32]

    public init(clients: Int, published: Int, acknowledged: Int, elapsed: Double, latencies: [UInt32]) {
        self.clients = clients
        self.published = published
        self.acknowledged = acknowledged
        self.elapsed = elapsed
        self.latencies = latencies.sorted()
    }

    /// Acknowledged messages a second (QoS 1), or published ones for QoS 0.
    public var messagesPerSecond: Double {
        guard elapsed > 0 else { return 0 }
        return Double(latencies.isEmpty ? published : acknowledged) / elapsed
    }

    /// The latency below which `fraction` of acknowledged messages fell, in milliseconds.
    public func latencyMilliseconds(atFraction fraction: Double) -> Double? {
        guard !latencies.isEmpty else { return nil }
        let index = min(latencies.count - 1, Int((Double(latencies.count) * fraction).rounded(.up)) - 1)
        return Double(latencies[max(0, index)]) / 1000
    }

    public var json: JSONValue {
        [
            "clients": .integer(clients), "published": .integer(published), "acknowledged": .integer(acknowledged),
            "seconds": .double(elapsed), "messagesPerSecond": .double(messagesPerSecond.rounded()),
            "latencyP50Ms": latencyMilliseconds(atFraction: 0.5).map(JSONValue.double) ?? .null,
            "latencyP99Ms": latencyMilliseconds(atFraction: 0.99).map(JSONValue.double) ?? .null,
        ]
    }
}
