@_exported import OrderedCollections

/// The members of a JSON object, in the order they were written.
///
/// Azure returns documents with a stable member order (a twin starts with `deviceId`, a device
/// identity with `deviceId`, `generationId`, `etag`), and learners compare what they see with the
/// portal and the az CLI, so order is kept rather than sorted.
public typealias JSONObject = OrderedDictionary<String, JSONValue>

/// A JSON document as Azure IoT reads and writes it.
///
/// Integers and doubles are kept apart because Azure keeps them apart: twin integers are limited
/// to ±4503599627370495 and `1` and `1.0` print differently in the documents a learner reads.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// An empty object, the starting point of most documents.
    public static var emptyObject: JSONValue { .object([:]) }

    public var isNull: Bool { if case .null = self { true } else { false } }

    public var objectValue: JSONObject? { if case .object(let members) = self { members } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let elements) = self { elements } else { nil } }
    public var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    public var boolValue: Bool? { if case .bool(let flag) = self { flag } else { nil } }

    /// The value as a whole number, when it is one (an integral double counts).
    public var integerValue: Int? {
        switch self {
        case .integer(let number): number
        case .double(let number) where number.rounded() == number && abs(number) < 9.2e18: Int(number)
        default: nil
        }
    }

    /// The value as a double, for arithmetic and comparisons across integers and doubles.
    public var doubleValue: Double? {
        switch self {
        case .integer(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    /// A member of an object; `nil` for a missing member or a value that is not an object.
    public subscript(member: String) -> JSONValue? {
        get { objectValue?[member] }
        set {
            guard case .object(var members) = self else { return }
            members[member] = newValue
            self = .object(members)
        }
    }

    /// The value at a path of member names; `nil` when any step is missing.
    public subscript(path path: [String]) -> JSONValue? {
        var current = self
        for member in path {
            guard let next = current[member] else { return nil }
            current = next
        }
        return current
    }

    /// The value at a dotted path such as `properties.desired.telemetryInterval`.
    public func value(atDottedPath path: String) -> JSONValue? {
        self[path: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)]
    }

    /// Sets the value at a path, creating intermediate objects; does nothing through a non-object.
    public mutating func setValue(_ value: JSONValue?, at path: [String]) {
        guard let first = path.first else {
            if let value { self = value }
            return
        }
        guard case .object(var members) = self else { return }
        if path.count == 1 {
            members[first] = value
        } else {
            var child = members[first] ?? .emptyObject
            if child.objectValue == nil { child = .emptyObject }
            child.setValue(value, at: Array(path.dropFirst()))
            members[first] = child
        }
        self = .object(members)
    }

    /// The name of the value's JSON type, as error messages spell it.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements, uniquingKeysWith: { _, last in last }))
    }
}
