import HubEngine
import JSONValue

/// `twin: {device, module, path, equals | exists}`: a value in a device's (or module's) twin,
/// e.g. `properties.reported.fanstate` or `tags.cheeseCave`, read as the service reads the twin.
public struct TwinCheck: LabCheckKind {
    public static let key = "twin"
    let hubName: String
    let deviceId: String
    let moduleId: String?
    let path: String
    /// The value expected; `nil` when only presence (or absence) is asked.
    let equals: JSONValue?
    let exists: Bool

    public init(_ field: YAMLCheckField) throws(LabDefinitionError) {
        hubName = field.hub
        let members = Dictionary(uniqueKeysWithValues: try field.field.members(allowing: ["device", "module", "path", "equals", "exists"]))
        deviceId = try field.field.required("device").nonEmptyString()
        moduleId = try members["module"]?.nonEmptyString()
        path = try field.field.required("path").nonEmptyString()
        equals = try members["equals"]?.json()
        exists = try members["exists"]?.bool() ?? true
        guard equals == nil || exists else { throw field.field.error("'equals' with 'exists: false' can never pass") }
        guard equals != nil || members["exists"] != nil else { throw field.field.error("give 'equals' or 'exists'") }
    }

    public var journalKinds: Set<String> { JournalKinds.twins }

    private var target: String { deviceId + (moduleId.map { "/" + $0 } ?? "") }

    public func evaluate(in context: CheckContext) async throws -> CheckOutcome {
        let expected = "\(path) of \(target)'s twin " + (equals.map { "equals " + $0.serialized(.compact) } ?? (exists ? "exists" : "is absent"))
        guard let hub = await context.hub(hubName) else { return CheckContext.noHub(hubName, expected: expected) }
        guard let twin = try await Self.twin(of: deviceId, moduleId: moduleId, in: hub) else {
            return CheckOutcome(passed: false, expected: expected, actual: "\(target) is not registered on \(hubName)")
        }
        let value = twin.value(atDottedPath: path)
        let actual = value.map { "\(path) is " + $0.serialized(.compact) } ?? "\(path) is absent"
        let passed = if let equals { value == equals } else { (value != nil) == exists }
        return CheckOutcome(passed: passed, expected: expected, actual: actual)
    }

    /// The twin, or `nil` when the device or module is not registered.
    static func twin(of deviceId: String, moduleId: String?, in hub: IoTHub) async throws -> JSONValue? {
        do {
            if let moduleId { return try await hub.moduleTwin(of: moduleId, on: deviceId) }
            return try await hub.twin(of: deviceId)
        } catch HubError.deviceNotFound, HubError.moduleNotFound {
            return nil
        }
    }
}
