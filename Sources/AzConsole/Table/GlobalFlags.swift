/// The arguments az accepts on every command (knack's global arguments).
enum GlobalFlags {
    static let output = FlagSpec(
        ["--output", "-o"], .choice(OutputFormat.allCases.map(\.rawValue)), default: "json", group: globalGroup,
        help: "Output format.")
    static let query = FlagSpec(
        ["--query"], group: globalGroup,
        help: "JMESPath query string. See http://jmespath.org/ for more information and examples.")
    static let help = FlagSpec(["--help", "-h"], .presence, group: globalGroup, help: "Show this help message and exit.")
    static let onlyShowErrors = FlagSpec(
        ["--only-show-errors"], .presence, group: globalGroup,
        help: "Only show errors, suppressing warnings.")
    static let debug = FlagSpec(
        ["--debug"], .presence, group: globalGroup, help: "Increase logging verbosity to show all debug logs.")
    static let verbose = FlagSpec(
        ["--verbose"], .presence, group: globalGroup,
        help: "Increase logging verbosity. Use --debug for full debug logs.")
    static let subscription = FlagSpec(
        ["--subscription"], group: globalGroup,
        help: "Name or ID of subscription. The local cloud has one subscription; the value is accepted and ignored.")

    static let globalGroup = "Global Arguments"

    static let all = [debug, help, onlyShowErrors, output, query, subscription, verbose]
}
