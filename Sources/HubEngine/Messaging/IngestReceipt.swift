import Foundation

/// What a device learns when the hub acknowledges a message: it is durable in every endpoint
/// it was routed to, accepted at `enqueuedTime`, routed as `decision` says.
public struct IngestReceipt: Sendable, Equatable {
    public var enqueuedTime: Date
    public var decision: RoutingDecision

    public init(enqueuedTime: Date, decision: RoutingDecision) {
        self.enqueuedTime = enqueuedTime
        self.decision = decision
    }
}
