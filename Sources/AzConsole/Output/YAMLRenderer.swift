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

    private func needsQuotes(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        if reserved.contains(text.lowercased()) { return true }
        if Double(text) != nil || Int(text) != nil { return true }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first == " " || last == " " { return true }
        return text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
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
