/// The copy of a routed message that a group of endpoints receives: endpoints with the same
/// enrichments share one copy, so a message without enrichments is encoded once.
struct EndpointCopy: Sendable {
    let message: HubMessage
    var endpointNames: [String]
    /// `message.size`, measured once for the size limit and the egress metrics.
    let size: Int

    init(message: HubMessage, endpointNames: [String]) {
        self.message = message
        self.endpointNames = endpointNames
        size = message.size
    }
}
