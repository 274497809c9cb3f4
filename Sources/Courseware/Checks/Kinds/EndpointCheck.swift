import JSONValue

/// `endpoint: {name, atLeast, from}`: an endpoint (the built-in `events` or a custom one) has
/// received messages, as the journal's `MessageRouted` records tell — the durable account of
/// every delivery, kept even after a storage endpoint wrote its batch as a blob.
public struct EndpointCheck: LabCheckKind {
    public static let key = "endpoint"
    let hubName: String
    let name: String
    let atLeast: Int
    let deviceId: String?

    public init(_ field: YAMLCheckField) throws(LabDefinitionError) {
        hubName = field.hub
        let members = Dictionary(uniqueKeysWithValues: try field.field.members(allowing: ["name", "atLeast", "from"]))
        name = try field.field.required("name").nonEmptyString()
        atLeast = try members["atLeast"]?.integer(in: 1...100_000) ?? 1
        deviceId = try members["from"]?.nonEmptyString()
    }

    public var journalKinds: Set<String> { ["MessageRouted"] }

    public func evaluate(in context: CheckContext) async throws -> CheckOutcome {
        let expected = "at least \(atLeast) message\(atLeast == 1 ? "" : "s")" + (deviceId.map { " from \($0)" } ?? "") + " delivered to \(name)"
        guard await context.hub(hubName) != nil else { return CheckContext.noHub(hubName, expected: expected) }
        let delivered = try await context.fold(journalOfHub: hubName, kinds: ["MessageRouted"], from: 0) { delivered, record in
            if let deviceId, record.subject != deviceId { return }
            guard let payload = try? JSONValue(parsing: record.payload), case .array(let endpoints)? = payload["endpoints"] else { return }
            if endpoints.contains(where: { $0.stringValue?.lowercased() == name.lowercased() }) { delivered += 1 }
        }
        return CheckOutcome(passed: delivered >= atLeast, expected: expected, actual: "\(delivered) delivered to \(name)")
    }
}
