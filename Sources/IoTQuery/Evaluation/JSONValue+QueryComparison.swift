import JSONValue

/// Comparison as the IoT Hub query language defines it.
///
/// Comparisons are defined only between primitive values of the same type (numbers with
/// numbers, strings with strings, ...): anything else is undefined, which a WHERE clause treats
/// as false, and which stays undefined under NOT. String comparison is case-sensitive.
extension JSONValue {
    /// Whether two values are equal; `nil` when they cannot be compared.
    func queryEquals(_ other: JSONValue) -> Bool? {
        switch (self, other) {
        case (.string(let left), .string(let right)): left == right
        case (.integer(let left), .integer(let right)): left == right
        case (.integer, .double), (.double, .integer), (.double, .double): doubleValue == other.doubleValue
        case (.bool(let left), .bool(let right)): left == right
        case (.null, .null): true
        default: nil
        }
    }

    /// The order of two numbers or two strings; `nil` for any other pair.
    func queryOrder(_ other: JSONValue) -> Order? {
        switch (self, other) {
        case (.integer(let left), .integer(let right)): Order(left, right)
        case (.string(let left), .string(let right)): Order(left, right)
        case (.integer, .double), (.double, .integer), (.double, .double):
            if let left = doubleValue, let right = other.doubleValue, !left.isNaN, !right.isNaN {
                Order(left, right)
            } else {
                nil
            }
        default: nil
        }
    }

    /// `x IN list`: `nil` when `x` is not a primitive value.
    func isQueryMember(of list: [JSONValue]) -> Bool? {
        switch self {
        case .array, .object: return nil
        default: return list.contains { queryEquals($0) == true }
        }
    }

    enum Order {
        case ascending, same, descending

        init<T: Comparable>(_ left: T, _ right: T) {
            self = left < right ? .ascending : (left == right ? .same : .descending)
        }
    }
}
