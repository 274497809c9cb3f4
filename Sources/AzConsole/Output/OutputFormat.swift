import JSONValue

/// The `--output/-o` formats az accepts, rendered the way az (knack) renders them.
enum OutputFormat: String, CaseIterable, Sendable {
    case json, jsonc, table, tsv, yaml, yamlc, none

    /// Renders a command's result (after `--query`).
    ///
    /// - json/jsonc: two-space indented JSON with keys sorted, as knack's `json.dumps(...,
    ///   sort_keys=True)` prints it (jsonc is the coloured form; the console prints no colour).
    /// - table: see `TableRenderer`; tsv: see `TSVRenderer`; yaml: see `YAMLRenderer`.
    /// - none: nothing, which lab scripts use to silence `create`.
    func render(_ value: JSONValue, query: JMESPathExpression?) -> String {
        switch self {
        case .json, .jsonc: value.sortingKeys().serialized(.pretty) + "\n"
        case .table: TableRenderer(sortsKeys: query == nil).render(value)
        case .tsv: TSVRenderer(keepsKeyOrder: query?.buildsObjects ?? false).render(value)
        case .yaml, .yamlc: YAMLRenderer().render(value.sortingKeys())
        case .none: ""
        }
    }
}

extension JSONValue {
    /// The value with every object's members in code-point order, as Python's `sort_keys` orders
    /// them (`$metadata` before `deviceId`, upper case before lower case).
    func sortingKeys() -> JSONValue {
        switch self {
        case .object(let members):
            var sorted = JSONObject()
            for key in members.keys.sortedByCodePoint() {
                sorted[key] = members[key]?.sortingKeys()
            }
            return .object(sorted)
        case .array(let elements):
            return .array(elements.map { $0.sortingKeys() })
        default:
            return self
        }
    }

    /// The text of a scalar as Python's `str()` writes it, which is what az's table and tsv
    /// outputs show: `True`, `None`, `1.5`.
    var pythonText: String {
        switch self {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .integer(let number): String(number)
        case .double(let number): number.description
        case .string(let text): text
        case .array, .object: serialized()
        }
    }
}

extension JMESPathExpression {
    /// Whether the result's objects are built by a multiselect hash, whose key order az keeps
    /// (it evaluates queries into ordered dictionaries) where it sorts a command's own objects.
    var buildsObjects: Bool {
        switch self {
        case .multiSelectHash: true
        case .subexpression(_, let right), .listProjection(_, let right), .valueProjection(_, let right),
            .filterProjection(_, _, let right), .pipe(_, let right):
            right.buildsObjects
        default: false
        }
    }
}

extension Sequence<String> {
    /// Sorted by Unicode code point, the order of Python's `sorted()` on strings.
    func sortedByCodePoint() -> [String] {
        sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}
