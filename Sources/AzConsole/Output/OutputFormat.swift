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
    /// `transformed` says a table transformer chose the columns, whose order az then keeps.
    func render(_ value: JSONValue, query: JMESPathExpression?, transformed: Bool = false) -> String {
        switch self {
        case .json, .jsonc: value.sortingKeys().serialized(.pretty) + "\n"
        case .table: TableRenderer(sortsKeys: query == nil && !transformed).render(value)
        case .tsv: TSVRenderer(keepsKeyOrder: query?.buildsObjects ?? false).render(value)
        case .yaml, .yamlc: YAMLRenderer().render(value.sortingKeys())
        case .none: ""
        }
    }
}
