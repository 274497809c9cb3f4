import Foundation

/// An event as stored in the journal, with the sequence number readers page by.
///
/// Sequence numbers increase with every append and are never reused within a workspace file,
/// not even after `Workspace.erase()`, so a reader that remembers the last number it saw never
/// mistakes a new event for an old one.
public struct JournalRecord: Sendable, Equatable {
    /// The position in the journal, from 1.
    public var sequence: Int64
    public var time: Date
    public var kind: String
    public var scope: String
    public var subject: String
    public var payload: Data

    public init(sequence: Int64, time: Date, kind: String, scope: String, subject: String, payload: Data) {
        self.sequence = sequence
        self.time = time
        self.kind = kind
        self.scope = scope
        self.subject = subject
        self.payload = payload
    }

    /// The stored form of `draft` at `sequence`.
    init(sequence: Int64, draft: JournalDraft) {
        self.init(
            sequence: sequence, time: draft.time, kind: draft.kind, scope: draft.scope,
            subject: draft.subject, payload: draft.payload)
    }
}
