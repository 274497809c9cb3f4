import Foundation
import JSONValue
import WorkspaceStore

/// A portable JSON copy of a whole workspace (`iotlab workspace export|import`).
///
/// Record bodies and event payloads are embedded as JSON, not as encoded strings, so an exported
/// file can be read and diffed by a person.
struct WorkspaceSnapshot {
    static let format = "iotlab-workspace"
    static let version = 1

    var records: [StoredRecord]
    var journal: [JournalRecord]
    var exportedAt: Date

    static func capture(from workspace: Workspace, at time: Date) throws -> WorkspaceSnapshot {
        let last = try workspace.lastJournalSequence()
        let journal = try workspace.journal(after: 0, limit: Int(max(last, 0)))
        return WorkspaceSnapshot(records: try workspace.allRecords(), journal: journal, exportedAt: time)
    }

    func write(to url: URL) throws {
        let document: JSONValue = [
            "format": .string(Self.format),
            "version": .integer(Self.version),
            "exportedAt": .double(exportedAt.timeIntervalSince1970),
            "records": .array(records.map { record in
                [
                    "scope": .string(record.scope), "collection": .string(record.collection),
                    "key": .string(record.key), "body": Self.embed(record.body),
                ]
            }),
            "journal": .array(journal.map { entry in
                [
                    "sequence": .integer(Int(entry.sequence)), "time": .double(entry.time.timeIntervalSince1970),
                    "kind": .string(entry.kind), "scope": .string(entry.scope), "subject": .string(entry.subject),
                    "payload": Self.embed(entry.payload),
                ]
            }),
        ]
        try Data(document.serialized(.pretty).utf8).write(to: url, options: .atomic)
    }

    static func read(from url: URL) throws -> WorkspaceSnapshot {
        let document = try JSONValue(parsing: Array(try Data(contentsOf: url)))
        guard document["format"]?.stringValue == format else {
            throw SnapshotError.invalid(field: "format", rule: "must be \"\(format)\"")
        }
        guard document["version"]?.integerValue == version else {
            throw SnapshotError.invalid(field: "version", rule: "must be \(version)")
        }
        let records = try (document["records"]?.arrayValue ?? []).enumerated().map { index, item throws in
            guard let scope = item["scope"]?.stringValue, let collection = item["collection"]?.stringValue,
                let key = item["key"]?.stringValue, let body = item["body"]
            else { throw SnapshotError.invalid(field: "records[\(index)]", rule: "needs scope, collection, key and body") }
            return StoredRecord(scope: scope, collection: collection, key: key, body: Data(body.serialized().utf8))
        }
        let journal = try (document["journal"]?.arrayValue ?? []).enumerated().map { index, item throws in
            guard let sequence = item["sequence"]?.integerValue, let time = item["time"]?.doubleValue,
                let kind = item["kind"]?.stringValue, let scope = item["scope"]?.stringValue,
                let subject = item["subject"]?.stringValue, let payload = item["payload"]
            else { throw SnapshotError.invalid(field: "journal[\(index)]", rule: "needs sequence, time, kind, scope, subject and payload") }
            return JournalRecord(
                sequence: Int64(sequence), time: Date(timeIntervalSince1970: time), kind: kind, scope: scope,
                subject: subject, payload: Data(payload.serialized().utf8))
        }
        return WorkspaceSnapshot(
            records: records, journal: journal,
            exportedAt: Date(timeIntervalSince1970: document["exportedAt"]?.doubleValue ?? 0))
    }

    /// Stored bytes as JSON; bytes that are not JSON (none are written today) travel as a string.
    private static func embed(_ bytes: Data) -> JSONValue {
        (try? JSONValue(parsing: Array(bytes))) ?? .string(String(decoding: bytes, as: UTF8.self))
    }
}

enum SnapshotError: Error, CustomStringConvertible {
    case invalid(field: String, rule: String)

    var description: String {
        switch self {
        case .invalid(let field, let rule): "not an iotlab workspace export: \(field) \(rule)"
        }
    }
}
