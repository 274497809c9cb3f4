extension AvroSchema {
    /// Checks the rules of the Avro specification that a reader relies on: names match
    /// `[A-Za-z_][A-Za-z0-9_]*` (namespaces are dotted names), field names are unique in a record,
    /// a union is not empty, holds no union directly and no two branches of the same unnamed type,
    /// a full name is not defined twice with different definitions, and a record without a
    /// namespace is not used a second time inside a namespace (its JSON reference would name
    /// another type there, so strict readers such as fastavro refuse the file).
    public func validate() throws(AvroError) {
        var definitions: [String: AvroRecordSchema] = [:]
        try validate(path: "", namespace: "", definitions: &definitions)
    }

    private func validate(
        path: String, namespace: String, definitions: inout [String: AvroRecordSchema]
    ) throws(AvroError) {
        switch self {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            return
        case .record(let record):
            try record.validateNames(path: path)
            if let earlier = definitions[record.fullName] {
                guard earlier == record else {
                    throw .invalidSchema(path: path, reason: "the name '\(record.fullName)' is defined twice differently")
                }
                guard (record.namespace ?? "").isEmpty && !namespace.isEmpty else { return }
                throw .invalidSchema(
                    path: path,
                    reason: "record '\(record.name)' has no namespace and cannot be referenced inside namespace '\(namespace)'")
            }
            definitions[record.fullName] = record
            var seen: Set<String> = []
            for field in record.fields {
                let fieldPath = Self.join(path, field.name)
                guard seen.insert(field.name).inserted else {
                    throw .invalidSchema(path: fieldPath, reason: "field names must be unique in a record")
                }
                try field.type.validate(path: fieldPath, namespace: record.namespace ?? "", definitions: &definitions)
            }
        case .map(let values):
            try values.validate(path: path + "<values>", namespace: namespace, definitions: &definitions)
        case .array(let items):
            try items.validate(path: path + "<items>", namespace: namespace, definitions: &definitions)
        case .union(let branches):
            guard !branches.isEmpty else { throw .invalidSchema(path: path, reason: "a union needs at least one branch") }
            var kinds: Set<String> = []
            for (index, branch) in branches.enumerated() {
                let branchPath = path + "<\(index)>"
                if case .union = branch {
                    throw .invalidSchema(path: branchPath, reason: "a union may not directly contain a union")
                }
                guard kinds.insert(branch.unionKind).inserted else {
                    throw .invalidSchema(path: branchPath, reason: "a union may not hold two branches of type \(branch.unionKind)")
                }
                try branch.validate(path: branchPath, namespace: namespace, definitions: &definitions)
            }
        }
    }

    /// What makes two union branches the same: the type, and for a record its full name.
    private var unionKind: String {
        switch self {
        case .map: "map"
        case .array: "array"
        default: typeName
        }
    }

    /// A field path for messages: `Body`, `Properties.Nested`.
    static func join(_ path: String, _ member: String) -> String {
        path.isEmpty ? member : "\(path).\(member)"
    }

    /// Whether a name follows Avro's rule `[A-Za-z_][A-Za-z0-9_]*`.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isAvroNameStart else { return false }
        return name.unicodeScalars.allSatisfy { $0.isAvroNameStart || ("0"..."9").contains($0) }
    }
}

extension AvroRecordSchema {
    fileprivate func validateNames(path: String) throws(AvroError) {
        guard AvroSchema.isValidName(name) else {
            throw .invalidSchema(path: path, reason: "record name '\(name)' must match [A-Za-z_][A-Za-z0-9_]*")
        }
        guard !AvroSchema.primitiveNames.contains(name) else {
            throw .invalidSchema(path: path, reason: "record name '\(name)' is a primitive type name")
        }
        if let namespace, !namespace.isEmpty {
            let parts = namespace.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ AvroSchema.isValidName(String($0)) }) else {
                throw .invalidSchema(path: path, reason: "namespace '\(namespace)' must be dotted names matching [A-Za-z_][A-Za-z0-9_]*")
            }
        }
        for field in fields where !AvroSchema.isValidName(field.name) {
            throw .invalidSchema(
                path: AvroSchema.join(path, field.name), reason: "field name '\(field.name)' must match [A-Za-z_][A-Za-z0-9_]*")
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isAvroNameStart: Bool {
        ("A"..."Z").contains(self) || ("a"..."z").contains(self) || self == "_"
    }
}
