import JSONValue

/// Splits query text into tokens, tracking line and column for every one.
///
/// Follows the IoT Hub query language's lexical rules: strings in single or double quotes with
/// the escapes `\'`, `\"`, `\\` and `\uXXXX` (plus JSON's `\/ \b \f \n \r \t`); decimal numbers and
/// `0x` hexadecimal integers; names that may start with `$` (`$metadata`, `$body`, `$twin`) and,
/// in routing conditions, go on with hyphens (`$iothub-enqueuedtime`).
struct Lexer {
    private let characters: [Character]
    private let dialect: Dialect
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String, dialect: Dialect) {
        characters = Array(text)
        self.dialect = dialect
    }

    /// All tokens of the text, ending with `.end`.
    static func tokens(of text: String, dialect: Dialect) throws(QueryError) -> [Token] {
        var lexer = Lexer(text, dialect: dialect)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var position: SourcePosition { SourcePosition(line: line, column: offset - lineStart + 1) }

    private func peek(_ ahead: Int = 0) -> Character? {
        offset + ahead < characters.count ? characters[offset + ahead] : nil
    }

    private mutating func skipWhitespace() {
        while let character = peek(), character.isWhitespace {
            offset += 1
            if character.isNewline {
                line += 1
                lineStart = offset
            }
        }
    }

    mutating func next() throws(QueryError) -> Token {
        skipWhitespace()
        let start = position
        guard let character = peek() else { return Token(kind: .end, position: start) }
        if character == "'" || character == "\"" {
            return Token(kind: .string(try readString(quote: character)), position: start)
        }
        if character.isASCII, character.isNumber {
            return Token(kind: .number(try readNumber()), position: start)
        }
        if Self.startsName(character) {
            return Token(kind: .word(readName()), position: start)
        }
        return Token(kind: .symbol(try readSymbol()), position: start)
    }

    static func startsName(_ character: Character) -> Bool {
        character == "_" || character == "$" || character.isLetter
    }

    static func continuesName(_ character: Character) -> Bool {
        startsName(character) || character.isNumber
    }

    private mutating func readName() -> String {
        let start = offset
        while let character = peek(), Self.continuesName(character) { offset += 1 }
        if dialect.allowsHyphenatedSystemNames, characters[start] == "$" {
            // `$dt-dataschema`: a hyphen joins the name only when a letter follows it directly,
            // so `$body.x-1` and `$a - b` still subtract.
            while peek() == "-", let next = peek(1), next.isLetter {
                offset += 1
                while let character = peek(), Self.continuesName(character) { offset += 1 }
            }
        }
        return String(characters[start..<offset])
    }

    private mutating func readSymbol() throws(QueryError) -> Symbol {
        let start = position
        guard let first = peek() else { throw QueryError(at: start, "unexpected end of the query") }
        let pair = peek(1).map { String([first, $0]) }
        if let pair, let symbol = Symbol(rawValue: pair) {
            offset += 2
            return symbol
        }
        if let symbol = Symbol(rawValue: String(first)) {
            offset += 1
            return symbol
        }
        throw QueryError(at: start, "unexpected character '\(first)'")
    }

    private mutating func readNumber() throws(QueryError) -> JSONValue {
        let start = position
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            offset += 2
            var digits = ""
            while let character = peek(), character.isHexDigit {
                digits.append(character)
                offset += 1
            }
            guard !digits.isEmpty else { throw QueryError(at: start, "expected hexadecimal digits after '0x'") }
            guard let value = Int(digits, radix: 16) else { throw QueryError(at: start, "the number 0x\(digits) is too large") }
            return .integer(value)
        }
        let first = offset
        var isInteger = true
        skipDigits()
        if peek() == ".", let next = peek(1), next.isASCII, next.isNumber {
            offset += 1
            skipDigits()
            isInteger = false
        }
        if peek() == "e" || peek() == "E" {
            let signLength = (peek(1) == "+" || peek(1) == "-") ? 1 : 0
            if let digit = peek(1 + signLength), digit.isASCII, digit.isNumber {
                offset += 1 + signLength
                skipDigits()
                isInteger = false
            }
        }
        let text = String(characters[first..<offset])
        if let character = peek(), Self.startsName(character) {
            throw QueryError(at: position, "unexpected '\(character)' after the number \(text)")
        }
        if isInteger, let integer = Int(text) { return .integer(integer) }
        guard let double = Double(text), double.isFinite else { throw QueryError(at: start, "the number \(text) is out of range") }
        return .double(double)
    }

    private mutating func skipDigits() {
        while let character = peek(), character.isASCII, character.isNumber { offset += 1 }
    }

    private mutating func readString(quote: Character) throws(QueryError) -> String {
        let start = position
        offset += 1
        var text = ""
        while let character = peek() {
            if character == quote {
                offset += 1
                return text
            }
            if character == "\\" {
                text.unicodeScalars.append(try readEscape())
                continue
            }
            if character.isNewline {
                break
            }
            text.append(character)
            offset += 1
        }
        throw QueryError(at: start, "the string starting here has no closing \(quote)")
    }

    private mutating func readEscape() throws(QueryError) -> Unicode.Scalar {
        let start = position
        offset += 1
        guard let escaped = peek() else { throw QueryError(at: start, "unfinished escape at the end of the query") }
        offset += 1
        switch escaped {
        case "'": return "'"
        case "\"": return "\""
        case "\\": return "\\"
        case "/": return "/"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            var digits = ""
            while digits.count < 4, let character = peek(), character.isHexDigit {
                digits.append(character)
                offset += 1
            }
            guard digits.count == 4, let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
                throw QueryError(at: start, "expected four hexadecimal digits after \\u")
            }
            return scalar
        default:
            throw QueryError(at: start, "unknown escape '\\\(escaped)'; use \\', \\\", \\\\ or \\uXXXX")
        }
    }
}
