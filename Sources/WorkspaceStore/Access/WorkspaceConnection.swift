import GRDB

/// The database connection a `WorkspaceReader` or `WorkspaceWriter` borrows for one `read` or
/// `write`; opaque outside the store, so engines see records and events, never SQL.
public struct WorkspaceConnection {
    let database: Database
}
