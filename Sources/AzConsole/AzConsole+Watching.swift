extension AzConsole {
    /// Whether `arguments` name a command that only reads and runs until stopped
    /// (`iot hub monitor-events`). Such a command runs in the caller's own process without
    /// taking the workspace, so it can watch what the process holding it writes, and prints as
    /// it goes instead of when it ends.
    public static func isWatching(_ arguments: [String]) -> Bool {
        let words = arguments.prefix { !$0.hasPrefix("-") }
        return Array(words.prefix(3)) == ["iot", "hub", "monitor-events"]
    }
}
