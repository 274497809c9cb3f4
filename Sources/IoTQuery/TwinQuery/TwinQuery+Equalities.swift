import JSONValue

/// A constraint every row of a query satisfies: the property at `path` equals one of `values`.
public struct QueryEquality: Sendable, Equatable {
    public let path: PropertyPath
    /// Primitive constants; the property must equal one of them (`=` has one, `IN` several).
    public let values: [JSONValue]

    public init(path: PropertyPath, values: [JSONValue]) {
        self.path = path
        self.values = values
    }
}

extension TwinQuery {
    /// The equalities the WHERE clause requires of every matching document: its top-level
    /// conjuncts of the form `path = constant` (either way round) or `path IN [constants]`.
    ///
    /// A caller that keeps a `PathIndex` on one of these paths can run the query over the
    /// index's candidates instead of every document and get the same rows, since a document
    /// outside the candidates fails that conjunct and so the whole condition.
    public var requiredEqualities: [QueryEquality] {
        guard let condition else { return [] }
        return Self.equalities(in: condition)
    }

    private static func equalities(in expression: Expression) -> [QueryEquality] {
        switch expression {
        case .and(let left, let right):
            return equalities(in: left) + equalities(in: right)
        case .binary(.equal, .path(let path), .constant(let value?)), .binary(.equal, .constant(let value?), .path(let path)):
            return [QueryEquality(path: path, values: [value])]
        case .membership(.path(let path), let values, negated: false):
            return [QueryEquality(path: path, values: values)]
        default:
            return []
        }
    }
}
