/// One flag of a command, declared once: its names, value type, whether it is required, its
/// default and its help text. The parser, the validation messages and `--help` all read it.
struct FlagSpec: Sendable {
    /// The names as az spells them, long name first: `["--hub-name", "-n"]`.
    let names: [String]
    /// The key handlers read the value by: the first long name without dashes (`hub-name`).
    var key: String { String(names[0].drop { $0 == "-" }) }
    let kind: FlagKind
    let isRequired: Bool
    /// The default a handler applies, shown in help as az shows it (`Default: S1.`).
    let defaultValue: String?
    let help: String
    /// The help section the flag is listed under (az's `arg_group`); `nil` lists it under Arguments.
    let group: String?

    init(
        _ names: [String], _ kind: FlagKind = .string, required: Bool = false, default defaultValue: String? = nil,
        group: String? = nil, help: String
    ) {
        self.names = names
        self.kind = kind
        self.isRequired = required
        self.defaultValue = defaultValue
        self.group = group
        self.help = help
    }

    /// `--name/-n`, the form argparse uses in its messages.
    var displayName: String { names.joined(separator: "/") }
}

/// How a flag's value is read.
enum FlagKind: Sendable, Equatable {
    /// Any text.
    case string
    /// A whole number, optionally within a range (checked when parsed, as argparse's `type=int`).
    case integer(ClosedRange<Int>? = nil)
    /// az's three-state flag: alone it means true; it also takes `true/false/yes/no`.
    case boolean
    /// One of a fixed list, matched without regard to case and reported in the list's spelling.
    case choice([String])
    /// A JSON document given inline or as a file path resolved against the working directory.
    case json
    /// One or more values (`nargs='+'`), e.g. `--set a=1 b=2`; repeating the flag appends.
    case list
    /// No value at all: its presence is the value (`--help`, `--debug`).
    case presence
}
