import AzConsole
import Foundation

/// The az command names the console completes, read from the console's own group help (as
/// az's shell completion reads its command table), so a command added to `AzConsole` is
/// completed without the workbench knowing it.
enum AzCommandNames {
    /// Every command as typed after `az` ("iot hub device-identity create"), sorted.
    static func collect(from console: AzConsole, workingDirectory: URL) async -> [String] {
        var names: [String] = []
        var groups: [[String]] = [[]]
        while let group = groups.popLast() {
            let help = await console.run(group + ["--help"], workingDirectory: workingDirectory).standardOutput
            let (subgroups, commands) = parse(help)
            groups += subgroups.map { group + [$0] }
            names += commands.map { (group + [$0]).joined(separator: " ") }
        }
        return names.sorted()
    }

    /// The names under "Subgroups:" and "Commands:" in a group's help (`    name : summary`).
    static func parse(_ help: String) -> (subgroups: [String], commands: [String]) {
        var subgroups: [String] = []
        var commands: [String] = []
        var section: String?
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") {
                section = line.hasSuffix(":") ? String(line.dropLast()) : nil
                continue
            }
            guard let name = line.split(separator: " ").first else { continue }
            switch section {
            case "Subgroups": subgroups.append(String(name))
            case "Commands": commands.append(String(name))
            default: break
            }
        }
        return (subgroups, commands)
    }

    /// Completions of a console line: the commands it is a prefix of, cut after the next word,
    /// so `tab` walks down the command tree one word at a time (`iot hub d` → `iot hub device-identity `).
    static func complete(_ line: String, among names: [String]) -> [String] {
        let typed = line.hasPrefix("az ") ? String(line.dropFirst(3)) : line
        let prefix = line.hasPrefix("az ") ? "az " : ""
        var found: [String] = []
        for name in names where name.hasPrefix(typed) {
            let rest = name.dropFirst(typed.count)
            let cut: Substring
            if let space = rest.dropFirst(rest.first == " " ? 1 : 0).firstIndex(of: " ") {
                cut = name[..<space]
            } else {
                cut = Substring(name)
            }
            let candidate = prefix + cut + " "
            if !found.contains(candidate) { found.append(candidate) }
        }
        return found
    }
}
