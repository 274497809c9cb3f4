import JSONValue

/// `method: {device, module, name, status}`: a direct method was invoked on the device and the
/// device answered with the status (official lab 15: `SetFanState` answered 200), as the
/// journal's `MethodInvoked` records tell.
public struct MethodCheck: LabCheckKind {
    public static let key = "method"
    let hubName: String
    let target: String
    let methodName: String
    let status: Int

    public init(_ field: YAMLCheckField) throws(LabDefinitionError) {
        hubName = field.hub
        let members = Dictionary(uniqueKeysWithValues: try field.field.members(allowing: ["device", "module", "name", "status"]))
        let deviceId = try field.field.required("device").nonEmptyString()
        let moduleId = try members["module"]?.nonEmptyString()
        target = moduleId.map { deviceId + "/" + $0 } ?? deviceId
        methodName = try field.field.required("name").nonEmptyString()
        status = try members["status"]?.integer(in: 100...999) ?? 200
    }

    public var journalKinds: Set<String> { ["MethodInvoked"] }

    public func evaluate(in context: CheckContext) async throws -> CheckOutcome {
        let expected = "\(methodName) invoked on \(target) and answered \(status)"
        guard await context.hub(hubName) != nil else { return CheckContext.noHub(hubName, expected: expected) }
        // The first answer with the status passes; until then, every other outcome, in order.
        let seen = try await context.fold(journalOfHub: hubName, kinds: ["MethodInvoked"], from: MethodOutcomes()) { seen, record in
            guard seen.passedWith == nil, record.subject == target, let payload = try? JSONValue(parsing: record.payload),
                payload["methodName"]?.stringValue == methodName
            else { return }
            if case .integer(let answered)? = payload["status"] {
                if answered == status { seen.passedWith = answered } else { seen.outcomes.append("answered \(answered)") }
            } else {
                seen.outcomes.append(payload["error"]?.stringValue ?? "failed")
            }
        }
        if let answered = seen.passedWith { return CheckOutcome(passed: true, expected: expected, actual: "answered \(answered)") }
        let actual = seen.outcomes.isEmpty ? "\(methodName) was never invoked on \(target)" : "\(methodName): " + seen.outcomes.joined(separator: ", ")
        return CheckOutcome(passed: false, expected: expected, actual: actual)
    }
}

/// What a method check folded from the journal so far.
struct MethodOutcomes: Sendable {
    var passedWith: Int?
    var outcomes: [String] = []
}
