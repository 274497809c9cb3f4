/// The `/` filter every list shares (lazygit, k9s): typing narrows, `enter` keeps the filter
/// and returns to the list, `esc` clears it.
public struct FilterPrompt: Hashable, Sendable {
    public private(set) var text = ""
    public private(set) var isEditing = false

    public init() {}

    /// True when `candidate` contains every word of the filter, ignoring case.
    public func matches(_ candidate: String) -> Bool {
        guard !text.isEmpty else { return true }
        let haystack = candidate.lowercased()
        return text.lowercased().split(separator: " ").allSatisfy { haystack.contains($0) }
    }

    public var isActive: Bool { isEditing || !text.isEmpty }

    /// Handles the filter's keys; returns nil when the key is not the filter's, otherwise
    /// whether the text changed.
    public mutating func handle(_ key: Key) -> Bool? {
        if !isEditing {
            switch key {
            case .character("/"):
                isEditing = true
                return false
            case .escape where !text.isEmpty:
                text = ""
                return true
            default:
                return nil
            }
        }
        switch key {
        case .character(let c):
            text.append(c)
            return true
        case .backspace:
            guard !text.isEmpty else { return false }
            text.removeLast()
            return true
        case .control("u"):
            text = ""
            return true
        case .enter:
            isEditing = false
            return false
        case .escape:
            isEditing = false
            let changed = !text.isEmpty
            text = ""
            return changed
        default:
            return nil
        }
    }

    /// Draws "/text" on the row, with the cursor after it while editing.
    func render(at point: Point, width: Int, on screen: inout Screen, theme: Theme) {
        let used = screen.write("/", at: point, style: theme.hotkey, maxWidth: width)
        let shown = screen.write(text, at: Point(x: point.x + used, y: point.y), style: theme.text, maxWidth: width - used)
        if isEditing { screen.cursor = Point(x: point.x + used + shown, y: point.y) }
    }
}
