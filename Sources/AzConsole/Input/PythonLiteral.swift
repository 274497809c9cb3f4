import JSONValue

/// The Python-literal notation the azure-iot extension also accepts where it wants JSON
/// (`--desired "{'interval': 30, 'enabled': True}"`), because some shells mangle double quotes.
///
/// The extension falls back to `ast.literal_eval` when `json.loads` fails; this reads the same
/// subset a learner writes: single- or double-quoted strings, numbers, `True`, `False`, `None`,
/// lists and dicts. It rewrites the text as JSON and parses that, or gives up with `nil`.
enum PythonLiteral {
    static func parse(_ text: String) -> JSONValue? {
        var json = ""
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch character {
            case "'", "\"":
                guard let string = readString(closedBy: character, from: &characters) else { return nil }
                json += JSONValue.string(string).serialized()
            case let letter where letter.isLetter:
                var word = String(letter)
                while let next = characters.first, next.isLetter || next.isNumber || next == "_" {
                    word.append(next)
                    characters.removeFirst()
                }
                guard let literal = ["True": "true", "False": "false", "None": "null"][word] else { return nil }
                json += literal
            default:
                json.append(character)
            }
        }
        return try? JSONValue(parsing: json)
    }

    /// A quoted Python string with its backslash escapes (`\'`, `\"`, `\\`, `\n`, `\t`) applied.
    private static func readString(closedBy quote: Character, from characters: inout ArraySlice<Character>) -> String? {
        var string = ""
        while let character = characters.popFirst() {
            if character == quote { return string }
            guard character == "\\", let escaped = characters.popFirst() else {
                string.append(character)
                continue
            }
            switch escaped {
            case "n": string.append("\n")
            case "t": string.append("\t")
            default: string.append(escaped)
            }
        }
        return nil
    }
}
