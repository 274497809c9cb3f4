import JSONValue

extension JMESPathExpression {
    /// Evaluates the expression against `value` with JMESPath semantics: a missing member or a
    /// step through the wrong type yields `null`, projections drop `null` results, and only a
    /// function given the wrong type throws.
    func evaluate(_ value: JSONValue) throws(JMESPathError) -> JSONValue {
        switch self {
        case .current:
            return value
        case .field(let name):
            return value[name] ?? .null
        case .subexpression(let left, let right):
            return try right.evaluate(try left.evaluate(value))
        case .index(let left, let index):
            guard let elements = try left.evaluate(value).arrayValue else { return .null }
            let position = index < 0 ? elements.count + index : index
            return elements.indices.contains(position) ? elements[position] : .null
        case .slice(let left, let start, let stop, let step):
            guard let elements = try left.evaluate(value).arrayValue else { return .null }
            return .array(Self.slice(elements, start: start, stop: stop, step: step ?? 1))
        case .listProjection(let left, let right):
            guard let elements = try left.evaluate(value).arrayValue else { return .null }
            return try Self.project(elements, through: right)
        case .valueProjection(let left, let right):
            guard let members = try left.evaluate(value).objectValue else { return .null }
            return try Self.project(Array(members.values), through: right)
        case .flatten(let inner):
            guard let elements = try inner.evaluate(value).arrayValue else { return .null }
            return .array(elements.flatMap { $0.arrayValue ?? [$0] })
        case .filterProjection(let left, let condition, let right):
            guard let elements = try left.evaluate(value).arrayValue else { return .null }
            var kept: [JSONValue] = []
            for element in elements where try condition.evaluate(element).isTruthy {
                kept.append(element)
            }
            return try Self.project(kept, through: right)
        case .comparison(let comparator, let left, let right):
            return comparator.compare(try left.evaluate(value), try right.evaluate(value))
        case .and(let left, let right):
            let first = try left.evaluate(value)
            return first.isTruthy ? try right.evaluate(value) : first
        case .or(let left, let right):
            let first = try left.evaluate(value)
            return first.isTruthy ? first : try right.evaluate(value)
        case .not(let inner):
            return .bool(!(try inner.evaluate(value).isTruthy))
        case .literal(let literal):
            return literal
        case .multiSelectList(let elements):
            if value.isNull { return .null }
            var results: [JSONValue] = []
            for element in elements { results.append(try element.evaluate(value)) }
            return .array(results)
        case .multiSelectHash(let entries):
            if value.isNull { return .null }
            var members = JSONObject()
            for entry in entries { members[entry.key] = try entry.expression.evaluate(value) }
            return .object(members)
        case .function(let function, let arguments):
            var values: [JSONValue] = []
            for argument in arguments { values.append(try argument.evaluate(value)) }
            return try function.apply(values)
        case .pipe(let left, let right):
            return try right.evaluate(try left.evaluate(value))
        }
    }

    private static func project(
        _ elements: [JSONValue], through right: JMESPathExpression
    ) throws(JMESPathError) -> JSONValue {
        var results: [JSONValue] = []
        for element in elements {
            let result = try right.evaluate(element)
            if !result.isNull { results.append(result) }
        }
        return .array(results)
    }

    /// Python's slice rules, which JMESPath adopts.
    private static func slice(_ elements: [JSONValue], start: Int?, stop: Int?, step: Int) -> [JSONValue] {
        let count = elements.count
        func clamp(_ bound: Int?, default fallback: Int) -> Int {
            guard var bound else { return fallback }
            if bound < 0 {
                bound += count
                if bound < 0 { bound = step < 0 ? -1 : 0 }
            } else if bound >= count {
                bound = step < 0 ? count - 1 : count
            }
            return bound
        }
        var index = clamp(start, default: step < 0 ? count - 1 : 0)
        let end = clamp(stop, default: step < 0 ? -1 : count)
        var result: [JSONValue] = []
        while step > 0 ? index < end : index > end {
            result.append(elements[index])
            index += step
        }
        return result
    }
}
