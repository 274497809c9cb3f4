import JSONValue

/// Arithmetic as the IoT Hub query language defines it: numbers only.
///
/// Anything else (a string, a missing property, division by zero) is undefined rather than an
/// error, so one odd twin does not fail a query over the whole hub. Integers stay integers while
/// the result is whole and fits, as `2 + 3` prints `5` and not `5.0` in Azure's answers.
extension JSONValue {
    func applying(_ op: BinaryOperator, _ other: JSONValue) -> JSONValue? {
        if case .integer(let left) = self, case .integer(let right) = other {
            return Self.integerArithmetic(op, left, right)
        }
        guard let left = doubleValue, let right = other.doubleValue else { return nil }
        let result: Double
        switch op {
        case .add: result = left + right
        case .subtract: result = left - right
        case .multiply: result = left * right
        case .divide:
            guard right != 0 else { return nil }
            result = left / right
        case .remainder:
            guard right != 0 else { return nil }
            result = left.truncatingRemainder(dividingBy: right)
        default: return nil
        }
        return result.isFinite ? .double(result) : nil
    }

    private static func integerArithmetic(_ op: BinaryOperator, _ left: Int, _ right: Int) -> JSONValue? {
        let (result, overflow): (Int, Bool)
        switch op {
        case .add: (result, overflow) = left.addingReportingOverflow(right)
        case .subtract: (result, overflow) = left.subtractingReportingOverflow(right)
        case .multiply: (result, overflow) = left.multipliedReportingOverflow(by: right)
        case .divide:
            guard right != 0 else { return nil }
            guard right == -1 || left % right == 0 else { return .double(Double(left) / Double(right)) }
            (result, overflow) = left.dividedReportingOverflow(by: right)
        case .remainder:
            guard right != 0 else { return nil }
            (result, overflow) = left.remainderReportingOverflow(dividingBy: right)
        default: return nil
        }
        guard overflow else { return .integer(result) }
        return JSONValue.double(Double(left)).applying(op, .double(Double(right)))
    }
}
