extension JSONValue {
    /// How a document is laid out as text.
    public enum Layout: Sendable {
        /// No white space: the form stored and sent on the wire.
        case compact
        /// Two-space indentation with `": "` separators, as the az CLI prints JSON.
        case pretty
    }

    /// The document as JSON text. Non-ASCII characters are written as they are, as az prints them.
    public func serialized(_ layout: Layout = .compact) -> String {
        var output = ""
        write(to: &output, layout: layout, indent: 0)
        return output
    }

    /// The document as UTF-8 bytes of compact JSON.
    public var compactBytes: [UInt8] { Array(serialized(.compact).utf8) }

    func write(to output: inout String, layout: Layout, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += String(number)
        case .double(let number): output += Self.format(number)
        case .string(let text): Self.writeQuoted(text, to: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return
            }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                if layout == .pretty { Self.newline(&output, indent: indent + 1) }
                element.write(to: &output, layout: layout, indent: indent + 1)
            }
            if layout == .pretty { Self.newline(&output, indent: indent) }
            output += "]"
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            output += "{"
            var first = true
            for (name, value) in members {
                if !first { output += "," }
                first = false
                if layout == .pretty { Self.newline(&output, indent: indent + 1) }
                Self.writeQuoted(name, to: &output)
                output += layout == .pretty ? ": " : ":"
                value.write(to: &output, layout: layout, indent: indent + 1)
            }
            if layout == .pretty { Self.newline(&output, indent: indent) }
            output += "}"
        }
    }

    static func newline(_ output: inout String, indent: Int) {
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// Formats a double in its shortest round-tripping form; non-finite values have no JSON form
    /// and are written as `null`.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        return number.description
    }

    static func writeQuoted(_ text: String, to output: inout String) {
        output += "\""
        // Most names and values need no escaping; appending them whole keeps bulk serialisation
        // (a 100,000-device import) from paying for a scalar-by-scalar copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { serialized(.compact) }
}
