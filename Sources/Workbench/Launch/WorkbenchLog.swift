import Foundation

/// The workbench's log: a file in the workspace (`workbench.log`), never the screen, which
/// curses owns. Lines are appended with a timestamp; a log that cannot be opened is dropped
/// silently rather than breaking the screen.
final class WorkbenchLog: Sendable {
    let file: URL
    private let handle: FileHandle?

    init(file: URL) {
        self.file = file
        if !FileManager.default.fileExists(atPath: file.path) {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        }
        handle = try? FileHandle(forWritingTo: file)
        _ = try? handle?.seekToEnd()
    }

    func write(_ text: String) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        let lines = text.split(separator: "\n").map { "\(stamp) \($0)\n" }.joined()
        handle?.write(Data(lines.utf8))
    }
}
