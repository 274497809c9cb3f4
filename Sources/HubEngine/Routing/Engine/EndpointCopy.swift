/// The copy of a routed message that a group of endpoints receives: endpoints with the same
/// enrichments share one copy, so a message without enrichments is encoded once.
struct EndpointCopy: Sendable {
    var message: HubMessage
    var endpointNames: [String]
}
