/// One member of a SELECT list and the name it has in result rows.
struct Projection: Sendable {
    enum Value: Sendable {
        /// An expression evaluated per document; undefined results leave the member out.
        case expression(Expression)
        /// An aggregate over the documents of a group; COUNT's argument is optional.
        case aggregate(Aggregate, Expression?)
    }

    /// The member name: the alias, else a path's last member, else `$1`, `$2`, ...
    let name: String
    let value: Value

    var isAggregate: Bool {
        if case .aggregate = value { true } else { false }
    }
}

/// What the SELECT list asks for.
enum Selection: Sendable {
    /// `SELECT *`: the documents as they are.
    case documents
    /// One row per document, with the listed members.
    case projections([Projection])
    /// One row per group (one group when there is no GROUP BY), aggregates first, then the grouped
    /// values, the member order Azure's GROUP BY answers show.
    case aggregation([Projection])
}
