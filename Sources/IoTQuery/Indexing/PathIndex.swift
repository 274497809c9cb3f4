import JSONValue

/// The documents of a collection grouped by the value one property path has in each, so an
/// equality condition on that path looks only at the documents that can match.
///
/// Values are keyed as the query language compares them: numbers by numeric value (`43` and
/// `43.0` share a key), strings case-sensitively. Documents whose value is missing, an object or
/// an array are left out: no primitive constant equals them. The index is kept in step one
/// document at a time, so a hub updates it as twins change instead of rebuilding it.
public struct PathIndex: Sendable {
    public let path: PropertyPath
    private var idsByKey: [Key: Set<String>] = [:]
    private var keyByID: [String: Key] = [:]

    public init(path: PropertyPath) {
        self.path = path
    }

    /// Records `document`'s value under `id`, replacing what was recorded before; `nil` removes it.
    public mutating func update(id: String, document: JSONValue?) {
        let newKey = document.flatMap { DocumentScope($0).value(at: path) }.flatMap(Key.init)
        let oldKey = keyByID[id]
        guard newKey != oldKey else { return }
        if let oldKey {
            idsByKey[oldKey]?.remove(id)
            if idsByKey[oldKey]?.isEmpty == true { idsByKey[oldKey] = nil }
        }
        keyByID[id] = newKey
        if let newKey { idsByKey[newKey, default: []].insert(id) }
    }

    /// The ids of the documents whose value equals one of `values`.
    public func candidates(matching values: [JSONValue]) -> Set<String> {
        var ids = Set<String>()
        for key in values.compactMap(Key.init) {
            if let matching = idsByKey[key] { ids.formUnion(matching) }
        }
        return ids
    }

    /// A value as equality sees it.
    enum Key: Hashable, Sendable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null

        init?(_ value: JSONValue) {
            switch value {
            case .string(let text): self = .string(text)
            case .integer, .double:
                guard let number = value.doubleValue else { return nil }
                self = .number(number)
            case .bool(let flag): self = .bool(flag)
            case .null: self = .null
            case .array, .object: return nil
            }
        }
    }
}
