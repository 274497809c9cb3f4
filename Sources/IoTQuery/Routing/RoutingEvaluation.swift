import JSONValue

/// The outcome of one route's condition on one message, with the trace the route tester and the
/// journal's RouteEvaluated event show.
///
/// A route matches only when its condition evaluates to the boolean `true`. As in IoT Hub, a
/// condition that evaluates to undefined, null or any value that is not a boolean counts as no
/// match and is an error (Azure writes it to the routes resource log); a condition that is
/// `false` is no match and no error.
///
/// Every message is routed with its trace, but few traces are ever shown: the trace keeps what
/// each read found as cheap values (the parsed path, a reason case) and spells the paths,
/// reasons and error only when asked.
public struct RoutingEvaluation: Sendable, Equatable {
    /// One property the condition read, in the order it was first read.
    public struct Read: Sendable, Equatable {
        fileprivate let source: PathSource
        /// The value read; `nil` when undefined.
        public var value: JSONValue?
        fileprivate let missing: MissingReason?

        /// Where a read's path comes from: the condition's parsed path, or text given by a caller.
        fileprivate enum PathSource: Sendable, Equatable {
            case parsed(PropertyPath)
            case text(String)
        }

        public init(path: String, value: JSONValue?, reason: String?) {
            self.source = .text(path)
            self.value = value
            self.missing = reason.map(MissingReason.described)
        }

        init(path: PropertyPath, value: JSONValue?, missing: MissingReason?) {
            self.source = .parsed(path)
            self.value = value
            self.missing = missing
        }

        /// The path as the condition writes it: `sensorID`, `$contentType`, `$body.Weather.Temperature`.
        public var path: String {
            switch source {
            case .parsed(let path): path.description
            case .text(let text): text
            }
        }

        /// Why the value is undefined (`the message has no application property 'sensorID'`,
        /// `$body can be read only when the content type is application/json; ...`); `nil` when
        /// the value was found.
        public var reason: String? { missing?.description }

        /// Whether this read is of `path`, without spelling either.
        func reads(_ path: PropertyPath) -> Bool {
            switch source {
            // The text stands for the path (it is kept with it), and compares in one step.
            case .parsed(let parsed): parsed.description == path.description
            case .text(let text): text == path.description
            }
        }

        /// Reads are the same when they show the same: path, value and reason as text.
        public static func == (lhs: Read, rhs: Read) -> Bool {
            lhs.value == rhs.value && lhs.path == rhs.path && lhs.reason == rhs.reason
        }
    }

    /// Whether the route matches: the condition evaluated to `true`.
    public var matched: Bool
    /// What the condition evaluated to; `nil` when undefined.
    public var result: JSONValue?
    /// Each distinct property the condition read. AND and OR stop once the left side decides,
    /// so a property the evaluation never needed is not listed.
    public var reads: [Read]
    private let givenError: String??

    public init(matched: Bool, result: JSONValue?, reads: [Read], error: String?) {
        self.matched = matched
        self.result = result
        self.reads = reads
        self.givenError = .some(error)
    }

    /// The evaluation of a condition that gave `result` after reading `reads`; its error is
    /// spelled from them when asked.
    init(result: JSONValue?, reads: [Read]) {
        self.matched = result == .bool(true)
        self.result = result
        self.reads = reads
        self.givenError = nil
    }

    /// Why the condition counted as no match when it did not evaluate to a boolean; `nil` when it
    /// evaluated to `true` or `false`.
    public var error: String? {
        if let givenError { return givenError }
        return Self.error(result: result, cause: reads.first { $0.value == nil })
    }

    /// The error of a condition that evaluated to `result` with `cause` the first path it read
    /// undefined: what a trace and a verdict (which keeps only that read) both spell.
    static func error(result: JSONValue?, cause: Read?) -> String? {
        switch result {
        case .bool?:
            return nil
        case nil:
            let because = cause.map { ": \($0.path) is undefined because \($0.reason ?? "it is missing")" }
            return "the condition evaluated to undefined, not true or false, so the message does not match\(because ?? "")"
        case .null?:
            return "the condition evaluated to null, not true or false, so the message does not match"
        case let value?:
            return "the condition evaluated to the \(value.typeName) \(value.serialized()), not true or false, so the message does not match"
        }
    }

    /// What `error` is spelled from, for a caller that spells the errors of many messages (the
    /// hub's `MessageRouted` record): equal keys spell equal errors whatever the condition, so
    /// the text can be spelled once per key. `nil` when there is no error, or when it names a
    /// value the condition evaluated to or was given as text.
    public var errorKey: ErrorKey? {
        guard givenError == nil else { return nil }
        return Self.errorKey(result: result, cause: reads.first { $0.value == nil })
    }

    /// The key of the error `error(result:cause:)` spells.
    static func errorKey(result: JSONValue?, cause: Read?) -> ErrorKey? {
        switch result {
        case nil: ErrorKey(kind: .undefined(cause?.source, cause?.missing))
        case .null?: ErrorKey(kind: .null)
        default: nil
        }
    }

    /// The cause of an error without its text: the undefined path read first and why, or null.
    public struct ErrorKey: Sendable, Hashable {
        fileprivate enum Kind: Sendable, Equatable {
            case undefined(Read.PathSource?, MissingReason?)
            case null
        }

        fileprivate let kind: Kind

        /// Hashes the path's text alone (kept with the parsed path, so nothing is spelled): a
        /// key is looked up for every message a route is undefined for, and equality still
        /// compares the whole cause.
        public func hash(into hasher: inout Hasher) {
            switch kind {
            case .null:
                hasher.combine(0)
            case .undefined(let source, _):
                hasher.combine(1)
                switch source {
                case .parsed(let path)?: hasher.combine(path.description)
                case .text(let text)?: hasher.combine(text)
                case nil: break
                }
            }
        }
    }

    /// Whether the condition counted as no match without evaluating to a boolean, without
    /// spelling why.
    public var hasError: Bool {
        if let givenError { return givenError != nil }
        if case .bool? = result { return false }
        return true
    }

    public static func == (lhs: RoutingEvaluation, rhs: RoutingEvaluation) -> Bool {
        lhs.matched == rhs.matched && lhs.result == rhs.result && lhs.reads == rhs.reads && lhs.error == rhs.error
    }
}
