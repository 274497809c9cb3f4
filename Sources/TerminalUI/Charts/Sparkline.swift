/// A one-row chart of the latest values (a telemetry field over the last minutes), scaled to
/// the smallest and largest value shown, newest on the right.
public struct Sparkline: SampledChart {
    public var samples: SampleBuffer
    /// Fixed bounds instead of the shown values' range (a humidity percentage is 0...100).
    public var range: ClosedRange<Double>?

    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public init(capacity: Int = 512, values: [Double] = [], range: ClosedRange<Double>? = nil) {
        self.samples = SampleBuffer(capacity: capacity, values: values)
        self.range = range
    }

    /// The bar characters for the newest values that fit in `width` columns.
    public func bars(width: Int) -> String {
        let shown = values.suffix(max(0, width))
        guard let (low, high) = samples.bounds(ofLast: width, fixed: range) else { return "" }
        let span = high - low
        return String(shown.map { value in
            guard span > 0 else { return Self.levels[Self.levels.count / 2 - 1] }
            let level = Int(((min(max(value, low), high) - low) / span * Double(Self.levels.count - 1)).rounded())
            return Self.levels[level]
        })
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        guard !area.isEmpty else { return }
        screen.write(bars(width: area.width), at: Point(x: area.x, y: area.y + area.height - 1), style: context.theme.chart)
    }
}
