import Foundation

/// A small line chart of numeric telemetry in braille dots (2×4 per cell, as btop draws its
/// graphs), with the maximum and minimum labelled on the left and consecutive points joined.
public struct LineChart: SampledChart {
    public var samples: SampleBuffer
    public var title: String?
    /// Fixed bounds instead of the shown values' range.
    public var range: ClosedRange<Double>?

    public init(capacity: Int = 1024, values: [Double] = [], title: String? = nil, range: ClosedRange<Double>? = nil) {
        self.samples = SampleBuffer(capacity: capacity, values: values)
        self.title = title
        self.range = range
    }

    public func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        guard area.height >= 2, area.width >= 8 else { return }
        let theme = context.theme
        var plot = area
        if let title {
            screen.write(title, at: Point(x: area.x, y: area.y), style: theme.title, maxWidth: area.width)
            plot = area.splitTop(1).rest
        }
        let labelWidth = 7
        let dotsWide = (plot.width - labelWidth - 1) * 2
        guard dotsWide > 0, plot.height > 0 else { return }
        let shown = Array(values.suffix(dotsWide))
        guard let (low, high) = samples.bounds(ofLast: dotsWide, fixed: range) else { return }
        screen.write(Self.label(high).padded(toWidth: labelWidth), at: Point(x: plot.x, y: plot.y), style: theme.dim)
        if plot.height > 1 {
            screen.write(Self.label(low).padded(toWidth: labelWidth), at: Point(x: plot.x, y: plot.maxY - 1), style: theme.dim)
        }
        for row in 0..<plot.height {
            screen.put("┤", at: Point(x: plot.x + labelWidth, y: plot.y + row), style: theme.border)
        }
        let dotsHigh = plot.height * 4
        var grid = Array(repeating: Array(repeating: UInt8(0), count: dotsWide / 2), count: plot.height)
        func dotRow(_ value: Double) -> Int {
            guard high > low else { return dotsHigh / 2 }
            let fraction = (min(max(value, low), high) - low) / (high - low)
            return dotsHigh - 1 - Int((fraction * Double(dotsHigh - 1)).rounded())
        }
        var previous: Int?
        for (column, value) in shown.enumerated() {
            let y = dotRow(value)
            let from = previous.map { min($0, y) } ?? y, to = previous.map { max($0, y) } ?? y
            for dot in from...to {
                grid[dot / 4][column / 2] |= Self.bit(column: column % 2, row: dot % 4)
            }
            previous = y
        }
        for row in 0..<plot.height {
            for cell in 0..<grid[row].count where grid[row][cell] != 0 {
                guard let scalar = Unicode.Scalar(0x2800 + UInt32(grid[row][cell])) else { continue }
                screen.put(Character(scalar), at: Point(x: plot.x + labelWidth + 1 + cell, y: plot.y + row), style: theme.chart)
            }
        }
    }

    /// The braille bit for a dot: left column rows 0-3 are 1, 2, 4, 64; right 8, 16, 32, 128.
    private static func bit(column: Int, row: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return column == 0 ? left[row] : right[row]
    }

    private static func label(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 10_000 { return String(format: "%.2g", value) }
        if magnitude >= 100 || value == value.rounded() { return String(format: "%.0f", value) }
        return String(format: "%.1f", value)
    }
}
