extension LabCheck {
    /// Every check kind, by the YAML member that names it.
    static let kinds: [any LabCheckKind.Type] = [
        HubCheck.self, QueryCheck.self, TwinCheck.self, IdentityCheck.self, TelemetryCheck.self, RouteProbeCheck.self,
        EndpointCheck.self, MethodCheck.self, CloudToDeviceCheck.self,
    ]

    /// Reads `{id, explain, <kind>: ..., expect}`; `id` defaults to the kind and position.
    init(_ field: YAMLField, hub: String, defaultId: String) throws(LabDefinitionError) {
        let kindKeys = Self.kinds.map { $0.key }
        let members = try field.members(allowing: Set(kindKeys + ["id", "explain", "expect"]))
        let named = members.filter { kindKeys.contains($0.0) }
        guard named.count == 1, let (key, value) = named.first, let type = Self.kinds.first(where: { $0.key == key }) else {
            throw field.error("a check needs exactly one of \(kindKeys.joined(separator: ", "))")
        }
        if key != QueryCheck.key, let expect = field.member("expect") { throw expect.error("'expect' belongs to a query check") }
        id = try field.member("id")?.nonEmptyString() ?? defaultId
        explain = try field.member("explain")?.nonEmptyString() ?? ""
        kind = try type.init(YAMLCheckField(field: value, check: field, hub: hub))
        line = field.line
    }
}
