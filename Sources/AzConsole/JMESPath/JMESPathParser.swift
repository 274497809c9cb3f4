import JSONValue

/// A Pratt parser for the supported JMESPath subset, with the binding powers of the JMESPath
/// reference implementation so that projections stop and continue exactly where jmespath's do.
struct JMESPathParser {
    private let tokens: [JMESPathToken]
    private var position = 0

    /// Right sides of projections bind everything above this power (`.`, `[`, `[?`).
    private static let projectionStop = 10

    /// Compiles `text`, or throws a syntax error naming the column.
    static func parse(_ text: String) throws(JMESPathError) -> JMESPathExpression {
        var lexer = JMESPathLexer(text)
        var parser = JMESPathParser(tokens: try lexer.tokens())
        let expression = try parser.expression(0)
        guard parser.current.kind == .end else {
            throw .syntax("unexpected \(parser.current.kind.spelling)", column: parser.current.column)
        }
        return expression
    }

    private init(tokens: [JMESPathToken]) { self.tokens = tokens }

    private var current: JMESPathToken { tokens[position] }
    private var next: JMESPathToken { tokens[min(position + 1, tokens.count - 1)] }

    private mutating func advance() { position = min(position + 1, tokens.count - 1) }

    private mutating func expect(_ kind: JMESPathToken.Kind) throws(JMESPathError) {
        guard current.kind == kind else {
            throw .syntax("expected \(kind.spelling) but found \(current.kind.spelling)", column: current.column)
        }
        advance()
    }

    private mutating func expression(_ rightBindingPower: Int) throws(JMESPathError) -> JMESPathExpression {
        let token = current
        advance()
        var left = try nullDenotation(token)
        while rightBindingPower < current.kind.bindingPower {
            let operatorToken = current
            advance()
            left = try leftDenotation(operatorToken, left: left)
        }
        return left
    }

    private mutating func nullDenotation(_ token: JMESPathToken) throws(JMESPathError) -> JMESPathExpression {
        switch token.kind {
        case .literal(let value): return .literal(value)
        case .identifier(let name): return .field(name)
        case .quotedIdentifier(let name):
            if current.kind == .leftParen {
                throw .syntax("a quoted identifier cannot name a function", column: current.column)
            }
            return .field(name)
        case .current: return .current
        case .star:
            return .valueProjection(.current, try projectionRight(JMESPathToken.Kind.star.bindingPower))
        case .filter: return try filter(left: .current)
        case .leftBrace: return try multiSelectHash()
        case .leftParen:
            let inner = try expression(0)
            try expect(.rightParen)
            return inner
        case .flatten:
            return .listProjection(.flatten(.current), try projectionRight(JMESPathToken.Kind.flatten.bindingPower))
        case .not: return .not(try expression(JMESPathToken.Kind.not.bindingPower))
        case .leftBracket:
            switch current.kind {
            case .number, .colon: return try indexOrSlice(of: .current)
            case .star where next.kind == .rightBracket:
                advance()
                advance()
                return .listProjection(.current, try projectionRight(JMESPathToken.Kind.star.bindingPower))
            default: return try multiSelectList()
            }
        default:
            throw .syntax("unexpected \(token.kind.spelling)", column: token.column)
        }
    }

    private mutating func leftDenotation(
        _ token: JMESPathToken, left: JMESPathExpression
    ) throws(JMESPathError) -> JMESPathExpression {
        if let comparator = token.kind.comparator {
            return .comparison(comparator, left, try expression(token.kind.bindingPower))
        }
        switch token.kind {
        case .dot: return .subexpression(left, try dotRight(JMESPathToken.Kind.dot.bindingPower))
        case .pipe: return .pipe(left, try expression(JMESPathToken.Kind.pipe.bindingPower))
        case .or: return .or(left, try expression(JMESPathToken.Kind.or.bindingPower))
        case .and: return .and(left, try expression(JMESPathToken.Kind.and.bindingPower))
        case .leftParen: return try functionCall(named: left, at: token.column)
        case .filter: return try filter(left: left)
        case .flatten:
            return .listProjection(.flatten(left), try projectionRight(JMESPathToken.Kind.flatten.bindingPower))
        case .leftBracket:
            switch current.kind {
            case .number, .colon: return try indexOrSlice(of: left)
            default:
                try expect(.star)
                try expect(.rightBracket)
                return .listProjection(left, try projectionRight(JMESPathToken.Kind.star.bindingPower))
            }
        default:
            throw .syntax("unexpected \(token.kind.spelling)", column: token.column)
        }
    }

    /// `[0]`, `[-1]` or a slice `[start:stop:step]`; the opening bracket is already consumed.
    private mutating func indexOrSlice(of left: JMESPathExpression) throws(JMESPathError) -> JMESPathExpression {
        var parts: [Int?] = [nil]
        var colons = 0
        while current.kind != .rightBracket {
            switch current.kind {
            case .colon:
                colons += 1
                guard colons <= 2 else { throw .syntax("too many colons in a slice", column: current.column) }
                parts.append(nil)
            case .number(let number):
                guard parts[parts.count - 1] == nil else {
                    throw .syntax("expected ':' or ']'", column: current.column)
                }
                parts[parts.count - 1] = number
            default:
                throw .syntax("expected a number, ':' or ']' but found \(current.kind.spelling)", column: current.column)
            }
            advance()
        }
        advance()
        guard colons > 0 else {
            guard let index = parts[0] else { throw .syntax("expected an index", column: current.column) }
            return .index(left, index)
        }
        while parts.count < 3 { parts.append(nil) }
        if parts[2] == 0 { throw .syntax("a slice step cannot be 0", column: current.column) }
        let slice = JMESPathExpression.slice(left, start: parts[0], stop: parts[1], step: parts[2])
        return .listProjection(slice, try projectionRight(JMESPathToken.Kind.star.bindingPower))
    }

    /// `[?condition]` and what follows it; the `[?` is already consumed.
    private mutating func filter(left: JMESPathExpression) throws(JMESPathError) -> JMESPathExpression {
        let condition = try expression(0)
        try expect(.rightBracket)
        let right: JMESPathExpression =
            current.kind == .flatten ? .current : try projectionRight(JMESPathToken.Kind.filter.bindingPower)
        return .filterProjection(left, condition: condition, right)
    }

    /// What a projection applies to each element: nothing (the element), a chain of `.x`,
    /// `[...]` or `[?...]`; lower-binding operators end the projection.
    private mutating func projectionRight(_ bindingPower: Int) throws(JMESPathError) -> JMESPathExpression {
        if current.kind.bindingPower < Self.projectionStop { return .current }
        switch current.kind {
        case .leftBracket, .filter: return try expression(bindingPower)
        case .dot:
            advance()
            return try dotRight(bindingPower)
        default:
            throw .syntax("unexpected \(current.kind.spelling) after a projection", column: current.column)
        }
    }

    private mutating func dotRight(_ bindingPower: Int) throws(JMESPathError) -> JMESPathExpression {
        switch current.kind {
        case .identifier, .quotedIdentifier, .star: return try expression(bindingPower)
        case .leftBracket:
            advance()
            return try multiSelectList()
        case .leftBrace:
            advance()
            return try multiSelectHash()
        default:
            throw .syntax("expected a name, '*', '[' or '{' after '.'", column: current.column)
        }
    }

    private mutating func multiSelectList() throws(JMESPathError) -> JMESPathExpression {
        var elements: [JMESPathExpression] = []
        while true {
            elements.append(try expression(0))
            if current.kind == .rightBracket { break }
            try expect(.comma)
        }
        advance()
        return .multiSelectList(elements)
    }

    private mutating func multiSelectHash() throws(JMESPathError) -> JMESPathExpression {
        var entries: [JMESPathKeyedExpression] = []
        while true {
            let key: String
            switch current.kind {
            case .identifier(let name), .quotedIdentifier(let name): key = name
            default: throw .syntax("expected a key name in '{...}'", column: current.column)
            }
            advance()
            try expect(.colon)
            entries.append(JMESPathKeyedExpression(key: key, expression: try expression(0)))
            if current.kind == .rightBrace { break }
            try expect(.comma)
        }
        advance()
        return .multiSelectHash(entries)
    }

    private mutating func functionCall(
        named name: JMESPathExpression, at column: Int
    ) throws(JMESPathError) -> JMESPathExpression {
        guard case .field(let functionName) = name else {
            throw .syntax("'(' must follow a function name", column: column)
        }
        guard let function = JMESPathFunction(rawValue: functionName) else {
            let supported = JMESPathFunction.allCases.map(\.rawValue).joined(separator: ", ")
            throw .syntax("unknown or unsupported function \(functionName)(); supported: \(supported)", column: column)
        }
        var arguments: [JMESPathExpression] = []
        while current.kind != .rightParen {
            arguments.append(try expression(0))
            if current.kind == .comma { advance() } else if current.kind != .rightParen {
                throw .syntax("expected ',' or ')' in the arguments of \(functionName)()", column: current.column)
            }
        }
        advance()
        guard arguments.count == function.arity else {
            throw .syntax(
                "\(functionName)() takes \(function.arity) argument\(function.arity == 1 ? "" : "s"), got \(arguments.count)",
                column: column)
        }
        return .function(function, arguments)
    }
}

extension JMESPathToken.Kind {
    /// The reference implementation's binding powers.
    var bindingPower: Int {
        switch self {
        case .pipe: 1
        case .or: 2
        case .and: 3
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 5
        case .flatten: 9
        case .star: 20
        case .filter: 21
        case .dot: 40
        case .not: 45
        case .leftBrace: 50
        case .leftBracket: 55
        case .leftParen: 60
        default: 0
        }
    }

    var comparator: JMESPathComparator? {
        switch self {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }

    /// How an error message names the token.
    var spelling: String {
        switch self {
        case .identifier(let name): "'\(name)'"
        case .quotedIdentifier(let name): "\"\(name)\""
        case .literal(let value): "literal \(value.serialized())"
        case .number(let number): "number \(number)"
        case .dot: "'.'"
        case .star: "'*'"
        case .comma: "','"
        case .colon: "':'"
        case .current: "'@'"
        case .pipe: "'|'"
        case .or: "'||'"
        case .and: "'&&'"
        case .not: "'!'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .flatten: "'[]'"
        case .filter: "'[?'"
        case .equal: "'=='"
        case .notEqual: "'!='"
        case .less: "'<'"
        case .lessOrEqual: "'<='"
        case .greater: "'>'"
        case .greaterOrEqual: "'>='"
        case .end: "the end of the expression"
        }
    }
}
