/// What kind of endpoint a route's endpoint name refers to, and its configured spelling.
///
/// Azure compares endpoint names ignoring case; the stream is named with the spelling the
/// routing configuration gives, so every reader finds one stream per endpoint.
enum EndpointKind: Equatable {
    case builtIn
    case messaging(String)
    case storage(String)

    init?(named name: String, in endpoints: RoutingEndpoints) {
        let wanted = name.lowercased()
        if wanted == EndpointSet.builtInEndpointName {
            self = .builtIn
        } else if let storage = endpoints.storageContainers.first(where: { $0.name.lowercased() == wanted }) {
            self = .storage(storage.name)
        } else if let other = (endpoints.serviceBusQueues + endpoints.serviceBusTopics + endpoints.eventHubs).first(where: { $0.name.lowercased() == wanted }) {
            self = .messaging(other.name)
        } else {
            return nil
        }
    }
}
