/// A place in query text: line and column, both counted from 1, columns in characters.
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}
