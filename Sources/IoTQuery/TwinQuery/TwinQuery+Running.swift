import JSONValue

extension TwinQuery {
    /// Runs the query over documents shaped as Azure returns them (device twins for FROM
    /// devices, module twins for FROM devices.modules, job records for FROM devices.jobs) and
    /// returns the result rows in order, TOP applied.
    ///
    /// Running cannot fail: a property a document lacks is undefined, which filters the document
    /// out or leaves the member out of its row, as in Azure.
    public func run(over documents: some Sequence<JSONValue>) -> [JSONValue] {
        // Arrays (the usual case) are read through their buffer, where the loop below is
        // specialised; a generic sequence from another module would cost a witness call per twin.
        if let rows = documents.withContiguousStorageIfAvailable({ rows(from: $0) }) { return rows }
        return rows(from: documents)
    }

    private func rows(from documents: some Sequence<JSONValue>) -> [JSONValue] {
        let limit = top ?? Int.max
        guard limit > 0 else { return [] }
        switch selection {
        case .documents:
            var rows: [JSONValue] = []
            for document in documents where matches(document) {
                rows.append(document)
                if rows.count == limit { break }
            }
            return rows
        case .projections(let projections):
            var rows: [JSONValue] = []
            for document in documents where matches(document) {
                rows.append(Self.project(projections, from: DocumentScope(document)))
                if rows.count == limit { break }
            }
            return rows
        case .aggregation(let projections):
            return Array(aggregate(projections, over: documents).prefix(limit))
        }
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

    /// Groups the matching documents by the GROUP BY values (one group without GROUP BY) in the
    /// order groups first appear, and builds one row per group.
    private func aggregate(_ projections: [Projection], over documents: some Sequence<JSONValue>) -> [JSONValue] {
        var groupIndex: [[JSONValue?]: Int] = [:]
        var groups: [(key: [JSONValue?], accumulators: [AggregateAccumulator])] = []
        let fresh = projections.compactMap { projection -> AggregateAccumulator? in
            guard case .aggregate(let aggregate, let argument) = projection.value else { return nil }
            return AggregateAccumulator(aggregate, argument)
        }
        if grouping.isEmpty { groups.append(([], fresh)) }
        for document in documents where matches(document) {
            let scope = DocumentScope(document)
            let key = grouping.map { scope.value(at: $0) }
            let index: Int
            if let existing = groupIndex[key] {
                index = existing
            } else if grouping.isEmpty {
                index = 0
            } else {
                index = groups.count
                groupIndex[key] = index
                groups.append((key, fresh))
            }
            for slot in groups[index].accumulators.indices {
                groups[index].accumulators[slot].add(scope)
            }
        }
        return groups.map { group in
            var row = JSONObject()
            var accumulators = group.accumulators.makeIterator()
            for projection in projections where projection.isAggregate {
                if let value = accumulators.next()?.result {
                    row[projection.name] = value
                }
            }
            for projection in projections {
                guard case .expression(.path(let path)) = projection.value,
                    let position = grouping.firstIndex(of: path), let value = group.key[position]
                else { continue }
                row[projection.name] = value
            }
            return .object(row)
        }
    }
}
