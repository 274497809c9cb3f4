import JSONValue

/// `c2d: {device, state, atLeast}`: cloud-to-device messages reached the device (`delivered`:
/// a receiver locked them) or were completed by it (`completed`: settled with `Success`, the
/// outcome that sends positive feedback), as the journal's C2D records tell.
public struct CloudToDeviceCheck: LabCheckKind {
    public static let key = "c2d"
    enum State: String { case delivered, completed }
    let hubName: String
    let deviceId: String
    let state: State
    let atLeast: Int

    public init(_ field: YAMLCheckField) throws(LabDefinitionError) {
        hubName = field.hub
        let members = Dictionary(uniqueKeysWithValues: try field.field.members(allowing: ["device", "state", "atLeast"]))
        deviceId = try field.field.required("device").nonEmptyString()
        let stateField = try field.field.required("state")
        guard let state = State(rawValue: try stateField.nonEmptyString()) else { throw stateField.error("must be delivered or completed") }
        self.state = state
        atLeast = try members["atLeast"]?.integer(in: 1...100_000) ?? 1
    }

    public var journalKinds: Set<String> { ["C2DMessageDelivered", "C2DMessageSettled"] }

    public func evaluate(in context: CheckContext) async throws -> CheckOutcome {
        let expected = "at least \(atLeast) cloud-to-device message\(atLeast == 1 ? "" : "s") \(state.rawValue) by \(deviceId)"
        guard await context.hub(hubName) != nil else { return CheckContext.noHub(hubName, expected: expected) }
        let kind = state == .delivered ? "C2DMessageDelivered" : "C2DMessageSettled"
        let messages = try await context.fold(journalOfHub: hubName, kinds: [kind], from: Set<Int>()) { messages, record in
            guard record.subject == deviceId, let payload = try? JSONValue(parsing: record.payload), case .integer(let sequence)? = payload["sequenceNumber"]
            else { return }
            if state == .completed, payload["outcome"]?.stringValue != "Success" { return }
            messages.insert(sequence)
        }
        return CheckOutcome(passed: messages.count >= atLeast, expected: expected, actual: "\(messages.count) \(state.rawValue)")
    }
}
