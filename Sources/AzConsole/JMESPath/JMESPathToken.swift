import JSONValue

/// A lexical token of a JMESPath expression, with the column (from 1) where it starts.
struct JMESPathToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case identifier(String)
        case quotedIdentifier(String)
        case literal(JSONValue)
        case number(Int)
        case dot, star, comma, colon, current, pipe, or, and, not
        case leftBracket, rightBracket, leftBrace, rightBrace, leftParen, rightParen
        case flatten, filter
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
        case end
    }

    let kind: Kind
    let column: Int
}
