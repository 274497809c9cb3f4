import JSONValue

/// A JSON document whose strings may hold `$.Name` placeholders: a message body written as
/// JSON, or a direct method's response payload.
///
/// A string that is exactly one placeholder becomes the variable's value with its type (so
/// `{"temperature": "$.temperature"}` gives `{"temperature": 23.41}`); any other string has its
/// placeholders replaced as text. Member names are kept as written.
indirect enum ValueTemplate: Sendable, Equatable {
    case constant(JSONValue)
    case text(PlaceholderText)
    case array([ValueTemplate])
    case object(OrderedDictionary<String, ValueTemplate>)

    /// Reads a definition member; an unknown placeholder is reported at the string holding it.
    init(_ field: DefinitionField, names: Set<String>) throws(SimulationError) {
        switch field.value {
        case .string:
            let placeholders = try PlaceholderText(field, names: names)
            // Without placeholders the text is constant, its `$$.` escapes already resolved.
            self = placeholders.referencedNames.isEmpty ? .constant(.string(placeholders.rendered(with: [:]))) : .text(placeholders)
        case .array:
            var templates: [ValueTemplate] = []
            for element in try field.elements() { templates.append(try ValueTemplate(element, names: names)) }
            self = .array(templates)
        case .object:
            var templates = OrderedDictionary<String, ValueTemplate>()
            for (name, member) in try field.members() { templates[name] = try ValueTemplate(member, names: names) }
            self = .object(templates)
        default:
            self = .constant(field.value)
        }
    }

    /// The document with the placeholders filled in from `values`.
    func filled(with values: JSONObject) -> JSONValue {
        switch self {
        case .constant(let value):
            return value
        case .text(let text):
            if let name = text.soleValueName, let value = values[name] { return value }
            return .string(text.rendered(with: values))
        case .array(let elements):
            return .array(elements.map { $0.filled(with: values) })
        case .object(let members):
            return .object(members.mapValues { $0.filled(with: values) })
        }
    }

}
