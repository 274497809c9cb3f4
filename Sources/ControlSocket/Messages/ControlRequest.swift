/// One `iotlab` command line, forwarded by a second process to the process that holds the
/// workspace, so the live hub sees the change at once.
public struct ControlRequest: Codable, Sendable, Equatable {
    /// The arguments after `iotlab`, e.g. `["az", "iot", "hub", "list"]`.
    public var arguments: [String]
    /// The caller's current directory, so relative paths such as `--json FILE` resolve as the
    /// caller meant rather than against the serving process's directory.
    public var workingDirectory: String
    /// Everything the caller read from standard input, when the command reads it; `nil` otherwise.
    public var standardInput: String?

    public init(arguments: [String], workingDirectory: String, standardInput: String? = nil) {
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.standardInput = standardInput
    }
}
