extension Workspace {
    /// What an acknowledged write survives, traded against how fast writes commit.
    ///
    /// In WAL mode SQLite's `synchronous = FULL` syncs the log on every commit (a few
    /// milliseconds on ordinary disks, so a few hundred separate writes a second at most);
    /// `NORMAL` syncs only at checkpoints, so a commit costs no disk wait but the last ones may
    /// be lost if the machine loses power. Either way a crash of `iotlab` itself loses nothing
    /// acknowledged, since a commit has reached the operating system before `write` returns.
    public enum Durability: Sendable, Equatable {
        /// Every commit is synced to disk before `write` returns (`synchronous = FULL`), the default.
        case survivesPowerLoss
        /// Commits survive a crash of the process, not of the machine (`synchronous = NORMAL`);
        /// for throughput benchmarks and throwaway workspaces.
        case survivesProcessCrash

        var synchronousPragma: String {
            switch self {
            case .survivesPowerLoss: "PRAGMA synchronous = FULL"
            case .survivesProcessCrash: "PRAGMA synchronous = NORMAL"
            }
        }
    }
}
