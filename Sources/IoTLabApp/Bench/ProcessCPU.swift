import Foundation

/// A process's CPU time as Linux reports it, to compare what two brokers spend on each message
/// when the machine is too busy for their throughput to be compared.
public enum ProcessCPU {
    /// User plus system time of `/proc/PID/stat`, in seconds, or `nil` if it cannot be read.
    public static func seconds(ofProcess pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let nameEnd = stat.lastIndex(of: ")")
        else { return nil }
        // After "pid (name) ": state is field 3, utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
