import JSONValue

/// Message property lookup by name as IoT Hub does it.
///
/// IoT Hub's device-to-cloud messages are not case-sensitive about property names, so an exact
/// match wins and otherwise a match ignoring letter case is taken (Microsoft recommends unique
/// names for that reason).
extension Dictionary where Key == String {
    func propertyValue(named name: String) -> Value? {
        if let exact = self[name] { return exact }
        return first { $0.key.equalsIgnoringCase(name) }?.value
    }
}

extension OrderedDictionary where Key == String {
    /// `Dictionary.propertyValue(named:)` over properties kept in their order: an exact match,
    /// else the first whose name matches ignoring letter case.
    func propertyValue(named name: String) -> Value? {
        if let exact = self[name] { return exact }
        return first { $0.key.equalsIgnoringCase(name) }?.value
    }
}
