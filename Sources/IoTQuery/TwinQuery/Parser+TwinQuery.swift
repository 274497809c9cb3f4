import JSONValue

/// The clauses of a twin query, as read from the text.
struct TwinQueryClauses {
    var top: Int?
    var selection: Selection
    var collection: QueryCollection
    var condition: Expression?
    var grouping: [PropertyPath]
}

/// The grammar of the twin query dialect on top of the shared expression grammar.
extension Parser {
    mutating func parseTwinQuery() throws(QueryError) -> TwinQueryClauses {
        try expect(keyword: "SELECT", "at the start of the query")
        let top = try parseTop()
        let selectionStart = current.position
        let projections = try parseSelectList()
        try expect(keyword: "FROM", projections == nil ? "after SELECT *" : "after the SELECT list")
        let collection = try parseCollection()
        var condition: Expression?
        if accept(keyword: "WHERE") {
            condition = try parseExpression()
        }
        var grouping: [PropertyPath] = []
        let groupStart = current.position
        if accept(keyword: "GROUP") {
            try expect(keyword: "BY", "after GROUP")
            repeat {
                grouping.append(try parsePath())
            } while accept(.comma)
        }
        if !grouping.isEmpty {
            try expectEnd("',' or the end of the query")
        } else if condition != nil {
            try expectEnd("AND, OR, GROUP BY or the end of the query")
        } else {
            try expectEnd("WHERE, GROUP BY or the end of the query")
        }

        if collection == .jobs, projections != nil || !grouping.isEmpty {
            throw QueryError(
                at: projections != nil ? selectionStart : groupStart,
                "queries FROM devices.jobs support only SELECT *, without projections, aggregates or GROUP BY")
        }
        let strip = { (path: PropertyPath) in Self.strippingCollection(collection, from: path) }
        let groupedPaths = grouping.map(strip)
        return TwinQueryClauses(
            top: top,
            selection: try Self.selection(projections, grouping: groupedPaths, at: selectionStart, strip: strip),
            collection: collection,
            condition: condition?.mappingPaths(strip),
            grouping: groupedPaths)
    }

    private mutating func parseTop() throws(QueryError) -> Int? {
        guard accept(keyword: "TOP") else { return nil }
        guard case .number(.integer(let count)) = current.kind, count >= 0 else {
            throw failure("expected a whole number after TOP, found \(current.quoted)")
        }
        advance()
        return count
    }

    /// `nil` for `*`, else the projections in order.
    private mutating func parseSelectList() throws(QueryError) -> [(Projection, SourcePosition)]? {
        if accept(.star) { return nil }
        var projections: [(Projection, SourcePosition)] = []
        var unnamed = 0
        repeat {
            let start = current.position
            let value = try parseProjectionValue()
            let name: String
            if accept(keyword: "AS") {
                guard case .word(let alias) = current.kind, !Self.reservedWords.contains(alias.uppercased()) else {
                    throw failure("expected a name after AS, found \(current.quoted)")
                }
                advance()
                name = alias
            } else if case .expression(.path(let path)) = value {
                name = path.lastSegment
            } else {
                unnamed += 1
                name = "$\(unnamed)"
            }
            if projections.contains(where: { $0.0.name == name }) {
                throw QueryError(at: start, "the SELECT list names '\(name)' twice; give one of them another name with AS")
            }
            projections.append((Projection(name: name, value: value), start))
        } while accept(.comma)
        return projections
    }

    private mutating func parseProjectionValue() throws(QueryError) -> Projection.Value {
        guard case .word(let word) = current.kind, let aggregate = Aggregate(name: word),
            lookahead(1).isSymbol(.leftParenthesis)
        else {
            return .expression(try parseExpression())
        }
        advance()
        advance()
        if aggregate == .count, accept(.rightParenthesis) {
            return .aggregate(.count, nil)
        }
        let argument = try parseExpression()
        try expect(.rightParenthesis, "to close \(aggregate.rawValue)(")
        return .aggregate(aggregate, argument)
    }

    private mutating func parseCollection() throws(QueryError) -> QueryCollection {
        let start = current
        var name = ""
        if case .word(let word) = current.kind {
            advance()
            name = word
            while accept(.dot) {
                guard case .word(let member) = current.kind else {
                    throw failure("expected a collection name after '.'")
                }
                advance()
                name += "." + member
            }
        }
        guard let collection = QueryCollection(rawValue: name.lowercased()) else {
            let found = name.isEmpty ? start.quoted : "'\(name)'"
            throw QueryError(
                at: start.position, "expected devices, devices.modules or devices.jobs after FROM, found \(found)")
        }
        return collection
    }

    /// `devices.jobs.status` in a query FROM devices.jobs reads `status` of each job record.
    private static func strippingCollection(_ collection: QueryCollection, from path: PropertyPath) -> PropertyPath {
        let prefix = collection.nameSegments
        guard path.segments.count > prefix.count, path.segments.starts(with: prefix) else { return path }
        return path.droppingPrefix(prefix.count)
    }

    /// Checks the SELECT list against GROUP BY the way SQL does: with aggregates or GROUP BY,
    /// every other projection must be a grouped path.
    private static func selection(
        _ projections: [(Projection, SourcePosition)]?, grouping: [PropertyPath], at start: SourcePosition,
        strip: (PropertyPath) -> PropertyPath
    ) throws(QueryError) -> Selection {
        guard let projections else {
            guard grouping.isEmpty else {
                throw QueryError(at: start, "SELECT * cannot be used with GROUP BY; list the grouped properties and aggregates")
            }
            return .documents
        }
        let stripped = projections.map { projection, position in
            switch projection.value {
            case .expression(let expression):
                (Projection(name: projection.name, value: .expression(expression.mappingPaths(strip))), position)
            case .aggregate(let aggregate, let argument):
                (Projection(name: projection.name, value: .aggregate(aggregate, argument?.mappingPaths(strip))), position)
            }
        }
        let aggregated = !grouping.isEmpty || stripped.contains { $0.0.isAggregate }
        guard aggregated else { return .projections(stripped.map(\.0)) }
        for (projection, position) in stripped {
            guard case .expression(let expression) = projection.value else { continue }
            guard case .path(let path) = expression, grouping.contains(where: path.isSameProperty) else {
                throw QueryError(
                    at: position,
                    "'\(projection.name)' must be a GROUP BY property or an aggregate such as COUNT() when the query aggregates")
            }
        }
        return .aggregation(stripped.map(\.0))
    }
}
