import Foundation
import JSONValue
import WorkspaceStore

extension RoutingDecision {
    /// The `MessageRouted` journal record: where the message went, which routes took it and why
    /// any route could not be evaluated. Kept compact because one is written with every message;
    /// the full trace with the values each condition read is in `recentRoutingDecisions` and the
    /// route tester.
    ///
    /// The payload is written straight as compact JSON bytes, member by member in the order
    /// readers know (`source`, `messageId`, `endpoints`, `matchedRoutes`, `fallbackApplied`,
    /// `errors`), without building a `JSONValue` object or a `String` first, and takes each
    /// route's error from `errorTexts`, which spells it once per cause.
    func messageRoutedRecord(scope: String, time: Date, errorTexts: inout RoutingErrorTexts) -> JournalDraft {
        let subject = moduleId.map { deviceId + "/" + $0 } ?? deviceId
        var json = JSONBytes()
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
        // The traces are read in place, by index: copying each (its texts, reads and
        // evaluation) for every message cost more than writing the record.
        json.append("],\"matchedRoutes\":[")
        var firstMatch = true
        for index in routes.indices where routes[index].matched {
            if !firstMatch { json.append(",") }
            firstMatch = false
            json.appendQuoted(routes[index].name)
        }
        json.append(fallbackApplied ? "],\"fallbackApplied\":true" : "],\"fallbackApplied\":false")
        var errorsWritten: [String] = []
        for index in routes.indices {
            guard let evaluation = routes[index].evaluation, let error = errorTexts.error(of: evaluation),
                !errorsWritten.contains(routes[index].name)
            else { continue }
            errorsWritten.append(routes[index].name)
            json.append(errorsWritten.count == 1 ? ",\"errors\":{" : ",")
            json.appendQuoted(routes[index].name)
            json.append(":")
            json.appendQuoted(error)
        }
        json.append(errorsWritten.isEmpty ? "}" : "}}")
        return JournalDraft(time: time, kind: "MessageRouted", scope: scope, subject: subject, payload: Data(json.bytes))
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

    /// `text` as a JSON string; names and ids need no escaping and are appended whole, anything
    /// else goes through `JSONValue`'s own serialization so both escape alike.
    mutating func appendQuoted(_ text: String) {
        if text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            append(JSONValue.string(text).serialized(.compact))
        } else {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
