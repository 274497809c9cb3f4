import HubEngine

/// `device: {id, module, auth, edge, status}`: a device (or module) identity is registered, with
/// the authentication type (`sas`, `selfSigned`, `certificateAuthority`) and capability
/// (`edge: true` for an IoT Edge device) the lab asks for.
public struct IdentityCheck: LabCheckKind {
    public static let key = "device"
    let hubName: String
    let deviceId: String
    let moduleId: String?
    let authentication: AuthenticationType?
    let edge: Bool?
    let status: String?

    public init(_ field: YAMLCheckField) throws(LabDefinitionError) {
        hubName = field.hub
        let members = Dictionary(uniqueKeysWithValues: try field.field.members(allowing: ["id", "module", "auth", "edge", "status"]))
        deviceId = try field.field.required("id").nonEmptyString()
        moduleId = try members["module"]?.nonEmptyString()
        if let auth = members["auth"] {
            guard let type = AuthenticationType(rawValue: try auth.nonEmptyString()) else {
                throw auth.error("must be sas, selfSigned or certificateAuthority")
            }
            authentication = type
        } else {
            authentication = nil
        }
        edge = try members["edge"]?.bool()
        status = try members["status"]?.nonEmptyString()
        if moduleId != nil, edge != nil { throw field.field.error("'edge' is a device capability; a module has none") }
    }

    public var journalKinds: Set<String> { JournalKinds.registry }

    public func evaluate(in context: CheckContext) async throws -> CheckOutcome {
        let target = moduleId.map { "module \(deviceId)/\($0)" } ?? "device \(deviceId)"
        let expected = "\(target) registered" + (authentication.map { " with \($0.rawValue) authentication" } ?? "")
            + (edge.map { $0 ? ", IoT Edge enabled" : ", not IoT Edge" } ?? "") + (status.map { ", \($0)" } ?? "")
        guard let hub = await context.hub(hubName) else { return CheckContext.noHub(hubName, expected: expected) }
        guard let (type, isEdge, actualStatus) = try await Self.identity(deviceId, moduleId: moduleId, in: hub) else {
            return CheckOutcome(passed: false, expected: expected, actual: "\(target) is not registered on \(hubName)")
        }
        let actual = "\(target) registered with \(type.rawValue) authentication" + (isEdge.map { $0 ? ", IoT Edge enabled" : ", not IoT Edge" } ?? "")
            + (actualStatus.map { ", \($0)" } ?? "")
        let passed = (authentication == nil || authentication == type) && (edge == nil || edge == isEdge)
            && (status == nil || status == actualStatus)
        return CheckOutcome(passed: passed, expected: expected, actual: actual)
    }

    /// The identity's authentication type, edge capability and status (`nil` for a module), or
    /// `nil` when it is not registered.
    static func identity(_ deviceId: String, moduleId: String?, in hub: IoTHub) async throws
        -> (AuthenticationType, Bool?, String?)?
    {
        do {
            if let moduleId {
                let module = try await hub.module(moduleId, on: deviceId)
                return (module.authentication.type, nil, nil)
            }
            let device = try await hub.device(deviceId)
            return (device.authentication.type, device.iotEdge, device.status.rawValue)
        } catch HubError.deviceNotFound, HubError.moduleNotFound {
            return nil
        }
    }
}
