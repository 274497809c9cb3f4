import Foundation

/// What can go wrong in the store itself, beyond SQLite's own errors (which pass through as
/// GRDB's `DatabaseError`), each naming the file or the field and the rule.
public enum WorkspaceStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The lock file could not be opened or locked for a reason other than another holder.
    case lockFailed(path: String, errno: Int32)
    /// The workspace was written by a newer `iotlab` whose schema this one does not know.
    case createdByNewerVersion(path: String, unknownMigrations: [String])
    /// An imported journal's sequence numbers must be positive and strictly increasing.
    case journalOutOfOrder(sequence: Int64, previous: Int64)
    /// An import holds two records with the same scope, collection and key.
    case duplicateRecord(scope: String, collection: String, key: String)
    /// A stored stream row does not hold the events it says it holds (the file was damaged).
    case malformedStreamRow(scope: String, stream: String, partition: Int, sequence: Int64)
    /// A stored journal row does not hold the events it says it holds (the file was damaged).
    case malformedJournalRow(sequence: Int64)

    public var description: String {
        switch self {
        case let .lockFailed(path, errno):
            "cannot lock the workspace at \(path): \(String(cString: strerror(errno)))"
        case let .createdByNewerVersion(path, unknownMigrations):
            "the workspace at \(path) was written by a newer iotlab (schema "
                + "\(unknownMigrations.joined(separator: ", "))); upgrade iotlab to open it"
        case let .journalOutOfOrder(sequence, previous):
            "journal sequence \(sequence) follows \(previous): sequence numbers must be positive "
                + "and strictly increasing"
        case let .duplicateRecord(scope, collection, key):
            "record \(scope)/\(collection)/\(key) appears twice: each scope, collection and key "
                + "must be unique"
        case let .malformedStreamRow(scope, stream, partition, sequence):
            "the events of \(scope)/\(stream) partition \(partition) stored from sequence \(sequence) "
                + "cannot be read: the row is damaged"
        case let .malformedJournalRow(sequence):
            "the journal events stored up to sequence \(sequence) cannot be read: the row is damaged"
        }
    }
}
