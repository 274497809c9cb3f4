import NIOCore

/// What one connection measured, handed back when it stops.
struct MQTTLoadClientResult: Sendable {
    var published = 0
    var acknowledged = 0
    /// Publish-to-PUBACK times in microseconds.
    var latencies: [UInt32] = []
    var firstPublish: NIODeadline?
    var lastAcknowledgement: NIODeadline?
}

/// Fired into every connection's pipeline to start publishing until `deadline`.
struct MQTTLoadStart: Sendable {
    let deadline: NIODeadline
}
