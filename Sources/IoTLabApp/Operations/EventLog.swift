import Foundation
import JSONValue
import WorkspaceStore

/// Prints the workspace journal (`iotlab events tail`), reading the database directly: SQLite's WAL
/// lets a reader follow a workspace while another process writes it.
public struct EventLog: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// `#12 2026-01-01T00:00:00.000Z DeviceCreated hub:h sensor-1 {...}`
        case text
        /// One JSON object per line, for scripts.
        case json
    }

    let workspace: Workspace
    let format: Format

    public init(home: WorkspaceHome, format: Format) throws {
        try home.createIfNeeded()
        workspace = try Workspace(fileURL: home.databaseURL)
        self.format = format
    }

    /// The last `count` events, oldest first, and the sequence to follow from.
    public func tail(count: Int) throws -> (lines: [String], lastSequence: Int64) {
        let last = try workspace.lastJournalSequence()
        let entries = try workspace.journal(after: max(0, last - Int64(count)), limit: count)
        return (entries.map(render), last)
    }

    /// Events after `sequence`, for `--follow`.
    public func events(after sequence: Int64) throws -> (lines: [String], lastSequence: Int64) {
        let entries = try workspace.journal(after: sequence, limit: 1000)
        return (entries.map(render), entries.last?.sequence ?? sequence)
    }

    func render(_ entry: JournalRecord) -> String {
        let payload = (try? JSONValue(parsing: Array(entry.payload))) ?? .string(String(decoding: entry.payload, as: UTF8.self))
        let time = Self.timestamp(entry.time)
        switch format {
        case .text:
            return "#\(entry.sequence) \(time) \(entry.kind) \(entry.scope) \(entry.subject) \(payload.serialized())"
        case .json:
            let line: JSONValue = [
                "sequence": .integer(Int(entry.sequence)), "time": .string(time), "kind": .string(entry.kind),
                "scope": .string(entry.scope), "subject": .string(entry.subject), "payload": payload,
            ]
            return line.serialized()
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
