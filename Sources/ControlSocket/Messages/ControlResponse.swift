/// What a forwarded command produced, for the calling process to print and exit with as if it had
/// run the command itself.
public struct ControlResponse: Codable, Sendable, Equatable {
    /// Text for the caller's standard output.
    public var standardOutput: String
    /// Text for the caller's standard error.
    public var standardError: String
    /// The status the caller exits with.
    public var exitCode: Int32

    public init(standardOutput: String, standardError: String, exitCode: Int32) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }
}
