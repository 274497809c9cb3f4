/// A cursor over the tokens of one query, with the helpers every dialect's grammar uses.
///
/// The expression grammar lives in `Parser+Expressions.swift`; dialects add their clauses in
/// their own extensions (`Parser+TwinQuery.swift`), so all of them report errors the same way.
struct Parser {
    private let tokens: [Token]
    private var index = 0
    /// The dialect being read, for the few rules that differ between dialects.
    let dialect: Dialect
    /// How deeply expressions nest right now; bounded so hostile input cannot exhaust the stack.
    var depth = 0
    static let maximumDepth = 128

    init(_ text: String, dialect: Dialect = .twinQuery) throws(QueryError) {
        tokens = try Lexer.tokens(of: text, dialect: dialect)
        self.dialect = dialect
    }

    /// The token under the cursor (`.end` once all are read).
    var current: Token { tokens[index] }

    /// The token `distance` places after the cursor, or the end.
    func lookahead(_ distance: Int) -> Token {
        tokens[min(index + distance, tokens.count - 1)]
    }

    /// Moves past the current token and returns it.
    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// Consumes the keyword if it is next.
    mutating func accept(keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    /// Consumes the symbol if it is next.
    mutating func accept(_ symbol: Symbol) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    /// Consumes the keyword or fails with `expected KEYWORD <context>, found ...`.
    mutating func expect(keyword: String, _ context: String) throws(QueryError) {
        guard accept(keyword: keyword) else { throw failure("expected \(keyword) \(context), found \(current.quoted)") }
    }

    /// Consumes the symbol or fails with `expected 'x' <context>, found ...`.
    mutating func expect(_ symbol: Symbol, _ context: String) throws(QueryError) {
        guard accept(symbol) else { throw failure("expected '\(symbol.rawValue)' \(context), found \(current.quoted)") }
    }

    /// Fails unless all of the text has been read.
    func expectEnd(_ context: String) throws(QueryError) {
        guard current.kind == .end else { throw failure("expected \(context), found \(current.quoted)") }
    }

    /// An error at the current token.
    func failure(_ reason: String) -> QueryError {
        QueryError(at: current.position, reason)
    }
}
