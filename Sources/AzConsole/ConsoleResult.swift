/// What one az command printed and how it exited, as a shell would see it.
public struct ConsoleResult: Sendable, Equatable {
    public var standardOutput: String
    public var standardError: String
    /// 0 for success, 1 for a failed operation, 2 for a command line az cannot parse, 3 for a
    /// resource Resource Manager cannot find: az's exit codes.
    public var exitCode: Int32

    public init(standardOutput: String, standardError: String, exitCode: Int32) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }
}
