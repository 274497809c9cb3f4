import JSONValue

/// The limits IoT Hub enforces on twin tags and properties; each failure names the field and rule.
///
/// Keys: at most 1 KB of UTF-8, case-sensitive, without control characters (C0, C1), `.`, `$` or
/// space. Objects nest at most 10 levels below `tags`, `properties.desired` or
/// `properties.reported`. String values at most 4 KB. Integers within ±4503599627370495. Section
/// sizes as `JSONValue.twinSize` counts them: tags 8 KB, desired and reported 32 KB each.
enum TwinLimits {
    static let maximumKeyBytes = 1024
    static let maximumDepth = 10
    static let maximumStringBytes = 4096
    static let maximumInteger = 4_503_599_627_370_495
    static let maximumTagsBytes = 8 * 1024
    static let maximumPropertiesBytes = 32 * 1024

    /// Checks a whole section (`tags`, `properties.desired` or `properties.reported`) as it would be stored.
    static func validate(section: JSONObject, path: String, maximumBytes: Int) throws(HubError) {
        let value = JSONValue.object(section)
        let depth = value.objectDepth - 1
        if depth > maximumDepth {
            throw .argumentInvalid(field: path, rule: "objects nest \(depth) levels deep; the maximum is \(maximumDepth)")
        }
        try validateMembers(section, path: path)
        let size = value.twinSize
        if size > maximumBytes {
            throw .argumentInvalid(
                field: path,
                rule: "is \(size) bytes; the maximum is \(maximumBytes) (UTF-8 bytes of names and strings, 8 per number, 4 per boolean)")
        }
    }

    private static func validateMembers(_ members: JSONObject, path: String) throws(HubError) {
        for (key, value) in members {
            try validate(key: key, path: path)
            try validate(value: value, path: path + "." + key)
        }
    }

    private static func validate(value: JSONValue, path: String) throws(HubError) {
        switch value {
        case .string(let text):
            let bytes = text.utf8.count
            if bytes > maximumStringBytes {
                throw .argumentInvalid(field: path, rule: "the string is \(bytes) bytes; the maximum is \(maximumStringBytes)")
            }
        case .integer(let number):
            if number > maximumInteger || number < -maximumInteger {
                throw .argumentInvalid(
                    field: path, rule: "\(number) is outside the integer range -\(maximumInteger) to \(maximumInteger)")
            }
        case .object(let members):
            try validateMembers(members, path: path)
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                try validate(value: element, path: "\(path)[\(index)]")
            }
        case .null, .bool, .double:
            break
        }
    }

    private static func validate(key: String, path: String) throws(HubError) {
        let field = path + "." + key
        if key.isEmpty {
            throw .argumentInvalid(field: field, rule: "property names must not be empty")
        }
        if key.utf8.count > maximumKeyBytes {
            throw .argumentInvalid(
                field: path + "." + key.prefix(20) + "…",
                rule: "the property name is \(key.utf8.count) bytes; the maximum is \(maximumKeyBytes)")
        }
        for scalar in key.unicodeScalars {
            let forbidden: String? =
                switch scalar.value {
                case 0x00...0x1F, 0x7F...0x9F: "a control character"
                case 0x2E: "'.'"
                case 0x24: "'$'"
                case 0x20: "a space"
                default: nil
                }
            if let forbidden {
                throw .argumentInvalid(
                    field: field, rule: "property names must not contain \(forbidden) (nor control characters, '.', '$' or spaces)")
            }
        }
    }
}
