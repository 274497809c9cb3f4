import JSONValue

/// The routing dialect's name resolution for one condition, remembering each distinct path it
/// read, in order, for the route's trace.
final class TracingScope: QueryScope {
    private let context: RoutingContext
    private(set) var reads: [RoutingEvaluation.Read] = []

    init(_ context: RoutingContext) {
        self.context = context
    }

    func value(at path: PropertyPath) -> JSONValue? {
        let read: RoutingEvaluation.Read
        switch context.lookUp(path) {
        case .found(let value): read = .init(path: path, value: value, missing: nil)
        case .missing(let reason): read = .init(path: path, value: nil, missing: reason)
        }
        if !reads.contains(where: { $0.reads(path) }) { reads.append(read) }
        return read.value
    }
}
