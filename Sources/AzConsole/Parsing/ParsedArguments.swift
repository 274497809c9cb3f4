/// The flags of one invocation after parsing, by flag key (`hub-name`), already checked against
/// their declared kinds: integers are integers, choices are spelt as declared, booleans are
/// `true`/`false`.
struct ParsedArguments: Sendable, Equatable {
    private(set) var values: [String: [String]] = [:]

    mutating func append(_ value: String, for key: String) { values[key, default: []].append(value) }
    mutating func set(_ value: String, for key: String) { values[key] = [value] }

    func contains(_ key: String) -> Bool { values[key] != nil }

    /// The last value given for the flag, as argparse keeps the last of repeated flags.
    func string(_ key: String) -> String? { values[key]?.last }

    func integer(_ key: String) -> Int? { string(key).flatMap { Int($0) } }

    /// The flag's integer, refused with az's validator `message` when outside `range`.
    func integer(_ key: String, in range: ClosedRange<Int>, orRefuse message: String) throws(ConsoleError) -> Int? {
        guard let value = integer(key) else { return nil }
        guard range.contains(value) else { throw .invalidValue(message) }
        return value
    }

    func boolean(_ key: String) -> Bool? { string(key).map { $0 == "true" } }

    /// Every value of a list flag, in order.
    func list(_ key: String) -> [String] { values[key] ?? [] }
}
