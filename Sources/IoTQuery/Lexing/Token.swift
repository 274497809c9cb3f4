import JSONValue

/// One lexical unit of query text and where it starts.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// A name: a property, a function, a keyword or a collection. Keywords are recognised by
        /// the parser, case-insensitively, so that a dialect can decide which words it reserves.
        case word(String)
        /// A string literal, escapes already resolved.
        case string(String)
        /// A number literal: `.integer` when written without a fraction or exponent.
        case number(JSONValue)
        case symbol(Symbol)
        case end
    }

    let kind: Kind
    let position: SourcePosition

    /// How an error message names the token: `'FROM'`, `'('`, `the end of the query`.
    var quoted: String {
        switch kind {
        case .word(let word): "'\(word)'"
        case .string(let text): "the string '\(text)'"
        case .number(let number): "the number \(number.serialized())"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .end: "the end of the query"
        }
    }

    /// Whether this is the keyword `keyword` (given in upper case), in any letter case.
    func isKeyword(_ keyword: String) -> Bool {
        guard case .word(let word) = kind, word.utf8.count == keyword.utf8.count else { return false }
        return word.uppercased() == keyword
    }

    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
}

/// The punctuation and operators of the query language.
enum Symbol: String, Sendable {
    case leftParenthesis = "("
    case rightParenthesis = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case comma = ","
    case dot = "."
    case star = "*"
    case plus = "+"
    case minus = "-"
    case slash = "/"
    case percent = "%"
    case equal = "="
    case notEqual = "!="
    case angleNotEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}
