import JSONValue

/// The running state of one aggregate over one group.
///
/// COUNT() counts documents and COUNT(x) the documents where `x` is defined; SUM and AVG take
/// numbers and skip anything else; MIN and MAX compare numbers with numbers and strings with
/// strings. An aggregate with nothing to aggregate (AVG, MIN, MAX of no numbers) is undefined
/// and its member is left out of the row; SUM of nothing is 0.
struct AggregateAccumulator: Sendable {
    let aggregate: Aggregate
    let argument: Expression?
    private var count = 0
    private var integerSum: Int? = 0
    private var doubleSum = 0.0
    private var extreme: JSONValue?

    init(_ aggregate: Aggregate, _ argument: Expression?) {
        self.aggregate = aggregate
        self.argument = argument
    }

    mutating func add(_ scope: DocumentScope) {
        guard let argument else {
            count += 1
            return
        }
        guard let value = argument.evaluate(in: scope) else { return }
        switch aggregate {
        case .count:
            count += 1
        case .sum, .average:
            guard let number = value.doubleValue else { return }
            count += 1
            doubleSum += number
            if case .integer(let integer) = value, let sum = integerSum {
                let (total, overflow) = sum.addingReportingOverflow(integer)
                integerSum = overflow ? nil : total
            } else {
                integerSum = nil
            }
        case .minimum, .maximum:
            guard let current = extreme else {
                if value.queryOrder(value) != nil { extreme = value }
                return
            }
            let wanted: JSONValue.Order = aggregate == .minimum ? .ascending : .descending
            if value.queryOrder(current) == wanted { extreme = value }
        }
    }

    /// The aggregate's value, or `nil` (undefined) when there was nothing to aggregate.
    var result: JSONValue? {
        switch aggregate {
        case .count: return .integer(count)
        case .sum: return integerSum.map(JSONValue.integer) ?? .double(doubleSum)
        case .average: return count == 0 ? nil : .double(doubleSum / Double(count))
        case .minimum, .maximum: return extreme
        }
    }
}
