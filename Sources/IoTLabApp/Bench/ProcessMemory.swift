import Foundation

/// A process's resident memory as Linux reports it, to measure what a broker spends on idle
/// connections.
public enum ProcessMemory {
    /// `VmRSS` of `/proc/PID/status`, in bytes, or `nil` if the process cannot be read.
    public static func residentBytes(ofProcess pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kilobytes = Int(fields[1]) { return kilobytes * 1024 }
        }
        return nil
    }
}
