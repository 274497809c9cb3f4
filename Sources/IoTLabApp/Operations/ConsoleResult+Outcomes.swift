import AzConsole

extension ConsoleResult {
    /// A successful operation that printed `text`.
    static func success(_ text: String) -> ConsoleResult {
        ConsoleResult(standardOutput: text, standardError: "", exitCode: 0)
    }

    /// A failed operation, explained on standard error.
    static func failure(_ message: String, exitCode: Int32 = 1) -> ConsoleResult {
        ConsoleResult(standardOutput: "", standardError: message.hasSuffix("\n") ? message : message + "\n", exitCode: exitCode)
    }
}
