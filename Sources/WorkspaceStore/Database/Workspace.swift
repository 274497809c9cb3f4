import Foundation
import GRDB

/// One workspace's durable state: records and the append-only journal, in one SQLite database.
///
/// Engines keep their state in memory and write through a workspace; a mutation is durable
/// before it is acknowledged (WAL, `synchronous = FULL` unless `Durability` says otherwise), and
/// the journal event describing it commits in the same transaction (DESIGN.md, principles 4 and
/// 6). A file workspace is a WAL database pool, so readers (panes tailing the journal) never wait
/// for the writer, and concurrent writers are serialised.
///
/// Calls must not nest: calling `read` or `write` from inside another's closure is a
/// programming error that GRDB stops with a precondition.
public final class Workspace: Sendable {
    private let database: any DatabaseWriter

    /// The database file, nil for an in-memory workspace.
    public let fileURL: URL?

    /// Opens the workspace at `fileURL`, creating it if needed, and migrates it to this
    /// version's schema. The folder must exist (`WorkspaceHome.createIfNeeded()`).
    public convenience init(fileURL: URL, durability: Durability = .survivesPowerLoss) throws {
        let pool = try DatabasePool(path: fileURL.path, configuration: Self.configuration())
        try self.init(database: pool, fileURL: fileURL, durability: durability)
    }

    /// A private workspace on real SQLite that lives as long as the value, for tests.
    public static func inMemory() throws -> Workspace {
        try Workspace(
            database: DatabaseQueue(configuration: configuration()), fileURL: nil, durability: .survivesPowerLoss)
    }

    private init(database: any DatabaseWriter, fileURL: URL?, durability: Durability) throws {
        self.database = database
        self.fileURL = fileURL
        // Set on the one writer connection after GRDB's WAL setup, which chooses NORMAL.
        try database.writeWithoutTransaction { db in try db.execute(sql: durability.synchronousPragma) }
        let migrator = WorkspaceSchema.migrator
        let unknown = try database.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
        }
        guard unknown.isEmpty else {
            throw WorkspaceStoreError.createdByNewerVersion(
                path: fileURL?.path ?? ":memory:", unknownMigrations: unknown.sorted())
        }
        try migrator.migrate(database)
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "iotlab.workspace"
        // Another process (a sqlite3 shell, a backup) may hold the database briefly.
        configuration.busyMode = .timeout(5)
        return configuration
    }

    /// Runs `body` against one consistent snapshot of the workspace.
    public func read<T>(_ body: (WorkspaceReader) throws -> T) throws -> T {
        try database.read { db in try body(WorkspaceReader(connection: WorkspaceConnection(database: db))) }
    }

    /// Runs `body` in one transaction: everything it does commits together, durably, or not at
    /// all when it throws (the error is rethrown unchanged). The result may be ignored, since a
    /// write often ends with `append`, whose record the caller may not need.
    @discardableResult
    public func write<T>(_ body: (WorkspaceWriter) throws -> T) throws -> T {
        try database.write { db in try body(WorkspaceWriter(connection: WorkspaceConnection(database: db))) }
    }

    /// Up to `limit` journal events after `sequence`, ascending; see `WorkspaceReading`.
    public func journal(after sequence: Int64, limit: Int) throws -> [JournalRecord] {
        try read { try $0.journal(after: sequence, limit: limit) }
    }

    /// The highest journal sequence number, 0 when the journal is empty.
    public func lastJournalSequence() throws -> Int64 {
        try read { try $0.lastJournalSequence() }
    }

    /// The names of the schema migrations applied to this workspace, oldest first.
    public func appliedMigrations() throws -> [String] {
        try database.read { db in try WorkspaceSchema.migrator.appliedMigrations(db) }
    }

    /// Every record, ordered by scope, collection and key.
    public func allRecords() throws -> [StoredRecord] {
        try read { try $0.allRecords() }
    }
}
