import JSONValue

/// The result of one check, in the shape Exercism's test runners and O'Reilly's verified steps
/// use: a status, what was expected, what was found, and what to do about it.
public struct CheckResult: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        /// The workspace is as the step asks.
        case pass
        /// It is not (yet): `expected` and `actual` say how.
        case fail
        /// The check could not be evaluated (a broken query in the lab, an unreadable store).
        case error
    }

    public var checkId: String
    public var status: Status
    public var expected: String
    public var actual: String
    /// For a failure, the check's explanation; for an error, what went wrong.
    public var message: String

    public init(checkId: String, status: Status, expected: String, actual: String, message: String) {
        self.checkId = checkId
        self.status = status
        self.expected = expected
        self.actual = actual
        self.message = message
    }

    /// `{"id", "status", "expected", "actual", "message"}`.
    public var json: JSONValue {
        ["id": .string(checkId), "status": .string(status.rawValue), "expected": .string(expected), "actual": .string(actual), "message": .string(message)]
    }
}
