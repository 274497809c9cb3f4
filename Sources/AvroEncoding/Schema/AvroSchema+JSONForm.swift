import JSONValue

extension AvroSchema {
    /// The schema in Avro's JSON form, as written to a container file's `avro.schema`.
    ///
    /// Members come in the order IoT Hub writes them (`type`, `name`, `namespace`, `fields`), and a
    /// record met a second time is written as a reference by full name, as the specification
    /// requires (a reader refuses a name defined twice).
    public var jsonValue: JSONValue {
        var defined: Set<String> = []
        return json(enclosingNamespace: nil, defined: &defined)
    }

    /// The schema's JSON form as compact text.
    public var jsonText: String { jsonValue.serialized(.compact) }

    private func json(enclosingNamespace: String?, defined: inout Set<String>) -> JSONValue {
        switch self {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            return .string(typeName)
        case .record(let record):
            guard defined.insert(record.fullName).inserted else { return .string(record.fullName) }
            var object: JSONObject = ["type": "record", "name": .string(record.name)]
            let namespace = record.namespace ?? ""
            if namespace != (enclosingNamespace ?? "") {
                object["namespace"] = .string(namespace)
            }
            object["fields"] = .array(record.fields.map { field in
                [
                    "name": .string(field.name),
                    "type": field.type.json(enclosingNamespace: namespace, defined: &defined),
                ]
            })
            return .object(object)
        case .map(let values):
            return ["type": "map", "values": values.json(enclosingNamespace: enclosingNamespace, defined: &defined)]
        case .array(let items):
            return ["type": "array", "items": items.json(enclosingNamespace: enclosingNamespace, defined: &defined)]
        case .union(let branches):
            return .array(branches.map { $0.json(enclosingNamespace: enclosingNamespace, defined: &defined) })
        }
    }
}
