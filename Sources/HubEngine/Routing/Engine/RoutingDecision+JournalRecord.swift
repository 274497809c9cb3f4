import Foundation
import JSONValue
import WorkspaceStore

extension RoutingDecision {
    /// The `MessageRouted` journal record: where the message went, which routes took it and why
    /// any route could not be evaluated. Kept compact because one is written with every message;
    /// the full trace with the values each condition read is in `recentRoutingDecisions` and the
    /// route tester.
    ///
    /// The payload is written straight as compact JSON, member by member in the order readers
    /// know (`source`, `messageId`, `endpoints`, `matchedRoutes`, `fallbackApplied`, `errors`),
    /// without building a `JSONValue` object first, and takes each route's error from `errorTexts`,
    /// which spells it once per cause.
    func messageRoutedRecord(scope: String, time: Date, errorTexts: inout RoutingErrorTexts) -> JournalDraft {
        let subject = moduleId.map { deviceId + "/" + $0 } ?? deviceId
        var json = "{\"source\":"
        Self.appendQuoted(source.rawValue, to: &json)
        if let messageId {
            json += ",\"messageId\":"
            Self.appendQuoted(messageId, to: &json)
        }
        json += ",\"endpoints\":"
        Self.appendArray(endpoints, to: &json)
        // The traces are read in place, by index: copying each (its texts, reads and
        // evaluation) for every message cost more than writing the record.
        json += ",\"matchedRoutes\":["
        var firstMatch = true
        for index in routes.indices where routes[index].matched {
            if !firstMatch { json += "," }
            firstMatch = false
            Self.appendQuoted(routes[index].name, to: &json)
        }
        json += fallbackApplied ? "],\"fallbackApplied\":true" : "],\"fallbackApplied\":false"
        var errorsWritten: [String] = []
        for index in routes.indices {
            guard let evaluation = routes[index].evaluation, let error = errorTexts.error(of: evaluation),
                !errorsWritten.contains(routes[index].name)
            else { continue }
            errorsWritten.append(routes[index].name)
            json += errorsWritten.count == 1 ? ",\"errors\":{" : ","
            Self.appendQuoted(routes[index].name, to: &json)
            json += ":"
            Self.appendQuoted(error, to: &json)
        }
        json += errorsWritten.isEmpty ? "}" : "}}"
        return JournalDraft(time: time, kind: "MessageRouted", scope: scope, subject: subject, payload: Data(json.utf8))
    }

    private static func appendArray(_ texts: [String], to json: inout String) {
        json += "["
        var first = true
        for text in texts {
            if !first { json += "," }
            first = false
            appendQuoted(text, to: &json)
        }
        json += "]"
    }

    /// `text` as a JSON string; names and ids need no escaping and are appended whole, anything
    /// else goes through `JSONValue`'s own serialization so both escape alike.
    private static func appendQuoted(_ text: String, to json: inout String) {
        if text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            json += JSONValue.string(text).serialized(.compact)
        } else {
            json += "\""
            json += text
            json += "\""
        }
    }
}
