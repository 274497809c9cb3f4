import GRDB

/// The workspace's tables, as versioned migrations.
///
/// One named migration per schema change, never an edit to a shipped one, so a workspace made
/// by an older `iotlab` opens in a newer one (GRDB's `DatabaseMigrator`).
enum WorkspaceSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-records-and-journal") { db in
            // Keyed by (scope, collection, key): the primary key is the only index needed, and
            // WITHOUT ROWID stores each record once, in key order, which is how engines load them.
            try db.execute(sql: """
                CREATE TABLE record (
                    scope TEXT NOT NULL,
                    collection TEXT NOT NULL,
                    "key" TEXT NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (scope, collection, "key")
                ) WITHOUT ROWID
                """)
            // AUTOINCREMENT: a sequence number is never reused, even after every event is deleted.
            // `time` is seconds since Foundation's reference date as REAL, so a Date reads back equal.
            try db.execute(sql: """
                CREATE TABLE journal (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    time REAL NOT NULL,
                    kind TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    payload BLOB NOT NULL
                )
                """)
        }
        migrator.registerMigration("v2-event-streams") { db in
            // Partitioned, append-only logs (a hub's built-in `events` endpoint, Event Hubs-style
            // routing endpoints). Events are keyed by their per-partition sequence number, which
            // `stream_partition` hands out so that numbers are never reused after retention
            // deletes old events, as in Event Hubs.
            try db.execute(sql: """
                CREATE TABLE stream_event (
                    scope TEXT NOT NULL,
                    stream TEXT NOT NULL,
                    partition INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    enqueued_at REAL NOT NULL,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (scope, stream, partition, sequence)
                ) WITHOUT ROWID
                """)
            try db.execute(sql: """
                CREATE TABLE stream_partition (
                    scope TEXT NOT NULL,
                    stream TEXT NOT NULL,
                    partition INTEGER NOT NULL,
                    next_sequence INTEGER NOT NULL,
                    PRIMARY KEY (scope, stream, partition)
                ) WITHOUT ROWID
                """)
            try db.execute(sql: """
                CREATE TABLE stream_cursor (
                    scope TEXT NOT NULL,
                    stream TEXT NOT NULL,
                    consumer_group TEXT NOT NULL,
                    partition INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    PRIMARY KEY (scope, stream, consumer_group, partition)
                ) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v3-stream-event-chunks") { db in
            // A row may hold several consecutive events enqueued together (see `StreamChunk`);
            // rows written before hold one each.
            try db.execute(sql: "ALTER TABLE stream_event ADD COLUMN event_count INTEGER NOT NULL DEFAULT 1")
        }
        migrator.registerMigration("v4-journal-event-chunks") { db in
            // A row may hold several events of one kind, scope and time (see `JournalChunk`);
            // rows written before hold one each.
            try db.execute(sql: "ALTER TABLE journal ADD COLUMN event_count INTEGER NOT NULL DEFAULT 1")
        }
        return migrator
    }
}
