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

    /// The value at the steps of `path` after the first `start`, which may index arrays
    /// (`HistoricalData[0]`), as routing conditions read `$body` and `$twin`; `nil` when a step is
    /// missing, out of range, or meets the wrong kind of value.
    func queryValue(at path: PropertyPath, from start: Int) -> JSONValue? {
        var found = self
        let indexes = !path.indexSteps.isEmpty
        for index in path.segments.indices.dropFirst(start) {
            let segment = path.segments[index]
            if indexes, path.indexSteps.contains(index) {
                guard case .array(let elements) = found, let position = Int(segment), elements.indices.contains(position) else {
                    return nil
                }
                found = elements[position]
            } else {
                guard case .object(let members) = found, let member = Self.member(segment, in: members) else { return nil }
                found = member
            }
        }
        return found
    }

    private static let hashedLookupThreshold = 16

    @inline(__always)
    private static func member(_ name: String, in members: JSONObject) -> JSONValue? {
        if members.count > hashedLookupThreshold, let exact = members[name] { return exact }
        let length = name.utf8.count
        let position = members.keys.elements.withUnsafeBufferPointer { keys -> Int? in
            // Exact matches first, in a pass of their own so the usual lookup never pays for the
            // case-insensitive comparison.
            for index in keys.indices where keys[index].utf8.count == length && keys[index] == name {
                return index
            }
            return keys.indices.first { keys[$0].utf8.count == length && keys[$0].equalsIgnoringASCIICase(name) }
        }
        return position.map { members.values[$0] }
    }
}
