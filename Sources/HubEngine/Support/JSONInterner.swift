import JSONValue

/// Makes equal JSON values read from storage share one copy.
///
/// Every stored twin is parsed on its own, so a hub whose devices carry the same tags (a lab's
/// 100,000 devices in a few buildings and floors) would hold as many copies of them, and twins
/// written at the same instant as many copies of their `$metadata`. Values are immutable
/// (copy-on-write), so sharing is invisible to readers; it only saves memory.
///
/// Only values whose equality means byte-for-byte identity are shared: Swift compares strings
/// by canonical equivalence and `0.0 == -0.0`, which would change what a learner reads, so
/// subtrees with non-ASCII text or doubles are left as they are.
struct JSONInterner {
    private var canonical: Set<JSONValue> = []

    /// Strings this short live inside the value and cost nothing to keep apart.
    private static let inlineStringBytes = 15

    /// Replaces an object, and the parts of it that can be shared, by equal copies seen before.
    mutating func intern(_ members: inout JSONObject) {
        var value = JSONValue.object(members)
        members = [:]
        _ = share(&value)
        members = value.objectValue ?? [:]
    }

    /// Interns `value`'s parts bottom-up; returns whether `value` itself could be shared.
    private mutating func share(_ value: inout JSONValue) -> Bool {
        switch value {
        case .null, .bool, .integer:
            return true
        case .double:
            return false
        case .string(let text):
            guard Self.isASCII(text) else { return false }
            if text.utf8.count > Self.inlineStringBytes { value = canonical.insert(value).memberAfterInsert }
            return true
        case .array(var elements):
            value = .null  // leaves `elements` as the only reference, so it is changed in place
            var shareable = true
            for index in elements.indices where !share(&elements[index]) { shareable = false }
            value = .array(elements)
            if shareable, !elements.isEmpty { value = canonical.insert(value).memberAfterInsert }
            return shareable
        case .object(var members):
            value = .null
            var shareable = members.keys.allSatisfy(Self.isASCII)
            for index in members.values.indices where !share(&members.values[index]) { shareable = false }
            value = .object(members)
            if shareable, !members.isEmpty { value = canonical.insert(value).memberAfterInsert }
            return shareable
        }
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }
}
