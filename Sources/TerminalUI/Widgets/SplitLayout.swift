/// Two panes side by side, stacked when the terminal is narrower than `stackBelowWidth`
/// (lazygit's `portraitMode: auto`); `+` and `-` move the divider.
///
/// A layout, not a container: it says where the panes are and draws the divider; the owner
/// renders its own widgets into the areas, so focus and input stay with the owner.
public struct SplitLayout: Widget {
    public typealias Action = Never

    public enum Axis: Hashable, Sendable {
        /// First pane on the left.
        case horizontal
        /// First pane on top.
        case vertical
    }

    public var axis: Axis
    /// The first pane's share of the space, 0.1...0.9.
    public private(set) var ratio: Double
    public var stackBelowWidth: Int
    /// The smallest a pane may get, in cells along the split.
    public var minimumPane: Int

    public init(axis: Axis = .horizontal, ratio: Double = 0.5, stackBelowWidth: Int = 100, minimumPane: Int = 8) {
        self.axis = axis
        self.ratio = Self.clamp(ratio)
        self.stackBelowWidth = stackBelowWidth
        self.minimumPane = minimumPane
    }

    /// The axis used in `area`: horizontal splits stack on narrow terminals.
    public func effectiveAxis(in area: Rect) -> Axis {
        axis == .horizontal && area.width < stackBelowWidth ? .vertical : axis
    }

    /// The two panes and the one-cell divider between them.
    public func panes(in area: Rect) -> (first: Rect, second: Rect, divider: Rect) {
        switch effectiveAxis(in: area) {
        case .horizontal:
            let first = firstLength(total: area.width - 1)
            return (Rect(x: area.x, y: area.y, width: first, height: area.height),
                    Rect(x: area.x + first + 1, y: area.y, width: area.width - first - 1, height: area.height),
                    Rect(x: area.x + first, y: area.y, width: min(1, area.width), height: area.height))
        case .vertical:
            let first = firstLength(total: area.height - 1)
            return (Rect(x: area.x, y: area.y, width: area.width, height: first),
                    Rect(x: area.x, y: area.y + first + 1, width: area.width, height: area.height - first - 1),
                    Rect(x: area.x, y: area.y + first, width: area.width, height: min(1, area.height)))
        }
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let divider = panes(in: area).divider
        let character = effectiveAxis(in: area) == .horizontal ? context.theme.borders.vertical : context.theme.borders.horizontal
        screen.fill(divider, with: character, style: context.theme.border)
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Never> {
        switch event {
        case .key(.character("+")):
            ratio = Self.clamp(ratio + 0.05)
            return .handled
        case .key(.character("-")):
            ratio = Self.clamp(ratio - 0.05)
            return .handled
        default:
            return .ignored
        }
    }

    public var keyHints: [KeyHint] { [KeyHint(.character("+"), "resize panes", label: "+ -")] }

    private func firstLength(total: Int) -> Int {
        guard total > 0 else { return 0 }
        let wanted = Int((Double(total) * ratio).rounded())
        let low = min(minimumPane, total / 2)
        return min(max(wanted, low), total - low)
    }

    private static func clamp(_ ratio: Double) -> Double { min(0.9, max(0.1, ratio)) }
}
