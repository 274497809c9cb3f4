import JSONValue

/// One az command, declared once: the words that name it, a one-line summary, its flags and the
/// handler that runs it. Adding a command is adding one of these to a `Commands/` file.
struct CommandSpec: Sendable {
    let path: [String]
    let summary: String
    let flags: [FlagSpec]
    /// Extra paragraphs for `--help`: how the local emulation differs, what a flag means here.
    let details: String?
    /// Runs the command; a `nil` result prints nothing (as az does for `delete`).
    let handler: @Sendable (CommandContext) async throws -> JSONValue?
    /// For a deprecated name kept because older lab scripts use it: the command to use instead.
    private(set) var replacement: String?
    /// Reshapes the result for `-o table` when no `--query` is given (az's `table_transformer`),
    /// for commands whose az table shows chosen columns rather than every scalar member.
    let tableTransformer: (@Sendable (JSONValue) -> JSONValue)?

    init(
        _ path: String, summary: String, details: String? = nil, flags: [FlagSpec] = [],
        tableTransformer: (@Sendable (JSONValue) -> JSONValue)? = nil,
        handler: @escaping @Sendable (CommandContext) async throws -> JSONValue?
    ) {
        self.path = path.split(separator: " ").map(String.init)
        self.summary = summary
        self.details = details
        self.flags = flags
        self.tableTransformer = tableTransformer
        self.handler = handler
    }

    /// The same command under an older name, which runs it and warns as az warns about
    /// deprecated commands (`az iot hub device-identity show-connection-string`).
    func deprecatedAlias(_ path: String) -> CommandSpec {
        var alias = CommandSpec(
            path, summary: summary + " (Deprecated)", details: details, flags: flags, tableTransformer: tableTransformer,
            handler: handler)
        alias.replacement = fullName
        return alias
    }

    /// The warning az prints on standard error when a deprecated command runs.
    var deprecationWarning: String? {
        replacement.map { "WARNING: This command has been deprecated and will be removed in a future release. Use '\($0)' instead.\n" }
    }

    /// The name as az prints it in messages: `az iot hub create`.
    var fullName: String { (["az"] + path).joined(separator: " ") }

    /// The command's own flags followed by the global ones every az command accepts.
    var allFlags: [FlagSpec] { flags + GlobalFlags.all }
}

/// A command group (`iot hub device-identity`), listed in help with its summary.
struct GroupSpec: Sendable {
    let path: [String]
    let summary: String

    init(_ path: String, summary: String) {
        self.path = path.split(separator: " ").map(String.init)
        self.summary = summary
    }
}
