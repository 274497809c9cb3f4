/// Every group and command the console knows, looked up by the words of a command line.
struct CommandCatalog: Sendable {
    let groups: [GroupSpec]
    let commands: [CommandSpec]

    func command(at path: [String]) -> CommandSpec? { commands.first { $0.path == path } }

    func group(at path: [String]) -> GroupSpec? { groups.first { $0.path == path } }

    func isGroup(_ path: [String]) -> Bool { path.isEmpty || group(at: path) != nil }

    /// The subgroups directly under `path`, sorted by name.
    func subgroups(of path: [String]) -> [GroupSpec] {
        groups.filter { $0.path.count == path.count + 1 && Array($0.path.prefix(path.count)) == path }
            .sorted { $0.path.last ?? "" < $1.path.last ?? "" }
    }

    /// The commands directly under `path`, sorted by name.
    func commands(in path: [String]) -> [CommandSpec] {
        commands.filter { $0.path.count == path.count + 1 && Array($0.path.prefix(path.count)) == path }
            .sorted { $0.path.last ?? "" < $1.path.last ?? "" }
    }

    /// The words that may follow `path`.
    func childNames(of path: [String]) -> [String] {
        subgroups(of: path).compactMap(\.path.last) + commands(in: path).compactMap(\.path.last)
    }
}
