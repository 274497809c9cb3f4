import JSONValue

/// A parsed IoT Hub query, as `az iot hub query -q` and `POST /devices/query` take it.
///
/// `SELECT [TOP n] (* | projection [AS alias], ...) FROM devices | devices.modules | devices.jobs
/// [WHERE condition] [GROUP BY path, ...]`. The text is parsed once; paths are resolved to member
/// lists then, so `run(over:)` does no string work per document and can filter a hub of 100,000
/// twins in milliseconds.
public struct TwinQuery: Sendable {
    /// The query as written.
    public let text: String
    /// The collection named in FROM.
    public let collection: QueryCollection
    /// `SELECT TOP n`: at most this many rows.
    public let top: Int?
    let selection: Selection
    let condition: Expression?
    let grouping: [PropertyPath]

    /// Parses `text`, failing with the line and column of the first problem.
    public init(_ text: String) throws(QueryError) {
        var parser = try Parser(text)
        let clauses = try parser.parseTwinQuery()
        self.text = text
        collection = clauses.collection
        top = clauses.top
        selection = clauses.selection
        condition = clauses.condition
        grouping = clauses.grouping
    }

    /// Whether the query returns whole documents (`SELECT *`), so a caller can page and type the
    /// rows as twins, as the service SDKs do with `GetNextAsTwinAsync`.
    public var selectsDocuments: Bool {
        if case .documents = selection { true } else { false }
    }

    /// Whether `document` satisfies the WHERE clause (every document does when there is none).
    public func matches(_ document: JSONValue) -> Bool {
        condition?.holds(in: DocumentScope(document)) ?? true
    }
}
