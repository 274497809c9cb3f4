import AzConsole

/// Completion of a whole console line, as az's shell completion (argcomplete) does it: command
/// names word by word, then, once the words name a command, that command's flags as az declares
/// them, the values of a flag with fixed choices, and the workspace's hub and device names after
/// `--hub-name`/`-n` and `--device-id`/`-d`.
struct AzLineCompletion: Sendable {
    /// Every command as typed after `az`.
    var commandNames: [String]
    /// The workspace's hubs, and each device with its hub, for the values of `-n` and `-d`.
    var hubs: [String] = []
    var devices: [(hub: String, deviceId: String)] = []

    /// Full replacement lines for `line`, each ending in a space when a word is complete.
    func complete(_ line: String) -> [String] {
        let azPrefix = line.hasPrefix("az ") ? "az " : ""
        let typed = String(line.dropFirst(azPrefix.count))
        var words = typed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let partial = typed.hasSuffix(" ") || typed.isEmpty ? "" : (words.popLast() ?? "")
        guard let command = longestCommand(in: words), let flags = AzConsole.flags(for: command) else {
            return AzCommandNames.complete(line, among: commandNames)
        }
        let head = azPrefix + (words + [""]).joined(separator: " ")
        let offered: [String]
        if let previous = words.last, previous.hasPrefix("-"), let flag = flags.first(where: { $0.names.contains(previous) }), flag.takesValue {
            offered = values(of: flag, on: words).filter { $0.hasPrefix(partial) }
        } else if partial.isEmpty || partial.hasPrefix("-") {
            offered = unusedFlags(flags, on: words, partial: partial)
        } else {
            offered = []
        }
        return offered.map { head + $0 + " " }
    }

    /// The longest run of leading words that names a command.
    private func longestCommand(in words: [String]) -> String? {
        let commandWords = words.prefix { !$0.hasPrefix("-") }
        return (1...max(1, commandWords.count)).reversed().lazy.map { commandWords.prefix($0).joined(separator: " ") }
            .first { commandNames.contains($0) }
    }

    /// Flags not on the line yet: with nothing typed, each by its long name; with `-` or more
    /// typed, every spelling az accepts that starts with it (`-d`, `--device-id`).
    private func unusedFlags(_ flags: [AzFlag], on words: [String], partial: String) -> [String] {
        let used = Set(words.filter { $0.hasPrefix("-") })
        return flags.filter { used.isDisjoint(with: $0.names) }.flatMap { flag in
            partial.isEmpty ? [flag.names[0]] : flag.names.filter { $0.hasPrefix(partial) }
        }
    }

    private func values(of flag: AzFlag, on words: [String]) -> [String] {
        if !flag.choices.isEmpty { return flag.choices }
        switch flag.names[0] {
        case "--hub-name": return hubs.sorted()
        case "--device-id":
            let hub = value(of: "--hub-name", "-n", on: words)
            var seen: Set<String> = []
            return devices.filter { hub == nil || $0.hub == hub }.map(\.deviceId).sorted().filter { seen.insert($0).inserted }
        default: return []
        }
    }

    private func value(of names: String..., on words: [String]) -> String? {
        guard let index = words.lastIndex(where: { names.contains($0) }), words.indices.contains(index + 1) else { return nil }
        return words[index + 1]
    }
}
