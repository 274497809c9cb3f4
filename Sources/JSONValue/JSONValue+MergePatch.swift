extension JSONValue {
    /// Applies a JSON merge patch (RFC 7396), the rule behind twin PATCH in Azure IoT Hub.
    ///
    /// A `null` member deletes the key; an object merges member by member; anything else
    /// replaces. Patching a non-object with an object starts from an empty object.
    public func merging(patch: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var result = objectValue ?? [:]
        for (name, patchValue) in patchMembers {
            if patchValue.isNull {
                result.removeValue(forKey: name)
            } else {
                result[name] = (result[name] ?? .null).merging(patch: patchValue)
            }
        }
        return .object(result)
    }

    /// Removes `null` members at every depth: what a merge patch leaves once applied to nothing.
    public func removingNullMembers() -> JSONValue {
        switch self {
        case .object(let members):
            var kept = JSONObject()
            for (name, value) in members where !value.isNull {
                kept[name] = value.removingNullMembers()
            }
            return .object(kept)
        case .array(let elements):
            return .array(elements.map { $0.removingNullMembers() })
        default:
            return self
        }
    }
}
