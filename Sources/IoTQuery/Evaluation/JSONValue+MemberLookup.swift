import JSONValue

/// Member lookup as twin queries do it, tuned for running one query over a whole hub.
///
/// IoT Hub compares property names in queries case-insensitively (Microsoft's own examples
/// write `SELECT LastActivityTime` and `DeviceID`), so an exact match wins and otherwise a match
/// ignoring ASCII letter case is taken. Twin objects are small (a twin has about fifteen
/// top-level members) and comparing lengths first, which costs nothing, skips almost every full
/// string comparison; large objects try the dictionary's hashed lookup before scanning.
extension JSONValue {
    /// The value at `segments`, or `nil` when a step is missing or not an object.
    func queryValue(at segments: [String]) -> JSONValue? {
        guard let first = segments.first else { return self }
        guard case .object(var members) = self, var found = Self.member(first, in: members) else { return nil }
        var index = 1
        while index < segments.count {
            guard case .object(let child) = found else { return nil }
            members = child
            guard let next = Self.member(segments[index], in: members) else { return nil }
            found = next
            index += 1
        }
        return found
    }

    private static let hashedLookupThreshold = 16

    private static func member(_ name: String, in members: JSONObject) -> JSONValue? {
        if members.count > hashedLookupThreshold, let exact = members[name] { return exact }
        let length = name.utf8.count
        let position = members.keys.elements.withUnsafeBufferPointer { keys -> Int? in
            var caseInsensitive: Int?
            for index in keys.indices where keys[index].utf8.count == length {
                if keys[index] == name { return index }
                if caseInsensitive == nil, equalIgnoringASCIICase(keys[index], name) { caseInsensitive = index }
            }
            return caseInsensitive
        }
        return position.map { members.values[$0] }
    }

    private static func equalIgnoringASCIICase(_ left: String, _ right: String) -> Bool {
        left.utf8.elementsEqual(right.utf8) { lowercase($0) == lowercase($1) }
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
