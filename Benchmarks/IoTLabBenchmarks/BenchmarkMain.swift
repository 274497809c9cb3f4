import Foundation

/// `swift run -c release iotlab-bench [devices]`: prints the figures for docs/performance.md.
@main
enum BenchmarkMain {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        let devices = arguments.first.flatMap(Int.init) ?? 100_000
        let benchmark = RegistryBenchmark(deviceCount: devices, queryRuns: 50, patchCount: 2_000)
        print("| measurement | result |")
        print("|---|---|")
        for measurement in try await benchmark.run() {
            print(measurement.row)
        }
    }
}
