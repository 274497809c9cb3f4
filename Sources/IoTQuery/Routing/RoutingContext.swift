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
        guard let head = path.segments.first else { return .missing(.emptyPath) }
        let isDollarName = head.utf8.first == UInt8(ascii: "$")
        if isDollarName, head.equalsIgnoringCase("$body") {
            switch body {
            case .document(let document): return lookUp(path, in: document, .body)
            case .unavailable(let reason): return .missing(.described(reason))
            }
        } else if isDollarName, head.equalsIgnoringCase("$twin") {
            guard let twin = message.twin else { return .missing(.noTwin) }
            return lookUp(path, in: twin, .twin)
        } else {
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

    /// A path below `$body` or `$twin`, which must name a member: Azure leaves conditions on the
    /// whole body (`$body`, `$body[0]`) undefined.
    private func lookUp(_ path: PropertyPath, in document: JSONValue, _ kind: RoutedDocument) -> Lookup {
        let head = path.segments[0]
        guard path.segments.count > 1, !path.indexSteps.contains(1) else {
            return .missing(.wholeDocument(kind, head: head))
        }
        guard let value = document.queryValue(at: path, from: 1) else {
            return .missing(.noMember(kind, path))
        }
        return .found(value)
    }
}
