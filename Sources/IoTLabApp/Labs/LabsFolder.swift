import Foundation

/// Where the labs live (`Labs/`, one folder a lab): `$IOTLAB_LABS`, else the nearest `Labs`
/// folder above the executable (a checkout where `scripts/start` built it), else `Labs` in the
/// working directory.
public enum LabsFolder {
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let configured = environment["IOTLAB_LABS"] { return URL(fileURLWithPath: configured, isDirectory: true) }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Labs", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Labs", isDirectory: true)
    }
}
