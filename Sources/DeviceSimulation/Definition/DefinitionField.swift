import JSONValue

/// One member of a definition document being read, with the path that names it in errors
/// (`messages[0].properties.temperatureAlert`), so every rule broken is reported where it was
/// broken rather than as "invalid definition".
struct DefinitionField {
    let value: JSONValue
    let path: String

    /// The member `name` of this object; `nil` when absent or JSON `null`.
    func member(_ name: String) -> DefinitionField? {
        guard let child = value[name], !child.isNull else { return nil }
        return DefinitionField(value: child, path: path.isEmpty ? name : path + "." + name)
    }

    /// The member `name`, which must be present.
    func required(_ name: String) throws(SimulationError) -> DefinitionField {
        guard let child = member(name) else { throw failure("'\(name)' is required", at: childPath(name)) }
        return child
    }

    /// Refuses members this object does not define: a misspelt `intervalSecond` would
    /// otherwise be silently ignored and the device would run with the default.
    func allowingOnly(_ names: [String]) throws(SimulationError) -> DefinitionField {
        let members = try object()
        for name in members.keys where !names.contains(name) {
            throw failure("unknown member '\(name)'; expected one of " + names.joined(separator: ", "), at: childPath(name))
        }
        return self
    }

    func object() throws(SimulationError) -> JSONObject {
        guard let members = value.objectValue else { throw failure("must be an object, not \(value.typeName)") }
        return members
    }

    /// The members of an object, in the order written, each with its path.
    func members() throws(SimulationError) -> [(name: String, field: DefinitionField)] {
        try object().map { ($0.key, DefinitionField(value: $0.value, path: childPath($0.key))) }
    }

    func elements() throws(SimulationError) -> [DefinitionField] {
        guard let elements = value.arrayValue else { throw failure("must be an array, not \(value.typeName)") }
        return elements.enumerated().map { DefinitionField(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    func string() throws(SimulationError) -> String {
        guard let text = value.stringValue else { throw failure("must be a string, not \(value.typeName)") }
        return text
    }

    func bool() throws(SimulationError) -> Bool {
        guard let flag = value.boolValue else { throw failure("must be true or false, not \(value.typeName)") }
        return flag
    }

    func number() throws(SimulationError) -> Double {
        guard let number = value.doubleValue else { throw failure("must be a number, not \(value.typeName)") }
        return number
    }

    /// A whole number within `range`.
    func integer(in range: ClosedRange<Int>) throws(SimulationError) -> Int {
        guard let number = value.integerValue else { throw failure("must be a whole number, not \(value.serialized())") }
        guard range.contains(number) else {
            throw failure("must be between \(range.lowerBound) and \(range.upperBound), not \(number)")
        }
        return number
    }

    /// An error naming this member.
    func failure(_ reason: String) -> SimulationError {
        .invalidDefinition(field: path.isEmpty ? "(document)" : path, reason: reason)
    }

    private func failure(_ reason: String, at path: String) -> SimulationError {
        .invalidDefinition(field: path, reason: reason)
    }

    private func childPath(_ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }
}
