import JSONValue

/// The rows of one run of a twin query, built one document at a time.
///
/// `SELECT *` keeps matching documents as they are; projections build one row per matching
/// document; aggregates group the matching documents by the GROUP BY values (one group without
/// GROUP BY), in the order groups first appear, and build one row per group at the end.
@usableFromInline
struct QueryResults {
    private struct Group {
        let key: [JSONValue?]
        var accumulators: [AggregateAccumulator]
    }

    private let query: TwinQuery
    private let limit: Int
    private var rows: [JSONValue] = []
    private var groupIndex: [[JSONValue?]: Int] = [:]
    private var groups: [Group] = []
    private let freshAccumulators: [AggregateAccumulator]

    @usableFromInline
    init(_ query: TwinQuery) {
        self.query = query
        limit = query.top ?? Int.max
        if case .aggregation(let projections) = query.selection {
            freshAccumulators = projections.compactMap { projection in
                guard case .aggregate(let aggregate, let argument) = projection.value else { return nil }
                return AggregateAccumulator(aggregate, argument)
            }
            if query.grouping.isEmpty { groups.append(Group(key: [], accumulators: freshAccumulators)) }
        } else {
            freshAccumulators = []
        }
    }

    /// Takes the next document; `false` once TOP rows are complete and no more need be read.
    @usableFromInline
    mutating func add(_ document: JSONValue) -> Bool {
        guard rows.count < limit else { return false }
        guard query.matches(document) else { return true }
        switch query.selection {
        case .documents:
            rows.append(document)
        case .projections(let projections):
            rows.append(Self.project(projections, from: DocumentScope(document)))
        case .aggregation:
            accumulate(DocumentScope(document))
        }
        return rows.count < limit
    }

    /// The result rows, TOP applied.
    @usableFromInline
    func finish() -> [JSONValue] {
        guard case .aggregation(let projections) = query.selection else { return rows }
        return groups.prefix(limit).map { row(of: $0, projections) }
    }

    private static func project(_ projections: [Projection], from scope: DocumentScope) -> JSONValue {
        var row = JSONObject()
        for projection in projections {
            guard case .expression(let expression) = projection.value else { continue }
            if let value = expression.evaluate(in: scope) {
                row[projection.name] = value
            }
        }
        return .object(row)
    }

    private mutating func accumulate(_ scope: DocumentScope) {
        let index: Int
        if query.grouping.isEmpty {
            index = 0
        } else {
            let key = query.grouping.map { scope.value(at: $0) }
            if let existing = groupIndex[key] {
                index = existing
            } else {
                index = groups.count
                groupIndex[key] = index
                groups.append(Group(key: key, accumulators: freshAccumulators))
            }
        }
        for slot in groups[index].accumulators.indices {
            groups[index].accumulators[slot].add(scope)
        }
    }

    /// Aggregates first, then the grouped values, the member order Azure's GROUP BY answers show.
    private func row(of group: Group, _ projections: [Projection]) -> JSONValue {
        var row = JSONObject()
        var accumulators = group.accumulators.makeIterator()
        for projection in projections where projection.isAggregate {
            if let value = accumulators.next()?.result {
                row[projection.name] = value
            }
        }
        for projection in projections {
            guard case .expression(.path(let path)) = projection.value,
                let position = query.grouping.firstIndex(where: path.isSameProperty), let value = group.key[position]
            else { continue }
            row[projection.name] = value
        }
        return .object(row)
    }
}
