import Foundation

/// Where iotlab's content lives (`Content/`: the labs' simulated devices, later course text):
/// `$IOTLAB_CONTENT`, else the nearest `Content` folder above the executable (a checkout where
/// `scripts/start` built it), else `Content` in the working directory.
enum ContentFolder {
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let configured = environment["IOTLAB_CONTENT"] { return URL(fileURLWithPath: configured, isDirectory: true) }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Content", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("simulations").path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Content", isDirectory: true)
    }
}
