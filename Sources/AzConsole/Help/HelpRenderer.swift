/// Builds `--help` text from the command table, laid out as az lays it out (a heading, the
/// summary, then aligned `name : description` rows), so help can never disagree with what the
/// parser accepts.
struct HelpRenderer {
    let catalog: CommandCatalog

    func groupHelp(_ path: [String]) -> String {
        let name = (["az"] + path).joined(separator: " ")
        let summary = catalog.group(at: path)?.summary ?? "The local Azure CLI of iotlab: az commands against the offline cloud."
        var text = "\nGroup\n    \(name) : \(summary)\n"
        let subgroups = catalog.subgroups(of: path).map { ($0.path.last ?? "", $0.summary) }
        // Deprecated names still run but are not advertised: help teaches the current names.
        let commands = catalog.commands(in: path).filter { $0.replacement == nil }.map { ($0.path.last ?? "", $0.summary) }
        let width = (subgroups + commands).map(\.0.count).max() ?? 0
        if !subgroups.isEmpty { text += "\nSubgroups:\n" + rows(subgroups, width: width) }
        if !commands.isEmpty { text += "\nCommands:\n" + rows(commands, width: width) }
        text += "\nFor more specific examples, use: \(name) <command> --help\n"
        return text
    }

    func commandHelp(_ command: CommandSpec) -> String {
        var text = "\nCommand\n    \(command.fullName) : \(command.summary)\n"
        if let details = command.details {
            text += details.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }.joined(separator: "\n") + "\n"
        }
        var sections: [(String, [FlagSpec])] = []
        for flag in command.allFlags {
            let section = flag.group ?? "Arguments"
            if let position = sections.firstIndex(where: { $0.0 == section }) {
                sections[position].1.append(flag)
            } else {
                sections.append((section, [flag]))
            }
        }
        sections.sort { rank($0.0) < rank($1.0) }
        let width = command.allFlags.map { label($0).count }.max() ?? 0
        for (section, flags) in sections {
            text += "\n\(section)\n"
            for flag in flags {
                let padded = label(flag) + String(repeating: " ", count: width - label(flag).count)
                text += "    \(padded) : \(description(flag))\n"
            }
        }
        return text
    }

    /// Arguments first, named groups next, Global Arguments last, as az orders them.
    private func rank(_ section: String) -> Int {
        switch section {
        case "Arguments": 0
        case GlobalFlags.globalGroup: 2
        default: 1
        }
    }

    private func label(_ flag: FlagSpec) -> String {
        flag.names.joined(separator: " ") + (flag.isRequired ? " [Required]" : "")
    }

    private func description(_ flag: FlagSpec) -> String {
        var text = flag.help
        switch flag.kind {
        case .choice(let choices): text += "  Allowed values: \(choices.joined(separator: ", "))."
        case .boolean: text += "  Allowed values: false, true."
        default: break
        }
        if let defaultValue = flag.defaultValue { text += "  Default: \(defaultValue)." }
        return text
    }

    /// `name : summary` rows, names padded to one width across the sections, as az aligns them.
    private func rows(_ entries: [(String, String)], width: Int) -> String {
        entries.map { name, summary in
            "    " + name + String(repeating: " ", count: width - name.count) + " : " + summary + "\n"
        }.joined()
    }
}
