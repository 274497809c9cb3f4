import LabCore

/// Why a query or condition could not be read, with the line and column (both from 1) where
/// reading stopped.
///
/// IoT Hub answers a malformed query on `POST /devices/query` with HTTP 400 and does not run it;
/// a route condition or configuration target condition that does not parse cannot be saved.
/// The emulator goes further than the service and names the position and what was expected,
/// because a learner's next step is to fix the text.
public struct QueryError: AzureError, Equatable {
    /// The line of the query text, from 1.
    public let line: Int
    /// The column in that line, counted in characters from 1.
    public let column: Int
    /// What was wrong, without the position.
    public let reason: String

    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    init(at position: SourcePosition, _ reason: String) {
        self.init(line: position.line, column: position.column, reason: reason)
    }

    public var httpStatus: Int { 400 }
    /// The service's code for a request argument it rejects (`ArgumentInvalid`), which is what a
    /// query body that does not parse is.
    public var errorCode: Int? { 400004 }
    public var errorName: String { "ArgumentInvalid" }
    /// `line 1, column 23: expected a property path after '.'`
    public var message: String { "line \(line), column \(column): \(reason)" }
}
