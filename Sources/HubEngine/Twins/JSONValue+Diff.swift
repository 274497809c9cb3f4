import JSONValue

extension JSONValue {
    /// The merge patch (RFC 7396) that turns `self` into `target`: what a device receives when the
    /// service replaces its desired properties wholesale, and the patch the workbench's twin
    /// editor sends for the learner's edit.
    public func mergePatch(to target: JSONValue) -> JSONValue {
        guard case .object(let old) = self, case .object(let new) = target else { return target }
        var patch = JSONObject()
        for (name, _) in old where new[name] == nil {
            patch[name] = .null
        }
        for (name, newValue) in new {
            guard let oldValue = old[name] else {
                patch[name] = newValue
                continue
            }
            if oldValue == newValue { continue }
            if oldValue.objectValue != nil, newValue.objectValue != nil {
                patch[name] = oldValue.mergePatch(to: newValue)
            } else {
                patch[name] = newValue
            }
        }
        return .object(patch)
    }
}
