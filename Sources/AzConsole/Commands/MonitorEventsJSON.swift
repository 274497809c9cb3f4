import JSONValue

/// Python's `json.dumps(value, indent=4)`, which `az iot hub monitor-events` prints each event with:
/// members in insertion order, four-space indent, `": "` between key and value, non-ASCII
/// escaped as `\uXXXX` (`ensure_ascii`), floats as Python's `repr`.
enum MonitorEventsJSON {
    static func dumps(_ value: JSONValue) -> String {
        var text = ""
        write(value, level: 0, into: &text)
        return text
    }

    private static func write(_ value: JSONValue, level: Int, into text: inout String) {
        let inner = String(repeating: " ", count: 4 * (level + 1))
        let outer = String(repeating: " ", count: 4 * level)
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .integer(let number): text += String(number)
        case .double(let number): text += pythonRepr(number)
        case .string(let string): quote(string, into: &text)
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += inner
                write(item, level: level + 1, into: &text)
                text += index == items.count - 1 ? "\n" : ",\n"
            }
            text += outer + "]"
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            text += "{\n"
            for (index, member) in members.enumerated() {
                text += inner
                quote(member.key, into: &text)
                text += ": "
                write(member.value, level: level + 1, into: &text)
                text += index == members.count - 1 ? "\n" : ",\n"
            }
            text += outer + "}"
        }
    }

    /// `repr(float)`: the shortest round-tripping digits, as Swift's description also gives,
    /// with Python's spelling of infinities (which JSON text never holds anyway).
    private static func pythonRepr(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "NaN" : (number < 0 ? "-Infinity" : "Infinity") }
        return number.description
    }

    private static func quote(_ string: String, into text: inout String) {
        text += "\""
        for unit in string.utf16 {
            switch unit {
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x08: text += "\\b"
            case 0x0C: text += "\\f"
            case 0x20..<0x7F: text.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        text += "\""
    }
}
