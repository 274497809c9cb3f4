import Foundation

extension CommandContext {
    /// The text of the file a path flag names (relative to the working directory), refused as
    /// Python's `open` refuses a missing file, which is what az prints.
    func fileText(_ key: String) throws -> String {
        let given = try required(key)
        let url = workingDirectory.resolvingCommandLinePath(given)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConsoleError.invalidValue("[Errno 2] No such file or directory: '\(given)'")
        }
    }
}
