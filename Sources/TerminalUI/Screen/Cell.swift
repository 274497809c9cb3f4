/// One terminal cell: a grapheme and how it looks.
///
/// A wide character (2 columns) sits in its left cell; the right cell is a continuation that
/// draws nothing, so the grid stays one cell per column and hit-testing stays simple.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
