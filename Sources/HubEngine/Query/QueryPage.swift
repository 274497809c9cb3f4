import JSONValue

/// One page of query results and the token that fetches the next (`x-ms-continuation`).
public struct QueryPage: Sendable, Equatable {
    /// Twin documents, or projected rows for `SELECT a, b`.
    public var items: [JSONValue]
    /// `nil` on the last page.
    public var continuationToken: String?

    public init(items: [JSONValue], continuationToken: String?) {
        self.items = items
        self.continuationToken = continuationToken
    }
}
