import JSONValue

/// The expression grammar shared by every dialect, lowest precedence first:
///
///     expression     := or
///     or             := and (OR and)*
///     and            := not (AND not)*
///     not            := NOT not | comparison
///     comparison     := additive ((= | != | <> | < | <= | > | >=) additive | (IN | NIN) array)*
///     additive       := multiplicative ((+ | -) multiplicative)*
///     multiplicative := unary ((* | / | %) unary)*
///     unary          := (- | +) unary | primary
///     primary        := constant | array | path | function '(' arguments ')' | '(' expression ')'
///     path           := name ('.' name | '[' string ']')*
extension Parser {
    /// Words that cannot start a property path, compared in upper case.
    static let reservedWords: Set<String> = [
        "SELECT", "FROM", "WHERE", "GROUP", "BY", "AND", "OR", "NOT", "IN", "NIN", "AS", "TOP",
    ]

    mutating func parseExpression() throws(QueryError) -> Expression {
        try nested { parser throws(QueryError) in try parser.parseOr() }
    }

    private mutating func parseOr() throws(QueryError) -> Expression {
        var left = try parseAnd()
        while accept(keyword: "OR") {
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(QueryError) -> Expression {
        var left = try parseNot()
        while accept(keyword: "AND") {
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(QueryError) -> Expression {
        guard accept(keyword: "NOT") else { return try parseComparison() }
        return try nested { parser throws(QueryError) in .not(try parser.parseNot()) }
    }

    private mutating func parseComparison() throws(QueryError) -> Expression {
        var left = try parseAdditive()
        while true {
            if let op = comparisonOperator() {
                advance()
                left = .binary(op, left, try parseAdditive())
            } else if current.isKeyword("IN") || current.isKeyword("NIN") {
                let negated = advance().isKeyword("NIN")
                let keyword = negated ? "NIN" : "IN"
                guard current.isSymbol(.leftBracket) else {
                    throw failure("expected a list such as ['a', 'b'] after \(keyword), found \(current.quoted)")
                }
                left = .membership(left, try parseArrayConstant(), negated: negated)
            } else {
                return left
            }
        }
    }

    private func comparisonOperator() -> BinaryOperator? {
        guard case .symbol(let symbol) = current.kind else { return nil }
        switch symbol {
        case .equal: return .equal
        case .notEqual, .angleNotEqual: return .notEqual
        case .less: return .less
        case .lessOrEqual: return .lessOrEqual
        case .greater: return .greater
        case .greaterOrEqual: return .greaterOrEqual
        default: return nil
        }
    }

    private mutating func parseAdditive() throws(QueryError) -> Expression {
        var left = try parseMultiplicative()
        while true {
            if accept(.plus) {
                left = .binary(.add, left, try parseMultiplicative())
            } else if accept(.minus) {
                left = .binary(.subtract, left, try parseMultiplicative())
            } else {
                return left
            }
        }
    }

    private mutating func parseMultiplicative() throws(QueryError) -> Expression {
        var left = try parseUnary()
        while true {
            if accept(.star) {
                left = .binary(.multiply, left, try parseUnary())
            } else if accept(.slash) {
                left = .binary(.divide, left, try parseUnary())
            } else if accept(.percent) {
                left = .binary(.remainder, left, try parseUnary())
            } else {
                return left
            }
        }
    }

    private mutating func parseUnary() throws(QueryError) -> Expression {
        if accept(.minus) {
            let operand = try nested { parser throws(QueryError) in try parser.parseUnary() }
            // Fold `-5` into a constant so lists such as [-1, 2] stay constant.
            switch operand {
            case .constant(.integer(let number)) where number != Int.min: return .constant(.integer(-number))
            case .constant(.double(let number)): return .constant(.double(-number))
            default: return .negate(operand)
            }
        }
        if accept(.plus) {
            return try nested { parser throws(QueryError) in try parser.parseUnary() }
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(QueryError) -> Expression {
        let token = current
        switch token.kind {
        case .string(let text):
            advance()
            return .constant(.string(text))
        case .number(let number):
            advance()
            return .constant(number)
        case .symbol(.leftParenthesis):
            advance()
            let inner = try parseExpression()
            try expect(.rightParenthesis, "to close the '(' at column \(token.position.column)")
            return inner
        case .symbol(.leftBracket):
            return .constant(.array(try parseArrayConstant()))
        case .word(let word):
            if let constant = Self.namedConstant(word) {
                advance()
                return .constant(constant)
            }
            if lookahead(1).isSymbol(.leftParenthesis) {
                return try parseCall()
            }
            if Self.reservedWords.contains(word.uppercased()) {
                throw failure("expected a value, found the keyword \(token.quoted)")
            }
            return .path(try parsePath())
        case .symbol, .end:
            throw failure("expected a value, found \(token.quoted)")
        }
    }

    /// `true`, `false`, `null` and `undefined` in any letter case; `.some(nil)` is undefined.
    private static func namedConstant(_ word: String) -> JSONValue?? {
        switch word.lowercased() {
        case "true": .some(.bool(true))
        case "false": .some(.bool(false))
        case "null": .some(.null)
        case "undefined": .some(nil)
        default: nil
        }
    }

    /// `[c1, c2, ...]` where every element is a constant, as the language's array constants are.
    mutating func parseArrayConstant() throws(QueryError) -> [JSONValue] {
        let open = current.position
        try expect(.leftBracket, "to start a list")
        var elements: [JSONValue] = []
        if accept(.rightBracket) { return elements }
        repeat {
            let elementStart = current
            let element = try nested { parser throws(QueryError) in try parser.parseUnary() }
            guard case .constant(let constant?) = element else {
                throw QueryError(at: elementStart.position, "a list may hold only constants such as 'a', 1, true or null")
            }
            elements.append(constant)
        } while accept(.comma)
        try expect(.rightBracket, "to close the list opened at column \(open.column)")
        return elements
    }

    /// A property path: `name`, then `.name` or `['member name']` steps, and in routing
    /// conditions `[0]` array element steps.
    mutating func parsePath() throws(QueryError) -> PropertyPath {
        guard case .word(let first) = current.kind else {
            throw failure("expected a property path, found \(current.quoted)")
        }
        advance()
        var segments = [first]
        var indexSteps = Set<Int>()
        while true {
            if accept(.dot) {
                guard case .word(let name) = current.kind else {
                    throw failure("expected a property path after '.'")
                }
                advance()
                segments.append(name)
            } else if current.isSymbol(.leftBracket) {
                let open = advance()
                switch current.kind {
                case .string(let name):
                    segments.append(name)
                case .number(.integer(let index)) where dialect.allowsArrayIndexSteps:
                    indexSteps.insert(segments.count)
                    segments.append(String(index))
                case .number where dialect.allowsArrayIndexSteps:
                    throw failure("an array index is a whole number from 0, found \(current.quoted)")
                default:
                    let expected = dialect.allowsArrayIndexSteps ? "a member name in quotes or an array index" : "a member name in quotes"
                    throw failure("expected \(expected) after '['")
                }
                advance()
                try expect(.rightBracket, "to close the '[' at column \(open.position.column)")
            } else {
                return PropertyPath(segments, indexSteps: indexSteps)
            }
        }
    }

    private mutating func parseCall() throws(QueryError) -> Expression {
        let nameToken = advance()
        guard case .word(let name) = nameToken.kind else { throw failure("expected a function name") }
        if let aggregate = Aggregate(name: name) {
            throw QueryError(at: nameToken.position, "\(aggregate.rawValue) is an aggregate and may appear only in the SELECT list")
        }
        guard let function = BuiltinFunction(name: name) else {
            throw QueryError(at: nameToken.position, "unknown function '\(name)'")
        }
        try expect(.leftParenthesis, "after the function name")
        var arguments: [Expression] = []
        if !accept(.rightParenthesis) {
            repeat {
                arguments.append(try parseExpression())
            } while accept(.comma)
            try expect(.rightParenthesis, "to close the arguments of \(function.rawValue)")
        }
        let (minimum, maximum) = function.arity
        guard arguments.count >= minimum, arguments.count <= (maximum ?? Int.max) else {
            throw QueryError(
                at: nameToken.position,
                "\(function.rawValue) \(function.arityDescription), found \(arguments.count)")
        }
        return .call(function, arguments)
    }

    /// Runs `body` one nesting level deeper, failing beyond the maximum depth.
    private mutating func nested<T>(_ body: (inout Parser) throws(QueryError) -> T) throws(QueryError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw failure("the expression nests deeper than \(Self.maximumDepth) levels")
        }
        return try body(&self)
    }
}
