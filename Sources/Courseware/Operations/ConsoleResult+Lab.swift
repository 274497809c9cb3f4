import AzConsole

extension ConsoleResult {
    /// What a lab command printed, exit code 0.
    static func printed(_ text: String) -> ConsoleResult {
        ConsoleResult(standardOutput: text, standardError: "", exitCode: 0)
    }

    /// A lab command that could not do its work, explained on standard error, exit code 1.
    static func refused(_ message: String) -> ConsoleResult {
        ConsoleResult(standardOutput: "", standardError: message.hasSuffix("\n") ? message : message + "\n", exitCode: 1)
    }
}
