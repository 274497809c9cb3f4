/// The newest numeric samples of a telemetry field, at most `capacity` of them; NaN and
/// infinities (a sensor's garbage) are dropped so a chart's scale stays meaningful.
public struct SampleBuffer: Hashable, Sendable {
    public let capacity: Int
    public private(set) var values: [Double] = []

    public init(capacity: Int, values: [Double] = []) {
        self.capacity = max(1, capacity)
        append(contentsOf: values)
    }

    public mutating func append(contentsOf newValues: [Double]) {
        values.append(contentsOf: newValues.filter(\.isFinite))
        if values.count > capacity { values.removeFirst(values.count - capacity) }
    }

    /// The smallest and largest of the newest `count` values, or `fixed` when given.
    func bounds(ofLast count: Int, fixed: ClosedRange<Double>?) -> (low: Double, high: Double)? {
        if let fixed { return (fixed.lowerBound, fixed.upperBound) }
        let shown = values.suffix(max(0, count))
        guard let low = shown.min(), let high = shown.max() else { return nil }
        return (low, high)
    }
}

/// A chart drawn from a `SampleBuffer`; new samples are appended to the chart itself.
public protocol SampledChart: Drawable {
    var samples: SampleBuffer { get set }
}

extension SampledChart {
    public var values: [Double] { samples.values }

    public mutating func append(_ value: Double) {
        samples.append(contentsOf: [value])
    }

    public mutating func append(contentsOf newValues: [Double]) {
        samples.append(contentsOf: newValues)
    }
}
