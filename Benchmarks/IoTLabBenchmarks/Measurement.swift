import Foundation

/// One benchmark figure, printed as a row of the table in docs/performance.md.
struct Measurement {
    enum Unit: String {
        case seconds = "s"
        case milliseconds = "ms"
        case perSecond = "/s"
        case megabytes = "MB"
    }

    let name: String
    let value: Double
    let unit: Unit

    var row: String {
        let formatted = value >= 100 ? String(format: "%.0f", value) : String(format: "%.2f", value)
        return "| \(name) | \(formatted) \(unit.rawValue) |"
    }
}

enum BenchmarkError: Error {
    case failed(String)
}

/// Wall-clock timing of one piece of work.
enum Stopwatch {
    static func time(_ work: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await work()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// The process's resident set size, read from /proc (Linux).
enum ResidentMemory {
    static func current() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}

extension [Double] {
    /// The value at `fraction` of a sorted array (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        guard !isEmpty else { return 0 }
        let rank = Int((fraction * Double(count)).rounded(.up)) - 1
        return self[Swift.max(0, Swift.min(count - 1, rank))]
    }
}
