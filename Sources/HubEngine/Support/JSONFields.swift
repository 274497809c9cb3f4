import Foundation
import JSONValue

/// Typed reads of a request body's members, each failure an `ArgumentInvalid` naming the full
/// path of the field (`authentication.symmetricKey.primaryKey`) and what it should have been.
///
/// `null` and a missing member read the same, as Azure's JSON reader treats them.
struct JSONFields {
    let members: JSONObject
    let path: String

    init(_ value: JSONValue, path: String) throws(HubError) {
        guard case .object(let members) = value else {
            throw .argumentInvalid(field: path.isEmpty ? "body" : path, rule: "must be a JSON object, not \(value.typeName)")
        }
        self.members = members
        self.path = path
    }

    /// The full path of a member, for error messages.
    func field(_ name: String) -> String { path.isEmpty ? name : path + "." + name }

    func string(_ name: String) throws(HubError) -> String? {
        switch members[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw wrongType(name, expected: "a string", found: other)
        }
    }

    func bool(_ name: String) throws(HubError) -> Bool? {
        switch members[name] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw wrongType(name, expected: "true or false", found: other)
        }
    }

    func integer(_ name: String) throws(HubError) -> Int? {
        switch members[name] {
        case nil, .null?: return nil
        case let value? where value.integerValue != nil: return value.integerValue
        case let other?: throw wrongType(name, expected: "a whole number", found: other)
        }
    }

    /// An ISO 8601 duration such as `PT1H`, in seconds.
    func duration(_ name: String) throws(HubError) -> TimeInterval? {
        guard let text = try string(name) else { return nil }
        guard let seconds = ISO8601Duration.seconds(text) else {
            throw .argumentInvalid(field: field(name), rule: "'\(text)' is not an ISO 8601 duration such as PT1H")
        }
        return seconds
    }

    func object(_ name: String) throws(HubError) -> JSONFields? {
        switch members[name] {
        case nil, .null?: return nil
        case let value?: return try JSONFields(value, path: field(name))
        }
    }

    func stringArray(_ name: String) throws(HubError) -> [String]? {
        switch members[name] {
        case nil, .null?: return nil
        case .array(let elements)?:
            var strings: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element else {
                    throw .argumentInvalid(field: "\(field(name))[\(index)]", rule: "must be a string, not \(element.typeName)")
                }
                strings.append(text)
            }
            return strings
        case let other?: throw wrongType(name, expected: "an array of strings", found: other)
        }
    }

    /// A string member that must be one of `allowed` (compared as Azure does, ignoring case),
    /// returned in its canonical spelling.
    func choice(_ name: String, of allowed: [String]) throws(HubError) -> String? {
        guard let text = try string(name) else { return nil }
        if allowed.contains(text) { return text }
        guard let match = allowed.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else {
            throw .argumentInvalid(field: field(name), rule: "'\(text)' is not one of \(allowed.joined(separator: ", "))")
        }
        return match
    }

    private func wrongType(_ name: String, expected: String, found: JSONValue) -> HubError {
        .argumentInvalid(field: field(name), rule: "must be \(expected), not \(found.typeName)")
    }
}
