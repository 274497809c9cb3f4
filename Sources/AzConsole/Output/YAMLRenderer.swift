import JSONValue

/// az's `-o yaml`: PyYAML's `safe_dump` in block style (the caller sorts keys first).
///
/// Sequences inside mappings are not indented (`key:\n- a`), strings that would read back as
/// another type or that start with an indicator are single-quoted, and a lone scalar document
/// ends with `...`, as PyYAML writes them.
struct YAMLRenderer {
    func render(_ value: JSONValue) -> String {
        if value.isNonEmptyContainer { return lines(value, indent: 0).joined(separator: "\n") + "\n" }
        return value.objectValue != nil || value.arrayValue != nil ? inline(value) + "\n" : scalar(value) + "\n...\n"
    }

    private func lines(_ value: JSONValue, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let members):
            return members.flatMap { key, member -> [String] in
                let name = pad + scalar(.string(key)) + ":"
                guard member.isNonEmptyContainer else { return [name + " " + inline(member)] }
                return [name] + lines(member, indent: member.arrayValue == nil ? indent + 2 : indent)
            }
        case .array(let elements):
            return elements.flatMap { element -> [String] in
                guard element.isNonEmptyContainer else { return [pad + "- " + inline(element)] }
                var nestedLines = lines(element, indent: indent + 2)
                let first = nestedLines.isEmpty ? "" : String(nestedLines.removeFirst().dropFirst(indent + 2))
                return [pad + "- " + first] + nestedLines
            }
        default:
            return [pad + scalar(value)]
        }
    }

    private func inline(_ value: JSONValue) -> String {
        switch value {
        case .object: "{}"
        case .array: "[]"
        default: scalar(value)
        }
    }

    private func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .double(let number): return number.description
        case .string(let text):
            if text.contains(where: { $0 == "\n" || $0 == "\t" || ($0.asciiValue.map { $0 < 0x20 } ?? false) }) {
                return value.serialized()
            }
            return needsQuotes(text) ? "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'" : text
        case .array, .object: return value.serialized()
        }
    }

    /// Whether PyYAML would quote the string: it would read back as another type under YAML 1.1
    /// (bool, null, int including base 60, float, timestamp), or it starts or ends like syntax.
    private func needsQuotes(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        if Self.reservedWords.contains(text) { return true }
        if Self.resolvesToScalar.contains(where: { text.wholeMatch(of: $0) != nil }) { return true }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first == " " || last == " " { return true }
        return text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
    }

    private static let reservedWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~",
    ]

    /// PyYAML's implicit resolvers for int, float and timestamp.
    private static var resolvesToScalar: [Regex<Substring>] {
        [
            /[-+]?(?:0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)/,
            /[-+]?(?:(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?|[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))/,
            /[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ]|[ \t]+)?(?:[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?/,
        ]
    }
}

extension JSONValue {
    fileprivate var isNonEmptyContainer: Bool {
        switch self {
        case .object(let members): !members.isEmpty
        case .array(let elements): !elements.isEmpty
        default: false
        }
    }
}
