import JSONValue

/// What a twin holds beyond its identity: tags, desired and reported properties, and the twin
/// version that every change to any of them increments.
struct TwinState: Sendable, Equatable {
    var tags: JSONObject
    var desired: TwinSection
    var reported: TwinSection
    var version: Int

    /// A new twin: version 1, empty tags, both sections at `$version` 1.
    init(createdAt time: String) {
        tags = [:]
        desired = TwinSection(createdAt: time, recordsVersion: true)
        reported = TwinSection(createdAt: time, recordsVersion: false)
        version = 1
    }

    /// `AAAAAAAAAAE=` for version 1: the twin etag follows the twin version.
    var etag: String { ETag.twin(version: version) }

    /// The stored record: `{"version", "tags", "desired", "reported"}`.
    var storedJSON: JSONValue {
        ["version": .integer(version), "tags": .object(tags), "desired": desired.json, "reported": reported.json]
    }

    /// Reads back what `storedJSON` wrote.
    init(stored value: JSONValue) {
        version = value["version"]?.integerValue ?? 1
        tags = value["tags"]?.objectValue ?? [:]
        desired = TwinSection(stored: value["desired"] ?? .emptyObject, recordsVersion: true)
        reported = TwinSection(stored: value["reported"] ?? .emptyObject, recordsVersion: false)
    }
}
