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
        var outcomes: [String] = []
        for record in try context.journal(ofHub: hubName, kinds: ["MethodInvoked"]) where record.subject == target {
            guard let payload = try? JSONValue(parsing: record.payload), payload["methodName"]?.stringValue == methodName else { continue }
            if case .integer(let answered)? = payload["status"] {
                if answered == status { return CheckOutcome(passed: true, expected: expected, actual: "answered \(answered)") }
                outcomes.append("answered \(answered)")
            } else {
                outcomes.append(payload["error"]?.stringValue ?? "failed")
            }
        }
        let actual = outcomes.isEmpty ? "\(methodName) was never invoked on \(target)" : "\(methodName): " + outcomes.joined(separator: ", ")
        return CheckOutcome(passed: false, expected: expected, actual: actual)
    }
}
