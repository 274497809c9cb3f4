/// An error the console reports itself, worded as az words it.
///
/// az exits with 2 for a command line it cannot parse (argparse's convention), 3 when Resource
/// Manager answers "not found" (azure-cli's `ResourceNotFoundError`) and 1 for every other failure.
struct ConsoleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text printed on standard error.
    let message: String
    let exitCode: Int32

    /// A command line az would reject before running anything: unknown command or flag, missing
    /// required argument, a value of the wrong type.
    static func usage(_ message: String) -> ConsoleError { ConsoleError(message: "ERROR: " + message, exitCode: 2) }

    /// A value az accepted as text but the command cannot use (bad JSON, a malformed `--set`).
    static func invalidValue(_ message: String) -> ConsoleError {
        ConsoleError(message: "ERROR: " + message, exitCode: 1)
    }

    var description: String { message }
}
