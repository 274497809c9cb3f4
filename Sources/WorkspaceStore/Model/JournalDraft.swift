import Foundation

/// An event an engine is about to append to the journal; the store gives it its sequence number.
///
/// Every mutation appends one in the same transaction as its records (DESIGN.md, principle 4), so
/// panes, diagnostics and lab checks can read what happened without reaching into the engines.
public struct JournalDraft: Sendable, Equatable {
    /// When it happened, from the engine's `LabClock`; read back bit-for-bit equal.
    public var time: Date
    /// The event type, e.g. `DeviceCreated`, `TwinPatched`.
    public var kind: String
    /// The resource it happened in, e.g. a hub name.
    public var scope: String
    /// What it happened to, e.g. a device id.
    public var subject: String
    /// The event's JSON, as the engine wrote it.
    public var payload: Data

    public init(time: Date, kind: String, scope: String, subject: String, payload: Data) {
        self.time = time
        self.kind = kind
        self.scope = scope
        self.subject = subject
        self.payload = payload
    }
}
