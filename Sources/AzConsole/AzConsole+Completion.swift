/// One flag of an az command as a completer offers it: az's spellings (long name first, then the
/// short forms such as `-n` or `--hn`), whether a value follows it, and the values az accepts
/// when they are a fixed list (`--output json|jsonc|table|tsv|yaml|none`).
public struct AzFlag: Sendable, Hashable {
    public let names: [String]
    public let takesValue: Bool
    public let choices: [String]
    public let summary: String

    init(_ spec: FlagSpec) {
        names = spec.names
        switch spec.kind {
        case .presence:
            takesValue = false
            choices = []
        case .boolean:
            // az's three-state flag: alone it means true, but it also takes a value.
            takesValue = true
            choices = ["false", "true"]
        case .choice(let values):
            takesValue = true
            choices = values
        case .string, .integer, .json, .list:
            takesValue = true
            choices = []
        }
        summary = spec.help
    }
}

extension AzConsole {
    /// The flags of the standard command table's command named by `command` (the words after
    /// `az`: "iot hub device-identity create"), its own first then az's global ones, read from
    /// the same declarations the parser and `--help` read, so completion never drifts from
    /// what the console accepts. `nil` when no command has that name.
    public static func flags(for command: String) -> [AzFlag]? {
        let path = command.split(separator: " ").map(String.init)
        guard let spec = CommandCatalog.standard.command(at: path) else { return nil }
        return (spec.flags + GlobalFlags.all).map(AzFlag.init)
    }
}
