/// The functions of the IoT Hub query language: type checks, math and strings.
///
/// Azure documents `IS_DEFINED` for twin queries and the full set for routing conditions; the
/// emulator offers the full set in every dialect (a superset, noted in the differences article).
/// Names are case-insensitive; `STARTSWITH` and `ENDSWITH` are accepted beside the documented
/// `STARTS_WITH` and `ENDS_WITH` because learners write both.
enum BuiltinFunction: String, Sendable, CaseIterable {
    // Type checks and casts.
    case isDefined = "IS_DEFINED"
    case isNull = "IS_NULL"
    case isBool = "IS_BOOL"
    case isNumber = "IS_NUMBER"
    case isString = "IS_STRING"
    case isObject = "IS_OBJECT"
    case isArray = "IS_ARRAY"
    case isPrimitive = "IS_PRIMITIVE"
    case asNumber = "AS_NUMBER"
    // Math.
    case abs = "ABS"
    case ceiling = "CEILING"
    case floor = "FLOOR"
    case exp = "EXP"
    case log = "LOG"
    case log10 = "LOG10"
    case power = "POWER"
    case square = "SQUARE"
    case sign = "SIGN"
    case sqrt = "SQRT"
    case trunc = "TRUNC"
    case round = "ROUND"
    // Strings.
    case concat = "CONCAT"
    case length = "LENGTH"
    case lower = "LOWER"
    case upper = "UPPER"
    case substring = "SUBSTRING"
    case indexOf = "INDEX_OF"
    case startsWith = "STARTS_WITH"
    case endsWith = "ENDS_WITH"
    case contains = "CONTAINS"

    /// The function a name in a query refers to, in any letter case.
    init?(name: String) {
        let upper = name.uppercased()
        switch upper {
        case "STARTSWITH": self = .startsWith
        case "ENDSWITH": self = .endsWith
        default: self.init(rawValue: upper)
        }
    }

    /// How many arguments the function takes: a lower bound and an upper bound (`nil`: any).
    var arity: (minimum: Int, maximum: Int?) {
        switch self {
        case .power, .indexOf, .startsWith, .endsWith, .contains: (2, 2)
        case .substring: (2, 3)
        case .concat: (2, nil)
        default: (1, 1)
        }
    }

    /// `takes 1 argument`, `takes 2 or 3 arguments`, `takes at least 2 arguments`.
    var arityDescription: String {
        let (minimum, maximum) = arity
        let noun = { (count: Int) in count == 1 ? "argument" : "arguments" }
        guard let maximum else { return "takes at least \(minimum) \(noun(minimum))" }
        if minimum == maximum { return "takes \(minimum) \(noun(minimum))" }
        return "takes \(minimum) to \(maximum) arguments"
    }
}
