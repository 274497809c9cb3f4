/// A live stream (telemetry, the journal) in a bounded buffer: it follows the newest line,
/// `p`/`space` pauses (the view freezes while lines keep arriving, as htop's `Z`), scrolling
/// up stops following, `f` or `G` follows again.
///
/// Only the newest `capacity` lines are kept, so a device flooding telemetry costs bounded
/// memory; lines are numbered from the first ever appended, so the frozen view stays put while
/// older lines are dropped underneath it.
public struct LogView: Widget {
    public typealias Action = Never

    public let capacity: Int
    /// The kept lines are `storage[start...]`; dropped lines are removed in one move once
    /// they are as many as `capacity`, so appending stays cheap under a flood.
    private var storage: [StyledLine] = []
    private var start = 0
    /// How many lines were ever appended; the newest line is number `appendedCount - 1`.
    public private(set) var appendedCount = 0
    public private(set) var isFollowing = true
    /// While paused, the line number the view ends at (exclusive).
    private var pausedEnd: Int?
    /// When not following, the number of the top line.
    private var top = 0

    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    public var isPaused: Bool { pausedEnd != nil }

    /// The lines kept, oldest first.
    public var lines: ArraySlice<StyledLine> { storage[start...] }

    /// Lines appended since the view was paused.
    public var unseenCount: Int { pausedEnd.map { appendedCount - $0 } ?? 0 }

    public mutating func append(_ line: StyledLine) {
        append(contentsOf: [line])
    }

    public mutating func append(contentsOf lines: [StyledLine]) {
        storage.append(contentsOf: lines)
        appendedCount += lines.count
        start = max(start, storage.count - capacity)
        if start >= capacity {
            storage.removeFirst(start)
            start = 0
        }
    }

    /// Empties the buffer (the pane's "clear").
    public mutating func clear() {
        storage.removeAll()
        start = 0
        pausedEnd = pausedEnd.map { _ in appendedCount }
    }

    public mutating func setPaused(_ paused: Bool) {
        pausedEnd = paused ? appendedCount : nil
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        guard !area.isEmpty else { return }
        let (rows, footer) = area.splitBottom(area.height > 1 ? 1 : 0)
        let first = firstVisible(height: rows.height)
        let last = end(height: rows.height)
        for row in 0..<rows.height {
            let number = first + row
            guard number < last, number >= oldest else { continue }
            screen.write(storage[start + number - oldest], at: Point(x: rows.x, y: rows.y + row), maxWidth: rows.width)
        }
        guard footer.height > 0 else { return }
        let status: String
        let style: Style
        if isPaused {
            status = "⏸ paused · \(unseenCount) new · p resume"
            style = context.theme.warning
        } else if isFollowing {
            status = "following · \(appendedCount) lines"
            style = context.theme.dim
        } else {
            status = "scrolled · f follow"
            style = context.theme.dim
        }
        screen.fill(footer)
        screen.write(status, at: Point(x: footer.x, y: footer.y), style: style, maxWidth: footer.width)
    }

    public mutating func handle(_ event: InputEvent, in area: Rect) -> EventResult<Never> {
        let height = max(1, area.height - 1)
        switch event {
        case .key(.character("p")), .key(.character(" ")):
            setPaused(!isPaused)
        case .key(.character("f")), .key(.character("G")), .key(.end):
            isFollowing = true
            pausedEnd = nil
        case .key(.up), .key(.character("k")): scroll(by: -1, height: height)
        case .key(.down), .key(.character("j")): scroll(by: 1, height: height)
        case .key(.pageUp): scroll(by: -height, height: height)
        case .key(.pageDown): scroll(by: height, height: height)
        case .key(.home), .key(.character("g")): scroll(by: -appendedCount, height: height)
        case .mouse(let mouse) where area.contains(mouse.position) && mouse.kind == .scrollUp: scroll(by: -3, height: height)
        case .mouse(let mouse) where area.contains(mouse.position) && mouse.kind == .scrollDown: scroll(by: 3, height: height)
        default: return .ignored
        }
        return .handled
    }

    public var keyHints: [KeyHint] {
        [KeyHint(.character("p"), isPaused ? "resume" : "pause"), KeyHint(.character("f"), "follow")]
    }

    // MARK: Private

    /// The number of the oldest line kept.
    private var oldest: Int { appendedCount - (storage.count - start) }

    /// The number one past the last line shown. A paused view whose lines were dropped from
    /// the buffer moves on just enough to show the oldest lines kept.
    private func end(height: Int) -> Int {
        guard let pausedEnd else { return appendedCount }
        return max(pausedEnd, min(appendedCount, oldest + height))
    }

    private func firstVisible(height: Int) -> Int {
        let last = end(height: height)
        if isFollowing { return max(oldest, last - height) }
        return min(max(oldest, top), max(oldest, last - height))
    }

    private mutating func scroll(by delta: Int, height: Int) {
        let current = firstVisible(height: height)
        let last = end(height: height)
        top = min(max(oldest, current + delta), max(oldest, last - height))
        // Scrolling to the bottom follows again (the frozen bottom while paused); up stops following.
        isFollowing = top >= last - height && delta > 0
    }
}
