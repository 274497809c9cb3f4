import JSONValue

/// Splits a JMESPath expression into tokens, following the JMESPath specification's grammar.
struct JMESPathLexer {
    private let characters: [Character]
    private var offset = 0

    init(_ text: String) { characters = Array(text) }

    mutating func tokens() throws(JMESPathError) -> [JMESPathToken] {
        var result: [JMESPathToken] = []
        while true {
            skipWhitespace()
            let column = offset + 1
            guard offset < characters.count else {
                result.append(JMESPathToken(kind: .end, column: column))
                return result
            }
            result.append(JMESPathToken(kind: try nextKind(), column: column))
        }
    }

    private mutating func nextKind() throws(JMESPathError) -> JMESPathToken.Kind {
        let character = characters[offset]
        let column = offset + 1
        offset += 1
        switch character {
        case ".": return .dot
        case "*": return .star
        case ",": return .comma
        case ":": return .colon
        case "@": return .current
        case "]": return .rightBracket
        case "{": return .leftBrace
        case "}": return .rightBrace
        case "(": return .leftParen
        case ")": return .rightParen
        case "[":
            if take("]") { return .flatten }
            if take("?") { return .filter }
            return .leftBracket
        case "|": return take("|") ? .or : .pipe
        case "&":
            if take("&") { return .and }
            throw .syntax("expression references ('&') are not supported", column: column)
        case "!": return take("=") ? .notEqual : .not
        case "<": return take("=") ? .lessOrEqual : .less
        case ">": return take("=") ? .greaterOrEqual : .greater
        case "=":
            if take("=") { return .equal }
            throw .syntax("'=' is not an operator; compare with '=='", column: column)
        case "'": return .literal(.string(try readDelimited("'", column: column)))
        case "`":
            let text = try readDelimited("`", column: column)
            do {
                return .literal(try JSONValue(parsing: text))
            } catch {
                throw .syntax("the literal `\(text)` is not JSON: \(error.reason)", column: column)
            }
        case "\"":
            let text = try readDelimited("\"", column: column, keepingEscapes: true)
            do {
                guard let name = try JSONValue(parsing: "\"\(text)\"").stringValue else {
                    throw JMESPathError.syntax("invalid quoted identifier", column: column)
                }
                return .quotedIdentifier(name)
            } catch {
                throw .syntax("invalid quoted identifier \"\(text)\"", column: column)
            }
        case "-", "0"..."9":
            var digits = String(character)
            while offset < characters.count, characters[offset].isASCII, characters[offset].isNumber {
                digits.append(characters[offset])
                offset += 1
            }
            guard let number = Int(digits) else { throw .syntax("expected a number", column: column) }
            return .number(number)
        default:
            guard Self.startsIdentifier(character) else {
                throw .syntax("unexpected character '\(character)'", column: column)
            }
            var name = String(character)
            while offset < characters.count, Self.continuesIdentifier(characters[offset]) {
                name.append(characters[offset])
                offset += 1
            }
            return .identifier(name)
        }
    }

    /// Reads up to the closing delimiter; a backslash escapes the delimiter. Raw strings and
    /// literals drop that backslash; quoted identifiers keep every escape for the JSON reader.
    private mutating func readDelimited(
        _ delimiter: Character, column: Int, keepingEscapes: Bool = false
    ) throws(JMESPathError) -> String {
        var text = ""
        while offset < characters.count {
            let character = characters[offset]
            offset += 1
            if character == delimiter { return text }
            if character == "\\", offset < characters.count {
                let escaped = characters[offset]
                if escaped == delimiter && !keepingEscapes {
                    text.append(escaped)
                    offset += 1
                    continue
                }
                if keepingEscapes {
                    text.append(character)
                    text.append(escaped)
                    offset += 1
                    continue
                }
            }
            text.append(character)
        }
        throw .syntax("unterminated \(delimiter)...\(delimiter)", column: column)
    }

    private mutating func take(_ expected: Character) -> Bool {
        guard offset < characters.count, characters[offset] == expected else { return false }
        offset += 1
        return true
    }

    private mutating func skipWhitespace() {
        while offset < characters.count, characters[offset].isWhitespace { offset += 1 }
    }

    private static func startsIdentifier(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && character.isLetter)
    }

    private static func continuesIdentifier(_ character: Character) -> Bool {
        startsIdentifier(character) || (character.isASCII && character.isNumber)
    }
}
