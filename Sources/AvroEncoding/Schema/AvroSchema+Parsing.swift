import JSONValue

extension AvroSchema {
    /// Reads a schema from its JSON text, as found in a container file's `avro.schema`.
    public init(parsing text: String) throws(AvroError) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: text)
        } catch {
            throw .invalidSchema(path: "", reason: "not JSON: \(error)")
        }
        try self.init(json: json)
    }

    /// Reads a schema from its JSON form and validates it.
    ///
    /// Names resolve as the specification says: a dotted name is a full name, a simple name takes
    /// the enclosing namespace, and a name already defined may be used as a type by reference.
    /// Attributes a writer does not need (`doc`, `aliases`, `default`, `order`, `logicalType`) are
    /// accepted and ignored.
    public init(json: JSONValue) throws(AvroError) {
        var named: [String: AvroSchema] = [:]
        self = try Self.parse(json, path: "", namespace: nil, named: &named)
        try validate()
    }

    private static func parse(
        _ json: JSONValue, path: String, namespace: String?, named: inout [String: AvroSchema]
    ) throws(AvroError) -> AvroSchema {
        switch json {
        case .string(let name):
            if let primitive = primitive(named: name) { return primitive }
            let fullName = name.contains(".") || (namespace ?? "").isEmpty ? name : "\(namespace ?? "").\(name)"
            if let schema = named[fullName] ?? named[name] { return schema }
            throw .invalidSchema(path: path, reason: "unknown type '\(name)'")
        case .array(let branches):
            var parsed: [AvroSchema] = []
            for (index, branch) in branches.enumerated() {
                parsed.append(try parse(branch, path: path + "<\(index)>", namespace: namespace, named: &named))
            }
            return .union(parsed)
        case .object(let object):
            return try parseObject(object, path: path, namespace: namespace, named: &named)
        default:
            throw .invalidSchema(path: path, reason: "a schema is a type name, an object or a union array, not a \(json.typeName)")
        }
    }

    private static func parseObject(
        _ object: JSONObject, path: String, namespace: String?, named: inout [String: AvroSchema]
    ) throws(AvroError) -> AvroSchema {
        guard let type = object["type"] else { throw .invalidSchema(path: path, reason: "'type' is required") }
        guard case .string(let typeName) = type else {
            return try parse(type, path: path, namespace: namespace, named: &named)
        }
        switch typeName {
        case "record":
            return try parseRecord(object, path: path, namespace: namespace, named: &named)
        case "map":
            guard let values = object["values"] else { throw .invalidSchema(path: path, reason: "a map needs 'values'") }
            return .map(values: try parse(values, path: path + "<values>", namespace: namespace, named: &named))
        case "array":
            guard let items = object["items"] else { throw .invalidSchema(path: path, reason: "an array needs 'items'") }
            return .array(items: try parse(items, path: path + "<items>", namespace: namespace, named: &named))
        case "enum", "fixed", "error":
            throw .invalidSchema(path: path, reason: "type '\(typeName)' is not supported")
        default:
            return try parse(type, path: path, namespace: namespace, named: &named)
        }
    }

    private static func parseRecord(
        _ object: JSONObject, path: String, namespace: String?, named: inout [String: AvroSchema]
    ) throws(AvroError) -> AvroSchema {
        guard case .string(let declaredName) = object["name"] else {
            throw .invalidSchema(path: path, reason: "a record needs a string 'name'")
        }
        var name = declaredName
        var recordNamespace = namespace
        if let dot = declaredName.lastIndex(of: ".") {
            name = String(declaredName[declaredName.index(after: dot)...])
            recordNamespace = String(declaredName[..<dot])
        } else if let explicit = object["namespace"] {
            guard case .string(let text) = explicit else {
                throw .invalidSchema(path: path, reason: "'namespace' must be a string")
            }
            recordNamespace = text
        }
        guard case .array(let fieldList) = object["fields"] else {
            throw .invalidSchema(path: path, reason: "a record needs a 'fields' array")
        }
        let shell = AvroRecordSchema(name: name, namespace: recordNamespace.flatMap { $0.isEmpty ? nil : $0 }, fields: [])
        guard named[shell.fullName] == nil else {
            throw .invalidSchema(path: path, reason: "the name '\(shell.fullName)' is defined twice")
        }
        var fields: [AvroField] = []
        for (index, fieldJSON) in fieldList.enumerated() {
            guard case .string(let fieldName) = fieldJSON["name"] else {
                throw .invalidSchema(path: join(path, "fields[\(index)]"), reason: "a field needs a string 'name'")
            }
            let fieldPath = join(path, fieldName)
            guard let fieldType = fieldJSON["type"] else {
                throw .invalidSchema(path: fieldPath, reason: "a field needs a 'type'")
            }
            let type = try parse(fieldType, path: fieldPath, namespace: shell.namespace, named: &named)
            fields.append(AvroField(name: fieldName, type: type))
        }
        var record = shell
        record.fields = fields
        named[record.fullName] = .record(record)
        return .record(record)
    }
}
