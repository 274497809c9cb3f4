import GRDB

extension Workspace {
    /// The SQLite library's version, which `iotlab info` reports so a bug report says what ran.
    public func sqliteVersion() throws -> String {
        try read { reader in try String.fetchOne(reader.database, sql: "SELECT sqlite_version()") ?? "unknown" }
    }
}
