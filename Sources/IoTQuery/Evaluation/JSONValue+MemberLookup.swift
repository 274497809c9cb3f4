import JSONValue

/// Member lookup tuned for running one query over a whole hub of twins.
///
/// Twin objects are small (a twin has about fifteen top-level members, a tag object a handful),
/// and the ordered dictionary keeps small objects unhashed, so a lookup compares the wanted name
/// with every key. Comparing lengths first, which costs nothing, skips almost every full string
/// comparison; large objects use the dictionary's hashed lookup.
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
        guard members.count <= hashedLookupThreshold else { return members[name] }
        let length = name.utf8.count
        let position = members.keys.elements.withUnsafeBufferPointer { keys -> Int? in
            for index in keys.indices where keys[index].utf8.count == length && keys[index] == name {
                return index
            }
            return nil
        }
        return position.map { members.values[$0] }
    }
}
