import JSONValue

/// One message being routed, shared by every condition evaluated on it so that its body is
/// decoded at most once however many routes read `$body`, and not at all when none does.
///
/// As a scope it resolves paths without tracing them, remembering only the first path that
/// was undefined (what a verdict's error names); `TracingScope` records every read.
final class RoutingContext: QueryScope {
    let message: RoutedMessage
    private lazy var body = QueryableBody(message)
    /// The first path read undefined since the last reset, with why.
    var firstUndefined: RoutingEvaluation.Read?

    init(_ message: RoutedMessage) {
        self.message = message
    }

    func value(at path: PropertyPath) -> JSONValue? {
        switch lookUp(path) {
        case .found(let value):
            return value
        case .missing(let reason):
            if firstUndefined == nil { firstUndefined = RoutingEvaluation.Read(path: path, value: nil, missing: reason) }
            return nil
        }
    }

    /// What a path in a routing condition reads, or why it is undefined.
    enum Lookup {
        case found(JSONValue)
        case missing(MissingReason)
    }

    /// Resolves `path` as IoT Hub routing does: `$body.…` in the JSON body, `$twin.…` in the
    /// sender's twin, `$name` among the system properties, and a bare name among the application
    /// properties.
    func lookUp(_ path: PropertyPath) -> Lookup {
        switch path.routingRoot {
        case .empty:
            return .missing(.emptyPath)
        case .document(let kind, let whole):
            let document: JSONValue
            switch kind {
            case .body:
                switch body {
                case .document(let decoded): document = decoded
                case .unavailable(let reason): return .missing(.described(reason))
                }
            case .twin:
                guard let twin = message.twin else { return .missing(.noTwin) }
                document = twin
            }
            // Azure leaves conditions on the whole document (`$body`, `$body[0]`) undefined.
            guard !whole else { return .missing(.wholeDocument(kind, head: path.segments[0])) }
            guard let value = document.queryValue(at: path, from: 1) else { return .missing(.noMember(kind, path)) }
            return .found(value)
        case .dollarName, .bareName:
            let head = path.segments[0]
            var isDollarName = false
            if case .dollarName = path.routingRoot { isDollarName = true }
            let value = isDollarName ? message.dollarProperty(named: head) : message.applicationProperty(named: head)
            guard let value else {
                return .missing(isDollarName ? .noSystemProperty(head) : .noApplicationProperty(head))
            }
            guard path.segments.count == 1 else {
                return .missing(.stringHasNoMembers(head))
            }
            return .found(.string(value))
        }
    }
}
