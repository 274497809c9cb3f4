import Foundation
import JSONValue
import WorkspaceStore

/// A batch's `MessageRouted` journal records (one per routed message, same time and scope),
/// each written into one reused buffer and appended to the workspace's packed batch.
struct MessageRoutedJournal {
    static let kind = "MessageRouted"

    private(set) var batch: JournalEventBatch
    private var json = JSONBytes()

    init(scope: String, time: Date) {
        batch = JournalEventBatch(time: time, kind: Self.kind, scope: scope)
    }

    /// Appends `decision`'s record.
    mutating func append(_ decision: RoutingDecision) {
        json.bytes.removeAll(keepingCapacity: true)
        decision.writeMessageRoutedRecord(to: &json)
        batch.append(subject: decision.moduleId.map { decision.deviceId + "/" + $0 } ?? decision.deviceId, payload: json.bytes)
    }
}

extension RoutingDecision {
    /// The `MessageRouted` journal record: where the message went, which routes took it and why
    /// any route could not be evaluated. Kept compact because one is written with every message;
    /// the full trace with the values each condition read is in `recentRoutingDecisions` and the
    /// route tester.
    ///
    /// The payload is written straight as compact JSON bytes, member by member in the order
    /// readers know (`source`, `messageId`, `endpoints`, `matchedRoutes`, `fallbackApplied`,
    /// `errors`), without building a `JSONValue` object or a `String` first, from the decision's
    /// outcome (each route's error was spelled once per cause when the message was routed).
    fileprivate func writeMessageRoutedRecord(to json: inout JSONBytes) {
        json.append("{\"source\":")
        json.appendQuoted(source.rawValue)
        if let messageId {
            json.append(",\"messageId\":")
            json.appendQuoted(messageId)
        }
        json.append(",\"endpoints\":[")
        for (position, endpoint) in endpoints.enumerated() {
            if position > 0 { json.append(",") }
            json.appendQuoted(endpoint)
        }
        // Names and errors come from the decision's outcome; no trace is built for the record.
        let routes = basis.routes
        json.append("],\"matchedRoutes\":[")
        var firstMatch = true
        for index in routes.indices where basis.matchedRoutes.contains(index) {
            if !firstMatch { json.append(",") }
            firstMatch = false
            json.appendQuoted(routes[index].route.name)
        }
        json.append(fallbackApplied ? "],\"fallbackApplied\":true" : "],\"fallbackApplied\":false")
        var errorsWritten: [String] = []
        for (index, error) in basis.errors where !errorsWritten.contains(routes[index].route.name) {
            errorsWritten.append(routes[index].route.name)
            json.append(errorsWritten.count == 1 ? ",\"errors\":{" : ",")
            json.appendQuoted(routes[index].route.name)
            json.append(":")
            json.appendQuoted(error)
        }
        json.append(errorsWritten.isEmpty ? "}" : "}}")
    }
}

/// Compact JSON written as UTF-8 bytes.
private struct JSONBytes {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(256)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `text` as a JSON string; names, ids and route errors need no escaping and are appended
    /// whole (checked over the text's contiguous UTF-8 in one pass: every record carries each
    /// route error's long text), anything else goes through `JSONValue`'s own serialization so
    /// both escape alike.
    mutating func appendQuoted(_ text: String) {
        var text = text
        let plain = text.withUTF8 { utf8 in
            !utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
        } else {
            append(JSONValue.string(text).serialized(.compact))
        }
    }
}
