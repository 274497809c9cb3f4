import JSONValue

extension JSONValue {
    /// The body with the ids the path names filled in where it has none; an id that differs from
    /// the path's is refused, since Azure identifies the resource by its URL.
    func identifying(_ ids: OrderedDictionary<String, String>) throws(RESTError) -> JSONValue {
        guard var members = objectValue else {
            throw .argumentInvalid(field: "body", rule: "must be a JSON object")
        }
        for (name, id) in ids {
            switch members[name] {
            case nil, .null?:
                members[name] = .string(id)
            case .string(let given)? where given == id:
                break
            default:
                throw .argumentInvalid(field: name, rule: "must match the id in the URL, '\(id)'")
            }
        }
        return .object(members)
    }
}
